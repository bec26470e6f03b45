// The method spec and computeIndex under other methods, on the engine's own two-codebook fixture
// (tests/fixtures/claims/synthetic.ts), so these hold whatever data/ holds. Expected values are
// worked by hand from the fixture's codebooks (comments show the arithmetic).
import { describe, it, expect } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { computeIndex } from "../loaders/pipeline.ts";
import { stepSentence } from "../loaders/present/steps.ts";
import { PUBLISHED_METHOD, parseMethod, loadMethod, isPublished, type Method } from "../loaders/method.ts";
import { sectionSpans } from "../loaders/normalise.ts";
import { InputError, formatProblem } from "../loaders/problems.ts";
import { syntheticProject, V2 } from "./fixtures/claims/synthetic.ts";

const project = syntheticProject();
const run = (m: Partial<Method>) => computeIndex(project, { ...PUBLISHED_METHOD, ...m }, { intervals: false });
const cell = (r: ReturnType<typeof run>, country: string, year: number) => r.index.find((x) => x.country === country && x.year === year)!;
const problems = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.problems.map(formatProblem);
    throw e;
  }
  return [];
};

describe("the method file", () => {
  it("reads the issue's example: named sections change weight, the rest keep the codebook's", () => {
    const m = parseMethod("weights: { BB: 0 }   # BB left out\nsurvey: median\nmissing: worst\nnormalisation: raw\n", "alt.yaml", project.codebooks);
    expect(m).toMatchObject({ source: "alt.yaml", weights: { BB: 0 }, survey: "median", missing: "worst", normalisation: "raw", split: "shapley" });
    expect(isPublished(m, project.codebooks)).toBe(false);
    expect(isPublished(parseMethod("{}", "same.yaml", project.codebooks), project.codebooks)).toBe(true);
  });

  it("names the file, line and key of an unknown section, and lists the sections there are", () => {
    expect(problems(() => parseMethod("survey: median\nweights:\n  LP: 0\n", "alt.yaml", project.codebooks))).toEqual([
      'alt.yaml:3:weights.LP: "LP" is not a section of any codebook version (expected one of: AA, BB, SS)',
    ]);
  });

  it("names the file, line and key of an unknown choice, with what is allowed", () => {
    expect(problems(() => parseMethod("weights: {}\nsurvey: mean\nnormalisation: scaled\n", "alt.yaml", project.codebooks))).toEqual([
      'alt.yaml:2:survey: Invalid option: expected one of "role_mean"|"pooled_mean"|"median"',
      'alt.yaml:3:normalisation: Invalid option: expected one of "raw"|"minmax"',
    ]);
    expect(problems(() => parseMethod("weight: {AA: 1}\n", "alt.yaml", project.codebooks))).toEqual(['alt.yaml:1: Unrecognized key: "weight"']);
    expect(problems(() => parseMethod("weights: {AA: -1}\n", "alt.yaml", project.codebooks))).toEqual(["alt.yaml:1:weights.AA: a section weight cannot be negative"]);
  });

  it("a missing file is an input problem naming it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pti-method-"));
    await expect(loadMethod(path.join(dir, "none.yaml"), "none.yaml", project.codebooks)).rejects.toThrow("none.yaml: file not found");
    writeFileSync(path.join(dir, "m.yaml"), "missing: carry_forward\n");
    expect((await loadMethod(path.join(dir, "m.yaml"), "m.yaml", project.codebooks)).missing).toBe("carry_forward");
  });
});

describe("computeIndex under a method", () => {
  // AAA 2021 (v2): AA = AA-01 yes 6 + AA-02 full 4 = 10; BB = BB-01 n/a + BB-03 no −1 + AA-03 yes 1 = 0
  // (weight 2); SS = 1.5 × mean of roles (2, 3) = 3.75. Index 10 + 2·0 + 3.75 = 13.75.
  it("the published method: excluded answers dropped, their best points out of the maximum", () => {
    const r = run({});
    expect(cell(r, "AAA", 2021)).toMatchObject({ index: 13.75, max_attainable: 10 + 2 * 3 + 15, rank: 1, countries: 2 });
    expect(r.missing.map((m) => [m.country, m.year, m.indicator, m.rule, m.points, m.carried_from, m.carried_value, m.carried_points])).toEqual([
      ["AAA", 2021, "BB-01", "drop", null, 2020, "0.5", 5],
      ["AAA", 2022, "BB-01", "drop", null, 2020, "0.5", 5], // 2021 was excluded too: the last known answer is 2020's
    ]);
  });

  it("worst: the excluded answer counts its worst points (BB-01: 0) and stays in the maximum", () => {
    expect(cell(run({ missing: "worst" }), "AAA", 2021)).toMatchObject({ index: 13.75, max_attainable: 10 + 2 * 13 + 15 });
  });

  it("carry_forward: the last known answer (2020: 0.5, 5 points) is counted", () => {
    const r = run({ missing: "carry_forward" });
    expect(cell(r, "AAA", 2021)).toMatchObject({ index: 13.75 + 2 * 5, max_attainable: 51 });
    expect(r.answers.find((a) => a.country === "AAA" && a.year === 2022 && a.indicator === "BB-01")).toMatchObject({ excluded: true, points: 5, imputed: "carried" });
  });

  it("weights: a named section's weight replaces the codebook's; others keep theirs", () => {
    expect(cell(run({ weights: { AA: 2 } }), "AAA", 2021).index).toBe(2 * 10 + 2 * 0 + 3.75);
    const without = run({ weights: { SS: 0 } });
    expect(cell(without, "AAA", 2021).index).toBe(10);
    expect(without.sections.find((s) => s.country === "AAA" && s.year === 2021 && s.section === "SS")).toMatchObject({ weight: 0, points: 3.75, weighted: 0 });
  });

  it("survey: the median respondent instead of the mean of roles", () => {
    // Two respondents (2 and 3): the median is 2.5 as well; AAA 2020 (4 and 6): 5 either way; so the totals agree here.
    expect(cell(run({ survey: "median" }), "AAA", 2021).index).toBe(13.75);
    expect(run({ survey: "median" }).surveys.every((s) => s.method === "median")).toBe(true);
  });

  it("minmax maps every section of a version onto one span at both ends", () => {
    // v2 ranges: AA −5…10, BB −1…13, SS 0…15; common span [(−5 − 1 + 0)/3, (10 + 13 + 15)/3] = [−2, 38/3].
    const spans = sectionSpans(V2, "minmax");
    for (const s of spans) {
      expect(s.slope * s.min + s.offset, `${s.section} min`).toBeCloseTo(-2, 12);
      expect(s.slope * s.max + s.offset, `${s.section} max`).toBeCloseTo(38 / 3, 12);
    }
    // AAA 2021: AA at its maximum → 38/3; BB 0 → 22/21·0 − 20/21, weight 2; SS 3.75 → 44/45·3.75 − 2 = 5/3.
    expect(cell(run({ normalisation: "minmax" }), "AAA", 2021).index).toBeCloseTo(38 / 3 - 40 / 21 + 5 / 3, 12);
    expect(sectionSpans(V2, "raw").every((s) => s.slope === 1 && s.offset === 0)).toBe(true);
  });

  it("ranks within each year, ties sharing the better rank", () => {
    const r = run({});
    expect(r.index.filter((x) => x.year === 2022).map((x) => [x.country, x.rank])).toEqual([["AAA", 1], ["BBB", 2]]);
    const tie = run({ weights: { AA: 0, BB: 0, SS: 0 } });
    expect(tie.index.filter((x) => x.year === 2022).map((x) => [x.country, x.index, x.rank])).toEqual([["AAA", 0, 1], ["BBB", 0, 1]]);
  });

  it("the log says which method made the result", () => {
    expect(stepSentence(run({ missing: "worst" }).log.find((s) => s.step === "method")!)).toContain("missing data worst");
  });
});
