// Search on a 10,000-guide site, in a real browser: generates the corpus
// with examples/gen_corpus.rs (once; it is kept under
// target/browser-corpus/), builds it with careergen, serves it below a
// sub-path (/careers/) from a local static server, and searches from the
// search page in Debian's headless Chromium (driven by playwright-core).
//
// Checks that a typical query ("manager") finds results and downloads at
// most BUDGET bytes in total (Pagefind's runtime, index chunks and records,
// and the title words when asked for), counted as they cross the network:
// the server compresses text files (scripts, JSON) with gzip when the
// browser accepts it, as static hosts do, and Pagefind's own index files
// are gzip already. Also checks that nothing is requested from any other
// host, that a typo is corrected (within TYPO_BUDGET: it also downloads the
// index chunk of the misspelt word and the title words) and that
// "Show more" adds the next page of results. Prints, without asserting
// them, the bytes on the wire and uncompressed, the largest files and the
// time from pressing Enter to the first results (median of RUNS fresh page
// loads, cold cache each time).
//
// Usage: node search-scale.mjs <path to the careergen binary>
// Prints one line per check and `browser: N passed, M failed`; exits
// 1 on any failure.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assert, build, corpus, launch, serve, tally } from './harness.mjs';

const GUIDES = Number(process.env.SEARCH_SCALE_GUIDES ?? 10_000);
const TIMEOUT = 30_000;
/** What one search may download in total, in bytes on the wire. */
const BUDGET = 200 * 1000;
/** What a misspelt search may download: BUDGET, plus the index chunk of
    the misspelt word (about 37 KB at 10,000 guides) and the title words. */
const TYPO_BUDGET = 240 * 1000;
const RUNS = 5;
const PREFIX = '/careers/';

const { check, setupFailed, finish } = tally();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const work = mkdtempSync(join(tmpdir(), 'careergen-search-scale-'));
let browser;
let site;
try {
  const out = build(corpus(GUIDES), join(work, 'public'), {
    args: ['--quiet', '--base-url', `https://example.org${PREFIX}`], stderr: 'inherit',
  });
  // A sub-path deploy, text gzipped as static hosts send it.
  site = await serve(out, { prefix: PREFIX, gzip: true });
  browser = await launch();

  /**
   * Opens the search page in a fresh context (empty cache), searches for
   * `query` with Enter and returns what was found, the bytes each response
   * after the page's load carried (`bytes` on the wire, `decoded` once
   * uncompressed), any request to another host, and the milliseconds from
   * Enter to the first result on screen.
   */
  async function searchFor(query) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    const errors = [];
    const foreign = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('request', (request) => {
      if (!request.url().startsWith(site.url) && !request.url().startsWith('data:')) foreign.push(request.url());
    });
    await page.goto(site.url + 'search/', { waitUntil: 'load' });
    const files = [];
    page.on('response', async (response) => {
      try {
        const decoded = (await response.body()).length;
        const { responseBodySize } = await response.request().sizes();
        files.push([new URL(response.url()).pathname, responseBodySize, decoded]);
      } catch {
        // A response without a body (a redirect): nothing downloaded.
      }
    });
    await page.fill('#cg-page-search-q', query);
    const start = Date.now();
    await page.press('#cg-page-search-q', 'Enter');
    await page.waitForSelector('.cg-search__results li, .cg-search__none');
    const ms = Date.now() - start;
    await page.waitForFunction(() => /found/.test(document.querySelector('h1').textContent));
    // Let any late request land before counting.
    await page.waitForLoadState('networkidle');
    const found = await page.evaluate(() => ({
      heading: document.querySelector('h1').textContent.trim(),
      titles: [...document.querySelectorAll('.cg-search__results .cg-search__link')].map((a) => a.textContent),
      hrefs: [...document.querySelectorAll('.cg-search__results .cg-search__link')].map((a) => a.getAttribute('href')),
      more: document.querySelector('.cg-search__more:not([hidden])')?.textContent ?? null,
    }));
    const bytes = files.reduce((n, [, b]) => n + b, 0);
    const decoded = files.reduce((n, [, , d]) => n + d, 0);
    return { page, context, found, files, bytes, decoded, ms, foreign, errors };
  }

  await check(`search at ${GUIDES} guides: "manager" downloads under ${BUDGET / 1000} KB in all (on the wire), from this site only`, async () => {
    const times = [];
    const sizes = [];
    const decoded = [];
    let last;
    for (let i = 0; i < RUNS; i++) {
      const r = await searchFor('manager');
      times.push(r.ms);
      sizes.push(r.bytes);
      decoded.push(r.decoded);
      last = r;
      await r.context.close();
    }
    const { found, files, foreign, errors } = last;
    console.log(`      first results after ${median(times)} ms (median of ${RUNS}: ${times.join(', ')} ms); `
      + `downloaded ${median(sizes)} bytes in ${files.length} files (${median(decoded)} bytes uncompressed)`);
    for (const [path, bytes, plain] of files.sort((a, b) => b[1] - a[1]).slice(0, 6)) console.log(`        ${bytes}\t(${plain})\t${path}`);
    assert(errors.length === 0, `page errors: ${errors}`);
    assert(foreign.length === 0, `requests to other hosts: ${foreign}`);
    // Counts are written in the page's language: "8,127" in English.
    const n = Number(found.heading.match(/^([\d,]+) careers found for “manager”$/)?.[1].replace(/,/g, ''));
    assert(n > 20, `heading: ${found.heading}`);
    assert(found.titles.length === 20, `${found.titles.length} results on the first page`);
    assert(/manager/i.test(found.titles[0]), `first result: ${found.titles[0]}`);
    assert(found.hrefs.every((h) => new URL(h).pathname.startsWith(PREFIX)), `result links leave the sub-path: ${found.hrefs}`);
    assert(Math.max(...sizes) <= BUDGET, `downloaded ${Math.max(...sizes)} bytes (budget ${BUDGET})`);
  });

  await check(`search at ${GUIDES} guides: "Show more" adds the next 20 results`, async () => {
    const r = await searchFor('manager');
    await r.page.click('.cg-search__more');
    await r.page.waitForFunction(() => document.querySelectorAll('.cg-search__results li').length === 40);
    const focused = await r.page.evaluate(() => document.activeElement?.closest('li') === document.querySelectorAll('.cg-search__results li')[20]);
    await r.context.close();
    assert(r.found.more && /^Show 20 more of \d{1,3}(,\d{3})*$/.test(r.found.more), `button: ${r.found.more}`);
    assert(focused, 'focus does not move to the first new result');
  });

  await check(`search at ${GUIDES} guides: a misspelt title word is corrected`, async () => {
    const right = await searchFor('manager');
    await right.context.close();
    const typo = await searchFor('mnaager');
    await typo.context.close();
    assert(typo.found.heading.replace('mnaager', 'manager') === right.found.heading, `${typo.found.heading} / ${right.found.heading}`);
    assert(typo.found.titles[0] === right.found.titles[0], `${typo.found.titles[0]} / ${right.found.titles[0]}`);
    console.log(`      "mnaager" downloaded ${typo.bytes} bytes in ${typo.files.length} files (${typo.decoded} bytes uncompressed)`);
    assert(typo.bytes <= TYPO_BUDGET, `the corrected search downloaded ${typo.bytes} bytes (budget ${TYPO_BUDGET})`);
  });
} catch (error) {
  setupFailed(error);
} finally {
  await browser?.close();
  site?.server.close();
  rmSync(work, { recursive: true, force: true });
}

finish();
