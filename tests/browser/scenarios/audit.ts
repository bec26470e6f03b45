// The audit page: the reconciliation filters work with plain <select>s, the trace explorer shows the
// chosen country-year, and the manifest lists input hashes and (from dist/manifest.json) output hashes.
import type { Scenario } from "../scenarios.ts";
import { t } from "../../../loaders/shared/strings/index.ts";

export const scenarios: Scenario[] = [
  {
    name: "audit: reconciliation table filters by edition and country",
    applies: (p) => p === "/audit",
    async run(page) {
      const rows = () => page.$$eval("#reconciliation-table tbody tr", (trs) => trs.length);
      const all = await rows();
      if (all === 0) throw new Error("the reconciliation table has no rows");
      const editions = await page.$$eval("#reconciliation-table-filter-edition option", (os) => os.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== "all"));
      if (editions.length === 0) throw new Error("no edition to filter by");
      await page.selectOption("#reconciliation-table-filter-edition", editions[0]!);
      const oneEdition = await rows();
      const shown = await page.$$eval("#reconciliation-table tbody tr", (trs) => trs.map((tr) => tr.children[0]?.textContent ?? ""));
      if (shown.some((e) => e !== editions[0])) throw new Error(`filtering by edition ${editions[0]} left other editions: ${[...new Set(shown)].join(", ")}`);
      const countries = await page.$$eval("#reconciliation-table-filter-country option", (os) => os.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== "all"));
      await page.selectOption("#reconciliation-table-filter-country", countries[0]!);
      const both = await rows();
      if (!(both <= oneEdition && oneEdition <= all)) throw new Error(`filters do not narrow: ${all} → ${oneEdition} → ${both}`);
      await page.selectOption("#reconciliation-table-filter-edition", "all");
      await page.selectOption("#reconciliation-table-filter-country", "all");
      return [`reconciliation: ${all} rows; edition ${editions[0]}: ${oneEdition}; and ${countries[0]}: ${both}`];
    },
  },
  {
    name: "audit: the trace explorer shows the chosen country-year",
    applies: (p) => p === "/audit",
    async run(page, { lang }) {
      const indexWord = t(lang, "chart.index");
      const countries = await page.$$eval("#trace-country option", (os) => os.map((o) => (o as HTMLOptionElement).value));
      if (countries.length === 0) return ["no trace (no country-year computed)"];
      // Each country's traces are a file of their own (data/trace/<CODE>.json): the first view fetches none.
      const traceFiles = () =>
        page.evaluate(() =>
          (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).map((e) => /\/data\/trace\/([A-Z]{3})\.[0-9a-f]{8}\.json$/.exec(new URL(e.name).pathname)?.[1]).filter((c): c is string => !!c),
        );
      const atFirst = await traceFiles();
      if (atFirst.length) throw new Error(`the first view fetched trace files of ${atFirst.join(", ")}`);
      const country = countries[0]!;
      await page.selectOption("#trace-country", country);
      const years = await page.$$eval("#trace-year option", (os) => os.map((o) => (o as HTMLOptionElement).value));
      const year = years[0]!;
      await page.selectOption("#trace-year", year);
      // Traces other than the first view load on demand: wait for the chosen one.
      await page
        .waitForFunction(
          ([c, y, w]) => {
            const h = document.querySelector("#trace-view h3")?.textContent ?? "";
            return h.startsWith(`${c} `) && h.includes(` ${y}: ${w} `);
          },
          [country, year, indexWord],
          { timeout: 10_000 },
        )
        .catch(() => undefined); // the check below reports what is shown instead
      const heading = (await page.textContent("#trace-view h3")) ?? "";
      if (!heading.startsWith(`${country} `) || !heading.includes(` ${year}: ${indexWord} `)) throw new Error(`trace heading "${heading}" is not ${country} ${year}`);
      // The country's name in the page's language (data/countries.csv's name_ru on the Russian page).
      const name = /^\S+ \(([^)]+)\)/.exec(heading)?.[1] ?? "";
      if (!(lang === "ru" ? /^[А-ЯЁа-яё ,.-]+$/ : /^[A-Za-z ,.'-]+$/).test(name)) throw new Error(`trace heading "${heading}" does not name the country in ${lang}`);
      const tables = await page.$$eval("#trace-view table", (ts) => ts.length);
      if (tables < 2) throw new Error(`the trace shows ${tables} table(s)`);
      const scripts = await page.$$eval("#trace-view script, #trace-view iframe, #trace-view [onerror]", (xs) => xs.length);
      if (scripts) throw new Error("the trace contains active HTML");
      const fetched = await traceFiles();
      if (fetched.some((c) => c !== country)) throw new Error(`picking ${country} fetched the traces of ${[...new Set(fetched)].join(", ")}`);
      return [`trace ${country} ${year}: ${tables} tables; trace files fetched: ${fetched.join(", ") || "none (the first view's)"}`];
    },
  },
  {
    name: "audit: the manifest lists input and output hashes",
    applies: (p) => p === "/audit",
    async run(page) {
      const hashes = await page.$$eval("#manifest-inputs tbody tr td:last-child", (tds) => tds.map((td) => td.textContent ?? ""));
      if (hashes.length === 0 || hashes.some((h) => !/^[0-9a-f]{64}$/.test(h))) throw new Error(`input hashes missing or malformed (${hashes.length})`);
      await page.waitForSelector("#manifest-outputs", { timeout: 10_000 });
      const outputs = await page.$$eval("#manifest-outputs tbody tr", (trs) => trs.length);
      if (outputs === 0) throw new Error("no output hashes shown from manifest.json");
      return [`manifest: ${hashes.length} inputs, ${outputs} outputs`];
    },
  },
];
