// The experts' workbook, out and back: `template` for 2025, every answer cell filled with 2024's answer
// (and the survey with 2024's respondents) through exceljs as an expert's Excel would, the workbook
// put in data/sheets/2025/ as it is, and `check` clean and the 2025 Index equal to 2024's.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../loaders/cli.ts";
import { checkProject, loadProject, type Project } from "../loaders/project.ts";
import { computeIndex } from "../loaders/pipeline.ts";
import { formatProblem } from "../loaders/problems.ts";
import { copyProject } from "./helpers/project-copy.ts";

const YEAR = 2025;

/** The worksheet and header row a defined name marks. */
function marked(wb: ExcelJS.Workbook, name: string): { ws: ExcelJS.Worksheet; row: number } {
  const d = (wb.definedNames.model as { name: string; ranges: string[] }[]).find((x) => x.name === name)!;
  const m = /^'?(.+?)'?!\$A\$(\d+)/.exec(d.ranges[0]!)!;
  return { ws: wb.getWorksheet(m[1]!)!, row: Number(m[2]) };
}

async function run(root: string, args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { root, cwd: root, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

/** Fills a template with the answers and survey of `from` (a previous country-year of the project). */
async function fill(file: string, project: Project, country: string, from: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  const sheet = project.sheets.find((s) => s.country === country && s.year === from)!;
  const byId = new Map(sheet.answers.map((a) => [a.indicator, a]));
  const answers = marked(wb, "PTI_ANSWERS");
  const head = (answers.ws.getRow(answers.row).values as string[]).slice(1);
  const col = (name: string) => head.indexOf(name) + 1;
  for (let r = answers.row + 1; r <= answers.ws.rowCount; r++) {
    const a = byId.get(String(answers.ws.getCell(r, 1).value));
    if (!a) continue;
    const value = answers.ws.getCell(r, col("Answer"));
    if (value.protection?.locked !== false) expect(value.value).toBe("survey"); // prefilled and locked
    else value.value = Number.isFinite(Number(a.value)) ? Number(a.value) : a.value;
    answers.ws.getCell(r, col("Source")).value = a.source;
    if (a.note) answers.ws.getCell(r, col("Note")).value = a.note;
  }
  const survey = marked(wb, "PTI_SURVEY");
  const questions = (survey.ws.getRow(survey.row).values as string[]).slice(3).map((h) => h.split(".")[0]);
  const responses = project.surveys.find((s) => s.country === country && s.year === from)!.responses;
  const respondents = [...new Set(responses.map((x) => x.respondent))];
  respondents.forEach((id, k) => {
    const r = survey.row + 1 + k;
    for (const x of responses.filter((y) => y.respondent === id)) {
      survey.ws.getCell(r, 2).value = x.role;
      if (x.rating !== null) survey.ws.getCell(r, 3 + questions.indexOf(x.question)).value = x.rating;
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("template's arguments", () => {
  it("refuses a missing --out, a bad year, an unknown language or country, with the usage line", async () => {
    const root = (await import("./fixtures/copy-fixture.ts")).FIXTURE_ROOT;
    const usage = "usage: npm run index -- template --year YEAR [--country CODE…] [--lang ru|en] --out DIR";
    expect(await run(root, ["template", "--year", "2021"])).toEqual({ code: 2, out: [], err: ["template: --out DIR is required", usage] });
    expect((await run(root, ["template", "--year", "21", "--out", "x"])).err).toEqual(['template: --year needs a data year such as 2025 (got "21")', usage]);
    expect((await run(root, ["template", "--year", "2021", "--lang", "de", "--out", "x"])).err).toEqual(['template: --lang is en or ru (got "de")', usage]);
    expect((await run(root, ["template", "--year", "2021", "--country", "POL", "--out", "x"])).err).toEqual(["template: unknown country POL (countries: ARM, KAZ, KGZ)", usage]);
    expect((await run(root, ["template", "--year", "2030", "--out", "x"])).err).toEqual(["template: no methodology governs the year 2030 (versions: 2019-pilot, 2020)", usage]);
  });
});

describe("template → filled with last year's answers → check and compute", () => {
  let root: string;
  let cleanup: () => void;
  let out: string;
  beforeAll(() => {
    ({ root, cleanup } = copyProject());
    out = mkdtempSync(path.join(tmpdir(), "pti-template-"));
  });
  afterAll(() => {
    cleanup();
    rmSync(out, { recursive: true, force: true });
  });

  it("writes one workbook per country of the last year, the same bytes each time", async () => {
    const r = await run(root, ["template", "--year", String(YEAR), "--out", out]);
    expect(r.err).toEqual([]);
    expect(r.out).toEqual([`wrote 7 workbooks for 2025 to ${path.relative(root, out)}`]);
    const first = readFileSync(path.join(out, "KAZ-2025.xlsx"));
    await run(root, ["template", "--year", String(YEAR), "--country", "KAZ", "--out", out]);
    expect(readFileSync(path.join(out, "KAZ-2025.xlsx")).equals(first)).toBe(true);
  }, 60_000);

  it("marks the country-year it is made for below the instructions and as the defined names PTI_COUNTRY, PTI_YEAR", async () => {
    const ru = mkdtempSync(path.join(tmpdir(), "pti-template-ru-"));
    try {
      expect((await run(root, ["template", "--year", String(YEAR), "--country", "ARM", "--lang", "ru", "--out", ru])).err).toEqual([]);
      // exceljs gives a sheet's name back quoted only when it has other than Latin letters
      for (const [file, sheet, ref, labels, notice] of [
        [path.join(out, "KAZ-2025.xlsx"), "Instructions", "Instructions", ["Country code", "KAZ", "Year"], /^This codebook is a reconstruction, not the Working Group's codebook\./],
        [path.join(ru, "ARM-2025.xlsx"), "Инструкция", "'Инструкция'", ["Код страны", "ARM", "Год"], /^Эта кодовая книга — реконструкция, а не кодовая книга Рабочей группы\./],
      ] as const) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
        const names = (wb.definedNames.model as { name: string; ranges: string[] }[]).filter((d) => d.name.startsWith("PTI_"));
        const ws = wb.getWorksheet(sheet)!;
        const row = ws.rowCount - 1; // the marks are the sheet's last two rows, under a blank one
        expect(names.map((d) => [d.name, d.ranges])).toEqual([
          ["PTI_COUNTRY", [`${ref}!$B$${row}`]],
          ["PTI_YEAR", [`${ref}!$B$${row + 1}`]],
          ["PTI_ANSWERS", expect.any(Array)],
          ["PTI_SURVEY", expect.any(Array)],
        ]);
        expect(ws.getCell(row - 1, 1).value).toBeNull();
        expect(String(ws.getCell(row - 2, 1).value)).toMatch(notice); // the codebook's notice in the workbook's language, the instructions' last line
        expect([ws.getCell(row, 1).value, ws.getCell(row, 2).value, ws.getCell(row + 1, 1).value, ws.getCell(row + 1, 2).value]).toEqual([...labels, 2025]);
        expect(ws.getCell(row, 2).protection?.locked).not.toBe(false);
      }
    } finally {
      rmSync(ru, { recursive: true, force: true });
    }
  }, 60_000);

  it("checks clean and computes the 2025 Index equal to 2024's, for every country", async () => {
    const before = await loadProject(root);
    const countries = [...new Set(before.sheets.filter((s) => s.year === YEAR - 1).map((s) => s.country))];
    expect(countries).toEqual(["ARM", "BLR", "KAZ", "KGZ", "MDA", "RUS", "UKR"]);
    mkdirSync(path.join(root, "data/sheets", String(YEAR)), { recursive: true });
    for (const c of countries) writeFileSync(path.join(root, "data/sheets", String(YEAR), `${c}.xlsx`), await fill(path.join(out, `${c}-${YEAR}.xlsx`), before, c, YEAR - 1), { flag: "w" });
    const checked = await checkProject(root);
    expect(checked.problems.map(formatProblem)).toEqual([]);
    expect(checked.notices.map(formatProblem)).toEqual([]);
    const project = checked.project!;
    expect(project.surveys.filter((s) => s.year === YEAR).map((s) => s.file)).toEqual(countries.map((c) => `data/sheets/2025/${c}.xlsx#Survey`));
    const result = computeIndex(project);
    for (const c of countries) {
      const at = (year: number) => result.index.find((x) => x.country === c && x.year === year)!.index;
      expect(at(YEAR), c).toBe(at(YEAR - 1));
    }
  }, 240_000);
});
