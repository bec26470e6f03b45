// Print shows the last six years (loaders/shared/print.ts); a table with a row per year and more
// years than that prints the last six's rows (table.js yearsInPrint: the sensitivity page's tables and
// its charts' numbers, the reweighting table) and says in one line, in the page's language, where the others are.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allNodes, installFakeDocument, type FakeNode } from "./helpers/fake-document.ts";
import { PRINTED_YEARS, printedYears, printedChanges } from "../loaders/shared/print.ts";

type YearsInPrint = (years: number[], o?: { key?: string; lang?: string }) => { rowClass: (row: Record<string, unknown>) => string; noted: (el: FakeNode) => FakeNode };
let yearsInPrint: YearsInPrint;
let uninstall: () => void;
beforeAll(async () => {
  uninstall = installFakeDocument();
  ({ yearsInPrint } = (await import("../src/components/table.js")) as unknown as { yearsInPrint: YearsInPrint });
});
afterAll(() => uninstall());
const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe("the printed years", () => {
  it("are the last six, and the changes between them the last five", () => {
    expect(PRINTED_YEARS).toBe(6);
    expect(printedYears(years(2001, 2020))).toEqual([2015, 2016, 2017, 2018, 2019, 2020]);
    expect(printedYears(years(2019, 2024))).toEqual(years(2019, 2024));
    expect(printedChanges(["a", "b", "c", "d", "e", "f", "g"])).toEqual(["c", "d", "e", "f", "g"]);
  });
});

describe("yearsInPrint", () => {
  it("marks the rows of the years before the last six for the screen only, whatever order the years come in", () => {
    const print = yearsInPrint([2024, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect([2017, 2018, 2019, 2024].map((year) => print.rowClass({ year }))).toEqual(["web-only", "web-only", "", ""]);
    expect(yearsInPrint([2001, 2020], { key: "to_year" }).rowClass({ to_year: 2001, year: 2020 })).toBe("");
  });
  it("adds one printed line after the table, in English and in Russian, when rows are left out", () => {
    const table = document.createElement("table") as unknown as FakeNode;
    const noted = yearsInPrint(years(2001, 2020), { lang: "en" }).noted(table);
    expect(noted.children[0]).toBe(table);
    const line = (n: FakeNode) => allNodes(n).filter((x) => x.className === "print-only muted").map((x) => x.textContent);
    expect(line(noted)).toEqual(["In print, the rows of 2015–2020; those of every year, 2001–2020, are on this page on the web and in its downloads."]);
    expect(line(yearsInPrint(years(2001, 2020), { lang: "ru" }).noted(table))).toEqual(["В печатной версии — строки за 2015–2020 годы; строки за все годы, 2001–2020, — на этой странице на сайте и в её файлах для скачивания."]);
  });
  it("gives the table back as it is when every year prints", () => {
    const table = document.createElement("table") as unknown as FakeNode;
    const print = yearsInPrint(years(2019, 2024), { lang: "en" });
    expect(print.noted(table)).toBe(table);
    expect(print.rowClass({ year: 2019 })).toBe("");
  });
});
