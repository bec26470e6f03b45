// "Review YEAR" exists only while YEAR has sheets and no published edition, so the site's own dist
// has none: this builds a copy of the project with a 2025 year (tests/helpers/review-year.ts, the
// one the vitest review-page test builds) and checks its two review pages as check.ts checks every
// page (errors, third-party requests, axe at 1400 and 390 px, the review scenario), then that the
// rows are the copy's: the two changed answers of Kazakhstan and the warning about the kept note.
//
// Why here and not in the vitest test, which builds the same copy: that test runs without a browser,
// and a page's checks belong with the others in one report. The copy is built without PDFs
// (PTI_PDF=0), about a minute; the vitest test builds it without PDFs too, so CI pays no more than
// before this page had a browser check.
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { Browser } from "playwright-core";
import { copyProject } from "../helpers/project-copy.ts";
import { add2025 } from "../helpers/review-year.ts";
import { serveDirectory } from "../../scripts/static-server.ts";
import { checkPage, type PageResult } from "./check.ts";

export const REVIEW_PAGES = ["/review/2025", "/ru/review/2025"];

/** What the copy's 2025 review must show: changed answers (country, indicator, 2024, 2025) and warnings (where, message). */
const EXPECTED: Record<string, { rows: string[][]; warnings: string[][] }> = {
  "/review/2025": {
    rows: [
      ["KAZ", "RM-01", "yes", "no"],
      ["KAZ", "LP-02", "partial", "yes"],
    ],
    warnings: [["data/sheets/2025/KAZ.csv:18:note", 'the note on LP-02 is word for word the note of 2024, though the answer changed ("partial" → "yes"); say why it changed in 2025']],
  },
  "/ru/review/2025": {
    rows: [
      ["KAZ", "RM-01", "да", "нет"],
      ["KAZ", "LP-02", "частично", "да"],
    ],
    warnings: [["data/sheets/2025/KAZ.csv:18:note", "примечание к LP-02 слово в слово повторяет примечание 2024 года, хотя ответ изменился («частично» → «да»); объясните, почему он изменился в 2025"]],
  },
};

export async function checkReviewPages(browser: Browser): Promise<PageResult[]> {
  const copy = copyProject();
  try {
    add2025(copy.root);
    const build = spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts"], {
      cwd: copy.root,
      encoding: "utf8",
      env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", PTI_PDF: "0" },
    });
    if (build.status !== 0) return REVIEW_PAGES.map((page) => ({ page, failures: [`build of the copy with a 2025 year failed: ${build.stderr.slice(-2000)}`], bytes: 0, compressedBytes: 0, chartsMs: null, notes: [] }));
    const { server, url } = await serveDirectory(path.join(copy.root, "dist"));
    try {
      const results: PageResult[] = [];
      for (const p of REVIEW_PAGES) {
        const r = await checkPage(browser, url, p);
        r.failures.push(...(await copyRows(browser, url, p)));
        results.push(r);
      }
      return results;
    } finally {
      server.close();
    }
  } finally {
    copy.cleanup();
  }
}

async function copyRows(browser: Browser, base: string, pagePath: string): Promise<string[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(base + pagePath, { waitUntil: "networkidle" });
    await page.waitForSelector("#observablehq-main table.figures", { timeout: 15_000 });
    const tables = await page.$$eval("#observablehq-main table.figures tbody", (bs) => bs.map((b) => [...b.querySelectorAll("tr")].map((tr) => [...tr.children].map((c) => c.textContent ?? ""))));
    const want = EXPECTED[pagePath]!;
    const failures: string[] = [];
    const rows = (tables[0] ?? []).map((r) => r.slice(0, 4));
    if (JSON.stringify(rows) !== JSON.stringify(want.rows)) failures.push(`review 2025 of the copy: changed answers ${JSON.stringify(rows)}, expected ${JSON.stringify(want.rows)}`);
    if (JSON.stringify(tables[1] ?? []) !== JSON.stringify(want.warnings)) failures.push(`review 2025 of the copy: warnings ${JSON.stringify(tables[1] ?? [])}, expected ${JSON.stringify(want.warnings)}`);
    return failures;
  } finally {
    await context.close();
  }
}
