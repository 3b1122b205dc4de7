// Every kind of page, as a person sees it in a real browser: builds the
// example site, the small fixture site and the small site with two guides a
// list page (so that lists run to several pages) with careergen, serves the output
// from a local static server and checks, in Debian's headless Chromium
// (driven by playwright-core), the layout of every page kind at 320, 390,
// 1024 and 1366 px in light and dark, then what each feature does: search,
// compare, sorting, the header menu, keyboard use, no-JavaScript fallbacks.
// Writes a screenshot of each page kind at 390 and 1366 px under
// target/browser-screenshots/.
//
// Usage: node pages.mjs <path to the careergen binary>
// Prints one line per check and `browser: N passed, M failed`; exits 1 on
// any failure.

import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assert, build, equal, launch, repo, serve, shots, tally } from './harness.mjs';

const TIMEOUT = 10_000;

// 1024: the narrowest desktop, where a one-row header runs out of room.
const WIDTHS = [320, 390, 1024, 1366];
const SCHEMES = ['light', 'dark'];
/** Header height budget on a phone (px). */
const PHONE_HEADER_MAX = 120;
/** Header height budget on a desktop: one row (px). */
const DESKTOP_HEADER_MAX = 90;

/** One page of each kind: on the example site, or on the site named third. */
const KINDS = [
  ['home', ''],
  ['guide', 'account-manager/'],
  // A guide with official data: the pay-by-state map and table.
  ['guide-state-pay', 'sales-manager/'],
  ['browse-index', 'categories/'],
  ['browse', 'categories/sales/'],
  ['all-careers', 'all-careers/'],
  ['search', 'search/?q=manager'],
  ['search-none', 'search/?q=zzqxv'],
  ['compare', 'compare/?c=account-manager,sales-manager,financial-analyst'],
  ['404', 'no-such-page/'],
  // Lists cut into pages: a later page, with the pager.
  ['all-careers-page-2', 'all-careers/page/2/', 'paged'],
  ['browse-page-2', 'education/bachelors/page/2/', 'paged'],
  // The kinds besides guides: an article, a standalone page, a section's
  // list and its topics.
  ['article', 'advice/negotiate-your-salary/'],
  ['page', 'about/'],
  ['section', 'advice/'],
  ['topics', 'advice/topics/'],
  ['topic', 'advice/topics/job-search/'],
];

const { check, setupFailed, finish } = tally();

const work = mkdtempSync(join(tmpdir(), 'careergen-pages-'));

/* ---- measuring a page ------------------------------------------------ */

/** Layout facts of the open page, measured in the page. */
function measure(page) {
  return page.evaluate(() => {
    const rect = (el) => {
      const r = el.getBoundingClientRect();
      return { x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height, right: r.right + scrollX, bottom: r.bottom + scrollY };
    };
    const visible = (el) => {
      // Not rendered: display none, in a closed <details>, visibility hidden.
      if (!el || !el.checkVisibility({ visibilityProperty: true })) return false;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') return false;
      const r = el.getBoundingClientRect();
      // Visually hidden helpers are 1 px boxes: not seen.
      return r.width > 2 && r.height > 2;
    };
    const main = document.querySelector('main');
    const header = document.querySelector('.site-header');
    // The parts of a page that must never draw over each other.
    const parts = [...document.querySelectorAll(
      'main h1, main form, [data-cg-search-fallback], [data-cg-search-results] > *, .cg-search__suggestions, '
      + '.cg-search__status, .site-header form, .site-nav, .site-title, main caption, main .intro > *, '
      + '.cg-compare__scroll, .cg-compare__caption, .cg-compare__cue',
    )].filter(visible);
    const overlaps = [];
    for (let i = 0; i < parts.length; i++) {
      for (let j = i + 1; j < parts.length; j++) {
        const a = parts[i];
        const b = parts[j];
        if (a.contains(b) || b.contains(a)) continue;
        const ra = a.getBoundingClientRect();
        const rb = b.getBoundingClientRect();
        const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (w > 1 && h > 1) {
          const name = (el) => `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ').join('.') : ''}`;
          overlaps.push(`${name(a)} × ${name(b)}`);
        }
      }
    }
    // Text cut off inside its box: a caption or heading wider than itself.
    const clipped = [...document.querySelectorAll('main h1, main h2, main caption, main p, main label, main legend')]
      .filter(visible)
      .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > innerWidth + 1)
      .map((el) => `${el.tagName.toLowerCase()}: ${el.textContent.trim().slice(0, 60)}`);
    return {
      viewport: innerWidth,
      docWidth: document.documentElement.scrollWidth,
      body: rect(document.body),
      main: main ? rect(main) : null,
      header: header ? rect(header) : null,
      footer: document.querySelector('.site-footer') ? rect(document.querySelector('.site-footer')) : null,
      overlaps,
      clipped,
    };
  });
}

async function open(context, url) {
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url, { waitUntil: 'load' });
  // :focus matches only in the window that has focus.
  await page.bringToFront();
  // Let the scripts draw what they draw: search results, the compare
  // chooser, the sort buttons.
  if (context.scripts !== false) {
    await page.waitForFunction(() => {
      const q = new URLSearchParams(location.search).get('q');
      const results = document.querySelector('[data-cg-search-results]');
      if (results && q && q.trim() && !results.querySelector('.cg-search__results:not([hidden]), .cg-search__none')) return false;
      const compare = document.querySelector('[data-cg-compare]');
      if (compare && !compare.querySelector('.cg-compare__chooser')) return false;
      const sortable = document.querySelector('table[data-cg-sortable]');
      if (sortable && !sortable.querySelector('.cg-sort')) return false;
      return document.readyState === 'complete';
    });
  }
  page.errors = errors;
  return page;
}

/* ---- the run --------------------------------------------------------- */

let browser;
const servers = [];
try {
  const example = build(repo, join(work, 'example'));
  const small = build(join(repo, 'tests', 'fixtures', 'small-site'), join(work, 'small'));
  // The small site with two guides a page: All careers and a browse page
  // run to two pages.
  const pagedRoot = join(work, 'paged-site');
  cpSync(join(repo, 'tests', 'fixtures', 'small-site'), pagedRoot, { recursive: true });
  appendFileSync(join(pagedRoot, 'config.yaml'), '\npaginate_by: 2\n');
  const paged = build(pagedRoot, join(work, 'paged'));
  const ex = await serve(example);
  const sm = await serve(small);
  const pg = await serve(paged);
  servers.push(ex.server, sm.server, pg.server);
  const bases = { example: ex.url, paged: pg.url };
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });

  browser = await launch();
  const contextFor = async (width, colorScheme, extra = {}) => {
    const context = await browser.newContext({
      // Reduced motion: focus and anchors scroll at once, not smoothly.
      viewport: { width, height: width < 800 ? 844 : 900 }, colorScheme, reducedMotion: 'reduce', ...extra,
    });
    context.scripts = extra.javaScriptEnabled !== false;
    return context;
  };

  await check('every page kind the build writes is in the layout matrix', async () => {
    // A new kind of page must be added to KINDS, or its layout goes untested.
    const kinds = new Set();
    const walk = (dir) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.html')) {
          const match = readFileSync(path, 'utf8').match(/<body class="[^"]*\bpage--([\w-]+)/);
          kinds.add(match ? match[1] : `(no page kind class) ${path}`);
        }
      }
    };
    walk(example);
    const covered = new Set(KINDS.map(([kind]) => kind.replace(/-none$/, '')));
    const missing = [...kinds].filter((k) => !covered.has(k));
    equal(missing, [], 'page kinds without layout checks');
  });

  /* Layout of every page kind at every width, in both colour schemes. */
  for (const width of WIDTHS) {
    for (const scheme of SCHEMES) {
      const context = await contextFor(width, scheme);
      for (const [kind, path, site = 'example'] of KINDS) {
        await check(`layout: ${kind} at ${width} px, ${scheme}`, async () => {
          const page = await open(context, bases[site] + path);
          const m = await measure(page);
          if (width === 390 || width === 1366) {
            await page.screenshot({ path: join(shots, `${kind}-${width}-${scheme}.png`), fullPage: true });
          }
          await page.close();
          const problems = [];
          if (m.docWidth > m.viewport) problems.push(`page scrolls sideways: ${m.docWidth} px wide in a ${m.viewport} px viewport`);
          if (Math.round(m.body.w) !== m.viewport) problems.push(`body is ${m.body.w} px wide, viewport ${m.viewport} px`);
          if (m.header && Math.round(m.header.w) !== m.viewport) problems.push(`header is ${m.header.w} px wide`);
          if (m.footer && Math.round(m.footer.w) !== m.viewport) problems.push(`footer is ${m.footer.w} px wide`);
          if (width > 1000 && m.main.w < 0.6 * m.viewport) problems.push(`main column is ${m.main.w} px, under 60 % of ${m.viewport} px`);
          if (width < 1000 && m.main.w < m.viewport - 1) problems.push(`main column is ${m.main.w} px on a ${m.viewport} px phone`);
          const budget = width < 1000 ? PHONE_HEADER_MAX : DESKTOP_HEADER_MAX;
          if (m.header.h > budget) problems.push(`header is ${Math.round(m.header.h)} px tall (budget ${budget} px)`);
          if (m.overlaps.length) problems.push(`overlapping: ${m.overlaps.join('; ')}`);
          if (m.clipped.length) problems.push(`text cut off: ${m.clipped.join('; ')}`);
          if (page.errors.length) problems.push(`script errors: ${page.errors.join('; ')}`);
          assert(problems.length === 0, problems.join('\n'));
        });
      }
      await context.close();
    }
  }

  /* Search. */
  const desktop = await contextFor(1366, 'light');
  const phone = await contextFor(390, 'light');

  /** Types `query` into the search page's box and submits it; returns the heading and result titles. */
  async function searchFor(base, query, context = desktop) {
    const page = await open(context, base + 'search/');
    await page.fill('#cg-page-search-q', query);
    await page.press('#cg-page-search-q', 'Enter');
    await page.waitForFunction(() => /found|No careers/.test(document.querySelector('h1').textContent), null, { timeout: TIMEOUT });
    const result = await page.evaluate(() => ({
      heading: document.querySelector('h1').textContent.trim(),
      titles: [...document.querySelectorAll('.cg-search__results .cg-search__link')].map((a) => a.textContent),
      labels: [...document.querySelectorAll('.cg-search__results .cg-search__item')]
        .map((li) => li.querySelector('.cg-search__label')?.textContent ?? ''),
      hrefs: [...document.querySelectorAll('.cg-search__results .cg-search__link')].map((a) => a.getAttribute('href')),
      url: location.href,
      fallbackShown: !!document.querySelector('[data-cg-search-fallback]')
        && getComputedStyle(document.querySelector('[data-cg-search-fallback]')).display !== 'none'
        && !document.querySelector('[data-cg-search-fallback]').hidden,
      help: document.querySelector('.cg-search__none')?.innerText ?? '',
      helpLinks: [...document.querySelectorAll('.cg-search__none a')].map((a) => a.getAttribute('href')),
    }));
    await page.close();
    return result;
  }

  // Results drawn below the search box must not move what the reader
  // already sees (the footer of a short page): layout shift under 0.1,
  // the "good" limit of Core Web Vitals.
  for (const [context, width] of [[phone, 390], [desktop, 1366]]) {
    await check(`search at ${width} px: results appear without shifting the page (CLS < 0.1)`, async () => {
      const page = await context.newPage();
      await page.addInitScript(() => {
        window.__shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(ex.url + 'search/?q=manager', { waitUntil: 'load' });
      await page.waitForFunction(() => /found/.test(document.querySelector('h1').textContent), null, { timeout: TIMEOUT });
      await page.waitForTimeout(300);
      const shift = await page.evaluate(() => window.__shift);
      await page.close();
      assert(shift < 0.1, `layout shift ${shift.toFixed(3)}`);
    });
  }

  /** What the search says it found, from the results' labels ('' for a career). */
  function foundText(labels) {
    const count = (n, one) => (n === 1 ? `1 ${one}` : `${n} ${one}s`);
    const parts = [];
    const careers = labels.filter((l) => l === '').length;
    const articles = labels.filter((l) => l === 'Advice').length;
    const pages = labels.filter((l) => l === 'Page').length;
    if (careers) parts.push(count(careers, 'career'));
    if (articles) parts.push(count(articles, 'article'));
    if (pages) parts.push(count(pages, 'page'));
    if (!parts.length) return 'No careers found';
    // The kinds are listed as the language lists things (CLDR, via Intl).
    return `${new Intl.ListFormat('en', { type: 'conjunction' }).format(parts)} found`;
  }

  const queries = [
    ['crm', ex.url, 'Account executive'],
    ['negotiation', ex.url, 'Account executive'],
    ['finance', ex.url, 'Financial analyst'],
    ['11-2022', ex.url, 'Sales manager'],
    ['acount', ex.url, 'Account executive'],
    ['nursing', sm.url, 'Registered nurse'],
    ['RN', sm.url, 'Registered nurse'],
    ['wiring', sm.url, 'Electrician'],
    ['hospitals', sm.url, 'Registered nurse'],
  ];
  for (const [query, base, first] of queries) {
    await check(`search: "${query}" finds ${first} first, with a count in the heading`, async () => {
      const r = await searchFor(base, query);
      equal(r.titles[0], first, `first result for "${query}"`);
      equal(r.heading, `${foundText(r.labels)} for “${query}”`, 'heading');
      // Articles and pages come after every career.
      const firstOther = r.labels.findIndex((l) => l !== '');
      assert(firstOther < 0 || r.labels.slice(firstOther).every((l) => l !== ''), `careers after an article: ${r.labels}`);
      assert(!r.fallbackShown, '"Search needs JavaScript" is shown while JavaScript runs');
    });
  }

  await check('search: a title match ranks above a match in the summary or duties', async () => {
    const r = await searchFor(ex.url, 'sales');
    equal(r.titles.slice(0, 2), ['Sales manager', 'Sales representative'], 'first two results');
  });

  await check('search: an article\'s title finds the article, marked as advice, after the careers', async () => {
    const r = await searchFor(ex.url, 'negotiate your salary');
    const at = r.titles.indexOf('How to negotiate your salary');
    assert(at >= 0, `not found: ${r.titles}`);
    equal(r.labels[at], 'Advice', 'its label');
    assert(r.hrefs[at].endsWith('advice/negotiate-your-salary/'), `its link: ${r.hrefs[at]}`);
    equal(r.heading, `${foundText(r.labels)} for “negotiate your salary”`, 'heading');
    const page = await open(desktop, ex.url + 'search/?q=internship');
    await page.waitForSelector('.cg-search__label', { timeout: TIMEOUT });
    const label = await page.$eval('.cg-search__results .cg-search__label', (span) => ({
      title: span.closest('li').querySelector('.cg-search__link').textContent,
      label: span.textContent,
      border: getComputedStyle(span).borderTopStyle,
    }));
    await page.close();
    equal(label, { title: 'Finding an internship', label: 'Advice', border: 'solid' }, 'the article, labelled');
  });

  await check('search: a standalone page is found by its title, marked as a page', async () => {
    const r = await searchFor(ex.url, 'accessibility statement');
    const at = r.titles.indexOf('Accessibility statement');
    assert(at >= 0, `not found: ${r.titles}`);
    equal(r.labels[at], 'Page', 'its label');
  });

  await check('search: a query without results says so and helps (closest titles, All careers, browse pages)', async () => {
    const r = await searchFor(ex.url, 'acountant manger zzz');
    equal(r.titles, [], 'results');
    equal(r.heading, 'No careers found for “acountant manger zzz”', 'heading');
    assert(/Account manager/.test(r.help), `the help suggests the closest title: ${r.help}`);
    for (const href of ['all-careers/', 'categories/', 'industries/', 'education/']) {
      assert(r.helpLinks.some((h) => h.endsWith(href)), `the help links to ${href}: ${r.helpLinks}`);
    }
  });

  await check('search: the search page without a query hides the JavaScript fallback', async () => {
    const page = await open(desktop, ex.url + 'search/');
    const shown = await page.isVisible('[data-cg-search-fallback]');
    await page.close();
    assert(!shown, '"Search needs JavaScript" is visible while JavaScript runs');
  });

  for (const [name, context] of [['1366', desktop], ['390', phone]]) {
    await check(`search: suggestions under the header box at ${name} px list matches and cover nothing they should not`, async () => {
      const page = await open(context, ex.url + 'search/');
      const menu = page.locator('.site-menu > summary');
      if (await menu.isVisible()) await menu.click();
      await page.fill('#cg-site-search-q', 'account');
      await page.waitForSelector('#cg-site-search-q-suggestions:not([hidden]), .site-search .cg-search__suggestions:not([hidden])', { timeout: TIMEOUT });
      const titles = await page.$$eval('.site-search .cg-search__suggestions a', (as) => as.map((a) => a.textContent));
      const labels = await page.$$eval('.site-search .cg-search__suggestions li', (lis) => lis.map((li) => li.querySelector('.cg-search__label')?.textContent ?? ''));
      const status = await page.textContent('.site-search .cg-search__status');
      await page.close();
      equal(titles.slice(0, 2), ['Account executive', 'Account manager'], 'suggestions');
      equal(status.trim(), foundText(labels), 'status');
    });
  }

  await check('search: typing on the results page updates the results, with no suggestion list over them', async () => {
    const page = await open(desktop, ex.url + 'search/?q=sales');
    await page.fill('#cg-page-search-q', 'financial');
    await page.waitForFunction(() => /found for “financial”/.test(document.querySelector('h1').textContent), null, { timeout: TIMEOUT });
    const dropdown = await page.isVisible('#cg-page-search .cg-search__suggestions');
    const first = await page.textContent('.cg-search__results .cg-search__link');
    const m = await measure(page);
    await page.close();
    equal(first, 'Financial analyst', 'first result');
    assert(!dropdown, 'a suggestion list opens over the results');
    equal(m.overlaps, [], 'overlapping parts');
  });

  await check('search: the header box submits to the search page, which shows the results', async () => {
    const page = await open(desktop, ex.url);
    await page.fill('#cg-site-search-q', 'negotiation');
    await page.press('#cg-site-search-q', 'Enter');
    await page.waitForURL(/search\/\?q=negotiation/, { timeout: TIMEOUT });
    await page.waitForFunction(() => /found for/.test(document.querySelector('h1').textContent), null, { timeout: TIMEOUT });
    const n = await page.locator('.cg-search__results li').count();
    await page.close();
    assert(n >= 3, `${n} results`);
  });

  const noJs = await contextFor(1366, 'light', { javaScriptEnabled: false });
  await check('search without JavaScript: Enter in the header box lands on a page listing careers to choose from', async () => {
    const page = await open(noJs, ex.url);
    await page.fill('#cg-site-search-q', 'crm');
    await page.press('#cg-site-search-q', 'Enter');
    await page.waitForLoadState('load');
    const url = page.url();
    const rows = await page.locator('main table tbody tr').count();
    const h1 = await page.textContent('h1');
    await page.close();
    assert(/all-careers\/\?q=crm/.test(url), `landed on ${url}`);
    assert(rows === 9, `${rows} careers listed under "${h1}"`);
  });

  await check('search without JavaScript: the search page says what to do instead', async () => {
    const page = await open(noJs, ex.url + 'search/?q=crm');
    const shown = await page.isVisible('[data-cg-search-fallback]');
    const links = await page.$$eval('[data-cg-search-fallback] a', (as) => as.map((a) => a.getAttribute('href')));
    await page.close();
    assert(shown, 'no fallback shown');
    assert(links.some((h) => h.endsWith('all-careers/')), `fallback links: ${links}`);
  });

  /* Header menu. */
  for (const [name, context] of [['390 px', phone], ['390 px without JavaScript', await contextFor(390, 'light', { javaScriptEnabled: false })]]) {
    await check(`header: at ${name} the menu opens and shows every site link and the search box`, async () => {
      const page = await open(context, ex.url + 'account-manager/');
      const before = await page.isVisible('.site-nav a[href$="industries/"]');
      await page.click('.site-menu > summary');
      const links = await page.$$eval('.site-nav a', (as) => as.filter((a) => a.checkVisibility()).map((a) => a.textContent));
      const search = await page.isVisible('#cg-site-search-q');
      await page.close();
      assert(!before, 'the menu is open before it is asked for');
      // The example site's `menus.main`: children listed under their entry.
      equal(links, ['Home', 'All careers', 'Categories', 'Industries', 'Education', 'Sales', 'Advice', 'Compare'], 'links shown');
      assert(search, 'search box not shown in the open menu');
    });
  }

  await check('header: at 1366 px the title, the links and the search box share one row', async () => {
    const page = await open(desktop, ex.url);
    const tops = await page.evaluate(() => ['.site-title', '.site-nav', '.site-search'].map((s) => {
      const r = document.querySelector(s).getBoundingClientRect();
      return [Math.round(r.top), Math.round(r.bottom)];
    }));
    await page.close();
    const [title, nav, search] = tops;
    assert(nav[0] < title[1] && search[0] < title[1], `rows (top, bottom): title ${title}, nav ${nav}, search ${search}`);
  });

  /* The configured main menu (`menus.main` of the example site). */
  for (const width of WIDTHS) {
    for (const scheme of SCHEMES) {
      await check(`menu: at ${width} px ${scheme} the current page is marked and an entry's children can be reached`, async () => {
        const context = await contextFor(width, scheme);
        const page = await open(context, ex.url + 'categories/sales/');
        if (await page.isVisible('.site-menu > summary')) await page.click('.site-menu > summary');
        const current = await page.$$eval('.site-nav [aria-current="page"]', (as) => as.map((a) => a.textContent));
        // Hover on wide screens; the children are in the open menu on narrow ones.
        await page.hover('.site-nav__item--parent > a');
        const children = await page.$$eval('.site-nav__children a', (as) => as.filter((a) => a.checkVisibility()).map((a) => a.textContent));
        const inView = await page.$$eval('.site-nav__children a', (as) => as.every((a) => {
          const r = a.getBoundingClientRect();
          return r.left >= 0 && r.right <= window.innerWidth + 1;
        }));
        await page.screenshot({ path: join(shots, `menu-${width}-${scheme}.png`) });
        await page.close();
        await context.close();
        equal(current, ['Sales'], 'aria-current');
        equal(children, ['Categories', 'Industries', 'Education'], 'children shown');
        assert(inView, 'a child link runs off the screen');
      });
    }
  }

  /* Pages that put themselves in the footer menu (`menu:` in their front
     matter: the example's About and Accessibility statement). */
  for (const width of [390, 1366]) {
    await check(`menu: at ${width} px a page's own footer entry is in order, marked on its page and in view`, async () => {
      const context = await contextFor(width, 'light');
      const page = await open(context, ex.url + 'accessibility/');
      const links = await page.$$eval('.footer-nav a', (as) => as.map((a) => a.textContent));
      const current = await page.$$eval('.footer-nav [aria-current="page"]', (as) => as.map((a) => a.textContent));
      const inView = await page.$$eval('.footer-nav a', (as) => as.every((a) => {
        const r = a.getBoundingClientRect();
        return a.checkVisibility() && r.left >= 0 && r.right <= window.innerWidth + 1;
      }));
      await page.locator('.site-footer').screenshot({ path: join(shots, `footer-menu-${width}.png`) });
      await page.close();
      await context.close();
      equal(links.slice(0, 3), ['About', 'Accessibility', 'All careers'], 'footer order by weight');
      equal(current, ['Accessibility'], 'aria-current');
      assert(inView, 'a footer link is hidden or runs off the screen');
    });
  }

  await check('menu: at 1366 px the keyboard reaches an entry\'s children with Tab, no script', async () => {
    const context = await contextFor(1366, 'light', { javaScriptEnabled: false });
    const page = await open(context, ex.url);
    await page.focus('.site-nav__item--parent > a');
    const hiddenBefore = await page.isVisible('.site-nav__children a');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    const shown = await page.isVisible('.site-nav__children a');
    await page.close();
    await context.close();
    assert(hiddenBefore, 'the children show while their entry has focus');
    equal(focused, 'Categories', 'Tab after the entry');
    assert(shown, 'the children hide while one has focus');
  });

  /* Compare. */
  /** Chooses `title` in the compare combobox with the keyboard: types `typed`, arrows down to it, Enter. */
  async function chooseByKeyboard(page, typed, title) {
    await page.focus('#cg-compare-input');
    await page.keyboard.type(typed);
    // Wait for the suggestions of the whole text typed.
    await page.waitForFunction(([t, v]) => document.querySelector('#cg-compare-input').value === v
      && !document.querySelector('#cg-compare-listbox').hasAttribute('aria-busy')
      && [...document.querySelectorAll('#cg-compare-listbox [role=option]')].some((o) => o.textContent === t),
    [title, typed], { timeout: TIMEOUT });
    const options = await page.$$eval('#cg-compare-listbox [role=option]', (os) => os.map((o) => o.textContent));
    for (let i = 0; i <= options.indexOf(title); i++) await page.keyboard.press('ArrowDown');
    const active = await page.evaluate(() => {
      const input = document.querySelector('#cg-compare-input');
      const id = input.getAttribute('aria-activedescendant');
      return { text: id && document.getElementById(id)?.textContent, selected: id && document.getElementById(id)?.getAttribute('aria-selected') };
    });
    equal(active, { text: title, selected: 'true' }, 'the active option');
    await page.keyboard.press('Enter');
  }

  await check('compare: two careers chosen with the combobox fill the table; the URL reopens the same comparison', async () => {
    const page = await open(desktop, ex.url + 'compare/');
    await chooseByKeyboard(page, 'account', 'Account manager');
    await page.waitForSelector('.cg-compare__pick', { timeout: TIMEOUT });
    await chooseByKeyboard(page, 'financ', 'Financial analyst');
    await page.waitForURL(/\?c=account-manager,financial-analyst$/, { timeout: TIMEOUT });
    await page.waitForSelector('.cg-compare__table', { timeout: TIMEOUT });
    const heads = await page.$$eval('.cg-compare__table thead th a', (as) => as.map((a) => a.textContent));
    const url = page.url();
    await page.close();
    equal(heads, ['Account manager', 'Financial analyst'], 'columns');
    const again = await open(phone, url);
    await again.waitForSelector('.cg-compare__table', { timeout: TIMEOUT });
    const heads2 = await again.$$eval('.cg-compare__table thead th a', (as) => as.map((a) => a.textContent));
    const picks = await again.$$eval('.cg-compare__pick a', (as) => as.map((a) => a.textContent));
    await again.close();
    equal(heads2, heads, 'columns when the URL is opened again');
    equal(picks, ['Account manager', 'Financial analyst'], 'chosen careers when the URL is opened again');
  });

  await check('compare: the combobox says how many careers match, closes with Escape, and a career is removed with its button', async () => {
    const page = await open(desktop, ex.url + 'compare/?c=account-manager,sales-manager');
    await page.waitForSelector('.cg-compare__table', { timeout: TIMEOUT });
    await page.focus('#cg-compare-input');
    await page.keyboard.type('manager');
    await page.waitForFunction(() => document.querySelector('#cg-compare-input').getAttribute('aria-expanded') === 'true', null, { timeout: TIMEOUT });
    const open1 = await page.evaluate(() => ({
      status: document.querySelector('#cg-compare-status').textContent,
      options: [...document.querySelectorAll('#cg-compare-listbox [role=option]')].map((o) => o.textContent),
      controls: document.querySelector('#cg-compare-input').getAttribute('aria-controls'),
    }));
    // Chosen careers are not offered again.
    equal(open1.options, ['Marketing manager'], 'options for "manager"');
    equal(open1.status, '3 careers match.', 'live count');
    equal(open1.controls, 'cg-compare-listbox', 'aria-controls');
    await page.keyboard.press('Escape');
    const closed = await page.evaluate(() => ({
      expanded: document.querySelector('#cg-compare-input').getAttribute('aria-expanded'),
      hidden: document.querySelector('#cg-compare-listbox').hidden,
    }));
    equal(closed, { expanded: 'false', hidden: true }, 'after Escape');
    await page.click('.cg-compare__remove[aria-label="Remove Account manager"]');
    await page.waitForURL(/\?c=sales-manager$/, { timeout: TIMEOUT });
    const after = await page.evaluate(() => ({
      table: !!document.querySelector('.cg-compare__table'),
      focus: document.activeElement?.getAttribute('aria-label'),
    }));
    await page.close();
    equal(after, { table: false, focus: 'Remove Sales manager' }, 'after removing one of two');
  });

  await check('compare: a shared link with an unknown career compares the others and says so', async () => {
    const page = await open(desktop, ex.url + 'compare/?c=account-manager,no-such-career,sales-manager');
    await page.waitForSelector('.cg-compare__table', { timeout: TIMEOUT });
    const r = await page.evaluate(() => ({
      heads: [...document.querySelectorAll('.cg-compare__table thead th a')].map((a) => a.textContent),
      notice: document.querySelector('.cg-compare__notice')?.textContent ?? '',
      url: location.search,
    }));
    await page.close();
    equal(r.heads, ['Account manager', 'Sales manager'], 'columns');
    assert(r.notice.includes('no-such-career'), `notice: ${r.notice}`);
    equal(r.url, '?c=account-manager,sales-manager', 'the URL drops the unknown career');
  });

  for (const width of [320, 390]) {
    await check(`compare at ${width} px: the caption is whole and a wide table says it scrolls`, async () => {
      const context = await contextFor(width, 'light');
      const page = await open(context, ex.url + 'compare/?c=account-manager,sales-manager,financial-analyst,marketing-manager');
      const r = await page.evaluate(() => {
        const scroll = document.querySelector('.cg-compare__scroll');
        const caption = document.querySelector('.cg-compare__caption, .cg-compare__table caption');
        const cr = caption.getBoundingClientRect();
        const cue = document.querySelector('.cg-compare__cue');
        return {
          scrolls: scroll.scrollWidth > scroll.clientWidth,
          captionInside: cr.left >= 0 && cr.right <= innerWidth && caption.scrollWidth <= caption.clientWidth + 1,
          cue: !!cue && !cue.hidden && cue.getBoundingClientRect().height > 0,
          focusable: scroll.tabIndex === 0,
        };
      });
      await page.close();
      await context.close();
      assert(r.captionInside, 'the caption is cut off');
      if (r.scrolls) {
        assert(r.cue, 'the table scrolls sideways with no visible cue');
        assert(r.focusable, 'the scrolling table cannot be scrolled from the keyboard');
      }
    });
  }

  /* All careers: sorting. */
  await check('all careers: sorting each column orders the rows, both ways', async () => {
    const page = await open(desktop, ex.url + 'all-careers/');
    const columns = await page.locator('thead .cg-sort').count();
    assert(columns === 7, `${columns} sort buttons`);
    const problems = [];
    for (let c = 0; c < columns; c++) {
      for (const direction of ['ascending', 'descending']) {
        await page.locator('thead .cg-sort').nth(c).click();
        const state = await page.locator('thead th').nth(c).getAttribute('aria-sort');
        const values = await page.evaluate((col) => [...document.querySelectorAll('tbody tr')].map((tr) => {
          const cell = tr.children[col];
          const raw = cell.getAttribute('data-sort');
          return raw === null ? cell.textContent.trim().toLowerCase() : raw === '' ? null : Number(raw);
        }), c);
        if (state !== direction) problems.push(`column ${c}: aria-sort ${state}, expected ${direction}`);
        const known = values.filter((v) => v !== null);
        const sorted = [...known].sort((a, b) => (typeof a === 'number' ? a - b : a.localeCompare(b)));
        if (direction === 'descending') sorted.reverse();
        if (JSON.stringify(known) !== JSON.stringify(sorted)) problems.push(`column ${c} ${direction}: ${JSON.stringify(values)}`);
        const firstMissing = values.indexOf(null);
        if (firstMissing >= 0 && values.slice(firstMissing).some((v) => v !== null)) problems.push(`column ${c} ${direction}: missing values not last`);
      }
    }
    await page.close();
    assert(problems.length === 0, problems.join('\n'));
  });

  /* Keyboard only. */
  for (const [kind, path, site = 'example'] of KINDS) {
    for (const [name, context] of [['1366', desktop], ['390', phone]]) {
      await check(`keyboard: every control on ${kind} at ${name} px is reached with Tab and visible when focused`, async () => {
        const page = await open(context, bases[site] + path);
        const controls = await page.evaluate(() => {
          const all = [...document.querySelectorAll('a[href], button, input, select, summary, [tabindex="0"]')];
          all.forEach((el, i) => el.setAttribute('data-k', String(i)));
          return all.filter((el) => {
            const r = el.getBoundingClientRect();
            const style = getComputedStyle(el);
            // Controls inside a closed <details> are reached once it opens.
            return r.width > 0 && r.height > 0 && el.checkVisibility({ visibilityProperty: true });
          }).map((el) => el.getAttribute('data-k'));
        });
        const reached = new Set();
        const unseen = [];
        let first = null;
        for (let i = 0; i < controls.length + 40; i++) {
          await page.keyboard.press('Tab');
          const info = await page.evaluate(async () => {
            // Measure once the focus styles are drawn.
            await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            const r = el.getBoundingClientRect();
            return { top: Math.round(r.top), scrollY, k: el.getAttribute('data-k'), visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight, text: (el.textContent || el.name || '').trim().slice(0, 40) };
          });
          if (!info) continue;
          // Once focus wraps around to the start, the cycle is complete.
          if (info.k && reached.has(info.k) && info.k === first) break;
          if (first === null) first = info.k;
          if (info.k) reached.add(info.k);
          if (!info.visible) unseen.push(`${info.text} (Tab ${i + 1}, top ${info.top}, scrollY ${info.scrollY})`);
        }
        await page.close();
        const missed = controls.filter((k) => !reached.has(k));
        assert(missed.length === 0, `${missed.length} of ${controls.length} controls never focused`);
        assert(unseen.length === 0, `focused but not visible: ${unseen.join(', ')}`);
      });
    }
  }

  await check('keyboard: the phone menu opens with Enter and its links are reached with Tab', async () => {
    const page = await open(phone, ex.url);
    let found = false;
    for (let i = 0; i < 6 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement?.matches('.site-menu > summary') ?? false);
    }
    assert(found, 'the menu button is never focused');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    await page.close();
    equal(focused, 'All careers', 'second link in the open menu');
  });

  await check('keyboard: search suggestions are reached with the arrow keys and Enter opens one', async () => {
    const page = await open(desktop, ex.url);
    await page.focus('#cg-site-search-q');
    await page.keyboard.type('financial');
    await page.waitForSelector('.site-search .cg-search__suggestions:not([hidden])', { timeout: TIMEOUT });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/financial-analyst\/$/, { timeout: TIMEOUT });
    await page.close();
  });

  await check('keyboard: a comparison is chosen with the keyboard alone', async () => {
    const page = await open(desktop, ex.url + 'compare/');
    await chooseByKeyboard(page, 'Sales man', 'Sales manager');
    await page.waitForSelector('.cg-compare__pick', { timeout: TIMEOUT });
    await chooseByKeyboard(page, 'Account man', 'Account manager');
    await page.waitForURL(/\?c=sales-manager,account-manager$/, { timeout: TIMEOUT });
    await page.waitForSelector('.cg-compare__table', { timeout: TIMEOUT });
    await page.close();
  });

  /* Guide pages. */
  await check('guide: industry names link to their browse pages', async () => {
    const page = await open(desktop, ex.url + 'account-manager/');
    const links = await page.$$eval('#work-environment .tags a', (as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    const statuses = [];
    for (const [, href] of links) statuses.push((await page.request.get(new URL(href, page.url()).href)).status());
    await page.close();
    equal(links.map(([t]) => t), ['Finance', 'Insurance', 'Manufacturing'], 'linked industries');
    equal(statuses, [200, 200, 200], 'their pages');
  });

  await check('guide: Sources and the review date close the page, after More about the job', async () => {
    const page = await open(desktop, ex.url + 'account-manager/');
    const order = await page.$$eval('.guide-body > section, .guide-body > .reviewed', (els) => els.map((e) => e.id || e.className));
    const toc = await page.$$eval('.toc a', (as) => as.map((a) => a.getAttribute('href')));
    await page.close();
    equal(order.slice(-3), ['more', 'sources', 'reviewed'], 'last sections');
    equal(toc.slice(-2), ['#more', '#sources'], 'last table-of-contents entries');
  });

  /* Pay by state: the map shown, the table folded under it. */
  for (const [name, context] of [['390', phone], ['1366', desktop], ['1366 without JavaScript', noJs]]) {
    await check(`guide: pay by state at ${name} shows the map and opens the table of every state from "Pay in every state"`, async () => {
      const page = await open(context, ex.url + 'sales-manager/');
      const before = await page.evaluate(() => {
        const map = document.querySelector('#pay-by-state svg.cg-chart--states');
        const r = map.getBoundingClientRect();
        const label = map.querySelector('text').getBoundingClientRect();
        const details = document.querySelector('#pay-by-state details');
        return {
          map: { w: r.width, h: r.height, right: r.right }, labelHeight: label.height, open: details.open,
          tableShown: document.querySelector('.state-pay-table').checkVisibility(), tiles: map.querySelectorAll('use').length,
          listed: !!document.querySelector('.toc a[href="#pay-by-state"]'), viewport: innerWidth,
        };
      });
      await page.locator('#pay-by-state summary').click();
      const after = await page.evaluate(() => {
        const table = document.querySelector('.state-pay-table');
        const caption = table.caption.getBoundingClientRect();
        return {
          open: document.querySelector('#pay-by-state details').open, tableShown: table.checkVisibility(),
          rows: table.tBodies[0].rows.length, docWidth: document.documentElement.scrollWidth, captionRight: caption.right,
        };
      });
      const problems = [];
      if (!before.listed) problems.push('not in On this page');
      if (before.tiles !== 54) problems.push(`${before.tiles} tiles`);
      if (before.map.w < 250 || before.map.right > before.viewport) problems.push(`map is ${before.map.w} px wide, right edge ${before.map.right}`);
      // A label box under 12 px holds type under about 10 px: unreadable.
      if (before.labelHeight < 12) problems.push(`tile labels are ${before.labelHeight} px tall`);
      if (before.open || before.tableShown) problems.push('the table is shown before the reader asks for it');
      if (!after.open || !after.tableShown) problems.push('the summary does not open the table');
      if (after.rows !== 54) problems.push(`${after.rows} rows`);
      if (after.docWidth > before.viewport) problems.push(`the open table makes the page ${after.docWidth} px wide`);
      if (after.captionRight > before.viewport + 1) problems.push(`the caption runs to ${after.captionRight} px`);
      if (context.scripts) {
        // The 10th percentile column sorts by its figures, not as text.
        await page.locator('.state-pay-table thead .cg-sort').nth(2).click();
        const keys = await page.$$eval('.state-pay-table tbody tr', (trs) => trs.map((tr) => tr.cells[2].dataset.sort));
        const known = keys.filter((k) => k !== '').map(Number);
        const sorted = [...known].sort((a, b) => a - b);
        if (JSON.stringify(known) !== JSON.stringify(sorted)) problems.push(`10th percentile ascending: ${known.join(', ')}`);
        if (keys.indexOf('') >= 0 && keys.slice(keys.indexOf('')).some((k) => k !== '')) problems.push('unpublished figures not last');
      }
      await page.close();
      assert(problems.length === 0, problems.join('\n'));
    });
  }

  await check('guide: pay figures are shown once to sighted readers, and once to screen readers', async () => {
    const page = await open(desktop, ex.url + 'account-manager/');
    const r = await page.evaluate(() => {
      // Seen: rendered, and not clipped away as visually hidden helpers are.
      const clipped = (el) => {
        for (let n = el; n && n !== document.body; n = n.parentElement) {
          const cs = getComputedStyle(n);
          if (cs.clipPath === 'inset(50%)' || cs.clip === 'rect(0px, 0px, 0px, 0px)') return true;
        }
        return false;
      };
      const seen = (el) => !!el && el.checkVisibility({ visibilityProperty: true }) && el.getBoundingClientRect().width > 2 && !clipped(el);
      const chart = document.querySelector('#pay .cg-chart');
      const table = document.querySelector('#pay table');
      const hiddenFromAT = (el) => !!el && !!el.closest('[aria-hidden="true"]');
      return {
        chartSeen: seen(chart), tableSeen: seen(table),
        chartRead: !!chart && !hiddenFromAT(chart), tableRead: !!table && !hiddenFromAT(table),
      };
    });
    await page.close();
    assert(!(r.chartSeen && r.tableSeen), 'both the chart and the table with the same figures are shown');
    assert(!(r.chartRead && r.tableRead), 'screen readers get the figures twice');
    assert(r.chartSeen || r.tableSeen, 'no pay figures shown');
    assert(r.chartRead || r.tableRead, 'no pay figures for screen readers');
  });

  await check('guide: on a small site an electrician is not offered unrelated careers as similar', async () => {
    const page = await open(desktop, sm.url + 'electrician/');
    const similar = await page.$$eval('#similar-occupations th[scope=row]', (ths) => ths.map((t) => t.textContent));
    await page.close();
    equal(similar, [], 'suggested occupations');
  });

  await check('browse: the page and its table give the same count, worded the same', async () => {
    const page = await open(desktop, ex.url + 'categories/business-and-financial/');
    const intro = await page.textContent('.intro .count');
    const caption = await page.textContent('caption .count');
    const index = await open(desktop, ex.url + 'categories/');
    const listed = await index.textContent('a[href$="business-and-financial/"] + .count');
    await page.close();
    await index.close();
    assert(intro.includes('2 careers'), `intro: ${intro}`);
    equal(caption.replace(/[()]/g, '').trim(), intro.replace(/[().]/g, '').trim(), 'caption count');
    equal(listed.replace(/[()]/g, '').trim(), intro.replace(/[().]/g, '').trim(), 'browse index count');
  });

  /* Pagination. */
  for (const width of WIDTHS) {
    for (const scheme of SCHEMES) {
      await check(`pagination: the pager at ${width} px, ${scheme}, fits, marks the page and has 44 px targets`, async () => {
        const context = await contextFor(width, scheme);
        const page = await open(context, pg.url + 'all-careers/page/2/');
        const r = await page.evaluate(() => {
          const nav = document.querySelector('nav.pagination[aria-label="Pagination"]');
          if (!nav) return null;
          const box = nav.getBoundingClientRect();
          const targets = [...nav.querySelectorAll('.pagination__link')]
            .filter((el) => el.checkVisibility())
            .map((el) => { const b = el.getBoundingClientRect(); return { text: el.textContent.trim(), w: b.width, h: b.height, right: b.right }; });
          const current = nav.querySelector('[aria-current="page"]');
          return {
            status: nav.querySelector('.pagination__status').textContent.trim(),
            left: box.left, right: box.right, viewport: innerWidth,
            targets, current: current ? current.getAttribute('href') : null,
            currentColor: current ? getComputedStyle(current).color : null,
            currentBg: current ? getComputedStyle(current).backgroundColor : null,
          };
        });
        await page.close();
        await context.close();
        assert(r, 'no <nav aria-label="Pagination">');
        assert(r.status.startsWith('Page 2 of 2'), `status: ${r.status}`);
        equal(r.current, '../../../all-careers/page/2/', 'aria-current="page" link');
        assert(r.left >= 0 && r.right <= r.viewport, `pager spans ${r.left}–${r.right} in ${r.viewport} px`);
        const small = r.targets.filter((t) => t.w < 44 || t.h < 44 || t.right > r.viewport);
        assert(small.length === 0, `targets under 44 px or off screen: ${JSON.stringify(small)}`);
        for (const word of ['First', 'Previous', 'Next', 'Last']) {
          assert(r.targets.some((t) => t.text.startsWith(word)), `no ${word} visible`);
        }
        assert(r.currentColor !== r.currentBg, 'the current page is not set apart');
      });
    }
  }

  await check('pagination: next and previous are followed with the keyboard; each page is its own canonical', async () => {
    const page = await open(desktop, pg.url + 'all-careers/');
    const tabTo = async (label) => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        const text = await page.evaluate(() => document.activeElement?.closest('nav.pagination') ? document.activeElement.textContent.trim() : '');
        if (text === label) return;
      }
      throw new Error(`Tab never reached "${label}"`);
    };
    await tabTo('Next page');
    await Promise.all([page.waitForURL(/all-careers\/page\/2\/$/), page.keyboard.press('Enter')]);
    const second = await page.evaluate(() => ({
      canonical: document.querySelector('link[rel="canonical"]').href,
      prev: document.querySelector('link[rel="prev"]')?.getAttribute('href'),
      next: document.querySelector('link[rel="next"]'),
      title: document.title,
    }));
    assert(second.canonical.endsWith('/all-careers/page/2/'), `canonical: ${second.canonical}`);
    assert(second.prev && second.prev.endsWith('/all-careers/'), `rel=prev: ${second.prev}`);
    equal(second.next, null, 'rel=next on the last page');
    assert(second.title.startsWith('All careers, page 2 of 2'), `title: ${second.title}`);
    await tabTo('Previous page');
    await Promise.all([page.waitForURL(/all-careers\/$/), page.keyboard.press('Enter')]);
    const canonical = await page.evaluate(() => document.querySelector('link[rel="canonical"]').href);
    assert(canonical.endsWith('/all-careers/'), `page 1 canonical: ${canonical}`);
    await page.close();
  });

  await check('pagination: without JavaScript, following Next shows every guide once, by title', async () => {
    const page = await open(noJs, pg.url + 'all-careers/');
    const titles = [];
    for (let i = 0; i < 10; i++) {
      titles.push(...await page.$$eval('table tbody th[scope="row"] a', (links) => links.map((a) => a.textContent.trim())));
      const next = await page.$('nav.pagination a[rel="next"]');
      if (!next) break;
      await Promise.all([page.waitForNavigation(), next.click()]);
    }
    await page.close();
    const sorted = [...titles].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
    equal(titles, sorted, 'titles across the pages');
    equal(titles.length, new Set(titles).size, 'no guide twice');
    equal(titles.length, 4, 'every guide of the small site');
  });

  await check('pagination: the home and 404 pages offer search and the categories, not every guide', async () => {
    for (const path of ['', 'no-such-page/']) {
      const page = await open(desktop, ex.url + path);
      const r = await page.evaluate(() => ({
        search: !!document.querySelector('main form[role="search"][action$="search/"] input[name="q"]'),
        categories: [...document.querySelectorAll('main .category-grid a')].length,
        allCareers: !!document.querySelector('main a[href$="all-careers/"]'),
        rows: document.querySelectorAll('main .guide-list li').length,
      }));
      await page.close();
      assert(r.search, `${path || 'home'}: no search form to the search page`);
      equal(r.categories, 5, `${path || 'home'}: category links`);
      assert(r.allCareers, `${path || 'home'}: no link to All careers`);
      equal(r.rows, 0, `${path || 'home'}: a list of every guide`);
    }
  });

  /* Colours. */
  await check('colours: a brand accent set for light mode stays readable in dark mode', async () => {
    const problems = [];
    for (const scheme of SCHEMES) {
      const context = await contextFor(1366, scheme);
      const page = await open(context, sm.url + 'account-manager/');
      const ratio = await page.evaluate(() => {
        const rgb = (css) => {
          const probe = document.createElement('canvas').getContext('2d');
          probe.fillStyle = css;
          probe.fillRect(0, 0, 1, 1);
          return [...probe.getImageData(0, 0, 1, 1).data].slice(0, 3);
        };
        const lum = ([r, g, b]) => {
          const c = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
          return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
        };
        const link = document.querySelector('main .lead, main p a, main a');
        const a = document.querySelector('#work-environment a, main a');
        const fg = lum(rgb(getComputedStyle(a).color));
        const bg = lum(rgb(getComputedStyle(document.body).backgroundColor));
        return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      });
      await page.close();
      await context.close();
      if (ratio < 4.5) problems.push(`${scheme}: links at ${ratio.toFixed(2)}:1`);
    }
    assert(problems.length === 0, `links fail WCAG AA (4.5:1): ${problems.join('; ')}`);
  });

  // The README's screenshots, refreshed on request:
  // UPDATE_README_SCREENSHOTS=1 tests/browser/run.sh
  if (process.env.UPDATE_README_SCREENSHOTS) {
    for (const [width, height] of [[1366, 1400], [390, 2200]]) {
      const context = await browser.newContext({ viewport: { width, height }, colorScheme: 'light', reducedMotion: 'reduce' });
      const page = await open(context, ex.url + 'account-manager/');
      await page.screenshot({ path: join(repo, 'docs', `screenshot-guide-${width}.png`) });
      await context.close();
    }
    console.log('README screenshots refreshed in docs/');
  }

  await desktop.close();
  await phone.close();
  await noJs.close();
} catch (error) {
  setupFailed(error);
} finally {
  if (browser) await browser.close();
  for (const server of servers) server.close();
  rmSync(work, { recursive: true, force: true });
}

console.log(`screenshots in ${shots}`);
finish();
