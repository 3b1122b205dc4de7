// The strict Content-Security-Policy of docs/deploy.md, in a real browser:
// builds the example site (with an aligned Markdown table added to a guide),
// serves it from a small static server that sends the security headers of
// the docs' `_headers` recipe on every response, opens every kind of page
// in Debian's headless Chromium (driven by playwright-core, never a
// downloaded browser), uses the search and compare scripts, and fails on
// any CSP violation the page reports.
//
// Usage: node csp.mjs <path to the careergen binary>
// Prints one line per page and `csp: N passed, M failed`; exits 1 on any
// failure.

import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, launch, repo, serve, tally } from './harness.mjs';

const TIMEOUT = 20_000;

/**
 * The headers of the `_headers` recipe in docs/deploy.md (the block that
 * starts with `/*`), so that the docs and this test cannot drift apart.
 */
function headersFromDocs() {
  const docs = readFileSync(join(repo, 'docs', 'deploy.md'), 'utf8');
  const start = docs.indexOf('\n/*\n');
  if (start < 0) throw new Error('docs/deploy.md has no `_headers` block starting with `/*`');
  const headers = {};
  for (const line of docs.slice(start + 4).split('\n')) {
    const match = line.match(/^\s+([A-Za-z-]+):\s*(.+)$/);
    if (!match) break;
    headers[match[1]] = match[2].trim();
  }
  if (!headers['Content-Security-Policy']) {
    throw new Error('the `_headers` block of docs/deploy.md sets no Content-Security-Policy');
  }
  return headers;
}

const work = mkdtempSync(join(tmpdir(), 'careergen-csp-'));
const site = join(work, 'site');
cpSync(join(repo, 'config.yaml'), join(site, 'config.yaml'));
for (const dir of ['content', 'themes', 'data']) cpSync(join(repo, dir), join(site, dir), { recursive: true });
// An aligned table: pulldown-cmark writes such cells with a `style`
// attribute, which this policy blocks; careergen writes classes.
const guideFile = readdirSync(join(site, 'content')).filter((f) => f.endsWith('.md')).sort()[0];
const guideSlug = guideFile.replace(/\.md$/, '');
appendFileSync(
  join(site, 'content', guideFile),
  '\n\n## Pay by region\n\n| Region | Median | Share |\n|:---|---:|:---:|\n| North | 10 | 40 % |\n',
);

const { check, setupFailed, finish } = tally({ label: 'csp', stack: true });
let host;
let browser;

try {
  const headers = headersFromDocs();
  const public_ = build(site, join(work, 'public'));
  host = await serve(public_, { headers });
  const url = host.url;
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  // Init scripts are not subject to the page's policy: this listener sees
  // every violation, whichever resource or attribute caused it, and hands
  // it to the test through a binding that survives navigations.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspReport?.(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });

  /** Opens `path`, runs `act`, and fails on any violation or page error. */
  async function pageKind(name, path, { status = 200, act } = {}) {
    await check(`${name} (${path || '/'}): no CSP violation`, async () => {
      const page = await context.newPage();
      const problems = [];
      await page.exposeFunction('__cspReport', (text) => problems.push(text));
      page.on('console', (msg) => {
        if (/Content.Security.Policy|Refused to/i.test(msg.text())) problems.push(`console: ${msg.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      try {
        const response = await page.goto(url + path, { waitUntil: 'load' });
        if (response.status() !== status) throw new Error(`status ${response.status()}, expected ${status}`);
        const csp = response.headers()['content-security-policy'];
        if (csp !== headers['Content-Security-Policy']) throw new Error(`the policy was not sent: ${csp}`);
        if (act) await act(page);
        await page.waitForLoadState('networkidle');
        // Violation events are dispatched as tasks: let them arrive.
        await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
        if (problems.length > 0) throw new Error(problems.join('\n'));
      } finally {
        await page.close();
      }
    });
  }

  await pageKind('home', '');
  await pageKind('guide with an aligned table', `${guideSlug}/`, {
    act: async (page) => {
      const align = await page.evaluate(() => getComputedStyle(document.querySelector('td.align-right')).textAlign);
      // The stylesheet aligns with logical values, so that a right-to-left
      // page mirrors it: `end` is the right in a left-to-right page.
      if (!['right', 'end'].includes(align)) throw new Error(`an aligned cell is aligned ${align}`);
    },
  });
  await pageKind('browse index', 'categories/');
  const browsePage = readdirSync(join(public_, 'categories')).find((d) => existsSync(join(public_, 'categories', d, 'index.html')));
  await pageKind('browse page', `categories/${browsePage}/`);
  await pageKind('all careers, sorted by a column and filtered', 'all-careers/', {
    act: async (page) => {
      await page.click('button.cg-sort', { timeout: TIMEOUT });
      await page.waitForSelector('th[aria-sort]', { timeout: TIMEOUT });
      await page.fill('#cf-q', 'a');
      await page.press('#cf-q', 'Enter');
      await page.waitForFunction(() => /match/.test(document.querySelector('[data-cg-career-count]').textContent), null, { timeout: TIMEOUT });
    },
  });
  await pageKind('search, typing a query', 'search/', {
    act: async (page) => {
      // The search page lists results as the reader types, then Enter
      // keeps the query in the URL.
      await page.locator('#cg-page-search-q').pressSequentially('manager');
      await page.waitForSelector('.cg-search__results li', { timeout: TIMEOUT });
      await page.press('#cg-page-search-q', 'Enter');
      await page.waitForURL(/\?q=manager/, { timeout: TIMEOUT });
      await page.waitForSelector('.cg-search__results li', { timeout: TIMEOUT });
    },
  });
  await pageKind('compare, picking two careers', 'compare/', {
    act: async (page) => {
      // Two careers from the combobox: the first suggestion for "a", twice
      // (a chosen career is not suggested again).
      for (let i = 0; i < 2; i++) {
        await page.fill('#cg-compare-input', '');
        await page.locator('#cg-compare-input').pressSequentially('a');
        await page.waitForSelector('#cg-compare-listbox [role=option]', { timeout: TIMEOUT });
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
        await page.waitForFunction((n) => document.querySelectorAll('.cg-compare__pick').length === n, i + 1, { timeout: TIMEOUT });
      }
      await page.waitForURL(/\?c=/, { timeout: TIMEOUT });
      await page.waitForSelector('.cg-compare__table', { timeout: TIMEOUT });
    },
  });
  await pageKind('404', 'no-such-page/', { status: 404 });
} catch (error) {
  setupFailed(error);
} finally {
  await browser?.close().catch(() => {});
  host?.server.close();
  rmSync(work, { recursive: true, force: true });
}

finish();
