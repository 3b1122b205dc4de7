// A French site as a reader sees it: builds the `i18n-french-site` fixture,
// serves it and opens its guide page in Debian's headless Chromium at 390
// and 1366 px. Checks that the page says it is French, that its headings
// and labels are the theme's French messages, that no English label shows,
// and that the longer French wording fits (no sideways scrolling).
// Writes screenshots under target/browser-screenshots/i18n-fr-guide-*.png.
//
// Usage: node messages.mjs <path to the careergen binary>
// Prints one line per check and `browser: N passed, M failed`.

import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assert, build, launch, repo, serve, shots, tally } from './harness.mjs';

const { check, finish } = tally();

const site = mkdtempSync(join(tmpdir(), 'cg-i18n-'));
cpSync(join(repo, 'tests', 'fixtures', 'i18n-french-site'), site, { recursive: true });
const out = build(site, join(site, 'public'));

const { server, url: base } = await serve(out);
const url = `${base}charge-de-clientele/`;

const ENGLISH = ['Quick facts', 'per year', 'Median pay', 'What they do', 'How to become one', 'Job outlook', 'On this page', 'Similar occupations', 'Home'];
const FRENCH = ['En bref', 'par an', 'Salaire médian', 'Missions', 'Comment y accéder', 'Perspectives d’emploi'];

mkdirSync(shots, { recursive: true });
const browser = await launch();
try {
  for (const width of [390, 1366]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(url);
    const lang = await page.getAttribute('html', 'lang');
    await check(`${width}px: <html lang="fr">`, () => assert(lang === 'fr', lang));
    const text = await page.evaluate(() => document.body.innerText);
    for (const word of FRENCH) await check(`${width}px: shows “${word}”`, () => assert(text.includes(word), 'not shown'));
    const english = ENGLISH.filter((word) => text.includes(word));
    await check(`${width}px: no English label`, () => assert(english.length === 0, english.join(', ')));
    // The contents' title is set in capitals by CSS: read its text.
    const toc = await page.textContent('#toc__title');
    await check(`${width}px: contents title is “Sur cette page”`, () => assert(toc === 'Sur cette page', toc));
    const heading = await page.textContent('#quick-facts__title');
    await check(`${width}px: Quick facts heading is “En bref”`, () => assert(heading === 'En bref', heading));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await check(`${width}px: no sideways scrolling`, () => assert(overflow <= 0, `${overflow}px too wide`));
    await page.screenshot({ path: join(shots, `i18n-fr-guide-${width}.png`), fullPage: true });
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
finish();
