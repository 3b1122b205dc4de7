// Live reload in a real browser: starts `careergen serve` on a copy of the
// serve fixture site, opens a guide in Debian's headless Chromium (driven by
// playwright-core, never a downloaded browser), edits files on disk and
// waits for the page to follow with no action in the page.
//
// Usage: node live-reload.mjs <path to the careergen binary>
// Prints one line per check and `browser: N passed, M failed`; exits 1 on
// any failure.

import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { binary, LAUNCH, repo, tally } from './harness.mjs';

const TIMEOUT = 20_000;

const work = mkdtempSync(join(tmpdir(), 'careergen-browser-'));
const site = join(work, 'site');
cpSync(join(repo, 'tests', 'fixtures', 'serve-site'), site, { recursive: true });
cpSync(join(repo, 'themes'), join(site, 'themes'), { recursive: true });
const guide = join(site, 'content', 'beta.md');
const good = readFileSync(guide, 'utf8');

let server;
let context;
const { check, setupFailed, finish } = tally({ stack: true });

/** Starts serve on a free port; resolves with its URL. */
function startServer() {
  return new Promise((resolve, reject) => {
    server = spawn(binary, ['serve', '--root', site, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${out}\n${err}`)), TIMEOUT);
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/serving at (http:\/\/127\.0\.0\.1:\d+\/)/);
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

/** Whether the page reloaded since `mark()` was called. */
const mark = (page) => page.evaluate(() => { window.__careergenMark = true; });
const marked = (page) => page.evaluate(() => window.__careergenMark === true);

try {
  const url = await startServer();
  const profile = mkdtempSync(join(work, 'profile-'));
  context = await chromium.launchPersistentContext(profile, {
    ...LAUNCH,
    viewport: { width: 800, height: 400 },
    args: ['--headless', ...LAUNCH.args],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${url}beta/`);
  await page.waitForFunction(() => document.body.innerText.includes('Beta workers look after the second accounts.'), null, { timeout: TIMEOUT });

  await check('a summary edited on disk appears without any action in the page', async () => {
    writeFileSync(guide, good.replace('look after the second accounts', 'now run the second accounts'));
    await page.waitForFunction(() => document.body.innerText.includes('Beta workers now run the second accounts.'), null, { timeout: TIMEOUT });
  });

  await check('broken front matter shows the error overlay', async () => {
    writeFileSync(guide, good.replace('title: Beta worker', 'title: [Beta worker'));
    const overlay = await page.waitForSelector('#careergen-overlay', { timeout: TIMEOUT });
    const text = await overlay.innerText();
    if (!/content\/beta\.md:\d+:\d+: error: /.test(text)) {
      throw new Error(`the overlay does not name the error:\n${text}`);
    }
    // The last good page is still there under it.
    if (!(await page.evaluate(() => document.body.innerText.includes('Beta workers now run the second accounts.')))) {
      throw new Error('the last good page is gone');
    }
  });

  await check('fixing the front matter clears the overlay', async () => {
    writeFileSync(guide, good);
    await page.waitForSelector('#careergen-overlay', { state: 'detached', timeout: TIMEOUT });
    await page.waitForFunction(() => document.body.innerText.includes('Beta workers look after the second accounts.'), null, { timeout: TIMEOUT });
  });

  await check('a stylesheet edit swaps the stylesheet without reloading', async () => {
    await mark(page);
    const href = await page.evaluate(() => document.querySelector('link[rel~="stylesheet"]')?.href);
    if (!href) throw new Error('the page links no stylesheet');
    const rel = decodeURIComponent(new URL(href).pathname).replace(/^\//, '');
    const own = join(site, 'static', rel);
    const css = existsSync(own) ? own : join(site, 'themes', 'default', 'static', rel);
    writeFileSync(css, `${readFileSync(css, 'utf8')}\nbody { outline: 3px solid rgb(1, 2, 3); }\n`);
    await page.waitForFunction(() => getComputedStyle(document.body).outlineColor === 'rgb(1, 2, 3)', null, { timeout: TIMEOUT });
    if (!(await marked(page))) throw new Error('the page reloaded');
  });

  await check('a reload keeps the scroll position', async () => {
    writeFileSync(guide, `${good}\n${'More text for scrolling.\n\n'.repeat(80)}`);
    await page.waitForFunction(() => document.body.innerText.includes('More text for scrolling.'), null, { timeout: TIMEOUT });
    // At once, not with the theme's smooth scrolling: a reload that came
    // mid-animation would keep the position the animation had reached.
    await page.evaluate(() => window.scrollTo({ top: 600, behavior: 'instant' }));
    await page.waitForFunction(() => Math.abs(window.scrollY - 600) < 5, null, { timeout: TIMEOUT });
    await mark(page);
    writeFileSync(guide, `${good}\n${'More text for scrolling.\n\n'.repeat(80)}\nThe end.\n`);
    await page.waitForFunction(() => document.body.innerText.includes('The end.'), null, { timeout: TIMEOUT });
    if (await marked(page)) throw new Error('the page did not reload');
    await page.waitForFunction(() => Math.abs(window.scrollY - 600) < 5, null, { timeout: TIMEOUT });
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
