// The build's work grows with the data, not faster, and no file carries the whole project. No timing
// here: the look-ups are counted (every read of the result's rows goes through a counting proxy), so
// a per-item filter over the whole result shows up as a count that grows with the square.
import { describe, it, expect, afterAll } from "vitest";
import { mkdtempSync, openSync, closeSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { syntheticProject } from "../bench/synthetic.ts";
import { computeIndex, type PipelineResult } from "../loaders/pipeline.ts";
import { traceCountryPayload, traceCountryYear, traceIndexPayload, traceLookup, traceable, type Trace } from "../loaders/present/trace.ts";
import { traceCountries } from "../loaders/present/trace-data.ts";
import { changesOf, type ChangesYear } from "../loaders/present/changes-data.ts";
import { changesPayload, MOVED_SHOWN } from "../loaders/present/changes.ts";
import { withChanges } from "../loaders/claims.ts";
import { changeYearsOf, pageRoutes } from "../loaders/pages/routes.ts";
import { countryPayload, countryRows } from "../loaders/present/pages.ts";
import { writeJson, writeLoaderOutputs, dataLoaders } from "../loaders/payloads.ts";
import { sharedState } from "../loaders/framework.ts";
import { repoRoot } from "./helpers/project-copy.ts";

/** `rows` behind a proxy that counts every element read (index access, iteration, filter, map, find…). */
function counted<T>(rows: T[], tally: { reads: number }): T[] {
  return new Proxy(rows, {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key)) tally.reads++;
      return Reflect.get(target, key, receiver);
    },
  });
}
function countedResult(result: PipelineResult) {
  const tally = { reads: 0 };
  const r: PipelineResult = { ...result, answers: counted(result.answers, tally), sections: counted(result.sections, tally), surveys: counted(result.surveys, tally), index: counted(result.index, tally) };
  const rows = result.answers.length + result.sections.length + result.surveys.length + result.index.length;
  return { r, tally, rows };
}

describe("presentation look-ups are by key, not a scan of the result per country-year", () => {
  // 12 countries × 5 years: a scan per country-year reads every row 60 times.
  const project = syntheticProject({ countries: 12, years: 5, indicators: 40, respondents: 10, seed: 3 });
  const result = computeIndex(project, undefined, { intervals: false });

  it("every country's trace file, from one grouping of the result, reads each row a few times, not once per country-year", () => {
    const { r, tally, rows } = countedResult(result);
    const lookup = traceLookup(r, project);
    const files = project.countries.map((c) => traceCountryPayload(project, r, c.code, lookup));
    expect(files.map((f) => f.traces.length)).toEqual(new Array(12).fill(5));
    expect(files.every((f) => f.traces.every((t) => t.country === f.country))).toBe(true);
    expect(files[3]).toEqual(traceCountryPayload(project, result, "XAD")); // same file as without the proxy
    expect(tally.reads).toBeLessThanOrEqual(3 * rows);
  });

  it("the audit page's first view traces one country-year, not all of them", () => {
    const { r, tally, rows } = countedResult(result);
    const first = traceIndexPayload(project, r);
    expect(first.traces.map((t) => `${t.country} ${t.year}`)).toEqual(["XAA 2005"]);
    expect(first.countries.map((c) => c.years.length)).toEqual(new Array(12).fill(5));
    expect(tally.reads).toBeLessThanOrEqual(3 * rows);
  });

  it("every country page from rows grouped once reads each row a few times, not once per country", () => {
    const { r, tally, rows } = countedResult(result);
    const grouped = countryRows(r);
    const pages = project.countries.map((c) => countryPayload(project, r, c.code, "en", grouped));
    expect(pages.map((p) => p.cells.length)).toEqual(new Array(12).fill(5 * 40));
    expect(pages[3]).toEqual(countryPayload(project, result, "XAD")); // same page as grouping for one country
    expect(tally.reads).toBeLessThanOrEqual(3 * rows);
  });
});

describe("a What changed pair carries what its change block shows", () => {
  // 40 indicators, about a third of them changing each year: far more moved indicators than are listed.
  const project = syntheticProject({ countries: 3, years: 3, indicators: 40, respondents: 5, seed: 11 });
  const result = withChanges(project, computeIndex(project, undefined, { intervals: false }));
  it("the first MOVED_SHOWN moved indicators in the attribution's order, and not every contribution", () => {
    const pairs = changesPayload(project, result).pairs;
    const moved = (country: string, year: number) => result.attribution.pairs.find((p) => p.country === country && p.to_year === year)!.indicators.filter((i) => i.contribution !== 0 || i.reason);
    expect(pairs.some((p) => moved(p.country, p.to_year).length > MOVED_SHOWN)).toBe(true);
    for (const p of pairs) {
      expect(p.indicators.map((i) => [i.indicator, i.contribution]), `${p.country} ${p.to_year}`).toEqual(moved(p.country, p.to_year).slice(0, MOVED_SHOWN).map((i) => [i.indicator, i.contribution]));
      expect(p).not.toHaveProperty("rows");
    }
  });
});

describe("writeJson", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "pti-json-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it("writes exactly JSON.stringify's text, in pieces", () => {
    const value = {
      a: [1, null, undefined, () => 0, "x\u2028y\"", [[[[{ deep: [1, { z: undefined, w: -0 }] }]]]]],
      b: undefined,
      c: { toJSON: () => ({ replaced: true }) },
      d: new Float64Array([0.1, 2]),
      e: new Date(Date.UTC(2000, 0, 1)),
      "ключ": { nested: { more: { deeper: { deepest: [NaN, Infinity] } } } },
      big: Array.from({ length: 30_000 }, (_, i) => ({ i, s: `row ${i}` })),
    };
    const file = path.join(dir, "v.json");
    const fd = openSync(file, "w");
    const bytes = writeJson(fd, value);
    closeSync(fd);
    const want = JSON.stringify(value);
    expect(readFileSync(file, "utf8")).toBe(want);
    expect(bytes).toBe(Buffer.byteLength(want));
  });
});

describe("the build's loader outputs (data/ of this repository)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "pti-outputs-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const files = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(d, e.name)).map((f) => `${e.name}/${f}`) : [e.name]));

  it("are one file per page's data, each country's holding only its own rows, and each the same as the loader run alone prints", async () => {
    const shared = await sharedState(repoRoot);
    const { written, skipped } = await writeLoaderOutputs(repoRoot, shared, dir);
    expect(skipped).toEqual([]);
    expect(written.map((w) => w.loader)).toEqual(dataLoaders(repoRoot).map((l) => l.loader));
    const countries = [...new Set(shared.result.index.map((r) => r.country))].sort();
    expect(files(path.join(dir, "data", "countries")).sort()).toEqual(countries.map((c) => `${c}.json`));
    let cells = 0;
    for (const code of countries) {
      const page = JSON.parse(readFileSync(path.join(dir, "data", "countries", `${code}.json`), "utf8")) as { code: string; cells: unknown[]; pairs: { country: string }[] };
      expect(page.code).toBe(code);
      expect(page.cells.length).toBe(shared.result.answers.filter((a) => a.country === code).length);
      expect(page.pairs.every((p) => p.country === code)).toBe(true);
      cells += page.cells.length;
    }
    expect(cells).toBe(shared.result.answers.length);

    // The audit trace: one file per country, each holding that country's traces and no other's, with
    // the same numbers as traced one country-year at a time (what the single file of all traces held).
    expect(traceCountries(shared)).toEqual(countries);
    expect(files(path.join(dir, "data", "trace")).sort()).toEqual(countries.map((c) => `${c}.json`));
    const { method_texts } = JSON.parse(readFileSync(path.join(dir, "data", "audit-trace-index.json"), "utf8")) as { method_texts: Record<string, object> };
    const lookup = traceLookup(shared.result, shared.project);
    let traced = 0;
    for (const file of files(path.join(dir, "data", "trace"))) {
      const code = file.replace(/\.json$/, "");
      const payload = JSON.parse(readFileSync(path.join(dir, "data", "trace", file), "utf8")) as { country: string; traces: Trace[] };
      expect(payload.country).toBe(code);
      expect([...new Set(payload.traces.map((t) => t.country))], `data/trace/${file} holds one country`).toEqual([code]);
      // As the page unpacks them (src/components/trace.js): the survey texts from the first view.
      const unpacked = payload.traces.map((t) => ({ ...t, surveys: t.surveys.map((v) => ({ ...method_texts[t.methodology], ...v })) }));
      const years = traceable(shared.result).filter((c) => c.country === code).map((c) => c.year);
      expect(unpacked.map((t) => t.year)).toEqual(years);
      expect(unpacked).toEqual(years.map((y) => JSON.parse(JSON.stringify(traceCountryYear(shared.result, shared.project, code, y, lookup)))));
      traced += payload.traces.length;
    }
    expect(traced).toBe(shared.result.index.length);
    // What changed: one file per year with a year before it, in each language, each holding that year's
    // pairs and statements and no other's, together every pair once.
    const changeYears = changeYearsOf(shared.result.index);
    // The same years as the What changed pages (from the sheets on disk): every page has its file.
    expect(changeYears).toEqual((await pageRoutes(repoRoot)).changeYears);
    // Statements in some year, so that their split by year is tested too.
    expect(changeYears.some((y) => changesOf(shared).claims_by_year[y])).toBe(true);
    for (const [lang, folder] of [["en", path.join(dir, "data", "changes")], ["ru", path.join(dir, "data", "ru", "changes")]] as const) {
      expect(files(folder).sort()).toEqual(changeYears.map((y) => `${y}.json`));
      const all = changesOf(shared, lang);
      let pairs = 0;
      for (const year of changeYears) {
        const file = JSON.parse(readFileSync(path.join(folder, `${year}.json`), "utf8")) as ChangesYear;
        expect(file.pairs.length, `${lang} ${year}`).toBeGreaterThan(0);
        expect(file.pairs.every((p) => p.to_year === year)).toBe(true);
        expect(file.claims.every((c) => c.year === year)).toBe(true);
        expect(file.claims.length).toBe(all.claims.filter((c) => c.year === year).length);
        expect(file.claims_by_year).toStrictEqual(all.claims_by_year[year] ? { [year]: all.claims_by_year[year] } : {});
        expect(file.names).toEqual(all.names);
        pairs += file.pairs.length;
      }
      expect(pairs).toBe(all.pairs.length);
    }

    // No output is the whole project: the largest is smaller than the project's answers alone.
    const largest = Math.max(...files(dir).map((f) => statSync(path.join(dir, f)).size));
    expect(largest).toBeLessThan(Buffer.byteLength(JSON.stringify({ project: shared.project, result: shared.result })) / 2);

    // A loader run on its own (as Framework runs one whose output is missing) prints the same bytes.
    const env = { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true" };
    for (const [loader, args, output] of [
      ["src/data/results.json.ts", [], "data/results.json"],
      ["src/data/countries/[code].json.ts", [`--code=${countries[0]}`], `data/countries/${countries[0]}.json`],
      ["src/data/trace/[country].json.ts", [`--country=${countries.at(-1)}`], `data/trace/${countries.at(-1)}.json`],
      ["src/data/ru/changes/[year].json.ts", ["--year=2021"], "data/ru/changes/2021.json"],
    ] as const) {
      const r = spawnSync(process.execPath, ["--import", "tsx", loader, ...args], { cwd: repoRoot, env, maxBuffer: 1 << 28 });
      expect(r.status, String(r.stderr)).toBe(0);
      expect(r.stdout.equals(readFileSync(path.join(dir, output))), `${loader} ${args.join(" ")}`).toBe(true);
    }
  }, 300_000);
});
