// Workbooks and CSV files as experts make them: Russian headers and answers, an instructions sheet and
// a title row, extra columns, the wide survey layout, Windows-1251, percent shares; and what stays
// ambiguous refused with file, row, column, value and what was expected.
import { readFile, rm, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterEach, describe, expect, it } from "vitest";
import { checkProject } from "../loaders/project.ts";
import { computeIndex } from "../loaders/pipeline.ts";
import { formatProblem } from "../loaders/problems.ts";
import { main } from "../loaders/cli.ts";
import { scanTableData } from "../loaders/read.ts";
import { percentAsFraction } from "../loaders/workbook/words.ts";
import { GOOD, fixtureCopy } from "./fixtures/copy-fixture.ts";
import { russianFixture } from "./fixtures/russian-codebook.ts";

let roots: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const r of roots) await r();
  roots = [];
});

async function russianProject(): Promise<string> {
  const { root, remove } = await russianFixture();
  roots.push(remove);
  return root;
}

const put = async (root: string, rel: string, data: string | Buffer) => {
  await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
  await writeFile(path.join(root, rel), data);
};

async function book(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const problems = async (root: string) => (await checkProject(root)).problems.map(formatProblem);
const index = (root: string, country: string, year: number) =>
  checkProject(root).then((r) => computeIndex(r.project!).index.find((x) => x.country === country && x.year === year)!.index);

// The 2020 sheet of Kazakhstan in the fixture, in Russian: the same answers in the codebook's Russian words.
const RU_ROWS: (string | number)[][] = [
  ["LP-01", "да", "reconstructed", "", "закон"],
  ["LP-02", "частично", "reconstructed", "", "закон"],
  ["RM-01", "20%", "reconstructed", "", "практика"],
  ["RM-02", "нет", "reconstructed", "", ""],
  ["RM-04", "Частично", "reconstructed", "", ""],
  ["RM-08", "опрос", "reconstructed", "", ""],
  ["JR-03", 0.25, "reconstructed", "", ""],
];

describe("a Russian workbook as a working group makes one", () => {
  it("reads an instructions sheet first, a title row, Russian headers, an extra column, да/частично, a percent share and a wide survey with Russian roles", async () => {
    const root = await russianProject();
    const kaz2020 = await index(root, "KAZ", 2020);
    const survey = (await readFile(path.join(root, "data/surveys/2020/KAZ.csv"), "utf8")).trim().split("\n").slice(1).map((l) => l.split(","));
    await rm(path.join(root, "data/sheets/2020/KAZ.csv"));
    await rm(path.join(root, "data/surveys/2020/KAZ.csv"));
    const ru = { lawyer: "адвокат", prosecutor: "прокурор", judge: "судья" } as Record<string, string>;
    await put(
      root,
      "data/sheets/2020/KAZ.xlsx",
      await book((wb) => {
        wb.addWorksheet("Инструкция").addRow(["Заполните лист «Ответы»"]);
        const ws = wb.addWorksheet("Ответы");
        ws.addRow(["Казахстан, 2020"]);
        ws.addRow(["Показатель", "Ответ", "Источник", "Примечание", "Изменение", "Проверил"]);
        for (const r of RU_ROWS) ws.addRow([...r.map((v) => (v === "" ? null : v)), "А. Б."]);
        const s = wb.addWorksheet("Опрос");
        s.addRow(["Респондент", "Роль", "Насколько тщательно расследуются жалобы на пытки?", "Q2. How promptly?"]);
        const ids = [...new Set(survey.map((x) => x[0]))];
        for (const id of ids) {
          const rows = survey.filter((x) => x[0] === id);
          const rating = (q: string) => {
            const v = rows.find((x) => x[2] === q)?.[3] ?? "";
            return v === "" ? null : Number(v);
          };
          s.addRow([id, ru[rows[0]![1]!], rating("Q1"), rating("Q2")]);
        }
      }),
    );
    const r = await checkProject(root);
    expect(r.problems.map(formatProblem)).toEqual([]);
    expect(r.notices.map(formatProblem)).toEqual(['data/sheets/2020/KAZ.xlsx:2: column F "Проверил" is not read (the columns read are: indicator, value, source, note, change)']);
    const sheet = r.project!.sheets.find((s) => s.country === "KAZ" && s.year === 2020)!;
    expect(sheet.answers.map((a) => [a.line, a.indicator, a.value, a.change])).toEqual([
      [3, "LP-01", "yes", "law"],
      [4, "LP-02", "partial", "law"],
      [5, "RM-01", "0.2", "practice"],
      [6, "RM-02", "no", null],
      [7, "RM-04", "partial", null],
      [8, "RM-08", "survey", null],
      [9, "JR-03", "0.25", null],
    ]);
    expect(r.project!.surveys.find((s) => s.year === 2020)!.file).toBe("data/sheets/2020/KAZ.xlsx#Опрос");
    expect(computeIndex(r.project!).index.find((x) => x.country === "KAZ" && x.year === 2020)!.index).toBe(kaz2020);
  });

  it("refuses what stays ambiguous, naming file, row, column, value and what is expected", async () => {
    const root = await russianProject();
    await put(
      root,
      "data/sheets/2020/KAZ.csv",
      "Показатель;Ответ;Источник;Примечание;Изменение\n" +
        RU_ROWS.map((r) => r.join(";"))
          .join("\n")
          .replace("LP-02;частично", "LP-02;частичн")
          .replace("RM-04;Частично;reconstructed;;", "RM-04;Частично;reconstructed;;поправка") +
        "\n",
    );
    expect(await problems(root)).toEqual([
      'data/sheets/2020/KAZ.csv:3:value: "частичн" is not a level of LP-02 (expected: yes, partial, no, n/a; in Russian: да, частично, нет, н/д)',
      'data/sheets/2020/KAZ.csv:6:change: "поправка" is not a kind of change (expected: law, practice, reassessment, data, or empty when unchanged)',
    ]);
  });

  it("says a misspelt column is a near miss rather than leaving it unread", async () => {
    const r = await scanTableData("t.csv", Buffer.from("indicator,value,source,nots\nLP-01,yes,x,y\n"), {
      required: ["indicator", "value", "source"],
      optional: ["note", "change"],
      aliases: {},
    });
    expect(r.problems.map(formatProblem)).toEqual(['t.csv:1:nots: unknown column "nots" (did you mean "note"? expected: indicator, value, source, note, change)']);
  });
});

describe("a codebook without the Russian words", () => {
  it("refuses частично where no level_ru says what it stands for, and takes the roles' fallback words", async () => {
    const { root, remove } = await fixtureCopy();
    roots.push(remove);
    const sheet = (await readFile(path.join(root, "data/sheets/2020/KAZ.csv"), "utf8")).replace("LP-02,partial", "LP-02,частично").replace("RM-02,no", "RM-02,нет");
    await put(root, "data/sheets/2020/KAZ.csv", sheet);
    const survey = (await readFile(path.join(root, "data/surveys/2020/KAZ.csv"), "utf8")).replaceAll(",lawyer,", ",Адвокат,");
    await put(root, "data/surveys/2020/KAZ.csv", survey);
    expect(await problems(root)).toEqual(['data/sheets/2020/KAZ.csv:3:value: "частично" is not a level of LP-02 (expected: yes, partial, no, n/a)']);
  });

  it("finds the header under a title line in a CSV saved from Excel", async () => {
    const { root, remove } = await fixtureCopy();
    roots.push(remove);
    const sheet = await readFile(path.join(root, "data/sheets/2020/KAZ.csv"), "utf8");
    await put(root, "data/sheets/2020/KAZ.csv", "Kazakhstan 2020,,,,\n" + sheet);
    const r = await checkProject(root);
    expect(r.problems).toEqual([]);
    expect(r.project!.sheets.find((s) => s.year === 2020)!.answers[0]).toMatchObject({ indicator: "LP-01", line: 3 });
  });
});

describe("a wide survey: one row per respondent, one column per question", () => {
  const WIDE = "respondent;role;Q1;Q2\nR1;адвокат;3;4\nR2;Prosecutor;6;\nR3;judge;5;11\n";

  it("is read as the long layout, from CSV and XLSX alike, and a bad rating names its question's column", async () => {
    const root = await russianProject();
    await put(root, "data/surveys/2020/KAZ.csv", WIDE);
    const csv = await problems(root);
    expect(csv).toEqual(['data/surveys/2020/KAZ.csv:4:Q2: "11" is not a rating (expected a whole number from 0 to 10, or empty for no answer)']);
    await rm(path.join(root, "data/surveys/2020/KAZ.csv"));
    await put(
      root,
      "data/surveys/2020/KAZ.xlsx",
      await book((wb) => {
        const ws = wb.addWorksheet("Survey");
        WIDE.trim()
          .split("\n")
          .forEach((line, k) => ws.addRow(line.split(";").map((v, i) => (v === "" ? null : k > 0 && i >= 2 ? Number(v) : v))));
      }),
    );
    expect(await problems(root)).toEqual(['data/surveys/2020/KAZ.xlsx:4:Q2: "11" is not a rating (expected a whole number from 0 to 10, or empty for no answer)']);
    await put(root, "data/surveys/2020/KAZ.csv", WIDE.replace(";11", ";7"));
    await rm(path.join(root, "data/surveys/2020/KAZ.xlsx"));
    const r = await checkProject(root);
    expect(r.problems).toEqual([]);
    expect(r.project!.surveys[0]!.responses.map((x) => [x.line, x.respondent, x.role, x.question, x.rating])).toEqual([
      [2, "R1", "lawyer", "Q1", 3],
      [2, "R1", "lawyer", "Q2", 4],
      [3, "R2", "prosecutor", "Q1", 6],
      [3, "R2", "prosecutor", "Q2", null],
      [4, "R3", "judge", "Q1", 5],
      [4, "R3", "judge", "Q2", 7],
    ]);
  });
});

describe("a CSV saved by Russian Excel's plain CSV (Windows-1251)", () => {
  it("is decoded when it is certainly Windows-1251, and check says so", async () => {
    const { root, remove } = await fixtureCopy([{ name: "windows-1251.csv", as: "data/sheets/2020/KAZ.csv" }]);
    roots.push(remove);
    const r = await checkProject(root);
    expect(r.problems).toEqual([]);
    expect(r.project!.sheets.find((s) => s.year === 2020)!.answers.find((a) => a.indicator === "LP-02")!.note).toBe("Определение уже, чем в Конвенции");
    const out: string[] = [];
    const code = await main(["check"], { root, cwd: root, out: (l) => out.push(l), err: () => {} });
    expect(code).toBe(0);
    expect(out[0]).toBe(
      "note: data/sheets/2020/KAZ.csv: is not UTF-8 text: it was read as Windows-1251 (the Cyrillic encoding Excel uses in Russian and Ukrainian locales)",
    );
  });

  it("is still refused when it is not certainly that (Latin and Cyrillic letters in one word)", async () => {
    const bytes = Buffer.concat([Buffer.from("indicator,value,source\nLP-01,yes,caf"), Buffer.from([0xe9]), Buffer.from("\n")]);
    const r = await scanTableData("t.csv", bytes, { required: ["indicator", "value", "source"] });
    expect(r.problems.map(formatProblem)).toEqual([
      't.csv:2: is not UTF-8 text (byte 0xE9 on line 2); it is probably Windows-1251 (the Cyrillic encoding Excel uses in Russian and Ukrainian locales), but not certainly, so it is not read. Re-save it as UTF-8: in Excel, File > Save As > "CSV UTF-8 (Comma delimited) (*.csv)"; in LibreOffice, File > Save As > Text CSV, character set "Unicode (UTF-8)"',
    ]);
  });
});

describe("a percent share", () => {
  it("reads 49% in CSV and a percent-formatted number in XLSX as the fraction", async () => {
    expect(["49%", "49,5 %", "5%", "100%", "0%", "12.25%"].map(percentAsFraction)).toEqual(["0.49", "0.495", "0.05", "1", "0", "0.1225"]);
    const root = await russianProject();
    const sheet = (await readFile(path.join(root, "data/sheets/2020/KAZ.csv"), "utf8")).replace('"0,2"', "20%");
    await put(root, "data/sheets/2020/KAZ.csv", sheet);
    const r = await checkProject(root);
    expect(r.problems).toEqual([]);
    expect(r.project!.sheets.find((s) => s.year === 2020)!.answers.find((a) => a.indicator === "RM-01")!.value).toBe("0.2");
    const xlsx = await book((wb) => {
      const ws = wb.addWorksheet("Sheet1");
      ws.addRow(["indicator", "value", "source"]);
      ws.addRow(["RM-01", 0.49, "x"]);
      ws.getCell("B2").numFmt = "0%";
    });
    const t = await scanTableData("t.xlsx", xlsx, { required: ["indicator", "value", "source"] });
    expect(t.table!.records[0]!.cells.value).toBe("0.49");
  });

  it("is refused on a scale that is not a share", async () => {
    const root = await russianProject();
    const sheet = (await readFile(path.join(root, "data/sheets/2020/KAZ.csv"), "utf8")).replace("LP-02,partial", "LP-02,50%");
    await put(root, "data/sheets/2020/KAZ.csv", sheet);
    expect(await problems(root)).toEqual(['data/sheets/2020/KAZ.csv:3:value: "50%" is not a level of LP-02 (expected: yes, partial, no, n/a; in Russian: да, частично, нет, н/д)']);
  });
});

describe("a template workbook in Russian, re-saved by LibreOffice Calc", () => {
  // The committed workbook is the template filled and saved again by LibreOffice (tests/fixtures/make-template-fixture.ts);
  // it is read here as LibreOffice wrote it, never re-saved by exceljs, so what it proves is what survives LibreOffice.
  const resaved = () => readFile(path.join(GOOD, "template-ru-libreoffice.xlsx"));

  it("was saved by LibreOffice and keeps the template's marks, as defined names and as the cells they name", async () => {
    const data = await resaved();
    expect(/<Application>([^<]*)<\/Application>/.exec(await (await JSZip.loadAsync(data)).file("docProps/app.xml")!.async("string"))?.[1]).toMatch(/^LibreOffice\/7\./);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
    expect(markCells(wb)).toEqual([
      ["PTI_COUNTRY", "Инструкция", "B14", "Код страны", "KAZ"],
      ["PTI_YEAR", "Инструкция", "B15", "Год", 2021],
    ]);
  });

  it("is read in its own place as that country-year's sheet and survey, and checks clean", async () => {
    const root = await russianProject();
    const kaz2020 = await index(root, "KAZ", 2020);
    await put(root, "data/sheets/2021/KAZ.xlsx", await resaved());
    const r = await checkProject(root);
    expect(r.problems.map(formatProblem)).toEqual([]);
    const p = r.project!;
    expect(p.surveys.find((s) => s.country === "KAZ" && s.year === 2021)!.file).toBe("data/sheets/2021/KAZ.xlsx#Опрос");
    expect(p.sheets.find((s) => s.country === "KAZ" && s.year === 2021)!.answers.map((a) => [a.indicator, a.value])).toEqual(KAZ_2021);
    expect(computeIndex(p).index.find((x) => x.country === "KAZ" && x.year === 2021)!.index).toBe(kaz2020);
  });

  it("is refused in another country-year's place, by its marks, with what it was made for, where it sits and what to do", async () => {
    const root = await russianProject();
    await rm(path.join(root, "data/sheets/2021/KGZ.csv"));
    await put(root, "data/sheets/2021/KGZ.xlsx", await resaved());
    const r = await checkProject(root);
    expect(r.problems.map(formatProblem)).toEqual([
      "data/sheets/2021/KGZ.xlsx: this workbook was made for KAZ 2021 (its marks: PTI_COUNTRY = KAZ, PTI_YEAR = 2021) but sits at data/sheets/2021/KGZ.xlsx, where the sheet of KGZ 2021 goes; move it to data/sheets/2021/KAZ.xlsx, or, if its answers are those of KGZ 2021, enter them in the workbook made for KGZ 2021 (npm run index -- template --year 2021 --country KGZ)",
    ]);
    expect(r.problems.map((p) => formatProblem(p, "ru"))).toEqual([
      "data/sheets/2021/KGZ.xlsx: эта рабочая книга подготовлена для KAZ 2021 (её метки: PTI_COUNTRY = KAZ, PTI_YEAR = 2021), но лежит в data/sheets/2021/KGZ.xlsx, где должен быть лист KGZ 2021; перенесите её в data/sheets/2021/KAZ.xlsx или, если в ней ответы по KGZ 2021, внесите их в книгу, подготовленную для KGZ 2021 (npm run index -- template --year 2021 --country KGZ)",
    ]);
  });
});

describe("a workbook without the marks of a country-year (made before the template marked them, or by hand)", () => {
  it("is read as the sheet of the place it sits in", async () => {
    const root = await russianProject();
    const kaz2020 = await index(root, "KAZ", 2020);
    const unmarked = await markedKaz2021({});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(unmarked as unknown as ExcelJS.Buffer);
    expect(markCells(wb)).toEqual([]);
    await put(root, "data/sheets/2021/KAZ.xlsx", unmarked);
    const r = await checkProject(root);
    expect(r.problems.map(formatProblem)).toEqual([]);
    expect(r.project!.sheets.find((s) => s.country === "KAZ" && s.year === 2021)!.answers.map((a) => [a.indicator, a.value])).toEqual(KAZ_2021);
    expect(computeIndex(r.project!).index.find((x) => x.country === "KAZ" && x.year === 2021)!.index).toBe(kaz2020);
  });
});

// The answers of the re-saved workbook: those of KAZ 2020, entered in the Russian drop-downs' words.
const KAZ_2021 = [
  ["LP-01", "yes"],
  ["LP-02", "partial"],
  ["RM-01", "0.2"],
  ["RM-02", "no"],
  ["RM-04", "partial"],
  ["RM-08", "survey"],
  ["JR-03", "0.25"],
];

/** Each mark of the country-year: its name, the worksheet and cell it names, the label left of the cell and the cell's value. */
function markCells(wb: ExcelJS.Workbook): [string, string, string, unknown, unknown][] {
  return (wb.definedNames.model as { name: string; ranges: string[] }[])
    .filter((d) => d.name === "PTI_COUNTRY" || d.name === "PTI_YEAR")
    .map((d) => {
      const [, sheet, col, row] = /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(d.ranges[0]!)!;
      const cell = wb.getWorksheet(sheet!)!.getCell(`${col}${row}`);
      return [d.name, sheet!, cell.address, wb.getWorksheet(sheet!)!.getCell(cell.row, Number(cell.col) - 1).value, cell.value];
    });
}

/**
 * The committed re-saved workbook with its marks' values replaced (a mark left undefined is removed,
 * name, cell and label), written again by exceljs: the marks' other spellings, and one mark or none.
 */
async function markedKaz2021(marks: { country?: string; year?: number | string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(path.join(GOOD, "template-ru-libreoffice.xlsx"))) as unknown as ExcelJS.Buffer);
  for (const [name, sheet, ref] of markCells(wb)) {
    const value = name === "PTI_COUNTRY" ? marks.country : marks.year;
    const ws = wb.getWorksheet(sheet)!;
    const cell = ws.getCell(ref);
    if (value !== undefined) cell.value = value;
    else {
      cell.value = null;
      ws.getCell(cell.row, Number(cell.col) - 1).value = null;
      wb.definedNames.remove(`'${sheet}'!${ref}`, name);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("a workbook marked with the country-year it was made for", () => {
  it("is refused in another year's place, and so is one marked with its year alone", async () => {
    const root = await russianProject();
    await rm(path.join(root, "data/sheets/2020/KAZ.csv"));
    await rm(path.join(root, "data/surveys/2020/KAZ.csv"));
    await put(root, "data/sheets/2020/KAZ.xlsx", await markedKaz2021({ country: "kaz", year: "2021" }));
    expect(await problems(root)).toEqual([
      "data/sheets/2020/KAZ.xlsx: this workbook was made for KAZ 2021 (its marks: PTI_COUNTRY = KAZ, PTI_YEAR = 2021) but sits at data/sheets/2020/KAZ.xlsx, where the sheet of KAZ 2020 goes; move it to data/sheets/2021/KAZ.xlsx, or, if its answers are those of KAZ 2020, enter them in the workbook made for KAZ 2020 (npm run index -- template --year 2020 --country KAZ)",
    ]);
    await put(root, "data/sheets/2020/KAZ.xlsx", await markedKaz2021({ year: 2021 }));
    expect(await problems(root)).toEqual([
      "data/sheets/2020/KAZ.xlsx: this workbook was made for KAZ 2021 (its marks: PTI_YEAR = 2021) but sits at data/sheets/2020/KAZ.xlsx, where the sheet of KAZ 2020 goes; move it to data/sheets/2021/KAZ.xlsx, or, if its answers are those of KAZ 2020, enter them in the workbook made for KAZ 2020 (npm run index -- template --year 2020 --country KAZ)",
    ]);
  });
});

describe("an answer that is none of the indicator's words", () => {
  it("is told the words in English and in Russian, n/a and н/д where the indicator may be excluded", async () => {
    const root = await russianProject();
    const sheet = (await readFile(path.join(root, "data/sheets/2020/KAZ.csv"), "utf8"))
      .replace("LP-01,yes", "LP-01,ага")
      .replace("LP-02,partial", "LP-02,отчасти")
      .replace("RM-04,partial", "RM-04,отчасти");
    await put(root, "data/sheets/2020/KAZ.csv", sheet);
    const r = await checkProject(root);
    expect(r.problems.map(formatProblem)).toEqual([
      'data/sheets/2020/KAZ.csv:2:value: "ага" is not a valid answer to LP-01 (expected: yes, no; in Russian: да, нет)',
      'data/sheets/2020/KAZ.csv:3:value: "отчасти" is not a level of LP-02 (expected: yes, partial, no, n/a; in Russian: да, частично, нет, н/д)',
      'data/sheets/2020/KAZ.csv:6:value: "отчасти" is not a level of RM-04 (expected: yes, partial, no; in Russian: да, частично, нет)',
    ]);
    expect(r.problems.map((p) => formatProblem(p, "ru"))).toEqual([
      "data/sheets/2020/KAZ.csv:2:value: «ага» — недопустимый ответ на LP-01 (ожидалось: да, нет; по-английски: yes, no)",
      "data/sheets/2020/KAZ.csv:3:value: «отчасти» — не уровень показателя LP-02 (ожидалось: да, частично, нет, н/д; по-английски: yes, partial, no, n/a)",
      "data/sheets/2020/KAZ.csv:6:value: «отчасти» — не уровень показателя RM-04 (ожидалось: да, частично, нет; по-английски: yes, partial, no)",
    ]);
  });
});
