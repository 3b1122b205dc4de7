// Responsive images as a reader meets them in a real browser: builds a
// copy of the `images-site` fixture (a page bundle with a PNG hero, a
// Markdown image and figures) and checks, in Debian's headless Chromium at
// 390 and 1366 px, that the hero loads its WebP copy, fits the column
// without overflowing the page, keeps the drawing's shape and causes no
// layout shift (its `width` and `height` reserve the room), and that the
// images below it load lazily. Writes screenshots under
// target/browser-screenshots/images-*.png.
//
// Usage: node images.mjs <path to the careergen binary>
// Prints one line per check and `browser: N passed, M failed`.

import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assert, build, launch, repo, serve, shots, SOURCE_DATE_EPOCH, tally } from './harness.mjs';

const TIMEOUT = 10_000;

const { check, finish } = tally();

// A copy, so that the image cache is not written into the repository.
const work = mkdtempSync(join(tmpdir(), 'careergen-images-'));
const site = join(work, 'site');
cpSync(join(repo, 'tests', 'fixtures', 'images-site'), site, { recursive: true });
cpSync(join(repo, 'themes'), join(site, 'themes'), { recursive: true });
const out = build(site, join(work, 'public'), { env: { SOURCE_DATE_EPOCH } });
const { server, url } = await serve(out);

mkdirSync(shots, { recursive: true });
const browser = await launch();
try {
  for (const width of [390, 1366]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    // Every layout shift from the first paint on.
    await page.addInitScript(() => {
      window.__shifts = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__shifts += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(url + 'registered-nurse/', { waitUntil: 'load' });
    const label = `${width} px`;

    await check(`hero at ${label}: loads a WebP copy no wider than it needs`, async () => {
      const hero = await page.$eval('.hero img', (img) => ({
        complete: img.complete,
        natural: img.naturalWidth,
        current: img.currentSrc,
      }));
      assert(hero.complete && hero.natural > 0, `the hero did not load: ${JSON.stringify(hero)}`);
      assert(/hospital-\d+w\.webp$/.test(hero.current), `expected a WebP copy, got ${hero.current}`);
      if (width === 390) assert(hero.natural <= 800, `a 390 px screen loaded the ${hero.natural} px copy`);
    });

    await check(`hero at ${label}: fits its column, keeps its shape, the page does not scroll sideways`, async () => {
      const box = await page.$eval('.hero img', (img) => {
        const rect = img.getBoundingClientRect();
        const column = img.closest('header').getBoundingClientRect();
        return { left: rect.left, right: rect.right, width: rect.width, height: rect.height, columnRight: column.right + 0.5 };
      });
      assert(box.left >= 0 && box.right <= box.columnRight, `the hero overflows its column: ${JSON.stringify(box)}`);
      assert(Math.abs(box.height / box.width - 0.5) < 0.01, `the hero is out of shape: ${JSON.stringify(box)}`);
      const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert(scroll <= inner, `the page is ${scroll} px wide in a ${inner} px window`);
    });

    await check(`hero at ${label}: its width and height reserve its room, so nothing shifts`, async () => {
      const attrs = await page.$eval('.hero img', (img) => [img.getAttribute('width'), img.getAttribute('height')]);
      assert(attrs[0] === '1200' && attrs[1] === '600', `width and height: ${attrs}`);
      // Scroll through, so that lazy images load too.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForTimeout(300);
      await page.evaluate(() => window.scrollTo(0, 0));
      const shifts = await page.evaluate(() => window.__shifts);
      assert(shifts < 0.01, `layout shift ${shifts}`);
    });

    await check(`images below the hero at ${label}: load lazily, sized, and show`, async () => {
      const below = await page.$$eval('.prose img', (imgs) => imgs.map((img) => ({
        loading: img.getAttribute('loading'),
        width: img.getAttribute('width'),
        shown: img.complete && img.naturalWidth > 0,
        fits: img.getBoundingClientRect().right <= document.documentElement.clientWidth,
      })));
      assert(below.length === 3, `expected 3 images in the text, found ${below.length}`);
      for (const img of below) {
        assert(img.loading === 'lazy' && img.width && img.shown && img.fits, JSON.stringify(below));
      }
    });

    await page.screenshot({ path: join(shots, `images-guide-${width}.png`), fullPage: false });
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
  rmSync(work, { recursive: true, force: true });
}

finish();
