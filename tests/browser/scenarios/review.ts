// "Review YEAR" pages (only in a dist built while YEAR has no edition: check.ts builds one, see
// tests/browser/review.ts): the table of changed answers and the warnings show the page's payload,
// row by row and cell by cell, under the column names of the page's language.
import type { Page } from "playwright-core";
import type { Scenario } from "../scenarios.ts";
import { t } from "../../../loaders/shared/strings/index.ts";
import type { StringKey } from "../../../loaders/shared/strings/en.ts";

const CHANGE_KEYS = ["country", "indicator", "before", "now", "points", "change", "source", "note", "where"] as const;

interface Payload {
  rows: Record<(typeof CHANGE_KEYS)[number], string>[];
  warnings: { where: string; message: string }[];
}

/** The year's payload in the page's language, from the review.json the page itself loaded. */
async function payloadOf(page: Page, year: string, lang: string): Promise<Payload> {
  const url = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name).find((n) => /\/_file\/data\/review\.[^/]*json$/.test(n)));
  if (!url) throw new Error("the page loaded no data/review.json");
  const all = (await (await page.request.get(url)).json()) as { years: Record<string, Record<string, Payload>> };
  const p = all.years[year]?.[lang];
  if (!p) throw new Error(`review.json has no ${year} in ${lang}`);
  return p;
}

/** Each table of the page's main part: its column names and its body's cell texts. */
const tablesOf = (page: Page) =>
  page.$$eval("#observablehq-main table.figures", (ts) =>
    ts.map((tb) => ({
      head: [...tb.querySelectorAll("thead th")].map((c) => c.textContent ?? ""),
      body: [...tb.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((c) => c.textContent ?? "")),
    })),
  );

export const scenarios: Scenario[] = [
  {
    name: "review: the changed answers and the warnings are the page's payload, in its language",
    applies: (p) => /^\/review\/\d{4}$/.test(p),
    async run(page, { pagePath, lang }) {
      const year = pagePath.slice(-4);
      const prev_year = Number(year) - 1;
      const payload = await payloadOf(page, year, lang);
      const tables = await tablesOf(page);
      const [changes, warnings] = tables;
      const col = (k: string) => t(lang, `review.page.col.${k}` as StringKey, { year, prev_year });
      const expectedHead = ["country", "indicator", "old", "new", "points", "change", "source", "note", "where"].map(col);
      if (!changes) throw new Error("no table of changed answers");
      if (JSON.stringify(changes.head) !== JSON.stringify(expectedHead)) throw new Error(`changed answers' columns: ${changes.head.join(" | ")}; expected ${expectedHead.join(" | ")}`);
      const expectedRows = payload.rows.map((r) => CHANGE_KEYS.map((k) => r[k]));
      if (JSON.stringify(changes.body) !== JSON.stringify(expectedRows))
        throw new Error(`changed answers: ${JSON.stringify(changes.body)}; the payload has ${JSON.stringify(expectedRows)}`);
      if (payload.warnings.length) {
        const expected = payload.warnings.map((w) => [w.where, w.message]);
        if (JSON.stringify(warnings?.head) !== JSON.stringify([col("where"), col("message")])) throw new Error(`warnings' columns: ${warnings?.head.join(" | ") ?? "no table"}`);
        if (JSON.stringify(warnings!.body) !== JSON.stringify(expected)) throw new Error(`warnings: ${JSON.stringify(warnings!.body)}; the payload has ${JSON.stringify(expected)}`);
      } else {
        const none = t(lang, "review.page.no_warnings", { year });
        if (tables.length !== 1 || !(await page.textContent("#observablehq-main"))!.includes(none)) throw new Error(`no warning, and the page does not say "${none}"`);
      }
      return [`review ${year}: ${payload.rows.length} changed answer(s), ${payload.warnings.length} warning(s)`];
    },
  },
];
