// Where figures come from, as a reader meets it in a real browser: builds
// the `data-fill` fixture (official data, `region: CA`) and checks, in
// Debian's headless Chromium at 390 and 1366 px, light and dark, that each
// Quick facts figure's source letter is seen, named for screen readers,
// big enough to tap and leads to its entry in Sources; that listings show
// the home state's median and a Sources line; and that the compare table
// says where its figures come from. Writes screenshots under
// target/browser-screenshots/figure-sources-*.png.
//
// Usage: node figure-sources.mjs <path to the careergen binary>
// Prints one line per check and `browser: N passed, M failed`.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assert, build, launch, repo, serve, shots, SOURCE_DATE_EPOCH, tally } from './harness.mjs';

const TIMEOUT = 10_000;

const { check, finish } = tally();

const work = mkdtempSync(join(tmpdir(), 'careergen-sources-'));
const out = build(join(repo, 'tests', 'fixtures', 'data-fill'), join(work, 'public'), { env: { SOURCE_DATE_EPOCH } });
const { server, url } = await serve(out);

mkdirSync(shots, { recursive: true });
const browser = await launch();
try {
  for (const width of [390, 1366]) {
    for (const scheme of ['light', 'dark']) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, reducedMotion: 'reduce' });
      const label = `${width} px ${scheme}`;

      await check(`guide at ${label}: each Quick facts figure's source letter is seen, named and leads to its source`, async () => {
        const page = await context.newPage();
        page.setDefaultTimeout(TIMEOUT);
        await page.goto(url + 'registered-nurse/', { waitUntil: 'load' });
        const markers = await page.$$eval('.facts-table .source-marker a', (as) => as.map((a) => {
          const r = a.getBoundingClientRect();
          const cs = getComputedStyle(a);
          return { text: a.textContent, name: a.getAttribute('aria-label'), href: a.getAttribute('href'), w: r.width, h: r.height, right: r.right, color: cs.color, visible: a.checkVisibility() };
        }));
        const problems = [];
        if (markers.length < 5) problems.push(`${markers.length} markers`);
        for (const m of markers) {
          if (!m.visible) problems.push(`${m.text} not visible`);
          // The visible letter is part of the name (WCAG 2.5.3, label in name).
          if (!(m.name ?? '').startsWith(`Source ${m.text}: `)) problems.push(`${m.text} named ${m.name}`);
          // WCAG 2.2 target size (minimum): 24 × 24 px, or spaced apart.
          if (m.w < 18 || m.h < 18) problems.push(`${m.text} is ${m.w.toFixed(1)} × ${m.h.toFixed(1)} px`);
          if (m.right > width) problems.push(`${m.text} runs off the screen at ${m.right}`);
        }
        const docWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        if (docWidth > width) problems.push(`page is ${docWidth} px wide`);
        await page.locator('.facts-table').screenshot({ path: join(shots, `figure-sources-facts-${width}-${scheme}.png`) });
        // Following the first letter lands on its Sources entry, highlighted.
        await page.locator('.facts-table .source-marker a').first().click();
        const target = await page.evaluate(() => {
          const li = document.querySelector(':target');
          if (!li) return null;
          const r = li.getBoundingClientRect();
          return { id: li.id, marker: li.querySelector('.source-marker')?.textContent, top: r.top, bottom: r.bottom, background: getComputedStyle(li).backgroundColor };
        });
        if (!target) problems.push('no :target after following the letter');
        else {
          if (target.id !== 'source-bls-oews') problems.push(`landed on ${target.id}`);
          if (target.marker !== 'a') problems.push(`the entry shows ${target.marker}`);
          if (target.top < 0 || target.bottom > 900) problems.push(`the entry is off screen (${target.top}–${target.bottom})`);
        }
        await page.locator('#sources').screenshot({ path: join(shots, `figure-sources-sources-${width}-${scheme}.png`) });
        await page.close();
        assert(problems.length === 0, problems.join('\n'));
      });

      await check(`all careers at ${label}: the home state's median sits under the national one, and a Sources line follows the table`, async () => {
        const page = await context.newPage();
        page.setDefaultTimeout(TIMEOUT);
        await page.goto(url + 'all-careers/', { waitUntil: 'load' });
        const r = await page.evaluate(() => {
          const home = [...document.querySelectorAll('.home-pay')];
          const line = document.querySelector('.figures-source');
          const cell = home[0]?.closest('td');
          return {
            home: home.map((h) => h.textContent),
            homeBelow: home[0] ? home[0].getBoundingClientRect().top >= cell.firstChild.parentElement.getBoundingClientRect().top : false,
            line: line?.textContent.replace(/\s+/g, ' ').trim(),
            lineVisible: !!line && line.checkVisibility(),
            docWidth: document.documentElement.scrollWidth,
          };
        });
        await page.screenshot({ path: join(shots, `figure-sources-all-careers-${width}-${scheme}.png`), fullPage: true });
        await page.close();
        const problems = [];
        if (!r.home.includes('California: $140,270 per year')) problems.push(`home-state figures: ${JSON.stringify(r.home)}`);
        if (!r.lineVisible) problems.push('no Sources line');
        if (!/^Sources: Pay: U\.S\. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025/.test(r.line ?? '')) problems.push(`Sources line: ${r.line}`);
        if (r.docWidth > width) problems.push(`page is ${r.docWidth} px wide`);
        assert(problems.length === 0, problems.join('\n'));
      });

      await check(`compare at ${label}: a home-state row and the sources of the compared figures`, async () => {
        const page = await context.newPage();
        page.setDefaultTimeout(TIMEOUT);
        await page.goto(url + 'compare/?c=registered-nurse,sales-manager-cited', { waitUntil: 'load' });
        await page.waitForSelector('.cg-compare__sources');
        const r = await page.evaluate(() => ({
          rows: [...document.querySelectorAll('.cg-compare__table tbody th')].map((th) => th.textContent),
          sources: document.querySelector('.cg-compare__sources').textContent,
          docWidth: document.documentElement.scrollWidth,
        }));
        await page.locator('.cg-compare__result').screenshot({ path: join(shots, `figure-sources-compare-${width}-${scheme}.png`) });
        await page.close();
        const problems = [];
        if (r.rows[1] !== 'Median pay in California') problems.push(`rows: ${r.rows.join(' | ')}`);
        if (!r.sources.includes('Pay (Registered nurse): U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025')) problems.push(`sources: ${r.sources}`);
        if (!r.sources.includes('Pay (Sales manager (cited)): Regional pay survey 2025')) problems.push(`sources: ${r.sources}`);
        if (r.docWidth > width) problems.push(`page is ${r.docWidth} px wide`);
        assert(problems.length === 0, problems.join('\n'));
      });
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
  rmSync(work, { recursive: true, force: true });
}
finish();
