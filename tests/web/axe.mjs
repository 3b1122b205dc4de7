// axe-core in Debian's headless Chromium, driven by playwright-core (no
// browser download). Serves a built site from a local static server under a
// URL prefix (to exercise a sub-path deploy), opens each page in light and
// dark mode at 390 and 1366 px, and fails on any serious or critical
// violation, or on a page that does not load.
//
//   node tests/web/axe.mjs <folder served as /> <prefix, e.g. /careers/> <page>...
//
// A page is `name=path`, the path relative to the prefix (may carry ?query).

import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const [root, prefix = "/", ...pageArgs] = process.argv.slice(2);
if (!root || pageArgs.length === 0) {
  console.error("usage: axe.mjs <root> <prefix> name=path...");
  process.exit(2);
}
const pages = pageArgs.map((arg) => {
  const at = arg.indexOf("=");
  return { name: arg.slice(0, at), path: arg.slice(at + 1) };
});

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

function resolveFile(urlPath) {
  let file = path.join(root, decodeURIComponent(urlPath));
  if (!file.startsWith(path.resolve(root))) return null;
  try {
    if (fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    fs.accessSync(file);
    return file;
  } catch {
    return null;
  }
}

const server = http.createServer((req, res) => {
  const urlPath = new URL(req.url, "http://localhost").pathname;
  const file = resolveFile(urlPath);
  if (!file) {
    const notFound = resolveFile(prefix + "404.html");
    res.writeHead(404, { "content-type": TYPES[".html"] });
    res.end(notFound ? fs.readFileSync(notFound) : "not found");
    return;
  }
  res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
  res.end(fs.readFileSync(file));
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
let failures = 0;
let checks = 0;
try {
  for (const colorScheme of ["light", "dark"]) {
    for (const width of [390, 1366]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
      for (const { name, path: pagePath } of pages) {
        const page = await context.newPage();
        const url = origin + prefix + pagePath;
        const where = `${name} (${colorScheme}, ${width} px)`;
        checks++;
        const response = await page.goto(url, { waitUntil: "networkidle" });
        if (!response || response.status() !== 200) {
          console.log(`  ${where}: HTTP ${response ? response.status() : "no response"} for ${prefix}${pagePath}`);
          failures++;
          await page.close();
          continue;
        }
        await page.addScriptTag({ content: axeSource });
        const result = await page.evaluate(() =>
          // eslint-disable-next-line no-undef
          axe.run(document, { resultTypes: ["violations"] }),
        );
        const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        for (const v of bad) {
          const targets = v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ");
          console.log(`  ${where}: ${v.impact} ${v.id}: ${v.help} [${targets}]`);
        }
        if (bad.length) failures++;
        await page.close();
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`  axe: ${checks - failures} of ${checks} page views without serious or critical violations`);
process.exit(failures ? 1 : 0);
