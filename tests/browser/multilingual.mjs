// The example site in English and Spanish, as a reader switches between
// them: builds it with careergen, serves the output from a local static
// server and, in Debian's headless Chromium (playwright-core), at 390 and
// 1366 px, follows the language switcher from the English account manager
// to the Spanish one and back, checks what each page says of its language
// (`<html lang>`, hreflang links, the current language marked) and that the
// switcher fits the header; on the Spanish search, compare and All careers
// pages, uses each script and checks that what it writes, aria-labels
// included, is Spanish. Writes screenshots of these pages at both widths
// under target/browser-screenshots/.
//
// Usage: node multilingual.mjs <path to the careergen binary>
// Prints one line per check and `browser: N passed, M failed`; exits 1 on
// any failure.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assert, build, equal, launch, repo, serve, shots, SOURCE_DATE_EPOCH, tally } from './harness.mjs';

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

    /* What the scripts write on Spanish pages: visible text and the
       names screen readers announce, with no English among them. */
    const ENGLISH = /\b(career|careers|found|Search|Show|more of|Add|Remove|Comparing|Chosen|Loading|matches|match|Sorted|ascending|Did you mean|Suggested|Page \d+ of)\b/;
    const noEnglish = (text, where) => assert(!ENGLISH.test(text), `English in ${where}: ${text}`);

    await check(`${width}px: Spanish search says what it found, and what it did not, in Spanish`, async () => {
      await page.goto(`${url}es/search/?q=gerente`, { waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelector('[data-cg-search-heading]').textContent.includes('«'));
      const found = await page.textContent('[data-cg-search-heading]');
      assert(/^Resultados: \d+ carreras?( y \d+ artículos?)? para «gerente»$/.test(found), `heading: ${found}`);
      await page.screenshot({ path: join(shots, `i18n-search-es-${width}.png`), fullPage: true });
      await page.goto(`${url}es/search/?q=zzqxwv`, { waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelector('[data-cg-search-heading]').textContent.includes('«'));
      const none = await page.textContent('[data-cg-search-heading]');
      equal(none, 'No se encontraron carreras para «zzqxwv»', 'heading with no result');
      const help = await page.textContent('[data-cg-search-results]');
      assert(help.includes('Revise la ortografía') && help.includes('todas las carreras'), `help: ${help}`);
      noEnglish(help, 'the help');
      // The drop-down of the header's search box counts in Spanish too.
      await page.goto(`${url}es/`, { waitUntil: 'load' });
      if (width < 640) await page.click('.site-menu__button');
      await page.fill('#cg-site-search-q', 'cuentas');
      await page.waitForFunction(() => document.querySelector('#cg-site-search .cg-search__status')?.textContent);
      const status = await page.textContent('#cg-site-search .cg-search__status');
      assert(/^Resultados: \d+ carreras?( y \d+ artículos?)?$/.test(status), `suggestions status: ${status}`);
    });

    await check(`${width}px: Spanish compare speaks Spanish as careers are added and removed`, async () => {
      await page.goto(`${url}es/compare/`, { waitUntil: 'load' });
      await page.waitForSelector('#cg-compare-input');
      equal(await page.textContent('label[for=cg-compare-input]'), 'Añadir una carrera', 'the label');
      equal(await page.getAttribute('form.cg-compare__chooser', 'aria-label'), 'Elija las carreras que desea comparar', 'the form');
      equal(await page.getAttribute('#cg-compare-listbox', 'aria-label'), 'Carreras sugeridas', 'the listbox');
      const pick = async (typed, count) => {
        await page.fill('#cg-compare-input', typed);
        await page.waitForFunction((n) => document.querySelectorAll('#cg-compare-listbox:not([hidden]) [role=option]').length >= 1
          && document.querySelectorAll('.cg-compare__pick').length === n, count - 1);
        const status = await page.textContent('#cg-compare-status');
        assert(/^\d+ carreras? coinciden?\.$/.test(status), `status: ${status}`);
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
        await page.waitForFunction((n) => document.querySelectorAll('.cg-compare__pick').length === n, count);
      };
      await pick('gerente', 1);
      equal(await page.textContent('.cg-compare__hint'), 'Añada al menos una carrera más para comparar.', 'the hint');
      await pick('represent', 2);
      await page.waitForSelector('.cg-compare__table');
      equal(await page.textContent('.cg-compare__caption'), 'Comparación de Gerente de cuentas y Representante de ventas', 'the caption');
      const labels = await page.$$eval('.cg-compare__remove', (bs) => bs.map((b) => b.getAttribute('aria-label')));
      equal(labels, ['Quitar Gerente de cuentas', 'Quitar Representante de ventas'], 'remove buttons');
      const text = await page.textContent('[data-cg-compare]');
      noEnglish(text, 'the compare page');
      const rows = await page.$$eval('.cg-compare__table tbody th', (ths) => ths.map((th) => th.textContent));
      assert(rows.includes('Salario mediano'), `rows: ${rows}`);
      await page.screenshot({ path: join(shots, `i18n-compare-es-${width}.png`), fullPage: true });
      await page.click('.cg-compare__remove');
      await page.waitForFunction(() => document.querySelectorAll('.cg-compare__pick').length === 1);
      equal(await page.textContent('#cg-compare-status'), 'Se quitó Gerente de cuentas.', 'the status after removing');
    });

    await check(`${width}px: Spanish All careers filters and sorts in Spanish`, async () => {
      await page.goto(`${url}es/all-careers/`, { waitUntil: 'load' });
      await page.fill('form[data-cg-career-filters] input[name=q]', 'gerente');
      await page.waitForFunction(() => /coincide/.test(document.querySelector('[data-cg-career-count]').textContent));
      equal(await page.textContent('[data-cg-career-count]'), '1 carrera coincide.', 'the announcement');
      equal(await page.textContent('table.careers-table caption .count'), '(1 de 3 carreras)', 'the caption count');
      await page.fill('form[data-cg-career-filters] input[name=q]', 'zzqxwv');
      await page.waitForFunction(() => document.querySelector('.cg-results-none'));
      equal(await page.textContent('.cg-results-none'), 'Ninguna carrera coincide con estos filtros.', 'no rows');
      await page.fill('form[data-cg-career-filters] input[name=q]', '');
      await page.waitForFunction(() => /\(3 carreras\)/.test(document.querySelector('table.careers-table caption .count').textContent));
      // A phone shows the table as stacked cards, without sort buttons.
      if (width >= 640) {
        await page.click('table.careers-table thead th:nth-child(2) button');
        await page.waitForFunction(() => /Ordenadas/.test(document.querySelector('[data-cg-career-count]').textContent));
        const sorted = await page.textContent('[data-cg-career-count]');
        assert(/^3 carreras\. Ordenadas por Salario mediano, de forma ascendente\.$/.test(sorted), `announcement: ${sorted}`);
      }
      noEnglish(await page.textContent('main'), 'the All careers page');
      await page.screenshot({ path: join(shots, `i18n-all-careers-es-${width}.png`), fullPage: true });
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
