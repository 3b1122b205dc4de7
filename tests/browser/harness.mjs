// What every browser suite shares: where things are, the pass/fail tally
// that run.sh reads, building a site with the binary under test, a static
// server that answers as a host would, and Debian's Chromium.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

export const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The careergen binary: the suite's first argument. */
export const binary = process.argv[2] ?? join(repo, 'target', 'debug', 'careergen');
export const target = process.env.CARGO_TARGET_DIR ?? join(repo, 'target');
export const shots = join(target, 'browser-screenshots');
/** A fixed build date, so that dated pages and their screenshots do not change. */
export const SOURCE_DATE_EPOCH = '1794700800';

/* ---- checks ---------------------------------------------------------- */

/**
 * A pass/fail tally. `check(name, body)` runs `body` and prints `ok` or
 * `FAIL` with the first `lines` lines of the error (`stack: true`: its
 * whole stack, where a failure deep in the browser needs it); `finish()`
 * prints `<label>: N passed, M failed`, the line run.sh adds up, and exits
 * 1 on any failure.
 */
export function tally({ label = 'browser', stack = false, lines = stack ? Infinity : 12 } = {}) {
  let passed = 0;
  let failed = 0;
  return {
    async check(name, body) {
      try {
        await body();
        passed += 1;
        console.log(`ok    ${name}`);
      } catch (error) {
        failed += 1;
        const text = stack ? error?.stack ?? error : error?.message ?? error;
        console.log(`FAIL  ${name}\n      ${String(text).split('\n').slice(0, lines).join('\n      ')}`);
      }
    },
    /** Counts a failure outside any check: building, serving, launching. */
    setupFailed(error) {
      failed += 1;
      console.log(`FAIL  setup\n      ${String(error?.stack ?? error).split('\n').join('\n      ')}`);
    },
    finish() {
      console.log(`${label}: ${passed} passed, ${failed} failed`);
      process.exit(failed === 0 ? 0 : 1);
    },
  };
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export function equal(actual, expected, message) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${message}\n  expected ${JSON.stringify(expected)}\n  found    ${JSON.stringify(actual)}`);
  }
}

/* ---- sites ----------------------------------------------------------- */

/**
 * Builds the site at `root` into `out` with the binary under test; its
 * stderr is in the error on failure. `args` are more build flags, `env`
 * more environment (e.g. `{ SOURCE_DATE_EPOCH }`).
 */
export function build(root, out, { args = [], env = {}, stderr = 'pipe' } = {}) {
  execFileSync(binary, ['build', '--root', root, '--output', out, ...args], {
    stdio: ['ignore', 'ignore', stderr],
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return out;
}

/**
 * The content of `guides` generated guides (examples/gen_corpus.rs, seed
 * 1), made once and kept under target/browser-corpus/: generating is slow.
 * Made again when the generator changes.
 */
export function corpus(guides) {
  const dir = join(target, 'browser-corpus', `gen-${guides}-seed-1`);
  const done = join(dir, '.complete');
  const generator = readFileSync(join(repo, 'examples', 'gen_corpus.rs'), 'utf8');
  if (existsSync(done) && readFileSync(done, 'utf8') === String(generator.length)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dirname(dir), { recursive: true });
  execFileSync('cargo', ['run', '--quiet', '--example', 'gen_corpus', '--', '--guides', String(guides), '--out', dir, '--seed', '1'], {
    cwd: repo, stdio: ['ignore', 'ignore', 'inherit'],
  });
  writeFileSync(done, String(generator.length));
  return dir;
}

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
};

/** What `gzip` compresses: text; Pagefind's index files are gzip already. */
const GZIP = new Set(['.html', '.css', '.js', '.json']);

/**
 * Serves `dir` on 127.0.0.1 and a free port as a static host does: a
 * folder's index.html, a folder without its slash redirected, 404.html
 * with status 404. Options: `prefix`, the sub-path the site is deployed
 * below; `gzip`, compress text for browsers that accept it; `headers`,
 * sent on every response. Resolves with `{ server, url }`, `url` ending
 * in the prefix.
 */
export function serve(dir, { prefix = '/', gzip = false, headers = {} } = {}) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404, headers).end();
      return;
    }
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (file !== dir && !file.startsWith(dir + sep)) {
      res.writeHead(400, headers).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { ...headers, location: `${path}/` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    let status = 200;
    if (!existsSync(file) || !statSync(file).isFile()) {
      status = 404;
      file = join(dir, '404.html');
      if (!existsSync(file)) {
        res.writeHead(404, headers).end();
        return;
      }
    }
    let body = readFileSync(file);
    const head = { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
    if (gzip && GZIP.has(extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      body = gzipSync(body, { level: 6 });
      head['content-encoding'] = 'gzip';
      head.vary = 'accept-encoding';
    }
    res.writeHead(status, head);
    res.end(body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}${prefix}` }));
  });
}

/* ---- the browser ----------------------------------------------------- */

/** Debian's Chromium, never a downloaded one; quiet: no sandbox, GPU or background traffic. */
export const LAUNCH = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
};

export function launch() {
  return chromium.launch(LAUNCH);
}
