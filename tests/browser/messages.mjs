// A French site as a reader sees it: builds the `i18n-french-site` fixture,
// serves it and opens its guide page in Debian's headless Chromium at 390
// and 1366 px. Checks that the page says it is French, that its headings
// and labels are the theme's French messages, that no English label shows,
// and that the longer French wording fits (no sideways scrolling).
// Writes screenshots under target/browser-screenshots/i18n-fr-guide-*.png.
//
// Usage: node messages.mjs <path to the careergen binary>
// Prints one line per check and `browser: N passed, M failed`.

import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const binary = process.argv[2] ?? join(repo, 'target', 'debug', 'careergen');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const shots = join(process.env.CARGO_TARGET_DIR ?? join(repo, 'target'), 'browser-screenshots');
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml', '.json': 'application/json' };

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `: ${detail}`}`);
}

const site = mkdtempSync(join(tmpdir(), 'cg-i18n-'));
cpSync(join(repo, 'tests', 'fixtures', 'i18n-french-site'), site, { recursive: true });
execFileSync(binary, ['build', '--root', site], { stdio: 'pipe' });
const out = join(site, 'public');

const server = createServer((req, res) => {
  let file = normalize(join(out, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
  if (!file.startsWith(out)) file = join(out, '404.html');
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) file = join(out, '404.html');
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/charge-de-clientele/`;

const ENGLISH = ['Quick facts', 'per year', 'Median pay', 'What they do', 'How to become one', 'Job outlook', 'On this page', 'Similar occupations', 'Home'];
const FRENCH = ['En bref', 'par an', 'Salaire médian', 'Missions', 'Comment y accéder', 'Perspectives d’emploi'];

mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
try {
  for (const width of [390, 1366]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(url);
    check(`${width}px: <html lang="fr">`, (await page.getAttribute('html', 'lang')) === 'fr');
    const text = await page.evaluate(() => document.body.innerText);
    for (const word of FRENCH) check(`${width}px: shows “${word}”`, text.includes(word));
    const english = ENGLISH.filter((word) => text.includes(word));
    check(`${width}px: no English label`, english.length === 0, english.join(', '));
    // The contents' title is set in capitals by CSS: read its text.
    const toc = await page.textContent('#toc__title');
    check(`${width}px: contents title is “Sur cette page”`, toc === 'Sur cette page', toc);
    const heading = await page.textContent('#quick-facts__title');
    check(`${width}px: Quick facts heading is “En bref”`, heading === 'En bref', heading);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check(`${width}px: no sideways scrolling`, overflow <= 0, `${overflow}px too wide`);
    await page.screenshot({ path: join(shots, `i18n-fr-guide-${width}.png`), fullPage: true });
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
