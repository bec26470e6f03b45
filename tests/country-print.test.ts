// A country page's answers as printed (src/components/country.js): the answer grid's last six years
// (answerGrid, PRINTED_YEARS) and the latest year's changed answers (changeList). What print leaves
// out is marked for the screen only (.web-only, which the print stylesheet hides and scripts/pdf.ts
// takes out before printing), and one printed line says what was left out and where it is, in the
// page's language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allNodes, installFakeDocument, type FakeNode } from "./helpers/fake-document.ts";

type ChangeList = (c: unknown, o: { lang: string }) => FakeNode;
let changeList: ChangeList;
let answerGrid: ChangeList;
let uninstall: () => void;
beforeAll(async () => {
  uninstall = installFakeDocument();
  ({ changeList, answerGrid } = (await import("../src/components/country.js")) as unknown as { changeList: ChangeList; answerGrid: ChangeList });
});
afterAll(() => uninstall());

const cell = (year: number, indicator: string, changed: boolean) => ({ year, indicator, value: "yes", points: 1, change: changed ? "law" : null, note: "", changed });
// 2022 and 2023 each change two answers, 2024 one (below, 1,200 earlier rows show the thousands separator).
const cells = [
  cell(2022, "A1", true), cell(2022, "A2", true), cell(2022, "A3", false),
  cell(2023, "A1", true), cell(2023, "A2", true), cell(2023, "A3", false),
  cell(2024, "A1", false), cell(2024, "A2", false), cell(2024, "A3", true),
];
const rows = (root: FakeNode) => allNodes(root).filter((n) => n.tagName === "TR" && allNodes(n).some((c) => c.tagName === "TD"));
const printOnly = (root: FakeNode) => allNodes(root).filter((n) => n.className.split(" ").includes("print-only"));

describe("changeList in print: the latest year's changed answers, and where the others are", () => {
  it("marks every earlier year's row for the screen only, and not the latest year's", () => {
    const list = changeList({ cells }, { lang: "en" });
    expect(rows(list).map((r) => [r.children[0]!.textContent, r.className])).toEqual([
      ["2022", "web-only"], ["2022", "web-only"], ["2023", "web-only"], ["2023", "web-only"], ["2024", ""],
    ]);
  });
  it("prints one line saying how many were left out, in English and in Russian", () => {
    expect(printOnly(changeList({ cells }, { lang: "en" })).map((n) => n.textContent)).toEqual([
      "In print, only the answers that changed in 2024 are listed (1). Those that changed in earlier years (4 in all), with their reasons and notes, are on this page on the web and in the downloads: answers.csv, answers.xlsx.",
    ]);
    expect(printOnly(changeList({ cells }, { lang: "ru" })).map((n) => n.textContent)).toEqual([
      "В печатной версии перечислены только ответы, изменившиеся в 2024 году (всего 1). Ответы, изменившиеся в более ранние годы (всего 4), с причинами и примечаниями — на этой странице на сайте и в файлах для скачивания: answers.csv, answers.xlsx.",
    ]);
  });
  it("when the latest year changed nothing, the whole table is for the screen and the line says so", () => {
    const many = [...Array.from({ length: 1200 }, (_, i) => cell(2023, `B${i}`, true)), cell(2024, "B0", false)];
    const list = changeList({ cells: many }, { lang: "ru" });
    expect(allNodes(list).filter((n) => n.className === "table-scroll web-only")).toHaveLength(1);
    expect(printOnly(list).map((n) => n.textContent)).toEqual([
      "В 2024 году ни один ответ не изменился. Ответы, изменившиеся в более ранние годы (всего 1\u202f200), с причинами и примечаниями — на этой странице на сайте и в файлах для скачивания: answers.csv, answers.xlsx.",
    ]);
  });
  it("a country whose changes are all in the latest year prints them all, with no line", () => {
    const list = changeList({ cells: [cell(2023, "A1", false), cell(2024, "A1", true)] }, { lang: "en" });
    expect(rows(list).map((r) => r.className)).toEqual([""]);
    expect(printOnly(list)).toEqual([]);
  });
});

describe("answerGrid in print: the last six years' columns, and where the others are", () => {
  const country = (years: number[]) => ({
    name_en: "Kazakhstan",
    years,
    indicators: [{ id: "A1", title: "Definition of torture" }],
    cells: years.map((year) => cell(year, "A1", false)),
  });
  const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const marked = (root: FakeNode) =>
    allNodes(root)
      .filter((n) => n.tagName === "TH" || n.tagName === "TD")
      .filter((n) => n.className.split(" ").includes("web-only"))
      .map((n) => n.textContent);
  it("marks the header and every cell of the years before the last six for the screen only", () => {
    const grid = answerGrid(country(years(2017, 2024)), { lang: "en" });
    expect(marked(grid)).toEqual(["2017", "2018", "yes (1.00)", "yes (1.00)"]);
    expect(printOnly(grid).map((n) => n.textContent)).toEqual([
      "In print, the answers of 2019–2024; those of every year, 2017–2024, are on this page on the web and in the downloads: answers.csv, answers.xlsx.",
    ]);
    expect(printOnly(answerGrid(country(years(2017, 2024)), { lang: "ru" })).map((n) => n.textContent)).toEqual([
      "В печатной версии — ответы за 2019–2024 годы; ответы за все годы, 2017–2024, — на этой странице на сайте и в файлах для скачивания: answers.csv, answers.xlsx.",
    ]);
  });
  it("prints six years or fewer whole, with no line", () => {
    const grid = answerGrid(country(years(2019, 2024)), { lang: "en" });
    expect(marked(grid)).toEqual([]);
    expect(printOnly(grid)).toEqual([]);
  });
});

describe("changeBlocks in print: the changes between the last six years, and where the others are", () => {
  type Blocks = (c: unknown, o: { lang: string; block: (pair: { from_year: number; to_year: number }, o: { id: string }) => FakeNode }) => FakeNode;
  let changeBlocks: Blocks;
  beforeAll(async () => {
    ({ changeBlocks } = (await import("../src/components/country.js")) as unknown as { changeBlocks: Blocks });
  });
  // Each block as waterfall.js would head it, without its chart: what is asserted is which print.
  const block = (pair: { from_year: number; to_year: number }, o: { id: string }) => {
    const section = document.createElement("section") as unknown as FakeNode;
    section.className = "change-block";
    section.setAttribute("id", o.id);
    return section;
  };
  const pairs = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => ({ from_year: from + i, to_year: from + i + 1 }));
  const blocks = (root: FakeNode) => allNodes(root).filter((n) => n.tagName === "SECTION").map((n) => [n.attributes.id, n.className]);

  it("lists the latest first and marks the changes before the last five for the screen only, with a line in each language", () => {
    const en = changeBlocks({ pairs: pairs(2016, 2024) }, { lang: "en", block });
    expect(blocks(en)).toEqual([
      ["change-2024", "change-block"], ["change-2023", "change-block"], ["change-2022", "change-block"], ["change-2021", "change-block"], ["change-2020", "change-block"],
      ["change-2019", "change-block web-only"], ["change-2018", "change-block web-only"], ["change-2017", "change-block web-only"],
    ]);
    expect(printOnly(en).map((n) => n.textContent)).toEqual([
      "In print, the changes from 2019 to 2024 alone. The 3 earlier ones, back to 2016, are on the web: on this page, and each on its year's What changed page.",
    ]);
    expect(printOnly(changeBlocks({ pairs: pairs(2016, 2024) }, { lang: "ru", block })).map((n) => n.textContent)).toEqual([
      "В печатной версии — только изменения с 2019 по 2024 год. Остальные 3, начиная с 2016 года, — на сайте: на этой странице и каждое — на странице «Что изменилось» за свой год.",
    ]);
  });
  it("prints five changes or fewer whole, with no line; one year alone says there is nothing to explain", () => {
    const five = changeBlocks({ pairs: pairs(2019, 2024) }, { lang: "en", block });
    expect(blocks(five).map(([, c]) => c)).toEqual(Array(5).fill("change-block"));
    expect(printOnly(five)).toEqual([]);
    expect(changeBlocks({ pairs: [] }, { lang: "en", block }).textContent).toBe("Only one year measured: no change to explain.");
  });
});
