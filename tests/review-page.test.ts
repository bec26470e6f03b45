// The "Review YEAR" page exists only while YEAR has sheets and no published edition: none for the
// example data as they are (every sheet year is published); a copy with a 2025 year builds it, in
// English and Russian, and its payload holds the 2025 answer that changed and the warning about it.
import { describe, it, expect, afterAll } from "vitest";
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { copyProject, npmRun, repoRoot } from "./helpers/project-copy.ts";
import { loadProject } from "../loaders/project.ts";
import { unpublishedYears } from "../loaders/review.ts";
import { reviewData } from "../loaders/present/review.ts";
import { reviewYearsOnDisk } from "../loaders/pages/review.ts";
import reviewPage from "../loaders/pages/review.ts";
import { pageContext } from "../loaders/pages/page.ts";

const sheetYears = (root: string) => readdirSync(path.join(root, "data/sheets")).filter((y) => /^\d{4}$/.test(y)).map(Number);

/** 2024's sheets and surveys as 2025's, change cells emptied, KAZ RM-01 changed with its reason and last year's note on LP-02 kept while it changes. */
function add2025(root: string): void {
  for (const kind of ["sheets", "surveys"]) cpSync(path.join(root, "data", kind, "2024"), path.join(root, "data", kind, "2025"), { recursive: true });
  const dir = path.join(root, "data/sheets/2025");
  for (const f of readdirSync(dir)) {
    const file = path.join(dir, f);
    let lines = readFileSync(file, "utf8").split("\n").map((l) => l.replace(/,(law|practice|reassessment|data)\r?$/, ","));
    if (f === "KAZ.csv")
      lines = lines.map((l) => (l.startsWith("RM-01,") ? "RM-01,no,https://example.org/2025,the body lost its independence,practice" : l.startsWith("LP-02,partial,") ? l.replace("LP-02,partial,", "LP-02,yes,").replace(/,$/, ",law") : l));
    writeFileSync(file, lines.join("\n"));
  }
}

describe("the review page", () => {
  it("is built for no year of the example data: every sheet year is published", async () => {
    expect(await reviewYearsOnDisk(repoRoot, sheetYears(repoRoot))).toEqual([]);
    const project = await loadProject(repoRoot);
    expect(unpublishedYears(project)).toEqual([]);
    expect(reviewData(project)).toEqual({ years: {} });
  });

  it("renders its heading and tables in each language", () => {
    const en = String(reviewPage(2025)(pageContext("en", "/review/2025")));
    expect(en).toContain("title: Review 2025\n");
    expect(en).toContain("# Review of the 2025 sheets before publication\n");
    expect(en).toContain('(await FileAttachment("../data/review.json").json()).years["2025"]["en"]');
    const ru = String(reviewPage(2025)(pageContext("ru", "/review/2025")));
    expect(ru).toContain("title: Проверка 2025\n");
    expect(ru).toContain('(await FileAttachment("../../data/review.json").json()).years["2025"]["ru"]');
  });

  const copy = copyProject();
  afterAll(() => copy.cleanup());

  it("appears, in English and Russian, once a 2025 year has sheets and no edition", { timeout: 900_000 }, async () => {
    add2025(copy.root);
    expect(await reviewYearsOnDisk(copy.root, sheetYears(copy.root))).toEqual([2025]);
    const data = reviewData(await loadProject(copy.root));
    expect(Object.keys(data.years)).toEqual(["2025"]);
    const en = data.years["2025"]!.en;
    expect(en.rows.map((r) => `${r.country} ${r.indicator}: ${r.before} → ${r.now} (${r.points}); ${r.change}; ${r.source}; ${r.note}`)).toEqual([
      "KAZ RM-01: yes → no (4.00 → −4.00); practice; https://example.org/2025; the body lost its independence",
      expect.stringMatching(/^KAZ LP-02: partial → yes \(.*\); law; https:\/\/docstore\.ohchr\.org\/.*; Art\. 146: until the law of 17 Mar 2023/),
    ]);
    expect(en.warnings).toEqual([
      { where: "data/sheets/2025/KAZ.csv:18:note", message: 'the note on LP-02 is word for word the note of 2024, though the answer changed ("partial" → "yes"); say why it changed in 2025' },
    ]);
    expect(data.years["2025"]!.ru.warnings[0]!.message).toBe("примечание к LP-02 слово в слово повторяет примечание 2024 года, хотя ответ изменился («частично» → «да»); объясните, почему он изменился в 2025");

    const r = npmRun(copy.root, "build");
    expect(r.status, r.stderr).toBe(0);
    const page = (p: string) => readFileSync(path.join(copy.root, "dist", p), "utf8");
    expect(page("review/2025.html")).toContain("Review of the 2025 sheets before publication");
    expect(page("ru/review/2025.html")).toContain("Проверка листов 2025 года перед публикацией");
    expect(existsSync(path.join(copy.root, "dist/_file/data/review.json")) || readdirSync(path.join(copy.root, "dist/_file/data")).some((f) => f.startsWith("review."))).toBe(true);
  });
});
