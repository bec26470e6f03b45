// The Russian answer words of an ordinal scale: a sheet answer in either language must name exactly
// one level, so a codebook whose level_ru words repeat, or take another level's English word, is refused.
// The codebook's other Russian twins (title_ru, notice_ru, translations.ru.note_ru, changes[].text_ru,
// missing_data.text_ru, survey.aggregation_text_ru, unit_ru): text or nothing, and the Russian page's
// English fallback where a codebook has none, as the fixture codebook has none.
// On the fixture codebook; the example data's Russian codebook texts: tests/example-data/codebook-ru.test.ts.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { formatProblem, InputError } from "../loaders/problems.ts";
import { loadProject } from "../loaders/project.ts";
import { Codebook } from "../loaders/schema.ts";
import { parseYaml } from "../loaders/yaml.ts";
import { validateCodebooks } from "../loaders/validate.ts";
import { methodologyPayload } from "../loaders/present/pages.ts";
import { traceable, traceCountryYear } from "../loaders/present/trace.ts";
import { runPipeline } from "../loaders/pipeline.ts";
import { ru } from "../loaders/shared/strings/ru.ts";
import { FIXTURE_ROOT } from "./fixtures/copy-fixture.ts";

describe("Russian answer words of ordinal levels", async () => {
  const project = await loadProject(FIXTURE_ROOT);
  const cb2020 = project.codebooks.find((c) => c.version === "2020")!;
  const FILE = "data/methodology/2020.yaml";
  const withWords = (words: Record<string, string>): Codebook => ({
    ...cb2020,
    previous: null,
    indicators: cb2020.indicators.map((ind) =>
      ind.id === "LP-02" && ind.scale.type === "ordinal"
        ? { ...ind, scale: { ...ind.scale, levels: ind.scale.levels.map((l) => ({ ...l, level_ru: words[l.level] })) } }
        : ind,
    ),
  });
  const check = (words: Record<string, string>) => validateCodebooks([{ file: FILE, codebook: withWords(words) }]).map(formatProblem);

  it("accepts one distinct word per level", () => {
    expect(check({ yes: "да", partial: "частично", no: "нет" })).toEqual([]);
  });

  it("refuses a word given to two levels", () => {
    expect(check({ yes: "да", partial: "да", no: "нет" })).toEqual([
      `${FILE}::indicators.1.scale.levels.1.level_ru: Russian level "да" of LP-02 is given to both "yes" and "partial"; each level needs its own word`,
    ]);
  });

  it("refuses a word that is another level's English word", () => {
    expect(check({ yes: "да", partial: "no", no: "нет" })).toEqual([
      `${FILE}::indicators.1.scale.levels.1.level_ru: Russian level "no" of LP-02 (for "partial") is the level "no"; choose a word no other level uses`,
    ]);
  });
});

describe("the codebook's Russian twins of its own texts", async () => {
  const FILE = "data/methodology/2020.yaml";
  const text = await readFile(path.join(FIXTURE_ROOT, FILE), "utf8");
  /** The fixture codebook with `value` at `at`, as the check reports it. */
  const problems = (at: (string | number)[], value: unknown): string[] => {
    const doc = parseDocument(text);
    if (at[0] === "translations") doc.set("translations", doc.createNode({ ru: { reconstructed: true, note: "Our translation." } }));
    doc.setIn(at, value);
    try {
      parseYaml(Codebook, doc.toString(), FILE);
      return [];
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return e.problems.map((p) => formatProblem(p));
    }
  };
  const TWINS: (string | number)[][] = [
    ["title_ru"],
    ["notice_ru"],
    ["translations", "ru", "note_ru"],
    ["changes", 1, "text_ru"],
    ["missing_data", "text_ru"],
    ["survey", "aggregation_text_ru"],
  ];

  it("accepts a text for each", () => {
    for (const at of TWINS) expect(problems(at, "Текст по-русски."), at.join(".")).toEqual([]);
  });

  it("refuses a number, naming the file, line and field", () => {
    for (const at of TWINS) {
      const [p, ...rest] = problems(at, 42);
      expect(rest, at.join(".")).toEqual([]);
      expect(p, at.join(".")).toMatch(new RegExp(`^${FILE}:\\d+:${at.join("\\.")}: .*expected string, received number`));
    }
    const doc = parseDocument(text);
    const ratio = (doc.toJS().indicators as { scale: { type: string } }[]).findIndex((i) => i.scale.type === "ratio");
    expect(ratio).toBeGreaterThanOrEqual(0);
    expect(problems(["indicators", ratio, "scale", "unit_ru"], ["доля"])[0]).toMatch(/expected string, received array/);
  });

  it("leaves a Russian page in English where they are absent, and says so", async () => {
    const project = await loadProject(FIXTURE_ROOT);
    const cb = project.codebooks.find((c) => c.version === "2020")!;
    const latest = methodologyPayload(project, { interval_check: null }, "ru").versions.find((v) => v.version === "2020")!;
    expect(latest.notice).toBe("A small codebook made for the tests; it is not the Working Group's.");
    expect(latest.changes.map((c) => c.text)).toEqual(cb.changes.map((c) => c.text));
    expect(latest.missing_data.text).toBe("An excluded indicator gets no points and its best points leave the maximum.");
    expect(latest.survey!.aggregation_text).toBe("Mean per respondent, then per role, then the mean of the roles.");
    expect(latest.english_note).toBe(ru["page.methodology.codebook_in_english"]);
    // The English page has no such note, not even an empty one.
    expect("english_note" in methodologyPayload(project, { interval_check: null }).versions[1]!).toBe(false);
  });

  it("the trace's Russian method and missing-data texts fall back to the English", async () => {
    const { project, result } = await runPipeline(FIXTURE_ROOT);
    const traces = traceable(result).map((c) => traceCountryYear(result, project, c.country, c.year)!).filter((t) => t.methodology === "2020");
    const survey = traces.flatMap((t) => t.surveys)[0]!;
    expect(survey.method_text_ru).toBe("Mean per respondent, then per role, then the mean of the roles.");
    expect(traces[0]!.missing_rule_ru).toBe("An excluded indicator gets no points and its best points leave the maximum.");
  });
});
