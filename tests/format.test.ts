// The one number formatter (loaders/shared/format.ts): the house display rule in both locales,
// the download rule, the Vega adapter, and the bundle the pages import it from.
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { count, exact, figure, fmt, ordinal, percent, plainNumber, plainText, roundTo, roundUnits, signed, vegaFormat } from "../loaders/shared/format.ts";
import { fromCents, round2, toCents } from "../loaders/rounding.ts";
import { toJson } from "../loaders/present/csv.ts";
import { toXlsx } from "../loaders/present/xlsx-write.ts";
import { bundleShared, bundleSharedText } from "../scripts/bundle-shared.ts";
import { repoRoot } from "./helpers/project-copy.ts";

const NNBSP = "\u202f";

describe("exact: a number quoted in a sentence", () => {
  it("up to six decimals, no trailing zeros, no grouping, a true minus", () => {
    expect([exact(11.25), exact(-0.5), exact(1234), exact(6.6000000000000005), exact(-0), exact(null)]).toEqual(["11.25", "\u22120.5", "1234", "6.6", "0", "—"]);
  });
});

describe("the house display rule", () => {
  it("rounds half away from zero after 12 significant digits", () => {
    expect(fmt(1.005)).toBe("1.01");
    expect(fmt(-0.125)).toBe("−0.13");
    expect(fmt(0.125)).toBe("0.13");
    expect(fmt(2.675)).toBe("2.68");
    expect(fmt(134.645)).toBe("134.65");
    expect(fmt(111.57000000000001)).toBe("111.57");
    expect(fmt(-95.024999)).toBe("−95.02");
    expect(roundUnits(0.285, 2)).toBe(29);
    expect(roundUnits(-0.285, 2)).toBe(-29);
    expect(roundTo(-1.005)).toBe(-1.01);
  });

  it("prints zero without a sign, and nothing as a dash", () => {
    expect(fmt(-0)).toBe("0.00");
    expect(fmt(-0.004)).toBe("0.00");
    expect(signed(-0.004)).toBe("0.00");
    expect(Object.is(roundUnits(-0.001, 2), -0)).toBe(false);
    expect(fmt(null)).toBe("—");
    expect(fmt(undefined)).toBe("—");
    expect(fmt(Number.NaN)).toBe("—");
    expect(signed(null)).toBe("—");
    expect(percent(Number.NaN)).toBe("—");
  });

  it("English: point, comma thousands, U+2212 minus (as the pages show)", () => {
    expect(fmt(134.65)).toBe("134.65");
    expect(fmt(-95.02)).toBe("−95.02");
    expect(fmt(1234.5, 1)).toBe("1,234.5");
    expect(fmt(-1234567.891)).toBe("−1,234,567.89");
    expect(signed(12.14)).toBe("+12.14");
    expect(signed(-4.07)).toBe("−4.07");
    expect(count(1000)).toBe("1,000");
    expect(count(999)).toBe("999");
    expect(percent(0.371)).toBe("37%");
    expect(percent(0.3715, 1)).toBe("37.2%");
    expect(percent(-0.004)).toBe("0%");
  });

  it("Russian: decimal comma, U+2212 minus, U+202F thousands", () => {
    const ru = { locale: "ru" } as const;
    expect(fmt(134.65, ru)).toBe("134,65");
    expect(fmt(-95.02, ru)).toBe("−95,02");
    expect(fmt(1234.5, { ...ru, digits: 1 })).toBe(`1${NNBSP}234,5`);
    expect(fmt(1.005, ru)).toBe("1,01");
    expect(fmt(-0.125, ru)).toBe("−0,13");
    expect(fmt(-0, ru)).toBe("0,00");
    expect(fmt(null, ru)).toBe("—");
    expect(signed(12.14, ru)).toBe("+12,14");
    expect(count(12345, "ru")).toBe(`12${NNBSP}345`);
    expect(percent(0.371, ru)).toBe(`37${NNBSP}%`);
    expect(fmt(0.5, { ...ru, digits: 6, trim: true })).toBe("0,5");
    expect(fmt(3, { ...ru, digits: 6, trim: true })).toBe("3");
    expect(ordinal(1, "ru")).toBe("1-е");
  });

  it("shows more digits only when asked (trace at 6 decimals, Sobol indices at 3)", () => {
    expect(fmt(8.625, { digits: 6, trim: true })).toBe("8.625");
    expect(fmt(5.75, { digits: 6 })).toBe("5.750000");
    expect(fmt(1 / 3, { digits: 6, trim: true })).toBe("0.333333");
    expect(fmt(-0.9000000000000004, { digits: 6, trim: true })).toBe("−0.9");
    expect(fmt(80.77000000000001, { digits: 12, trim: true })).toBe("80.77");
    expect(fmt(0.0123456, 3)).toBe("0.012");
    expect(fmt(2.5, 0)).toBe("3");
    expect(fmt(-2.5, 0)).toBe("−3");
    expect(fmt(1234.5, { digits: 1, group: false })).toBe("1234.5");
  });

  it("prints a whole number of units beyond 2^53 as its exact binary value, as always", () => {
    // 123456789012345 × 10^6 is 123456789011999997952 in binary: String() would round it to ...012000000000.
    expect(fmt(123456789012345, { digits: 6, group: false })).toBe("123456789011999.997952");
    expect(fmt(1e21, { digits: 0, locale: "ru" })).toBe("1\u202f000\u202f000\u202f000\u202f000\u202f000\u202f000\u202f000");
    expect(fmt(123456789012, { digits: 0 })).toBe("123,456,789,012");
    expect(fmt(-123.4, { digits: 3, trim: true, locale: "ru" })).toBe("−123,4");
    expect(fmt(5, { digits: 2, trim: true })).toBe("5");
  });

  it("ranks as ordinals", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map((n) => ordinal(n))).toEqual(["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st", "111th"]);
  });

  it("is the rule of the cents in loaders/rounding.ts (one implementation)", () => {
    expect(toCents(1.005)).toBe(101);
    expect(toCents(134.65 - 122.51)).toBe(1214);
    expect(fromCents(-1587)).toBe(-15.87);
    expect(round2(-95.024999)).toBe(-95.02);
    for (let i = 0; i < 5000; i++) {
      const x = (i - 2500) / 1000 + (i % 7) * 1e-13;
      expect(Number(fmt(x).replace("−", "-")), String(x)).toBe(round2(x) + 0);
    }
  });
});

describe("downloads: 12 significant digits in the shortest form", () => {
  it("drops binary noise, keeps the number", () => {
    expect(plainNumber(127.46000000000001)).toBe(127.46);
    expect(plainNumber(0.1 + 0.2)).toBe(0.3);
    expect(plainNumber(0.30000000000000004)).toBe(0.3);
    expect(Object.is(plainNumber(-0), -0)).toBe(false);
    expect(plainNumber(-93.83000000000001)).toBe(-93.83);
    expect(plainNumber(2 / 3)).toBe(0.666666666667);
    expect(plainNumber(0.80999999999999694)).toBe(0.81); // RUS 2019, summed from many terms
    expect(plainNumber(1234567.891234567)).toBe(1234567.89123);
    expect(plainText(127.46000000000001)).toBe("127.46");
    expect(plainText(-95.02)).toBe("-95.02");
  });

  it("in JSON and XLSX the values are numbers without the noise", async () => {
    expect(toJson({ a: 127.46000000000001, b: [0.30000000000000004, -0], c: "0.30000000000000004", d: null })).toBe(
      '{\n  "a": 127.46,\n  "b": [\n    0.3,\n    0\n  ],\n  "c": "0.30000000000000004",\n  "d": null\n}\n',
    );
    const buf = await toXlsx([{ name: "x", columns: ["v", "w"], rows: [{ v: 127.46000000000001, w: 0.1 + 0.2 }] }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getCell("A2").value).toBe(127.46);
    expect(wb.worksheets[0]!.getCell("B2").value).toBe(0.3);
  });
});

describe("charts format with the same rule (Vega custom format type)", () => {
  it("formats by kind, and leaves non-numbers as text", () => {
    expect(figure()).toEqual({ formatType: "indexNumber", format: {} });
    expect(vegaFormat(-95.024999)).toBe("−95.02");
    expect(vegaFormat(0.1234, { digits: 3 })).toBe("0.123");
    expect(vegaFormat(7.5, { kind: "signed" })).toBe("+7.50");
    expect(vegaFormat(12000, { kind: "count" })).toBe("12,000");
    expect(vegaFormat(0.25, { kind: "percent" })).toBe("25%");
    expect(vegaFormat(2, { kind: "ordinal" })).toBe("2nd");
    expect(vegaFormat(20, { digits: 2, trim: true })).toBe("20");
    expect(vegaFormat(-1.5, { locale: "ru" })).toBe("−1,50");
    expect(vegaFormat(null)).toBe("—");
    expect(vegaFormat("KAZ")).toBe("KAZ");
  });
});

describe("the pages' bundle (scripts/bundle-shared.ts → src/components/engine.js)", () => {
  it("is byte-identical from run to run and formats as the engine does", async () => {
    const a = await bundleSharedText(repoRoot);
    expect(await bundleSharedText(repoRoot)).toBe(a);
    expect(a.startsWith("// GENERATED by scripts/bundle-shared.ts")).toBe(true);
    expect(a).not.toMatch(/from "node:|require\(/);
    const dir = mkdtempSync(path.join(tmpdir(), "pti-engine-"));
    try {
      const file = await bundleShared(repoRoot, path.join(dir, "engine.mjs"));
      expect(readFileSync(file, "utf8")).toBe(a);
      const engine = (await import(pathToFileURL(file).href)) as typeof import("../loaders/shared/format.ts");
      expect(engine.fmt(1.005)).toBe("1.01");
      expect(engine.fmt(-95.02, { locale: "ru" })).toBe("−95,02");
      expect(engine.signed(-0.125)).toBe("−0.13");
      expect(engine.VEGA_FORMAT_TYPE).toBe("indexNumber");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
