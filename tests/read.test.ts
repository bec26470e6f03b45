import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatProblem, InputError } from "../loaders/problems.ts";
import { normaliseHeader, parseRows, readTable, readTableData, scanTableData, sharedTexts, sharingTexts, type Columns } from "../loaders/read.ts";
import { SheetRow, SurveyRow } from "../loaders/schema.ts";
import { FIXTURES } from "./fixtures/copy-fixture.ts";

const SHEET: Columns = { required: ["indicator", "value", "source"], optional: ["note", "change"] };
const SURVEY: Columns = { required: ["respondent", "role", "question", "rating"] };

async function problemsOf(file: string, text: string | Uint8Array, columns = SHEET): Promise<string[]> {
  const r = await scanTableData(file, typeof text === "string" ? Buffer.from(text) : text, columns);
  return r.problems.map(formatProblem);
}

describe("one sheet saved three ways", () => {
  it("parses identically from CSV with ',', CSV with ';' + decimal commas + BOM + CRLF, and XLSX", async () => {
    const read = async (name: string) => {
      const t = await readTable(FIXTURES, `good/${name}`, SHEET);
      return parseRows(t, SheetRow);
    };
    const comma = await read("sheet-comma.csv");
    const semi = await read("sheet-semicolon.csv");
    const xlsx = await read("sheet.xlsx");
    expect(comma.problems).toEqual([]);
    expect(semi.problems).toEqual([]);
    expect(xlsx.problems).toEqual([]);
    expect(comma.rows).toHaveLength(7);
    expect(semi.rows).toEqual(comma.rows);
    expect(xlsx.rows).toEqual(comma.rows);
    expect(comma.rows.find((r) => r.indicator === "RM-01")?.value).toBe("0.35");
    expect(comma.rows.find((r) => r.indicator === "JR-03")).toEqual({
      indicator: "JR-03",
      value: "0.5",
      source: "reconstructed",
      note: 'Court statistics; "partial" data,\nsee the 2020 report',
      change: "reassessment",
      line: 8,
    });
  });
});

describe("CSV", () => {
  it("normalises headers by case and spacing", () => {
    expect(normaliseHeader("  Name   EN ")).toBe("name_en");
    expect(normaliseHeader("INDICATOR")).toBe("indicator");
  });

  it("keeps the physical line where a record starts, across quoted line breaks and blank lines", async () => {
    const text = 'indicator,value,source,note\r\nLP-01,yes,x,"two\r\nlines"\r\n\r\n,,,\r\nLP-02,no,"a ""quoted"" source, with comma",\r\n';
    const t = await readTableData("t.csv", Buffer.from(text), SHEET);
    expect(t.records).toEqual([
      { line: 2, cells: { indicator: "LP-01", value: "yes", source: "x", note: "two\nlines" } },
      { line: 6, cells: { indicator: "LP-02", value: "no", source: 'a "quoted" source, with comma', note: "" } },
    ]);
  });

  it("takes ';' when the header has both but only ';' gives the expected columns", async () => {
    const t = await readTableData("t.csv", Buffer.from("indicator;value;source\nLP-01;0,5;a, b\n"), SHEET);
    expect(t.records[0].cells).toEqual({ indicator: "LP-01", value: "0,5", source: "a, b" });
  });

  it("throws one InputError with every problem of the file", async () => {
    const text = "indicator,value,source\nLP-01,0,5,x\nLP-02,yes\nLP-03,yes,x\nLP-04;no;x\n";
    const err = await readTableData("t.csv", Buffer.from(text), SHEET).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems.map(formatProblem)).toEqual([
      "t.csv:2: has 4 fields, header has 3 (a decimal comma in a comma-separated file? quote the number or save with ;)",
      "t.csv:3: has 2 fields, header has 3 (every row needs a field for every column, even an empty one)",
      't.csv:5: has 1 field, header has 3 (this row seems to use ";" while the header uses ",")',
    ]);
  });

  it("names the unterminated quote's line and column", async () => {
    expect(await problemsOf("t.csv", 'indicator,value,source\nLP-01,yes,x\nLP-02,"no,x\nLP-03,yes,x\n')).toEqual([
      't.csv:3:value: a quoted value opens on this line and is never closed (every " that starts a value needs a closing "; a " inside a value is written "")',
    ]);
  });

  it("keeps physical line numbers after CRLF line breaks inside quoted values", async () => {
    // An Excel-on-Windows export: CRLF everywhere, also inside the quoted notes.
    const text =
      'indicator,value,source,note\r\nLP-01,yes,x,"two\r\nlines"\r\nLP-02,yes\r\nLP-03,"three\r\nline\r\nvalue",x,\r\nLP-04,no,x,"a"b\r\nLP-05,no,x,\r\n';
    const r = await scanTableData("t.csv", Buffer.from(text), SHEET);
    expect(r.problems.map(formatProblem)).toEqual([
      "t.csv:4: has 2 fields, header has 4 (every row needs a field for every column, even an empty one)",
      't.csv:8:note: text "b" follows the closing quote of a quoted value (a " inside a value is written "", and the whole value is quoted)',
    ]);
    expect(r.table!.records.map((x) => [x.line, x.cells.indicator, x.cells.value, x.cells.note])).toEqual([
      [2, "LP-01", "yes", "two\nlines"],
      [5, "LP-03", "three\nline\nvalue", ""],
      [9, "LP-05", "no", ""],
    ]);
  });

  it("names file, row and column of a quote left open after multi-line values, and keeps the rows before it", async () => {
    const text = 'indicator,value,source,note\r\nLP-01,yes,x,"two\r\nlines"\r\nLP-02,no,"a, b",x\r\nLP-03,no,x,"open\r\nLP-04,yes,x,\r\n';
    const r = await scanTableData("t.csv", Buffer.from(text), SHEET);
    expect(r.problems.map(formatProblem)).toEqual([
      't.csv:5:note: a quoted value opens on this line and is never closed (every " that starts a value needs a closing "; a " inside a value is written "")',
    ]);
    expect(r.table!.records.map((x) => [x.line, x.cells.indicator, x.cells.source])).toEqual([
      [2, "LP-01", "x"],
      [4, "LP-02", "a, b"],
    ]);
    // In the header itself: no column to name, and nothing else to say (the header never ends).
    expect(await problemsOf("t.csv", 'indicator,value,"source\nLP-01,yes,x\n')).toEqual([
      't.csv:1: a quoted value opens on this line and is never closed (every " that starts a value needs a closing "; a " inside a value is written "")',
    ]);
  });

  it("reports every text after a closing quote in a row, and reads a quote inside an unquoted value as text", async () => {
    const text = 'indicator;value;source;note\nLP-01;"yes"!;"Law ""5"" x" y;\nLP-02;no;5" screen;\n';
    const r = await scanTableData("t.csv", Buffer.from(text), SHEET);
    expect(r.problems.map(formatProblem)).toEqual([
      't.csv:2:source: text " y" follows the closing quote of a quoted value (a " inside a value is written "", and the whole value is quoted)',
      't.csv:2:value: text "!" follows the closing quote of a quoted value (a " inside a value is written "", and the whole value is quoted)',
    ]);
    expect(r.table!.records).toEqual([{ line: 3, cells: { indicator: "LP-02", value: "no", source: '5" screen', note: "" } }]);
  });

  it("recognises a workbook or UTF-16 text saved as .csv", async () => {
    expect(await problemsOf("t.csv", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toEqual([
      "t.csv: is an Excel workbook (XLSX), not CSV text; rename it to .xlsx, or save it as CSV UTF-8",
    ]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("indicator\tvalue\n", "utf16le")]);
    expect((await problemsOf("t.csv", utf16))[0]).toMatch(/^t\.csv: is UTF-16 text/);
  });

  it("decodes a file that is certainly Windows-1251, and says so in a notice", async () => {
    const r = await scanTableData("t.csv", Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xcf, 0xf0, 0xe8, 0xec, 0xe5, 0xf0, 0x2c, 0x31, 0x0a]), { required: ["a", "b"] });
    expect(r.problems).toEqual([]);
    expect(r.table!.records).toEqual([{ line: 2, cells: { a: "Пример", b: "1" } }]);
    expect(r.notices.map(formatProblem)).toEqual([
      "t.csv: is not UTF-8 text: it was read as Windows-1251 (the Cyrillic encoding Excel uses in Russian and Ukrainian locales)",
    ]);
  });

  it("reports a row that fails its schema with file, row and column", async () => {
    const t = await readTableData("s.csv", Buffer.from("respondent,role,question,rating\nR1,Chief,Q1,7\nR2,judge,Q2,\n"), SURVEY);
    const r = parseRows(t, SurveyRow);
    expect(r.rows).toEqual([{ respondent: "R2", role: "judge", question: "Q2", rating: null, line: 3 }]);
    expect(r.problems.map(formatProblem)).toEqual([
      's.csv:2:role: "Chief" is not a known role (expected: lawyer, prosecutor, judge, investigator, defender)',
    ]);
  });
});

describe("XLSX", () => {
  it("skips blank rows and keeps worksheet row numbers", async () => {
    const t = await readTable(FIXTURES, "bad/blank-rows.xlsx", SHEET);
    expect(t.records.map((r) => r.line)).toEqual([2, 4, 5, 6, 8, 9, 10]);
    expect(t.records.map((r) => r.cells.indicator)).toEqual(["LP-01", "LP-02", "RM-01", "RM-02", "RM-04", "RM-08", "JR-03"]);
    expect(t.records[2].cells.value).toBe("0.35");
  });

  it("rejects formulas, merged cells and dates with the cell", async () => {
    const read = async (name: string) => problemsOf(name, await readFile(path.join(FIXTURES, "bad", name)));
    expect(await read("formula.xlsx")).toEqual(["formula.xlsx:4:value: cell B4 is a formula (=0.7/2); paste values only (Paste Special > Values)"]);
    expect(await read("merged.xlsx")).toEqual(["merged.xlsx:5:value: cells B5:B6 are merged; unmerge them and give every cell its own value"]);
    expect(await read("date.xlsx")).toEqual([
      "date.xlsx:4:value: cell B4 is a date (2024-03-01); dates are not read: format the cell as Text and type the value again",
    ]);
  });

  it("says when a file is not a workbook", async () => {
    expect(await problemsOf("t.xlsx", "indicator,value\n")).toEqual([
      expect.stringMatching(/^t\.xlsx: is not a readable \.xlsx workbook \(.*\); open it in Excel and save it again as \.xlsx$/),
    ]);
    expect(await problemsOf("t.xlsx", "")).toEqual(["t.xlsx: is empty (0 bytes; expected an Excel workbook)"]);
  });
});

describe("a large file", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "torture-index-big-"));
    const lines = ["respondent;role;question;rating"];
    for (let i = 0; i < 100_000; i++) lines.push(`R${Math.floor(i / 4)};${["lawyer", "judge"][i % 2]};Q${(i % 4) + 1};${i % 11}`);
    await writeFile(path.join(dir, "big.csv"), "\ufeff" + lines.join("\r\n") + "\r\n");
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("reads 100,000 rows", async () => {
    const t = await readTable(dir, "big.csv", SURVEY);
    expect(t.records).toHaveLength(100_000);
    const r = parseRows(t, SurveyRow);
    expect(r.problems).toEqual([]);
    expect(r.rows).toHaveLength(100_000);
    expect(r.rows[99_999].line).toBe(100_001);
  });
});

describe("ambiguous decimal commas", async () => {
  const { parseDecimal, EditionRow } = await import("../loaders/schema.ts");
  it("reads clear decimal commas and refuses a comma that may separate thousands", () => {
    expect(parseDecimal("93,77")).toBe(93.77);
    expect(parseDecimal("0,350")).toBe(0.35);
    expect(parseDecimal("-95,02")).toBe(-95.02);
    expect(parseDecimal("1,234")).toBeUndefined();
    expect(parseDecimal("-12,500")).toBeUndefined();
    const r = EditionRow.safeParse({ edition: "6", published: "2025-08-08", year: "2024", country: "KAZ", index: "1,234", source: "x" });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe('"1,234" is ambiguous: a decimal comma or a thousands separator? write it with a point, e.g. 1.234, or without the comma, e.g. 1234');
  });
});

describe("short cell texts kept once while a project is read", () => {
  const survey = "respondent,role,question,rating\nR001,lawyer,Q1,8\nR001,lawyer,Q2,7\nR002,lawyer,Q1,5\n";
  it("shares each distinct short text of the tables read, and lets the table go when the reading ends", async () => {
    expect(sharedTexts()).toBe(null);
    const { rows, seen, inner } = await sharingTexts(async () => {
      const t = await readTableData("s.csv", Buffer.from(survey), SURVEY);
      // Nested readings use the same table.
      const inner = await sharingTexts(async () => (await readTableData("t.csv", Buffer.from(survey), SURVEY), sharedTexts()));
      return { rows: parseRows(t, SurveyRow).rows, seen: sharedTexts(), inner };
    });
    // R001, R002, lawyer, Q1, Q2, 8, 7, 5: eight distinct texts in twelve cells, and none more from the second table.
    expect(seen).toBe(8);
    expect(inner).toBe(8);
    expect(sharedTexts()).toBe(null);
    expect(rows.map((r) => [r.respondent, r.role, r.question, r.rating])).toEqual([["R001", "lawyer", "Q1", 8], ["R001", "lawyer", "Q2", 7], ["R002", "lawyer", "Q1", 5]]);
  });

  it("leaves long free text out of the table", async () => {
    const note = "n".repeat(65);
    const seen = await sharingTexts(async () => (await readTableData("t.csv", Buffer.from(`indicator,value,source,note\nLP-01,0.5,a,${note}\n`), SHEET), sharedTexts()));
    expect(seen).toBe(3);
  });
});
