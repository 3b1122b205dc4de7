// The example site in English and Spanish, as a reader switches between
// them: builds it with careergen, serves the output from a local static
// server and, in Debian's headless Chromium (playwright-core), at 390 and
// 1366 px, follows the language switcher from the English account manager
// to the Spanish one and back, checks what each page says of its language
// (`<html lang>`, hreflang links, the current language marked) and that the
// switcher fits the header. Writes a screenshot of both pages at both widths
// under target/browser-screenshots/.
//
// Usage: node multilingual.mjs <path to the careergen binary>
// Prints one line per check and `browser: N passed, M failed`; exits 1 on
// any failure.

import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const binary = process.argv[2] ?? join(repo, 'target', 'debug', 'careergen');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const shots = join(process.env.CARGO_TARGET_DIR ?? join(repo, 'target'), 'browser-screenshots');
const TIMEOUT = 10_000;
const WIDTHS = [390, 1366];

let passed = 0;
let failed = 0;

async function check(name, body) {
  try {
    await body();
    passed += 1;
    console.log(`ok    ${name}`);
  } catch (error) {
    failed += 1;
    console.log(`FAIL  ${name}\n      ${String(error?.message ?? error).split('\n').slice(0, 12).join('\n      ')}`);
  }
}

function equal(actual, expected, message) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${message}\n  expected ${JSON.stringify(expected)}\n  found    ${JSON.stringify(actual)}`);
  }
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.ico': 'image/x-icon',
};

function serve(dir) {
  return new Promise((resolve) => {
    const server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(dir, path));
      if (!file.startsWith(dir)) file = join(dir, '404.html');
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      let status = 200;
      if (!existsSync(file)) {
        file = join(dir, '404.html');
        status = 404;
      }
      res.writeHead(status, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
    });
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}/` }));
  });
}

/** What the open page says of its language and its versions. */
function languageFacts(page) {
  return page.evaluate(() => {
    const switcher = document.querySelector('.language-switcher');
    const header = document.querySelector('.site-header').getBoundingClientRect();
    const box = switcher?.getBoundingClientRect();
    const visibleLinks = [...document.querySelectorAll('.language-switcher a')]
      .filter((a) => a.getBoundingClientRect().width > 2);
    return {
      lang: document.documentElement.lang,
      hreflang: [...document.querySelectorAll('link[rel=alternate][hreflang]')].map((l) => l.hreflang),
      links: [...document.querySelectorAll('.language-switcher a')].map((a) => ({
        text: a.textContent, lang: a.lang, hreflang: a.hreflang, current: a.getAttribute('aria-current'),
      })),
      visible: visibleLinks.map((a) => a.lang),
      // The switcher sits inside the header, within the viewport.
      inside: !!box && box.top >= header.top - 1 && box.bottom <= header.bottom + 1 && box.right <= innerWidth + 1,
      overflow: document.documentElement.scrollWidth > innerWidth + 1,
      stylesheet: [...document.styleSheets].some((s) => s.href?.endsWith('/style.css') && s.cssRules.length > 0),
    };
  });
}

const work = mkdtempSync(join(tmpdir(), 'careergen-i18n-'));
const out = join(work, 'example');
execFileSync(binary, ['build', '--root', repo, '--output', out], {
  stdio: ['ignore', 'ignore', 'pipe'],
  env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1794700800' },
});
const { server, url } = await serve(out);
const browser = await chromium.launch({ executablePath: chromiumPath });
mkdirSync(shots, { recursive: true });

try {
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));

    await check(`${width}px: the English guide offers Español and says it is English`, async () => {
      await page.goto(`${url}account-manager/`, { waitUntil: 'load' });
      const facts = await languageFacts(page);
      equal(facts.lang, 'en', 'html lang');
      equal(facts.hreflang, ['en', 'es', 'x-default'], 'hreflang links');
      equal(facts.links, [
        { text: 'English', lang: 'en', hreflang: 'en', current: 'page' },
        { text: 'Español', lang: 'es', hreflang: 'es', current: null },
      ], 'switcher links');
      equal(facts.inside, true, 'switcher inside the header');
      equal(facts.overflow, false, 'no sideways scrolling');
      equal(facts.stylesheet, true, 'the stylesheet loads');
      await page.screenshot({ path: join(shots, `i18n-guide-en-${width}.png`) });
    });

    await check(`${width}px: Español leads to the Spanish guide, in Spanish`, async () => {
      await page.click('.language-switcher a[hreflang=es]');
      await page.waitForURL(`${url}es/gerente-de-cuentas/`);
      const facts = await languageFacts(page);
      equal(facts.lang, 'es', 'html lang');
      equal(await page.textContent('h1'), 'Gerente de cuentas', 'heading');
      equal(facts.links.map((l) => [l.lang, l.current]), [['en', null], ['es', 'page']], 'current language marked');
      equal(facts.inside, true, 'switcher inside the header');
      equal(facts.overflow, false, 'no sideways scrolling');
      // Static files come from the site's root, below /es/ too.
      equal(facts.stylesheet, true, 'the stylesheet loads');
      if (width < 640) equal(facts.visible, ['en'], 'on a phone only the other language shows');
      await page.screenshot({ path: join(shots, `i18n-guide-es-${width}.png`) });
    });

    await check(`${width}px: English leads back to the English guide`, async () => {
      await page.click('.language-switcher a[hreflang=en]');
      await page.waitForURL(`${url}account-manager/`);
      equal((await languageFacts(page)).lang, 'en', 'html lang');
    });

    await check(`${width}px: the Spanish home lists Spanish guides, linked in Spanish`, async () => {
      await page.goto(`${url}es/`, { waitUntil: 'load' });
      const facts = await languageFacts(page);
      equal(facts.lang, 'es', 'html lang');
      const hrefs = await page.$$eval('main a', (as) => as
        .filter((a) => new URL(a.href).origin === location.origin)
        .map((a) => new URL(a.href).pathname));
      const outside = hrefs.filter((h) => !h.startsWith('/es/'));
      equal(outside, [], 'every link of the Spanish home stays in Spanish');
      await page.click('.language-switcher a[hreflang=en]');
      await page.waitForURL(url);
    });

    await check(`${width}px: no script errors`, async () => {
      equal(errors, [], 'page errors');
    });
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
  rmSync(work, { recursive: true, force: true });
}

console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
