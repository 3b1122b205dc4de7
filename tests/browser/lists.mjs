// All careers and compare on a big site, as a reader uses them: builds a
// site of 10,000 generated guides (examples/gen_corpus.rs, seed 1; the
// generated content is kept under target/browser-corpus/ between runs),
// serves it from a local static server and checks in Debian's headless
// Chromium (driven by playwright-core) that sorting and every filter of
// All careers work over all guides, from data fetched only once the reader
// asks, and that choosing two careers to compare with the keyboard alone
// downloads under 30 KB. Prints what it measured; writes screenshots at 390
// and 1366 px, light and dark, under target/browser-screenshots/.
//
// Usage: node lists.mjs <path to the careergen binary>
// Environment: CG_LIST_GUIDES (default 10000) sets the site's size;
// CG_LIST_PUBLIC names a site already built from that corpus, to skip the build.
// Prints one line per check and `browser: N passed, M failed`; exits 1 on
// any failure.

import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assert, build, corpus, equal, launch, serve, shots, tally } from './harness.mjs';

const GUIDES = Number(process.env.CG_LIST_GUIDES ?? 10_000);
// A 10,000-guide page is big and the machine is shared: be patient.
const TIMEOUT = 60_000;
/** Issue 13: what choosing two careers to compare may download (bytes). */
const COMPARE_BUDGET = 30_000;
/** Issue 13: the most any script or data file a page fetches may weigh (bytes). */
const FILE_BUDGET = 200 * 1024;
const PAGE = 50;

const { check, setupFailed, finish } = tally();

const work = mkdtempSync(join(tmpdir(), 'careergen-lists-'));

/* ---- what the data says: the oracle ---------------------------------- */

/** Every guide as the All careers data files give it, in title order. */
function listData(out) {
  const dir = join(out, 'all-careers', 'data');
  const manifest = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
  const rows = [];
  for (const { file } of manifest.chunks) {
    const c = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    c.slug.forEach((slug, i) => rows.push({
      order: rows.length, slug, title: c.title[i], median: c.median[i], entry: c.entry[i], top: c.top[i],
      growth: c.growth[i], education: c.education[i], category: c.category[i], sitePay: c.site_pay[i],
    }));
  }
  return { manifest, rows };
}

const SORT_ON = {
  title: (r) => r.title.toLowerCase(),
  median: (r) => r.median,
  entry: (r) => r.entry,
  top: (r) => r.top,
  growth: (r) => r.growth,
  outlook: (r) => r.growth,
  education: (r) => r.education,
};

/** The slugs in the order a sort by `key` must give: missing values last, ties in title order. */
function expectedOrder(rows, key, ascending) {
  const on = SORT_ON[key];
  return [...rows].sort((a, b) => {
    const x = on(a);
    const y = on(b);
    if (x == null || y == null) return x == null && y == null ? a.order - b.order : x == null ? 1 : -1;
    const c = typeof x === 'string' ? x.localeCompare(y) : x - y;
    return (ascending ? c : -c) || a.order - b.order;
  }).map((r) => r.slug);
}

function words(text) {
  return text.toLowerCase().split(/[^\p{Alphabetic}\p{N}]+/u).filter(Boolean).join(' ');
}

/* ---- the run --------------------------------------------------------- */

let browser;
let site;
try {
  const started = Date.now();
  // CG_LIST_PUBLIC: a site already built from the corpus, to look again without rebuilding.
  const out = process.env.CG_LIST_PUBLIC || build(corpus(GUIDES), join(work, 'public'));
  console.log(`      built ${GUIDES} guides in ${((Date.now() - started) / 1000).toFixed(0)} s (generating included when not kept)`);
  site = await serve(out);
  const url = site.url;
  const data = listData(out);
  mkdirSync(shots, { recursive: true });

  browser = await launch();
  const contextFor = (width, colorScheme, extra = {}) => browser.newContext({
    viewport: { width, height: width < 800 ? 844 : 900 }, colorScheme, reducedMotion: 'reduce', ...extra,
  });
  const desktop = await contextFor(1366, 'light');

  /** Opens `path`, recording every response and its size in bytes. */
  async function open(context, path) {
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    page.errors = [];
    page.responses = [];
    page.on('pageerror', (error) => page.errors.push(String(error)));
    page.on('response', (response) => {
      page.responses.push(response.body().then((body) => ({ url: response.url(), bytes: body.length }), () => ({ url: response.url(), bytes: 0 })));
    });
    await page.goto(url + path, { waitUntil: 'load' });
    await page.bringToFront();
    return page;
  }

  async function responses(page, since = 0) {
    return (await Promise.all(page.responses)).slice(since);
  }

  const statusText = (page) => page.evaluate(() => document.querySelector('[data-cg-career-count]').textContent);
  const waitStatus = (page, pattern) => page.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector('[data-cg-career-count]').textContent),
    pattern.source, { timeout: TIMEOUT },
  );
  const shownSlugs = (page) => page.$$eval('table.careers-table tbody th a', (as) => as.map((a) => new URL(a.href).pathname.split('/').filter(Boolean).pop()));
  const n = (count) => count.toLocaleString('en');

  /* All careers. */
  let allCareers;
  await check(`all careers at ${n(GUIDES)} guides: nothing is fetched for sorting or filtering until the reader asks`, async () => {
    allCareers = await open(desktop, 'all-careers/');
    await allCareers.waitForSelector('table.careers-table .cg-sort');
    const fetched = (await responses(allCareers)).filter((r) => r.url.includes('/all-careers/data/'));
    equal(fetched, [], 'list data fetched on load');
    const form = await allCareers.evaluate(() => {
      const f = document.querySelector('form[data-cg-career-filters]');
      return { hidden: f.hidden, labelled: [...f.querySelectorAll('input, select')].every((c) => c.labels.length === 1) };
    });
    equal(form, { hidden: false, labelled: true }, 'the filter form');
    // As on a paginated list, the page holds some guides only: keep 20 rows.
    await allCareers.evaluate(() => {
      const body = document.querySelector('table.careers-table tbody');
      while (body.rows.length > 20) body.deleteRow(20);
    });
  });

  await check('all careers: every column sorts all guides, both ways, a page at a time', async () => {
    const page = allCareers;
    const keys = await page.$$eval('table.careers-table thead th', (ths) => ths.map((th) => th.getAttribute('data-cg-key')));
    equal(keys, ['title', 'median', 'entry', 'top', 'growth', 'outlook', 'education'], 'columns');
    const names = await page.$$eval('table.careers-table thead th', (ths) => ths.map((th) => th.textContent.trim()));
    const problems = [];
    for (let c = 0; c < keys.length; c++) {
      for (const ascending of [true, false]) {
        await page.locator('thead .cg-sort').nth(c).click();
        const direction = ascending ? 'ascending' : 'descending';
        await waitStatus(page, new RegExp(`Sorted by ${names[c]}, ${direction}\\.`));
        const state = await page.locator('thead th').nth(c).getAttribute('aria-sort');
        if (state !== direction) problems.push(`${keys[c]}: aria-sort ${state}`);
        const expected = expectedOrder(data.rows, keys[c], ascending);
        const shown = await shownSlugs(page);
        if (JSON.stringify(shown) !== JSON.stringify(expected.slice(0, PAGE))) {
          problems.push(`${keys[c]} ${direction}: first page ${shown.slice(0, 3).join(', ')}…, expected ${expected.slice(0, 3).join(', ')}…`);
        }
      }
    }
    const status = await statusText(page);
    assert(status.startsWith(`${n(GUIDES)} careers.`), `status: ${status}`);
    const where = await page.textContent('.cg-results-pages__where');
    equal(where, `Page 1 of ${Math.ceil(GUIDES / PAGE)}`, 'pages');
    // The last page ends with the guides that have no education level.
    await page.click('.cg-results-pages__button[data-page="Next"]');
    const second = await shownSlugs(page);
    const expected = expectedOrder(data.rows, 'education', false);
    equal(second, expected.slice(PAGE, 2 * PAGE), 'page 2, education descending');
    assert(page.errors.length === 0, `script errors: ${page.errors.join('; ')}`);
    assert(problems.length === 0, problems.join('\n'));
  });

  const category = data.manifest.categories[0];
  const FILTERS = [
    ['title text', { q: 'analyst' }, (r) => words(r.title).includes('analyst')],
    [`category (${category[1]})`, { category: category[0] }, (r) => r.category === 0],
    ['education (bachelors)', { education: 'bachelors' }, (r) => data.manifest.education[r.education]?.[0] === 'bachelors'],
    ['pay range ($50,000 to $80,000)', { min: '50000', max: '80000' }, (r) => r.sitePay != null && r.sitePay >= 50000 && r.sitePay <= 80000],
    ['all at once', { q: 'analyst', education: 'bachelors', min: '50000' },
      (r) => words(r.title).includes('analyst') && data.manifest.education[r.education]?.[0] === 'bachelors' && r.sitePay >= 50000],
  ];
  for (const [name, values, matches] of FILTERS) {
    await check(`all careers: the ${name} filter keeps the matching guides of all ${n(GUIDES)} and says how many`, async () => {
      const page = await open(desktop, 'all-careers/');
      await page.waitForSelector('table.careers-table .cg-sort');
      for (const [field, value] of Object.entries(values)) {
        // The header's search box is named q too: address the form's fields.
        const control = `form[data-cg-career-filters] [name="${field}"]`;
        const tag = await page.$eval(control, (el) => el.tagName);
        if (tag === 'SELECT') await page.selectOption(control, value);
        else await page.fill(control, value);
      }
      await page.press('#cf-q', 'Enter');
      const expected = data.rows.filter(matches).map((r) => r.slug);
      assert(expected.length > 0, 'the filter matches no guide: a useless test');
      await waitStatus(page, new RegExp(`^${n(expected.length)} careers? match`));
      equal(await shownSlugs(page), expected.slice(0, PAGE), 'the first page of matches, in title order');
      const caption = await page.textContent('table.careers-table caption .count');
      equal(caption, `(${n(expected.length)} of ${n(GUIDES)} careers)`, 'the caption count');
      const live = await page.$eval('[data-cg-career-count]', (el) => el.getAttribute('role'));
      equal(live, 'status', 'the count is a live region');
      // The view is a link: opening it again gives the same rows.
      const link = page.url();
      for (const [field, value] of Object.entries(values)) assert(new URL(link).searchParams.get(field) === value, `${field} not in ${link}`);
      await page.close();
      const again = await open(desktop, link.slice(url.length));
      await waitStatus(again, new RegExp(`^${n(expected.length)} careers? match`));
      equal(await shownSlugs(again), expected.slice(0, PAGE), 'the same rows from the link');
      await again.close();
    });
  }

  await check('all careers: Clear filters shows every guide again', async () => {
    const page = await open(desktop, 'all-careers/?q=analyst');
    await waitStatus(page, /match/);
    await page.click('.career-filters button[type=reset]');
    await waitStatus(page, new RegExp(`^${n(GUIDES)} careers\\.`));
    equal(await shownSlugs(page), data.rows.slice(0, PAGE).map((r) => r.slug), 'first page');
    equal(new URL(page.url()).search, '', 'the URL has no filter left');
    await page.close();
  });

  await check(`all careers: no data file a page fetches passes ${FILE_BUDGET / 1024} KB`, async () => {
    const page = await open(desktop, 'all-careers/?q=a');
    await waitStatus(page, /match/);
    const got = (await responses(page)).filter((r) => !r.url.endsWith('/all-careers/?q=a'));
    await page.close();
    const data = got.filter((r) => r.url.includes('/all-careers/data/'));
    const total = data.reduce((sum, r) => sum + r.bytes, 0);
    const largest = Math.max(...got.map((r) => r.bytes));
    console.log(`      all careers data: ${data.length} files, ${n(total)} bytes in all, largest file ${n(largest)} bytes`);
    const over = got.filter((r) => r.bytes > FILE_BUDGET);
    equal(over, [], 'files over budget');
  });

  /* Compare. */
  const byTitle = new Map(data.rows.map((r) => [r.title, r.slug]));
  const picks = [data.rows[Math.floor(GUIDES / 3)], data.rows[Math.floor((2 * GUIDES) / 3)]];

  /** Types `title` a character at a time until it is suggested, arrows down to it and presses Enter. */
  async function choose(page, title) {
    await page.focus('#cg-compare-input');
    let typed = 0;
    for (const char of title.toLowerCase()) {
      await page.keyboard.type(char);
      typed += 1;
      // Wait for this keystroke's suggestions.
      await page.waitForFunction((t) => document.querySelector('#cg-compare-input').value.length === t
        && !document.querySelector('#cg-compare-listbox').hasAttribute('aria-busy')
        && document.querySelector('#cg-compare-status').textContent, typed);
      const options = await page.$$eval('#cg-compare-listbox:not([hidden]) [role=option]', (os) => os.map((o) => o.textContent));
      const at = options.indexOf(title);
      if (at < 0) continue;
      for (let i = 0; i <= at; i++) await page.keyboard.press('ArrowDown');
      const active = await page.$eval('#cg-compare-input', (input) => document.getElementById(input.getAttribute('aria-activedescendant'))?.textContent);
      equal(active, title, 'aria-activedescendant names the option');
      await page.keyboard.press('Enter');
      return typed;
    }
    throw new Error(`"${title}" was never suggested`);
  }

  await check(`compare at ${n(GUIDES)} guides: two careers chosen with the keyboard alone download under ${COMPARE_BUDGET / 1000} KB`, async () => {
    const page = await open(desktop, 'compare/');
    await page.waitForSelector('#cg-compare-input');
    const loaded = (await responses(page)).length;
    const typed = [];
    for (const [i, pick] of picks.entries()) {
      typed.push(await choose(page, pick.title));
      await page.waitForFunction((k) => document.querySelectorAll('.cg-compare__pick').length === k, i + 1);
    }
    await page.waitForSelector('.cg-compare__table');
    const heads = await page.$$eval('.cg-compare__table thead th a', (as) => as.map((a) => a.textContent));
    equal(heads, picks.map((p) => p.title), 'columns');
    equal(new URL(page.url()).search, `?c=${picks.map((p) => p.slug).join(',')}`, 'the URL');
    const got = await responses(page, loaded);
    await page.close();
    const total = got.reduce((sum, r) => sum + r.bytes, 0);
    const shards = got.filter((r) => r.url.includes('/compare/suggest/'));
    console.log(`      compare: typed ${typed.join(' and ')} characters; ${got.length} files, ${n(total)} bytes (${shards.length} suggestion shards, ${n(shards.reduce((s, r) => s + r.bytes, 0))} bytes)`);
    assert(!got.some((r) => r.url.endsWith('compare.json')), 'compare.json was fetched');
    assert(total < COMPARE_BUDGET, `${n(total)} bytes downloaded for two careers`);
  });

  await check('compare: typing a whole long title stays under the budget too', async () => {
    const page = await open(desktop, 'compare/');
    await page.waitForSelector('#cg-compare-input');
    const loaded = (await responses(page)).length;
    const longest = [...data.rows].sort((a, b) => b.title.length - a.title.length)[0];
    await page.focus('#cg-compare-input');
    await page.keyboard.type(longest.title.toLowerCase(), { delay: 20 });
    await page.waitForFunction((t) => [...document.querySelectorAll('#cg-compare-listbox [role=option]')].some((o) => o.textContent === t), longest.title);
    const status = await page.textContent('#cg-compare-status');
    const got = await responses(page, loaded);
    await page.close();
    const total = got.reduce((sum, r) => sum + r.bytes, 0);
    console.log(`      compare: typing "${longest.title}" whole: ${got.length} files, ${n(total)} bytes; "${status}"`);
    assert(total < COMPARE_BUDGET / 2, `${n(total)} bytes for one title`);
  });

  await check('compare: a shared link opens the same comparison, fetching only its guides', async () => {
    const slugs = picks.map((p) => p.slug);
    const page = await open(desktop, `compare/?c=${slugs.join(',')}`);
    await page.waitForSelector('.cg-compare__table');
    await page.waitForLoadState('networkidle');
    const heads = await page.$$eval('.cg-compare__table thead th a', (as) => as.map((a) => a.textContent));
    const json = (await responses(page)).filter((r) => r.url.endsWith('.json'));
    await page.close();
    equal(heads, picks.map((p) => p.title), 'columns');
    equal(json.map((r) => new URL(r.url).pathname), slugs.map((s) => `/compare/data/${s}.json`), 'files fetched');
    assert(byTitle.get(picks[0].title) === slugs[0], 'oracle');
  });

  /* Without JavaScript. */
  const noScript = await contextFor(1366, 'light', { javaScriptEnabled: false });
  await check('without JavaScript: All careers is the table in title order, with no filter form shown', async () => {
    const page = await open(noScript, 'all-careers/');
    const r = await page.evaluate(() => ({
      form: document.querySelector('form[data-cg-career-filters]').checkVisibility(),
      rows: document.querySelectorAll('table.careers-table tbody tr').length,
    }));
    const first = (await shownSlugs(page)).slice(0, 3);
    await page.close();
    equal(r.form, false, 'filter form visible');
    assert(r.rows > 0, 'no rows');
    equal(first, data.rows.slice(0, 3).map((row) => row.slug), 'first rows');
  });
  await check('without JavaScript: compare says what it needs and links to All careers', async () => {
    const page = await open(noScript, 'compare/?c=' + picks.map((p) => p.slug).join(','));
    const r = await page.evaluate(() => ({
      text: document.querySelector('[data-cg-compare]').textContent,
      link: document.querySelector('[data-cg-compare] a')?.getAttribute('href'),
    }));
    await page.close();
    assert(/needs JavaScript/.test(r.text), r.text);
    equal(r.link, '../all-careers/', 'link');
  });
  await noScript.close();

  /* Screenshots, to look at. */
  for (const width of [390, 1366]) {
    for (const scheme of ['light', 'dark']) {
      await check(`screenshots at ${width} px, ${scheme}: All careers filtered, compare with suggestions open`, async () => {
        const context = await contextFor(width, scheme);
        const page = await open(context, 'all-careers/?q=analyst&sort=median&order=desc');
        await waitStatus(page, /match/);
        const wide = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
        await page.screenshot({ path: join(shots, `lists-all-careers-chart-${width}-${scheme}.png`) });
        // The filters and the first rows of what they found.
        await page.evaluate(() => document.querySelector('form[data-cg-career-filters]').scrollIntoView());
        await page.screenshot({ path: join(shots, `lists-all-careers-${width}-${scheme}.png`) });
        await page.close();
        const compare = await open(context, `compare/?c=${picks.map((p) => p.slug).join(',')}`);
        await compare.waitForSelector('.cg-compare__table');
        await compare.focus('#cg-compare-input');
        await compare.keyboard.type('sen');
        await compare.waitForSelector('#cg-compare-listbox:not([hidden]) [role=option]');
        await compare.keyboard.press('ArrowDown');
        const wideCompare = await compare.evaluate(() => document.documentElement.scrollWidth > innerWidth);
        await compare.screenshot({ path: join(shots, `lists-compare-${width}-${scheme}.png`) });
        const errors = [...page.errors, ...compare.errors];
        await compare.close();
        await context.close();
        assert(!wide && !wideCompare, 'a page scrolls sideways');
        assert(errors.length === 0, `script errors: ${errors.join('; ')}`);
      });
    }
  }
  await allCareers?.close();
} catch (error) {
  setupFailed(error);
} finally {
  await browser?.close().catch(() => {});
  site?.server.close();
  rmSync(work, { recursive: true, force: true });
}

finish();
