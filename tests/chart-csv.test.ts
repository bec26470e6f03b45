// "Download these numbers": the CSV under each chart holds the chart's raw values (machine-readable
// numbers, not the display text), with the table's column labels as its header.
import { describe, it, expect } from "vitest";
import { chartCsv, csvCell, fileStem, columnsOf } from "../src/components/chart.js";

describe("chart CSV", () => {
  it("writes the column labels, then each row's raw values", () => {
    const csv = chartCsv(
      [
        { country: "BLR", year: 2024, index: -95.02000000000001, note: 'said "no", twice' },
        { country: "KAZ", year: 2024, index: 134.65, note: null },
      ],
      [
        { key: "country", label: "Country" },
        { key: "year", label: "Year" },
        { key: "index", label: "Index, computed", numeric: true, format: () => "shown, not written" },
        { key: "note", label: "Note" },
      ],
    );
    expect(csv).toBe('Country,Year,"Index, computed",Note\r\nBLR,2024,-95.02,"said ""no"", twice"\r\nKAZ,2024,134.65,\r\n');
  });

  it("leaves missing and non-finite numbers empty", () => {
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(0.1 + 0.2)).toBe("0.3");
  });

  it("names the files from the chart", () => {
    expect(fileStem("waterfall-KAZ-2023-2024")).toBe("waterfall-kaz-2023-2024");
    expect(fileStem("Index 2024, computed from the sheets")).toBe("index-2024-computed-from-the-sheets");
    expect(fileStem("Индекс 2024")).toBe("индекс-2024");
    expect(fileStem("Русский: Кыргызстан")).toBe("русский-кыргызстан");
    expect(fileStem("")).toBe("chart");
  });
});

describe("chart numbers when the page names no columns", () => {
  it("takes every plain field of the spec's rows, numbers marked numeric except years and ranks", () => {
    const cols = columnsOf([
      { country: "KAZ", year: 2024, index: 134.65, rank: 1, published: [{ edition: 6 }] },
      { country: "BLR", year: 2024, index: -95.02, rank: 7, published: [] },
    ]);
    expect(cols).toEqual([
      { key: "country", label: "country", numeric: false },
      { key: "year", label: "year", numeric: false },
      { key: "index", label: "index", numeric: true },
      { key: "rank", label: "rank", numeric: false },
    ]);
    expect(columnsOf([])).toEqual([]);
  });
});
