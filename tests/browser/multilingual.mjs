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

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, equal, launch, repo, serve, shots, SOURCE_DATE_EPOCH, tally } from './harness.mjs';

const TIMEOUT = 10_000;
const WIDTHS = [390, 1366];

const { check, finish } = tally();

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
const out = build(repo, join(work, 'example'), { env: { SOURCE_DATE_EPOCH } });
const { server, url } = await serve(out);
const browser = await launch();
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

finish();
