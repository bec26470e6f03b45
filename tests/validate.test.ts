import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { formatProblem, InputError } from "../loaders/problems.ts";
import { checkProject, codebookFor, columnsOf, loadProject } from "../loaders/project.ts";
import { parseRows, readTable } from "../loaders/read.ts";
import { ClaimRow, CountryRow, type Codebook } from "../loaders/schema.ts";
import { governingCodebook } from "../loaders/validate.ts";
import { BAD, FIXTURE_ROOT, fixtureCopy, type Placement } from "./fixtures/copy-fixture.ts";

const REPO = path.resolve(import.meta.dirname, "..");
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});
async function copyWith(placements: Placement[]) {
  const c = await fixtureCopy(placements);
  cleanups.push(c.remove);
  return c.root;
}

describe("the fixture project", () => {
  it("loads into a typed Project", async () => {
    const p = await loadProject(FIXTURE_ROOT);
    expect(p.root).toBe(FIXTURE_ROOT);
    expect(p.countries.map((c) => c.code)).toEqual(["ARM", "KAZ", "KGZ"]);
    expect(p.codebooks.map((c) => c.version)).toEqual(["2019-pilot", "2020"]);
    expect(p.sheets.map((s) => `${s.country} ${s.year} ${s.methodology} ${s.file}`)).toEqual([
      "ARM 2021 2020 data/sheets/2021/ARM.xlsx",
      "KAZ 2019 2019-pilot data/sheets/2019/KAZ.csv",
      "KAZ 2020 2020 data/sheets/2020/KAZ.csv",
      "KGZ 2021 2020 data/sheets/2021/KGZ.csv",
    ]);
    expect(p.surveys.map((s) => s.file)).toEqual(["data/surveys/2020/KAZ.csv", "data/surveys/2021/KGZ.csv"]);
    expect(p.files).toEqual([
      "data/countries.csv",
      "data/methodology/2019-pilot.yaml",
      "data/methodology/2020.yaml",
      "data/published/claims.csv",
      "data/published/editions.csv",
      "data/sheets/2019/KAZ.csv",
      "data/sheets/2020/KAZ.csv",
      "data/sheets/2021/ARM.xlsx",
      "data/sheets/2021/KGZ.csv",
      "data/surveys/2020/KAZ.csv",
      "data/surveys/2021/KGZ.csv",
    ]);
    const kgz = p.sheets.find((s) => s.country === "KGZ")!;
    expect(kgz.answers.map((a) => [a.indicator, a.value, a.line])).toEqual([
      ["LP-01", "yes", 2],
      ["LP-02", "no", 3],
      ["RM-01", "n/a", 4],
      ["RM-02", "yes", 5],
      ["RM-04", "no", 6],
      ["RM-08", "survey", 7],
      ["JR-03", "0.75", 8],
    ]);
    const kgzSurvey = p.surveys.find((s) => s.country === "KGZ")!;
    expect(kgzSurvey.responses[0]).toEqual({ respondent: "K1", role: "lawyer", question: "Q1", rating: 2, line: 2 });
    expect(kgzSurvey.responses.map((r) => r.line)).toEqual([2, 3, 5, 6, 7, 8]);
    expect(p.claims.map((c) => c.value)).toEqual([30.29, null, null]);
    expect(p.editions[0]).toMatchObject({ edition: 1, country: "KAZ", index: -3.04, line: 2 });
  });
});

describe("the bad-input corpus", () => {
  const expected = JSON.parse(readFileSync(path.join(BAD, "expected.json"), "utf8")) as Record<string, { as: string; keep?: boolean; problems: string[] }>;

  it("has at least 30 malformed files, each with its expectation", async () => {
    const files = readdirSync(BAD).filter((f) => f !== "expected.json");
    expect(files.sort()).toEqual(Object.keys(expected).sort());
    expect(Object.values(expected).filter((e) => e.problems.length > 0).length).toBeGreaterThanOrEqual(30);
  });

  it.each(Object.entries(expected))("%s", async (name, e) => {
    const root = await copyWith([{ name, as: e.as, keep: e.keep }]);
    const r = await checkProject(root);
    expect(r.problems.map(formatProblem)).toEqual(e.problems);
    expect(r.project === null).toBe(e.problems.length > 0);
  });
});

describe("loadProject", () => {
  it("throws one InputError with every problem from every file, sorted", async () => {
    const root = await copyWith([
      { name: "ordinal-partly.csv", as: "data/sheets/2020/KAZ.csv" },
      { name: "rating-five.csv", as: "data/surveys/2020/KAZ.csv" },
      { name: "claims-bad.csv", as: "data/published/claims.csv" },
    ]);
    const err = await loadProject(root).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const lines = (err as InputError).problems.map(formatProblem);
    expect(lines).toHaveLength(9);
    expect(lines.map((l) => l.split(":")[0])).toEqual([
      ...Array(7).fill("data/published/claims.csv"),
      "data/sheets/2020/KAZ.csv",
      "data/surveys/2020/KAZ.csv",
    ]);
    expect((err as InputError).message).toMatch(/^9 problems in the input:\n/);
  });

  it("checks only the given files, against the countries and codebooks", async () => {
    const root = await copyWith([
      { name: "ordinal-partly.csv", as: "data/sheets/2020/KAZ.csv" },
      { name: "rating-five.csv", as: "data/surveys/2020/KAZ.csv" },
    ]);
    const r = await checkProject(root, { files: ["data/surveys/2020/KAZ.csv"] });
    expect(r.problems.map(formatProblem)).toEqual([
      'data/surveys/2020/KAZ.csv:4:rating: "five" is not a rating (expected a whole number from 0 to 10, or empty for no answer)',
    ]);
    expect(r.stats).toEqual({ sheets: 0, surveys: 1, other: 3, rows: 3 + 6 });
    const folder = await checkProject(root, { files: [path.join(root, "data/sheets")] });
    expect(folder.stats.sheets).toBe(4);
    expect(folder.problems.map(formatProblem)).toEqual(['data/sheets/2020/KAZ.csv:6:value: "partly" is not a level of RM-04 (expected: yes, partial, no)']);
    const missing = await checkProject(root, { files: ["data/sheets/2020/POL.csv", "../elsewhere.csv", "README.md"] });
    expect(missing.problems.map(formatProblem)).toEqual([
      // Sorted by UTF-16 code units, the same on every machine: capitals before lower case.
      "../elsewhere.csv: is outside the project root " + root,
      "README.md: file not found",
      "data/sheets/2020/POL.csv: file not found",
    ]);
  });

  it("reports a project root without data/", async () => {
    const r = await checkProject(path.join(FIXTURE_ROOT, "data"));
    expect(r.problems.map(formatProblem)).toEqual([`data: folder not found in ${path.join(FIXTURE_ROOT, "data")} (is this the project root? use --root DIR)`]);
  });
});

describe("which codebook governs a year", () => {
  const cb = (version: string, from: number, to: number | null) => ({ version, years: { from, to } }) as Codebook;
  const books = [cb("2019-pilot", 2019, 2019), cb("2020", 2020, null)];

  it("finds exactly one, or says why not", () => {
    expect(codebookFor(books, 2024)?.version).toBe("2020");
    expect(codebookFor(books, 2018)).toBeUndefined();
    expect(governingCodebook("f.csv", 2018, books).problem?.message).toBe("no methodology governs the year 2018 (versions: 2019-pilot 2019–2019, 2020 2020–)");
    const overlapping = [cb("2019-pilot", 2019, 2020), cb("2020", 2020, null)];
    expect(codebookFor(overlapping, 2020)).toBeUndefined();
    expect(governingCodebook("f.csv", 2020, overlapping).problem?.message).toBe(
      "the year 2020 is governed by more than one methodology (2019-pilot 2019–2020, 2020 2020–); exactly one must govern it",
    );
  });
});

describe("data/published/claims.csv", () => {
  it("parses with ClaimRow, ids are unique, and every country named is in data/countries.csv", async () => {
    const countries = parseRows(await readTable(REPO, "data/countries.csv", columnsOf(CountryRow)), CountryRow);
    const codes = new Set(countries.rows.map((c) => c.code));
    const table = await readTable(REPO, "data/published/claims.csv", columnsOf(ClaimRow));
    const { rows, problems } = parseRows(table, ClaimRow);
    expect(problems).toEqual([]);
    expect(rows.length, "the releases' statements are transcribed").toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    // A claim about all countries ("all", e.g. how many had excluded answers) names none.
    const named = rows.filter((r) => r.country !== "");
    expect(named.length).toBeGreaterThan(0);
    for (const r of named) expect(codes, r.id).toContain(r.country);
  });
});

describe("rules on a codebook's surveys and sheets (the fixture project)", async () => {
  const { validateSurvey, validateSheet, validateCodebooks } = await import("../loaders/validate.ts");
  const project = await loadProject(FIXTURE_ROOT);
  const cb2020 = project.codebooks.find((c) => c.version === "2020")!;
  const survey = project.surveys.find((s) => s.country === "KAZ" && s.year === 2020)!;

  it("accepts the fixture's survey", () => {
    expect(validateSurvey(survey, cb2020)).toEqual([]);
  });

  it("rejects a survey in which a role gave no rating (its score would average fewer roles)", () => {
    const noJudges = { ...survey, responses: survey.responses.filter((r) => r.role !== "judge") };
    expect(validateSurvey(noJudges, cb2020).map(formatProblem)).toEqual([
      "data/surveys/2020/KAZ.csv::role: no judge rated Q1, Q2, so RM-08 would average only 2 of the 3 roles (expected ratings from: lawyer, prosecutor, judge)",
    ]);
  });

  it("rejects a survey with no rating at all on an indicator's questions", () => {
    const empty = { ...survey, responses: survey.responses.map((r) => (["Q1", "Q2"].includes(r.question) ? { ...r, rating: null } : r)) };
    expect(validateSurvey(empty, cb2020).map(formatProblem)).toEqual([
      "data/surveys/2020/KAZ.csv::rating: no rating on Q1, Q2, so RM-08 has no survey score (expected ratings from: lawyer, prosecutor, judge)",
    ]);
  });

  it("refuses a ratio answer whose comma may separate thousands", () => {
    const sheet = project.sheets.find((x) => x.country === "KAZ" && x.year === 2020)!;
    const row = sheet.answers.find((a) => a.indicator === "RM-01")!.line;
    const answers = sheet.answers.map((a) => (a.indicator === "RM-01" ? { ...a, value: "1,234" } : a));
    expect(validateSheet({ file: sheet.file, country: "KAZ", year: 2020, answers, indicators: null }, cb2020, "data/surveys/2020/KAZ.csv").map(formatProblem)).toEqual([
      `data/sheets/2020/KAZ.csv:${row}:value: "1,234" is ambiguous for RM-01: a decimal comma or a thousands separator? write it with a point, e.g. 1.234, or without the comma, e.g. 1234`,
    ]);
  });

  it("accepts every missing-data rule the engine applies (drop, carry_forward, worst)", () => {
    for (const rule of ["drop", "carry_forward", "worst"] as const)
      expect(validateCodebooks([{ file: "data/methodology/2020.yaml", codebook: { ...cb2020, previous: null, missing_data: { ...cb2020.missing_data, rule } } }]).map(formatProblem)).toEqual([]);
  });
});
