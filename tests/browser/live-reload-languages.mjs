// Live reload of a site in two languages: starts `careergen serve
// --output` on a copy of the example site (English and Spanish), opens a
// Spanish guide and an English one in Debian's headless Chromium, edits
// the Spanish guide's text on disk and checks that the Spanish page
// follows by itself while the English page neither reloads nor has any
// of its files written again.
//
// Usage: node live-reload-languages.mjs <path to the careergen binary>
// Prints one line per check and `browser: N passed, M failed`; exits 1 on
// any failure. Screenshots go to target/browser-screenshots/.

import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chromium } from 'playwright-core';
import { assert, binary, LAUNCH, repo, shots, SOURCE_DATE_EPOCH, tally } from './harness.mjs';

const TIMEOUT = 20_000;

const work = mkdtempSync(join(tmpdir(), 'careergen-browser-'));
const site = join(work, 'site');
const output = join(work, 'public');
mkdirSync(site);
cpSync(join(repo, 'config.yaml'), join(site, 'config.yaml'));
for (const dir of ['content', 'themes', 'data']) {
  cpSync(join(repo, dir), join(site, dir), { recursive: true });
}
const spanish = join(site, 'content', 'account-manager.es.md');
const good = readFileSync(spanish, 'utf8');
const SENTENCE = 'Esta frase llegó sin recargar a mano.';

let server;
let context;
let printed = '';
const { check, setupFailed, finish } = tally({ stack: true });

/** Starts serve on a free port, writing to `output`; resolves with its URL. */
function startServer() {
  return new Promise((resolve, reject) => {
    server = spawn(binary, ['serve', '--root', site, '--port', '0', '--output', output], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH },
    });
    let err = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${printed}\n${err}`)), TIMEOUT);
    server.stdout.on('data', (chunk) => {
      printed += chunk;
      const match = printed.match(/serving at (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    server.stderr.on('data', (chunk) => {
      err += chunk;
    });
    server.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${err}`)));
  });
}

/** Every file below `dir` with the time it was last written. */
function writtenTimes(dir) {
  const times = new Map();
  const walk = (at) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else times.set(relative(dir, path), statSync(path).mtimeMs);
    }
  };
  walk(dir);
  return times;
}

const mark = (page) => page.evaluate(() => { window.__careergenMark = true; });
const marked = (page) => page.evaluate(() => window.__careergenMark === true);

try {
  const url = await startServer();
  mkdirSync(shots, { recursive: true });
  const profile = mkdtempSync(join(work, 'profile-'));
  context = await chromium.launchPersistentContext(profile, {
    ...LAUNCH,
    viewport: { width: 1366, height: 900 },
    args: ['--headless', ...LAUNCH.args],
  });
  const es = context.pages()[0] ?? (await context.newPage());
  await es.goto(`${url}es/gerente-de-cuentas/`);
  const en = await context.newPage();
  await en.goto(`${url}account-manager/`);
  // Both pages listen for reloads before anything is edited.
  for (const page of [es, en]) {
    await page.waitForFunction(() => document.documentElement.lang !== '', null, { timeout: TIMEOUT });
    await mark(page);
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  const before = writtenTimes(output);

  await check('a Spanish guide edited on disk shows its new text without any action in the page', async () => {
    writeFileSync(spanish, good.replace(/\n---\n/, `\n---\n${SENTENCE}\n\n`));
    await es.waitForFunction((s) => document.body.innerText.includes(s), SENTENCE, { timeout: TIMEOUT });
    assert(!(await marked(es)), 'the Spanish page did not reload');
    for (const width of [390, 1366]) {
      await es.setViewportSize({ width, height: 900 });
      await es.getByText(SENTENCE).scrollIntoViewIfNeeded();
      await es.screenshot({ path: join(shots, `live-reload-spanish-${width}.png`) });
    }
  });

  await check('the English page is neither reloaded nor written again', async () => {
    // The edit's rebuild is published: give a stray reload time to come.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert(await marked(en), 'the English page reloaded');
    const after = writtenTimes(output);
    const rewritten = [...after].filter(([path, time]) => before.get(path) !== time).map(([path]) => path);
    assert(
      rewritten.length === 1 && rewritten[0] === join('es', 'gerente-de-cuentas', 'index.html'),
      `files written again: ${rewritten.join(', ')}`,
    );
  });

  await check('serve names the rebuild of the Spanish page alone', async () => {
    const line = printed.split('\n').find((l) => l.startsWith('content/account-manager.es.md changed'));
    assert(line, `no rebuild line:\n${printed}`);
    assert(/rendered \d+ pages?, (read \d+ static files?, )?1 file updated/.test(line), line);
    console.log(`      ${line}`);
  });
} catch (error) {
  setupFailed(error);
} finally {
  await context?.close().catch(() => {});
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGINT');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  }
  rmSync(work, { recursive: true, force: true });
}

finish();
