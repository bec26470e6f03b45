// The reconstruction's account in Russian (data/reconstruction/README.ru.md) is a translation of
// data/reconstruction/README.md: it must keep its structure, its commands, its identifiers and its
// figures, so that an edit of one file without the other fails here. The Russian page shows the
// translation, the English page the original.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageContext } from "../loaders/pages/page.ts";
import reconstruction from "../loaders/pages/reconstruction.ts";
import { RECONSTRUCTION_README, reconstructionPayload } from "../loaders/present/reconstruction.ts";
import { inputFiles } from "../loaders/manifest.ts";
import { repoRoot } from "./helpers/project-copy.ts";
import { allNodes, installFakeDocument, type FakeNode } from "./helpers/fake-document.ts";

const read = (file: string) => readFileSync(path.join(repoRoot, file), "utf8");
const EN = read(RECONSTRUCTION_README.en);
const RU = read(RECONSTRUCTION_README.ru);

interface Shape {
  headings: string[]; // "#", "##", … in order
  items: string[]; // list markers in order: "-" or "1.", "2.", …
  code: string[]; // fenced blocks, verbatim
  tables: number[][]; // cells per row, per table
  tableIds: string[][]; // indicator and country codes per table row
  spans: string[]; // inline `code` outside fenced blocks
  figures: string[][]; // digit runs of each section's prose (outside code), sorted
}

// Indicator codes (RM-08) and the countries' codes (data/countries.csv), as the tables name them.
const COUNTRIES = read("data/countries.csv").trim().split("\n").slice(1).map((l) => l.split(",")[0]);
const IDS = new RegExp(`\\b(?:[A-Z]{2}-\\d{2}|${COUNTRIES.join("|")})\\b`, "g");

function shape(md: string): Shape {
  const s: Shape = { headings: [], items: [], code: [], tables: [], tableIds: [], spans: [], figures: [[]] };
  let fence: string[] | null = null;
  let inTable = false;
  for (const line of md.replace(/\r\n/g, "\n").split("\n")) {
    if (line.startsWith("```")) {
      if (fence) {
        s.code.push(fence.join("\n"));
        fence = null;
      } else fence = [];
      continue;
    }
    if (fence) {
      fence.push(line);
      continue;
    }
    const heading = /^(#{1,6})\s/.exec(line);
    if (heading) {
      s.headings.push(heading[1]!);
      s.figures.push([]);
    }
    const item = /^\s*(-|\*|\d+\.)\s+/.exec(line);
    if (item) s.items.push(item[1]!);
    if (line.startsWith("|")) {
      if (!inTable) s.tables.push([]);
      s.tables.at(-1)!.push(line.split("|").length - 2);
      s.tableIds.push(line.match(IDS) ?? []);
    }
    inTable = line.startsWith("|");
    const spans = line.match(/`[^`]+`/g) ?? [];
    s.spans.push(...spans);
    s.figures.at(-1)!.push(...(line.replace(/`[^`]+`/g, " ").match(/\d+/g) ?? []));
  }
  s.figures = s.figures.map((f) => f.sort());
  return s;
}

/** How the translation departs from the original's structure, one line per difference. */
function drift(en: string, ru: string): string[] {
  const a = shape(en);
  const b = shape(ru);
  const out: string[] = [];
  const same = (what: string, x: unknown, y: unknown) => {
    if (JSON.stringify(x) !== JSON.stringify(y)) out.push(`${what}: ${JSON.stringify(x)} in English, ${JSON.stringify(y)} in Russian`);
  };
  same("headings", a.headings, b.headings);
  same("list items", a.items, b.items);
  same("code blocks", a.code, b.code);
  same("table cells per row", a.tables, b.tables);
  same("codes per table row", a.tableIds, b.tableIds);
  const missing = [...new Set(a.spans)].filter((x) => !b.spans.includes(x));
  const added = [...new Set(b.spans)].filter((x) => !a.spans.includes(x));
  if (missing.length) out.push(`inline code missing from the Russian: ${missing.join(" ")}`);
  if (added.length) out.push(`inline code only in the Russian: ${added.join(" ")}`);
  a.figures.forEach((f, i) => same(`figures of section ${i}`, f, b.figures[i] ?? []));
  return out;
}

describe("data/reconstruction/README.ru.md translates README.md", () => {
  it("keeps its headings, list items, tables, code blocks, inline code and figures", () => {
    const en = shape(EN);
    // The original's shape, so that an empty or truncated pair cannot agree by having nothing.
    expect(en.headings).toEqual(["#", "##", "##", "##", "##", "##", "##", "##", "##"]);
    expect(en.items).toEqual(["-", "-", "-", "-", "1.", "2.", "3.", "4.", "5.", "6.", "7.", "-", "-", "-"]);
    expect(en.code).toHaveLength(1);
    expect(en.tables.map((t) => t.length)).toEqual([15, 19]);
    expect(en.spans).toEqual(expect.arrayContaining(["`targets.yaml`", "`published − computed`", "`tests/survey.test.ts`", "`--trace CODE`"]));
    expect(drift(EN, RU)).toEqual([]);
  });

  it("is written in Russian, with prose figures in Russian format", () => {
    expect(RU).toContain("# Как сделаны листы и опросы примера (реконструкция)");
    expect(RU).toContain("## Куда приходится каждое изменение");
    expect(RU).toContain("Рабочая группа по борьбе с пытками Платформы «Гражданская солидарность»");
    expect(RU).toContain("для Польши за 2020 год (82,67)");
    expect(RU).toContain("| KAZ 2020, KGZ 2020 | +30,29; +13,63 |");
    // Outside code and identifiers no figure keeps a decimal point.
    const prose = RU.replace(/```[\s\S]*?```/g, "").replace(/`[^`]+`/g, "");
    expect(prose.match(/\d+\.\d+/g)).toEqual(["309.1"]); // Art. 309.1 of Armenia's Criminal Code: an article number, not a fraction
  });

  it("fails on a translation that drifts (the check itself)", () => {
    expect(drift(EN, RU.replace("\n## Входные данные\n", "\nВходные данные\n"))).toContain('headings: ["#","##","##","##","##","##","##","##","##"] in English, ["#","##","##","##","##","##","##","##"] in Russian');
    expect(drift(EN, RU.replace("- Импорт из `loaders/`", "Импорт из `loaders/`"))[0]).toMatch(/^list items: /);
    expect(drift(EN, RU.replace("# rewrites data/sheets/**", "# перезаписывает data/sheets/**"))[0]).toMatch(/^code blocks: /);
    expect(drift(EN, RU.replace("(`SheetRow`, `SurveyRow`)", "(`SheetRow`)"))).toEqual(["inline code missing from the Russian: `SurveyRow`"]);
    expect(drift(EN, RU.replace("| MDA 2024 | +0,42 | только IS-06 |", "| MDA 2024 | +0,42 | только IS-05 |"))[0]).toMatch(/^codes per table row: /);
    expect(drift(EN, RU.replace("(82,67)", "(82,76)"))).toEqual(['figures of section 3: ["2","2019","2020","2024","2024","6","67","82"] in English, ["2","2019","2020","2024","2024","6","76","82"] in Russian']);
  });
});

const all = allNodes;

describe("the page renders the Russian account as it renders the English one", () => {
  let plainMarkdown: (source: string) => FakeNode;
  let uninstall: () => void;
  beforeAll(async () => {
    uninstall = installFakeDocument();
    plainMarkdown = (await import("../src/components/plaintext.js")).plainMarkdown as unknown as (source: string) => FakeNode;
  });
  afterAll(() => uninstall());

  it("keeps every inline code span of README.md inside <code> in README.ru.md, and the same blocks", () => {
    const en = plainMarkdown(EN);
    const ru = plainMarkdown(RU);
    const blocks = (root: FakeNode) => root.children.map((c) => (c.tag === "ul" ? `ul(${c.children.length})` : c.tag));
    expect(blocks(ru)).toEqual(blocks(en));
    const code = (root: FakeNode) => [...new Set(all(root).filter((n) => n.tag === "code").map((n) => n.textContent))].sort();
    expect(code(en)).toEqual(expect.arrayContaining(["survey.role_bias", "published − computed", "data/sheets/", "reconstructed: …"]));
    expect(code(ru)).toEqual(code(en));
    // The English identifiers stay as code, not as text beside Russian words.
    const ruText = all(ru).filter((n) => n.tag === "li" || n.tag === "p").map((n) => n.children.filter((c) => c.tag === "#text").map((c) => c.own).join(""));
    expect(ruText.filter((s) => s.includes("survey.role_bias") || s.includes("tests/survey.test.ts"))).toEqual([]);
  });
});

describe("each page shows the account in its language", () => {
  it("the payload carries README.md for English and README.ru.md for Russian", async () => {
    expect(await reconstructionPayload(repoRoot)).toEqual({ readme: EN, file: "data/reconstruction/README.md" });
    expect(await reconstructionPayload(repoRoot, "ru")).toEqual({ readme: RU, file: "data/reconstruction/README.ru.md" });
  });

  it("the build manifest fingerprints both files among its inputs", async () => {
    const inputs = await inputFiles({ root: repoRoot, files: [] });
    expect(inputs.filter((f) => f.file.startsWith("data/reconstruction/README"))).toEqual([
      { file: "data/reconstruction/README.md", pipeline: false },
      { file: "data/reconstruction/README.ru.md", pipeline: false },
    ]);
  });

  it("the Russian page reads the Russian payload and names README.ru.md; the English page is unchanged", () => {
    const ru = reconstruction(pageContext("ru", "/reconstruction"));
    expect(ru).toContain('const r = await FileAttachment("../data/ru/reconstruction.json").json();');
    expect(ru).toContain("Ниже приводится его собственное описание в переводе на русский язык, из `data/reconstruction/README.ru.md`.");
    expect(ru).not.toContain("на английском");
    const en = reconstruction(pageContext("en", "/reconstruction"));
    expect(en).toContain('const r = await FileAttachment("./data/reconstruction.json").json();');
    expect(en).toContain("Below is its own account, from `data/reconstruction/README.md`.");
  });
});
