// The engine on whatever data/ holds: every published total is reproduced or the audit shows the
// difference, levels add up, and one changed answer moves exactly its own points. No number of the
// example data is pinned here (that every total of the reconstruction matches is pinned in
// tests/example-data/reconciliation.test.ts).
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runPipeline, type PipelineResult } from "../loaders/pipeline.ts";
import { reconcile } from "../loaders/reconcile.ts";
import { round2 } from "../loaders/rounding.ts";
import { logRecord, logRows, stepSentence } from "../loaders/present/steps.ts";
import type { Project } from "../loaders/project.ts";
import { repoRoot, copyProject } from "./helpers/project-copy.ts";

let project: Project;
let result: PipelineResult;
beforeAll(async () => {
  ({ project, result } = await runPipeline(repoRoot));
});

describe("pipeline on data/", () => {
  it("puts every published total of every edition beside its computed twin: matches at the cent, or the difference is shown", () => {
    expect(project.editions.length, "data/published/editions.csv holds published totals").toBeGreaterThan(0);
    const rows = reconcile(result, project.editions, project.claims).reconciliation;
    expect(rows).toHaveLength(project.editions.length);
    for (const e of project.editions) {
      const at = `${e.country} ${e.year} edition ${e.edition}`;
      const row = rows.find((r) => r.edition === e.edition && r.country === e.country && r.year === e.year)!;
      expect(row.published, at).toBe(e.index);
      const twin = result.index.find((r) => r.country === e.country && r.year === e.year);
      expect(row.computed, at).toBe(twin?.index ?? null);
      expect(row.difference, at).toBe(twin ? twin.index - e.index : null);
      expect(row.status, at).toBe(!twin ? "not computed" : round2(twin.index) === e.index ? "matches" : "differs");
    }
  });

  it("computes one Index per sheet and sums sections into it", () => {
    expect(project.sheets.length, "data/sheets holds sheets").toBeGreaterThan(0);
    expect(result.index.length).toBe(project.sheets.length);
    for (const r of result.index) {
      const sum = result.sections.filter((s) => s.country === r.country && s.year === r.year).reduce((a, s) => a + s.weighted, 0);
      expect(sum).toBeCloseTo(r.index, 9);
      expect(Number.isFinite(r.index) && Number.isFinite(r.max_attainable)).toBe(true);
      expect(r.max_attainable).toBeGreaterThanOrEqual(r.index);
    }
  });

  it("logs every step that made the result", () => {
    expect(result.log.map((s) => s.step)).toEqual(["load", "method", "survey", "score", "missing", "sections", "index"]);
    expect(result.log.find((s) => s.step === "index")!.count).toBe(result.index.length);
  });

  it("leaves an excluded indicator's best points out of the maximum attainable, and counts it", () => {
    // For every country-year, whether or not it has excluded answers (the example data's are
    // counted in tests/example-data/sensitivity.test.ts; the rule on a fixture: tests/method.test.ts).
    expect(result.index.length).toBeGreaterThan(0);
    for (const total of result.index) {
      const all = result.answers.filter((x) => x.country === total.country && x.year === total.year);
      expect(all.length, `${total.country} ${total.year}`).toBeGreaterThan(0);
      const weight = new Map(result.sections.filter((s) => s.country === total.country && s.year === total.year).map((s) => [s.section, s.weight]));
      const best = all.filter((x) => !x.excluded).reduce((s, x) => s + weight.get(x.section)! * x.best, 0);
      expect(total.max_attainable, `${total.country} ${total.year}`).toBeCloseTo(best, 9);
      expect(total.excluded, `${total.country} ${total.year}`).toBe(all.filter((x) => x.excluded).length);
    }
  });
});

describe("changing one answer in a copy of the project", () => {
  const copy = copyProject();
  afterAll(() => copy.cleanup());

  it("moves that country-year's total by exactly the indicator's points difference and nothing else", async () => {
    // Flip a binary answer of the latest year's first CSV sheet, one the same as the year before's,
    // and give the change its reason (check requires one): a valid edit.
    const latest = Math.max(...result.index.map((t) => t.year));
    const before = (a: (typeof result.answers)[number]) => result.answers.find((b) => b.country === a.country && b.year === a.year - 1 && b.indicator === a.indicator)?.value;
    const target = result.answers.find(
      (a) => a.scale === "binary" && a.year === latest && !a.excluded && a.file.endsWith(".csv") && (a.value === "yes" || a.value === "no") && a.change === null && before(a) === a.value,
    )!;
    expect(target, `a CSV sheet of ${latest} with a binary answer`).toBeDefined();
    const flipped = target.value === "yes" ? "no" : "yes";
    const file = path.join(copy.root, target.file);
    const lines = readFileSync(file, "utf8").split("\n");
    const i = target.line - 1;
    expect(lines[i]!.startsWith(`${target.indicator},${target.value},`)).toBe(true);
    lines[i] = lines[i]!.replace(`${target.indicator},${target.value},`, `${target.indicator},${flipped},`).replace(/,(\r?)$/, ",reassessment$1");
    writeFileSync(file, lines.join("\n"));

    const after = (await runPipeline(copy.root)).result;
    const cb = project.codebooks.find((c) => c.version === target.methodology)!;
    const scale = cb.indicators.find((x) => x.id === target.indicator)!.scale as { type: "binary"; yes: number; no: number };
    const expected = (flipped === "yes" ? scale.yes : scale.no) - target.points!;
    expect(expected).not.toBe(0);
    expect(after.index.map((r) => `${r.country} ${r.year}`)).toEqual(result.index.map((r) => `${r.country} ${r.year}`));
    const moved = after.index.map((r, i) => ({ at: `${r.country} ${r.year}`, delta: r.index - result.index[i]!.index })).filter((d) => d.delta !== 0);
    expect(moved.map((d) => d.at)).toEqual([`${target.country} ${target.year}`]);
    expect(moved[0]!.delta).toBeCloseTo(expected, 9);
  });
});

describe("the step log in both languages (loaders/present/steps.ts)", () => {
  const facts = (step: string) => result.log.find((s) => s.step === step)!;
  it("writes the engine's English sentences", () => {
    const files = project.files.length;
    expect(stepSentence(facts("load"))).toBe(
      `read and validated ${files} files: ${project.sheets.length} sheets, ${project.surveys.length} surveys, ${project.codebooks.length} codebook versions (${project.codebooks.map((c) => c.version).join(", ")})`,
    );
    expect(stepSentence(facts("method"))).toBe(
      "method: the published method (the codebooks' own choices): codebook weights; survey as in the codebook; missing data as in the codebook; normalisation raw; change split shapley",
    );
    expect(stepSentence(facts("sections"))).toBe(`summed points into ${result.sections.length} section subtotals; normalisation raw; each multiplied by its section weight`);
    expect(logRecord(result.log)[0]).toEqual({ step: "load", count: files, summary: stepSentence(facts("load")) });
  });
  it("says the same in Russian, method ids named in words and numbers in Russian form", () => {
    expect(stepSentence({ step: "score", answers: 1671, excluded: 16 }, "ru")).toBe("ответов оценено по правилам их кодовой книги: 1\u202f671; исключено («н/д»): 16");
    expect(stepSentence({ step: "survey", scores: 108, method: "role_mean", level: 0.9, intervals: true }, "ru")).toBe(
      "сведено оценок опроса: 108 (среднее по профессиям), у каждой интервал с уровнем 0,9 (survey.ts surveyInterval: без случайных выборок)",
    );
    expect(stepSentence({ step: "survey", scores: 108, method: "role_mean", level: 0.9, intervals: true })).toBe(
      "aggregated 108 survey scores (role_mean), each with its 0.9 interval (survey.ts surveyInterval: no random draws)",
    );
    expect(stepSentence({ step: "missing", rules: ["carry_forward", "worst"], dropped: 2, filled: 14 }, "ru")).toBe(
      "отсутствующие данные (перенос последнего ответа, худший уровень): исключённых ответов оставлено без баллов — 2 (их лучшие баллы вычтены из максимально достижимого итога), заполнено — 14",
    );
    expect(stepSentence({ step: "sections", sections: 258, normalisation: "minmax" }, "ru")).toBe("баллы сложены в промежуточные итоги по разделам: 258; нормировка: общий размах; каждый итог умножен на вес раздела");
    expect(stepSentence(facts("method"), "ru")).toBe(
      "методология: опубликованная методология (выбор самих кодовых книг): веса кодовой книги; сведение опроса: как в кодовой книге; отсутствующие данные: как в кодовой книге; нормировка: без нормировки; разложение изменений: по Шепли",
    );
    const rows = logRows(result.log);
    expect(rows.map((r) => r.name.ru)).toEqual(["чтение", "методология", "опрос", "баллы", "пропуски", "разделы", "Индекс"]);
    expect(rows.map((r) => r.name.en)).toEqual(["load", "method", "survey", "score", "missing", "sections", "index"]);
  });
});
