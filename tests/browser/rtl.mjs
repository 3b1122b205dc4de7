// A right-to-left site as an Arabic reader sees it: builds the fixture
// `tests/fixtures/i18n-rtl` (`language: ar`) with careergen, serves it and
// checks in Debian's headless Chromium, at 390 and 1366 px, that pages run
// right to left: `dir="rtl"`, no horizontal overflow, the header, menu,
// quick facts, tables and lists start at the right, figures in table
// columns sit at the end side, the pay chart reads from the right.
// Writes a screenshot of each page at both widths under
// target/browser-screenshots/rtl-*.png.
//
// Usage: node rtl.mjs <path to the careergen binary>
// Prints one line per check and `browser: N passed, M failed`; exits 1 on
// any failure.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assert, build, launch, repo, serve, shots, SOURCE_DATE_EPOCH, tally } from './harness.mjs';

const WIDTHS = [390, 1366];
/** How far from the right edge of its box a right-aligned thing may start (px). */
const SLACK = 48;

const PAGES = [
  ['home', ''],
  ['guide', 'account-manager/'],
  ['guide-percentiles', 'registered-nurse/'],
  ['all-careers', 'all-careers/'],
  ['browse', 'categories/sales/'],
  ['compare', 'compare/?c=account-manager,registered-nurse'],
  ['404', 'no-such-page/'],
];

const { check, setupFailed, finish } = tally({ lines: 8 });

const work = mkdtempSync(join(tmpdir(), 'careergen-rtl-'));
let browser;
let site;
try {
  const out = build(join(repo, 'tests', 'fixtures', 'i18n-rtl'), join(work, 'public'), { env: { SOURCE_DATE_EPOCH } });
  site = await serve(out);
  const base = site.url;
  mkdirSync(shots, { recursive: true });
  browser = await launch();

  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: width < 800 ? 844 : 900 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    for (const [kind, path] of PAGES) {
      await page.goto(base + path, { waitUntil: 'networkidle' });
      await page.screenshot({ path: join(shots, `rtl-${kind}-${width}.png`), fullPage: true });

      await check(`${kind} ${width}: <html lang="ar" dir="rtl">, laid out right to left`, async () => {
        const found = await page.evaluate(() => ({
          lang: document.documentElement.lang,
          dir: document.documentElement.dir,
          direction: getComputedStyle(document.body).direction,
        }));
        assert(found.lang === 'ar' && found.dir === 'rtl' && found.direction === 'rtl', JSON.stringify(found));
      });

      await check(`${kind} ${width}: no horizontal overflow`, async () => {
        const sizes = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
          // Anything sticking out at the left, where an RTL page overflows.
          left: Math.min(...[...document.querySelectorAll('body *')]
            .filter((e) => e.getClientRects().length && !e.closest('.visually-hidden, .skip-link, .cg-compare__scroll'))
            .map((e) => e.getBoundingClientRect().left)),
        }));
        assert(sizes.scroll <= sizes.client, `scrollWidth ${sizes.scroll} > ${sizes.client}`);
        assert(sizes.left >= -1, `an element starts at x = ${sizes.left}`);
      });

      await check(`${kind} ${width}: the site title starts at the right of the header`, async () => {
        const { title, header } = await page.evaluate(() => {
          const box = (s) => document.querySelector(s)?.getBoundingClientRect()?.toJSON();
          return { title: box('.site-header a'), header: box('.site-header__inner') ?? box('.site-header') };
        });
        assert(title && header, 'no header title');
        assert(header.right - title.right <= SLACK, `title ends at ${title.right}, header at ${header.right}`);
      });

      await check(`${kind} ${width}: headings and paragraphs of the main text start at the right`, async () => {
        const misaligned = await page.evaluate(() => [...document.querySelectorAll('main h1, main h2, main p')]
          .filter((e) => e.getClientRects().length && !e.closest('.visually-hidden, table, figure, .chart'))
          .map((e) => ({ e, style: getComputedStyle(e) }))
          .filter(({ style }) => !['start', 'right'].includes(style.textAlign) || style.direction !== 'rtl')
          .map(({ e, style }) => `${e.tagName} ${style.textAlign} ${style.direction}: ${e.textContent.trim().slice(0, 30)}`));
        assert(misaligned.length === 0, misaligned.join('; '));
      });
    }

    await page.goto(base + 'account-manager/', { waitUntil: 'networkidle' });
    await check(`guide ${width}: quick facts name each fact at the right, its value left of it`, async () => {
      const rows = await page.evaluate(() => [...document.querySelectorAll('#quick-facts tr')]
        .filter((r) => r.querySelector('th') && r.querySelector('td'))
        .map((r) => ({ th: r.querySelector('th').getBoundingClientRect().toJSON(), td: r.querySelector('td').getBoundingClientRect().toJSON(),
          table: r.closest('table').getBoundingClientRect().toJSON(), align: getComputedStyle(r.querySelector('th')).textAlign })));
      assert(rows.length >= 3, `${rows.length} quick-fact rows`);
      for (const { th, td, table, align } of rows) {
        assert(['start', 'right'].includes(align), `fact names aligned ${align}`);
        if (td.top < th.bottom - 1 && th.top < td.bottom - 1) {
          assert(th.left >= td.right - 1, `name at ${th.left}–${th.right}, value at ${td.left}–${td.right}`);
        }
        assert(table.right - th.right <= SLACK, `fact name ends ${table.right - th.right}px from the table's right`);
      }
    });

    await check(`guide ${width}: the pay chart's labels are at the right, its bars grow from the right`, async () => {
      const chart = await page.evaluate(() => {
        const svg = document.querySelector('.cg-chart--pay');
        if (!svg) return null;
        const box = (e) => e.getBoundingClientRect().toJSON();
        return {
          svg: box(svg),
          labels: [...svg.querySelectorAll('.cg-chart__label')].map(box),
          values: [...svg.querySelectorAll('.cg-chart__value')].map(box),
          bars: [...svg.querySelectorAll('.cg-chart__bar')].map(box),
        };
      });
      assert(chart, 'no pay chart');
      const middle = chart.svg.left + chart.svg.width / 2;
      for (const label of chart.labels) assert(label.left > middle && chart.svg.right - label.right < 4, `label at ${label.left}–${label.right} in ${chart.svg.left}–${chart.svg.right}`);
      for (const value of chart.values) assert(value.right < middle + 1 && value.left - chart.svg.left < 4, `value at ${value.left}–${value.right}`);
      for (const bar of chart.bars) assert(chart.svg.right - bar.right < 4, `bar at ${bar.left}–${bar.right} does not start at the right`);
    });

    await check(`guide ${width}: lists are indented at the right`, async () => {
      const lists = await page.evaluate(() => [...document.querySelectorAll('main ul, main ol')]
        .filter((l) => l.getClientRects().length && parseFloat(getComputedStyle(l).paddingRight) > 0)
        .map((l) => ({ right: parseFloat(getComputedStyle(l).paddingRight), left: parseFloat(getComputedStyle(l).paddingLeft) })));
      assert(lists.length > 0, 'no list indented at the right');
      assert(lists.every((l) => l.right > l.left), JSON.stringify(lists));
    });

    await check(`guide ${width}: numbers in a Markdown table column sit at its end side (left)`, async () => {
      const cells = await page.evaluate(() => [...document.querySelectorAll('main td.align-right')]
        .map((td) => ({ align: getComputedStyle(td).textAlign })));
      assert(cells.length > 0, 'no right-aligned column');
      assert(cells.every((c) => c.align === 'end'), JSON.stringify(cells));
    });

    await page.goto(base + 'all-careers/', { waitUntil: 'networkidle' });
    await check(`all-careers ${width}: the first column is at the right`, async () => {
      const cells = await page.evaluate(() => {
        const row = document.querySelector('.careers-table tbody tr');
        return row ? [...row.children].filter((c) => c.getClientRects().length).map((c) => c.getBoundingClientRect().left) : [];
      });
      assert(cells.length >= 2, `${cells.length} cells`);
      if (width > 800) assert(cells[0] > cells[1], `first cell at ${cells[0]}, second at ${cells[1]}`);
    });
    await context.close();
  }
} catch (error) {
  setupFailed(error);
} finally {
  await browser?.close();
  site?.server.close();
  rmSync(work, { recursive: true, force: true });
}

finish();
