// `npm run test:browser`: serves dist/ on 127.0.0.1, opens every page found in dist/ in
// headless Chromium and fails on console errors, page errors, HTTP errors, Framework error
// cells, chart containers without their SVG, any request to another host, and any accessibility
// violation axe-core finds (WCAG 2.1 A and AA: tests/browser/axe.ts) at 1400 px and at 390 px.
// Page-specific scenarios (XSS note, live reweighting…) are in scenarios.ts. Pages the site's own
// data never build ("Review YEAR") are checked on a copy built for them (review.ts), unless the dist
// has them already. `--pages-only`: the dist's pages alone; `--review-only`: the review pages alone.
import { readdirSync, mkdirSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { serveDirectory } from "../../scripts/static-server.ts";
import { scenarios } from "./scenarios.ts";
import { checkUntrustedText } from "./untrusted.ts";
import { checkAccessibility } from "./axe.ts";
import { PHONE } from "./scenarios/phone.ts";
import { checkReviewPages } from "./review.ts";

/** The desktop width pages are opened, checked and photographed at; PHONE is the other. */
export const DESKTOP = { width: 1400, height: 900 };
import { sitePathOf } from "../../loaders/pages/page.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dist = path.resolve(root, process.env.DIST ?? "dist");
const shots = process.env.SCREENSHOTS ?? path.join(root, "tests", "browser", "screenshots");
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Every page in dist/: each .html outside Framework's `_`-prefixed asset folders. */
export function findPages(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!entry.name.startsWith("_") && entry.name !== "pdf") out.push(...findPages(dir, rel));
    } else if (entry.name.endsWith(".html") && entry.name !== "404.html") out.push("/" + rel.replace(/\.html$/, "").replace(/(^|\/)index$/, "$1"));
  }
  return out.sort();
}

export interface PageResult {
  page: string;
  failures: string[];
  bytes: number;
  /** Bytes as sent over the wire (compressed bodies), HTML and everything the page loaded. */
  compressedBytes: number;
  chartsMs: number | null;
  notes: string[];
}

export async function checkPage(browser: Browser, base: string, pagePath: string): Promise<PageResult> {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page: Page = await context.newPage();
  const failures: string[] = [];
  const notes: string[] = [];
  let bytes = 0;
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname !== "127.0.0.1" && url.protocol !== "data:" && url.protocol !== "blob:") {
      failures.push(`request to a third party: ${url.href}`);
      return route.abort();
    }
    return route.continue();
  });
  page.on("console", (msg) => {
    if (msg.type() === "error") failures.push(`console error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => failures.push(`page error: ${err.message}`));
  page.on("response", (res) => {
    if (res.status() >= 400) failures.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  const started = Date.now();
  await page.goto(base + pagePath, { waitUntil: "load" });
  let chartsMs: number | null = null;
  try {
    // Framework renders cells asynchronously; charts are ready when every container has its SVG.
    await page.waitForFunction(
      () => {
        const charts = [...document.querySelectorAll(".chart-canvas")];
        return document.querySelector("#observablehq-main") && charts.every((c) => c.querySelector("svg"));
      },
      null,
      { timeout: 15_000 },
    );
    chartsMs = Date.now() - started;
  } catch {
    const missing = await page.$$eval(".chart-canvas", (cs) => cs.filter((c) => !c.querySelector("svg")).length);
    failures.push(`${missing} chart container(s) without an SVG after 15 s`);
  }
  await page.waitForLoadState("networkidle").catch(() => undefined);
  // Bytes as the page itself saw them (Resource Timing), counted once the network is idle.
  const sizes = await page.evaluate(() =>
    (performance.getEntriesByType("navigation") as PerformanceResourceTiming[])
      .concat(performance.getEntriesByType("resource") as PerformanceResourceTiming[])
      .map((e) => ({ decoded: e.decodedBodySize || e.transferSize || 0, encoded: e.encodedBodySize || e.transferSize || 0 })),
  );
  bytes = sizes.reduce((sum, e) => sum + e.decoded, 0);
  const compressedBytes = sizes.reduce((sum, e) => sum + e.encoded, 0);
  const errorCells = await page.$$eval(".observablehq--error", (els) => els.map((e) => e.textContent?.trim() ?? ""));
  for (const e of errorCells) failures.push(`Framework error cell: ${e.slice(0, 300)}`);
  // The screenshot shows the page as first drawn at desktop width, before scenarios interact.
  mkdirSync(shots, { recursive: true });
  const name = pagePath === "/" ? "index" : pagePath.slice(1).replace(/\//g, "_");
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  failures.push(...(await checkAccessibility(page, { page: pagePath, width: DESKTOP.width })));
  // Every page in both languages (findPages finds /ru/ too): a scenario applies to a page's twins alike.
  const lang = sitePathOf(pagePath) === pagePath ? "en" : "ru";
  for (const scenario of scenarios.filter((s) => s.applies(sitePathOf(pagePath)))) {
    try {
      notes.push(...((await scenario.run(page, { base, pagePath, lang })) ?? []));
    } catch (e) {
      failures.push(`${scenario.name}: ${(e as Error).message}`);
    }
  }
  // At phone width (the phone scenario may already have resized), once the charts have redrawn.
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(shots, `${name}-${PHONE.width}.png`), fullPage: true });
  failures.push(...(await checkAccessibility(page, { page: pagePath, width: PHONE.width })));
  await context.close();
  return { page: pagePath, failures, bytes, compressedBytes, chartsMs, notes };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

async function main(): Promise<void> {
  const reviewOnly = process.argv.includes("--review-only");
  if (!reviewOnly && !existsSync(path.join(dist, "index.html"))) {
    console.error(`${dist} has no index.html: run \`npm run build\` first.`);
    process.exit(1);
  }
  const pages = reviewOnly ? [] : findPages(dist);
  const served = reviewOnly ? null : await serveDirectory(dist); // --review-only needs no dist
  const url = served?.url ?? "";
  const browser = await launch();
  let passed = 0;
  let failed = 0;
  let checked = pages.length;
  const report = (r: PageResult) => {
    const figures = `${(r.bytes / 1024).toFixed(0)} kB loaded, ${(r.compressedBytes / 1024).toFixed(0)} kB compressed, charts drawn in ${r.chartsMs ?? "—"} ms`;
    if (r.failures.length === 0) {
      passed++;
      console.log(`ok   ${r.page}  (${figures})`);
    } else {
      failed++;
      console.log(`FAIL ${r.page}  (${figures})`);
      for (const f of r.failures) console.log(`       ${f}`);
    }
    for (const n of r.notes) console.log(`       ${n}`);
  };
  try {
    for (const p of pages) report(await checkPage(browser, url, p));
    served?.server.close();
    if (!process.argv.includes("--pages-only") && !pages.some((p) => /^\/review\//.test(sitePathOf(p)))) {
      const review = await checkReviewPages(browser);
      checked += review.length;
      for (const r of review) report(r);
    }
    if (!process.argv.includes("--pages-only") && !reviewOnly) {
      const r = await checkUntrustedText(browser);
      if (r.failures.length === 0) {
        passed++;
        console.log(`ok   ${r.name}`);
      } else {
        failed++;
        console.log(`FAIL ${r.name}`);
        for (const f of r.failures) console.log(`       ${f}`);
      }
    }
  } finally {
    await browser.close();
    served?.server.close();
  }
  console.log(`browser: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && checked > 0 ? 0 : 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
