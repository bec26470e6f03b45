import { describe, it, expect } from "vitest";
import { toCsv, csvCell, neutralise } from "../loaders/present/csv.ts";
import { readTableData } from "../loaders/read.ts";
import { toXlsx } from "../loaders/present/xlsx-write.ts";
import { DEFLATE_LEVEL, zipFiles } from "../loaders/present/zip.ts";
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";

describe("CSV output", () => {
  it("neutralises text that a spreadsheet would run as a formula, keeps negative numbers as numbers", () => {
    expect(neutralise("=HYPERLINK(\"x\")")).toBe("'=HYPERLINK(\"x\")");
    for (const start of ["+", "-", "@", "\t", "\r"]) expect(neutralise(`${start}cmd`)).toBe(`'${start}cmd`);
    expect(neutralise("plain")).toBe("plain");
    expect(csvCell(-95.02)).toBe("-95.02");
    expect(csvCell("-95.02 (text)")).toBe("'-95.02 (text)");
    expect(csvCell(null)).toBe("");
  });

  it("quotes delimiters, quotes and newlines (RFC 4180) and writes full precision without binary noise", () => {
    const csv = toCsv(
      [
        { a: 'say "no", then\nleave', b: 0.1 + 0.2 },
        { a: "=1+1", b: -3 },
      ],
      ["a", "b"],
    );
    expect(csv).toBe('a,b\n"say ""no"", then\nleave",0.3\n\'=1+1,-3\n');
    expect(csvCell(127.46000000000001)).toBe("127.46");
    expect(csvCell(-0)).toBe("0");
    expect(csvCell(-93.83000000000001)).toBe("-93.83");
    expect(csvCell(1 / 3)).toBe("0.333333333333");
    expect(csvCell(1234567.125)).toBe("1234567.125");
  });

  it("reads back as written: quotes, delimiters and line breaks inside values, rows on their physical lines", async () => {
    const rows = [
      { note: 'say "no", then\nleave', source: "a; b" },
      { note: '"quoted"', source: "  spaced  " },
      { note: "Ё ё, two\nmore\nlines", source: "" },
      { note: "last", source: "x" },
    ];
    const t = await readTableData("out.csv", Buffer.from(toCsv(rows, ["note", "source"])), { required: ["note", "source"] });
    expect(t.records.map((r) => r.cells)).toEqual(rows);
    expect(t.records.map((r) => r.line)).toEqual([2, 4, 5, 8]);
  });

  it("refuses NaN rather than writing a silent gap", () => {
    expect(() => csvCell(Number.NaN)).toThrow(/non-finite/);
  });
});

describe("XLSX and ZIP output", () => {
  it("is byte-identical for the same content and keeps numbers numeric and formulas inert", async () => {
    const sheet = { name: "Index", columns: ["country", "index", "note"], rows: [{ country: "BLR", index: -95.02, note: "=cmd|' /C calc'!A0" }] };
    const a = await toXlsx([sheet]);
    await new Promise((r) => setTimeout(r, 1100)); // a different wall-clock second must not matter
    const b = await toXlsx([sheet]);
    expect(a.equals(b)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(a as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell("B2").value).toBe(-95.02);
    expect(ws.getCell("C2").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("C2").formula).toBeUndefined();
  });

  it("zips deterministically", async () => {
    const a = await zipFiles([["x.txt", "1"], ["y.csv", "a\n"]]);
    const b = await zipFiles([["x.txt", "1"], ["y.csv", "a\n"]]);
    expect(a.equals(b)).toBe(true);
  });

  it("stores a workbook inside the archive as it is, and deflates text at level 6", async () => {
    const text = "country,index\n" + "BLR,-95.02\n".repeat(500);
    const workbook = await toXlsx([{ name: "Index", columns: ["country"], rows: [{ country: "BLR" }] }]);
    const zip = await zipFiles([["index.csv", text], ["index.xlsx", workbook]]);
    // Each local file header: signature, version, flags, method (0 stored, 8 deflated), …, sizes, name.
    const entries: Record<string, { method: number; packed: number; size: number; data: Buffer }> = {};
    for (let at = 0; zip.readUInt32LE(at) === 0x04034b50; ) {
      const packed = zip.readUInt32LE(at + 18);
      const nameLength = zip.readUInt16LE(at + 26);
      const extra = zip.readUInt16LE(at + 28);
      const start = at + 30 + nameLength + extra;
      entries[zip.subarray(at + 30, at + 30 + nameLength).toString()] = { method: zip.readUInt16LE(at + 8), packed, size: zip.readUInt32LE(at + 22), data: zip.subarray(start, start + packed) };
      at += 30 + nameLength + extra + packed;
    }
    expect(Object.keys(entries)).toEqual(["index.csv", "index.xlsx"]);
    expect(entries["index.xlsx"]!.method).toBe(0);
    expect(entries["index.xlsx"]!.data.equals(workbook)).toBe(true);
    expect(entries["index.csv"]!.method).toBe(8);
    expect(entries["index.csv"]!.size).toBe(Buffer.byteLength(text));
    expect(inflateRawSync(entries["index.csv"]!.data).toString()).toBe(text);
    expect(entries["index.csv"]!.packed).toBeLessThan(200);
    expect(DEFLATE_LEVEL).toBe(6);
  });
});

describe("display rounding", async () => {
  const { fmt } = await import("../loaders/shared/format.ts");
  const { round2 } = await import("../loaders/rounding.ts");
  const shown = (x: number) => Number(fmt(x).replace("−", "-"));

  it("pages round exactly as the engine's policy does (half away from zero, binary noise ignored)", () => {
    expect(fmt(1.005)).toBe("1.01");
    expect(fmt(-1.005)).toBe("−1.01");
    expect(fmt(2.675)).toBe("2.68");
    expect(fmt(-0.004)).toBe("0.00");
    expect(fmt(111.57000000000001)).toBe("111.57");
    expect(fmt(-95.02)).toBe("−95.02");
    for (let i = 0; i < 20000; i++) {
      const x = (i - 10000) / 1000 + (i % 7) * 1e-13; // every third decimal, with float noise
      expect(shown(x), String(x)).toBe(round2(x) + 0);
    }
  });
});
