// Attribution under a method other than the published one: the engine's fixture (synthetic.ts,
// orders.ts) run by computeIndex under other weights, missing-data rules, normalisation, survey
// aggregation and split, and each change split exactly by row and by section, with hand-worked
// numbers for the parts that depend on the method.
import { describe, expect, it } from "vitest";
import { attributeChanges, EXACTNESS_TOLERANCE, SECTION_OFFSET, type Attribution, type ContributionRow, type PairAttribution } from "../loaders/attribution.ts";
import { changesTable, explainPair, methodOrdersText, methodShareText } from "../loaders/present/changes.ts";
import { computeIndex } from "../loaders/pipeline.ts";
import { say } from "../loaders/attribution-words.ts";
import { PUBLISHED_METHOD, type Method } from "../loaders/method.ts";
import { Codebook } from "../loaders/schema.ts";
import type { Project, Sheet, SurveyFile } from "../loaders/project.ts";
import { syntheticProject, V1, V2 } from "./fixtures/claims/synthetic.ts";
import { ordersProject, reversedProject } from "./fixtures/claims/orders.ts";

const under = (choices: Partial<Method>): Method => ({ ...PUBLISHED_METHOD, title: "a test method", source: "test", ...choices });
const attribute = (project: Project, method: Method): Attribution =>
  attributeChanges(computeIndex(project, method, { intervals: false }), { surveyFiles: project.surveys });
const pairOf = (a: Attribution, country: string, to: number) => a.pairs.find((p) => p.country === country && p.to_year === to)!;
const total = (rows: readonly ContributionRow[]) => rows.reduce((s, r) => s + r.contribution, 0);
const rowsOf = (p: PairAttribution, indicator: string) => p.rows.filter((r) => r.indicator === indicator).map((r) => [r.section, r.kind, r.step, r.contribution]);

const METHODS: Record<string, Partial<Method>> = {
  "AA weighted 2": { weights: { AA: 2 } },
  "missing worst": { missing: "worst" },
  "missing carry_forward": { missing: "carry_forward" },
  "minmax normalisation": { normalisation: "minmax" },
  "survey median": { survey: "median" },
  "method-first split": { split: "method_first" },
  "minmax, worst, method first": { normalisation: "minmax", missing: "worst", split: "method_first" },
};
const PROJECTS: Record<string, () => Project> = {
  synthetic: syntheticProject,
  orders: ordersProject,
  "orders backwards (v2 → v1)": () => reversedProject(ordersProject()),
};

describe("attribution is exact under any method", () => {
  for (const [projectName, make] of Object.entries(PROJECTS))
    for (const [methodName, choices] of Object.entries(METHODS))
      it(`${projectName}, ${methodName}: every pair, order and section sums to the run's change`, () => {
        const project = make();
        const run = computeIndex(project, under(choices), { intervals: false });
        const attribution = attributeChanges(run, { surveyFiles: project.surveys });
        expect(attribution.pairs.length).toBe(projectName === "synthetic" ? 4 : 2);
        const weighted = (country: string, year: number, section: string) => run.sections.find((s) => s.country === country && s.year === year && s.section === section)?.weighted ?? 0;
        for (const p of attribution.pairs) {
          const t0 = run.index.find((t) => t.country === p.country && t.year === p.from_year)!;
          const t1 = run.index.find((t) => t.country === p.country && t.year === p.to_year)!;
          expect(p.change).toBe(t1.index - t0.index);
          expect(Math.abs(total(p.rows) - p.change)).toBeLessThanOrEqual(EXACTNESS_TOLERANCE);
          for (const o of p.orders ? Object.values(p.orders) : []) expect(Math.abs(total(o.rows) - p.change)).toBeLessThanOrEqual(EXACTNESS_TOLERANCE);
          for (const s of p.sections) {
            const own = weighted(p.country, p.to_year, s.section) - weighted(p.country, p.from_year, s.section);
            expect(Math.abs(total(p.rows.filter((r) => r.section === s.section)) - own)).toBeLessThanOrEqual(EXACTNESS_TOLERANCE);
            for (const o of p.orders ? Object.values(p.orders) : [])
              expect(Math.abs(total(o.rows.filter((r) => r.section === s.section)) - own)).toBeLessThanOrEqual(EXACTNESS_TOLERANCE);
          }
        }
      });
});

describe("hand-worked numbers under other methods", () => {
  it("weights {AA: 2}: AAA 2019 → 2020 crossing v1 → v2, every AA part doubled", () => {
    const p = pairOf(attribute(syntheticProject(), under({ weights: { AA: 2 } })), "AAA", 2020);
    // 2019 (v1): AA 5 + 2 + 1 = 8 points × 2 = 16; BB 5 + 3 = 8 × 2 = 16: 32.
    // 2020 (v2): AA 6 + 2 = 8 × 2 = 16; BB 5 + 2 + 1 = 8 × 2 = 16; SS 1.5 × 5 = 7.5 × 1: 39.5.
    expect([p.from_total, p.to_total, p.change]).toEqual([32, 39.5, 7.5]);
    expect(rowsOf(p, "AA-01")).toEqual([["AA", "methodology", "method", 2]]); // 2 × 6 − 2 × 5 (published: +1)
    expect(rowsOf(p, "AA-03")).toEqual([
      ["AA", "methodology", "method", -2], // out of AA: −2 × 1 (published: −1)
      ["BB", "methodology", "method", 2], // into BB: 2 × 1
    ]);
    expect(p.sections.map((s) => [s.section, s.contribution])).toEqual([["AA", 0], ["BB", 0], ["SS", 7.5]]);
    // Within v2 (2020 → 2021) AA-02 partial → full (law): 2 × (4 − 2) = 4.
    const next = pairOf(attribute(syntheticProject(), under({ weights: { AA: 2 } })), "AAA", 2021);
    expect(rowsOf(next, "AA-02")).toEqual([["AA", "law", "change", 4]]);
    expect(next.rows.find((r) => r.indicator === "AA-02")!.weight_to).toBe(2);
  });

  it("carry_forward: the excluded BB-01 counts the 2020 answer carried, so it moves nothing (a coverage row of 0)", () => {
    const p = pairOf(attribute(syntheticProject(), under({ missing: "carry_forward" })), "AAA", 2021);
    // Published: BB-01 0.5 → n/a is 2 × (0 − 5) = −10. Carried: 2 × (5 − 5) = 0.
    // Change: AA-02 +2, BB-01 0, BB-03 2 × (−1 − 2) = −6, SS-01 1.5 × (2.5 − 5) = −3.75: −7.75.
    expect(p.change).toBe(-7.75);
    expect(rowsOf(p, "BB-01")).toEqual([["BB", "coverage", "change", 0]]);
    expect(p.rows.find((r) => r.indicator === "BB-01")!.detail).toBe("2 × (n/a (carried 5) − 5): weight of BB × (points in 2021 − points in 2020)");
    expect(say(p.rows.find((r) => r.indicator === "BB-01")!.detail_phrase, "ru")).toBe("2 × (н/д (перенесено 5) − 5): вес раздела BB × (баллы 2021 года − баллы 2020 года)");
    expect(p.sections.find((s) => s.section === "BB")!.contribution).toBe(-6);
  });

  it("minmax: each point weighs weight × slope, and the change of the sections' offsets is the method's", () => {
    const p = pairOf(attribute(syntheticProject(), under({ normalisation: "minmax" })), "AAA", 2020);
    // v1 spans: AA −5…10, BB 0…13; common span [(−5 + 0)/2, (10 + 13)/2] = [−2.5, 11.5] (width 14):
    //   AA slope 14/15, offset −2.5 + 5 × 14/15 = 13/6; BB slope 14/13, offset −2.5.
    // v2 spans: AA −5…10, BB −1…13, SS 0…15; common span [−6/3, 38/3] = [−2, 38/3] (width 44/3):
    //   AA slope 44/45, offset −2 + 5 × 44/45 = 26/9; BB slope 22/21, offset −2 + 22/21 = −20/21; SS slope 44/45, offset −2.
    const offsets = p.rows.filter((r) => r.indicator === SECTION_OFFSET).map((r) => [r.section, r.kind, r.step, r.contribution]);
    const expected = [
      ["AA", 1 * (26 / 9) - 1 * (13 / 6)], // 13/18
      ["BB", 2 * (-20 / 21) - 2 * -2.5], // 65/21
      ["SS", 1 * -2], // no SS in 2019
    ];
    expect(offsets.map(([s, k, st]) => [s, k, st])).toEqual(expected.map(([s]) => [s, "methodology", "method"]));
    offsets.forEach((o, i) => expect(o[3]).toBeCloseTo(expected[i]![1] as number, 12));
    expect(p.method!.offsets).toBeCloseTo(13 / 18 + 65 / 21 - 2, 12); // 229/126
    expect(p.rows.find((r) => r.indicator === SECTION_OFFSET)!.detail).toMatch(/^the normalisation's offset changed with the codebook version: /);
    const ss = p.rows.find((r) => r.indicator === SECTION_OFFSET && r.section === "SS")!;
    expect(ss.detail).toBe("the normalisation's offset changed with the codebook version: 1 × −2 (weight × normalisation offset of SS under v2) − 0 (no SS answers in 2019)");
    expect(say(ss.detail_phrase, "ru")).toBe("сдвиг нормировки изменился вместе с версией кодовой книги: 1 × −2 (вес × сдвиг нормировки раздела SS по версии v2) − 0 (нет ответов по разделу SS в 2019 году)");
    // weight × slope, each quoted at six decimals (14/15, 44/45), with the decimal comma.
    expect(say(p.rows.find((r) => r.indicator === "AA-01")!.detail_phrase, "ru")).toBe("ответ 2019 года «да», оценённый по обеим версиям: 1 × 0,933333 × 5 по версии v1 → 1 × 0,977778 × 6 по версии v2 (одинаково при любом порядке)");
    // AA-01 "yes" rescored 5 → 6: 1 × 44/45 × 6 − 1 × 14/15 × 5 = 264/45 − 210/45 = 1.2.
    expect(rowsOf(p, "AA-01").length).toBe(1);
    expect(p.rows.find((r) => r.indicator === "AA-01")!.contribution).toBeCloseTo(1.2, 12);
    // Offsets are the section's, not an indicator's: no indicator entry, and the indicators plus the offsets make the change.
    expect(p.indicators.some((i) => i.indicator === SECTION_OFFSET)).toBe(false);
    expect(p.indicators.reduce((s, i) => s + i.contribution, 0) + p.method!.offsets).toBeCloseTo(p.change, 12);
    // Within v2 the offsets cancel: BB-03 yes → no is 2 × 22/21 × (−1 − 2) = −44/7.
    const next = pairOf(attribute(syntheticProject(), under({ normalisation: "minmax" })), "AAA", 2021);
    expect(next.rows.some((r) => r.indicator === SECTION_OFFSET)).toBe(false);
    expect(next.rows.find((r) => r.indicator === "BB-03")!.contribution).toBeCloseTo(-44 / 7, 12);
  });

  it("worst: an excluded answer rescored under the other codebook gets that codebook's worst points", () => {
    // BB-01 excludable in both versions, worst −4 under v1 and −2 under v2 (ratio 0…1 → worst…10).
    const ratio = (worst: number) => ({ type: "ratio", min: 0, max: 1, points_at_min: worst, points_at_max: 10 });
    const v1 = Codebook.parse({ ...V1, indicators: V1.indicators.map((i) => (i.id === "BB-01" ? { ...i, excludable: true, scale: ratio(-4) } : i)) });
    const v2 = Codebook.parse({ ...V2, indicators: V2.indicators.map((i) => (i.id === "BB-01" ? { ...i, scale: ratio(-2) } : i)) });
    const sheet = (year: number, answers: [string, string][]): Sheet => ({
      file: `data/sheets/${year}/EEE.csv`,
      country: "EEE",
      year,
      methodology: year < 2020 ? "v1" : "v2",
      answers: answers.map(([indicator, value], i) => ({ indicator, value, source: "test", note: "", change: null, line: i + 2 })),
    });
    const project: Project = {
      ...syntheticProject(),
      codebooks: [v1, v2],
      sheets: [
        sheet(2019, [["AA-01", "no"], ["AA-02", "none"], ["BB-01", "n/a"], ["BB-02", "no"], ["AA-03", "no"]]),
        sheet(2020, [["AA-01", "no"], ["AA-02", "none"], ["BB-01", "0.5"], ["BB-03", "no"], ["AA-03", "no"]]),
      ],
      surveys: [],
    };
    const p = pairOf(attribute(project, under({ missing: "worst" })), "EEE", 2020);
    // 2019: AA −5; BB (worst −4) + 0 = −4 × 2 = −8: −13. 2020: AA −5; BB (−2 + 0.5 × 12 = 4) − 1 + 0 = 3 × 2 = 6: 1.
    expect([p.from_total, p.to_total, p.change]).toEqual([-13, 1, 14]);
    // Method first: the 2019 n/a under v2 is worst −2: method 2 × −2 − 2 × −4 = 4; change 2 × (4 − −2) = 12.
    expect(p.orders!.method_first.rows.filter((r) => r.indicator === "BB-01").map((r) => [r.kind, r.contribution])).toEqual([["coverage", 12], ["methodology", 4]]);
    // Answers first: the 2020 answer 0.5 under v1 is −4 + 0.5 × 14 = 3: change 2 × (3 − −4) = 14; method 2 × 4 − 2 × 3 = 2.
    expect(p.orders!.answers_first.rows.filter((r) => r.indicator === "BB-01").map((r) => [r.kind, r.contribution])).toEqual([["coverage", 14], ["methodology", 2]]);
    // Shapley: method (4 + 2)/2 = 3, coverage (12 + 14)/2 = 13; with BB-03 added (2 × −1) and BB-02 removed (0): 14.
    expect(rowsOf(p, "BB-01")).toEqual([["BB", "coverage", "change", 13], ["BB", "methodology", "method", 3]]);
    expect(rowsOf(p, "BB-03")).toEqual([["BB", "methodology", "method", -2]]);
    expect(p.orders!.method_first.rows.find((r) => r.indicator === "BB-01" && r.step === "change")!.detail).toMatch(/^2 × \(4 − n\/a \(worst −2\)\)/);
  });

  it("survey median: a survey rescored under the next version uses the method's aggregation, so unchanged ratings move nothing", () => {
    // Two versions with the same survey indicator; the ratings are the same in both years.
    const v2a = Codebook.parse({ ...V2, version: "v2a", years: { from: 2020, to: 2020 }, previous: null });
    const v2b = Codebook.parse({ ...V2, version: "v2b", years: { from: 2021, to: null }, previous: "v2a" });
    const ratings: SurveyFile["responses"] = [
      { respondent: "r1", role: "lawyer", question: "Q1", rating: 2, line: 2 },
      { respondent: "r2", role: "lawyer", question: "Q1", rating: 3, line: 3 },
      { respondent: "r3", role: "judge", question: "Q1", rating: 10, line: 4 },
    ];
    const years = [2020, 2021];
    const project: Project = {
      ...syntheticProject(),
      codebooks: [v2a, v2b],
      sheets: years.map((year) => ({
        file: `data/sheets/${year}/GGG.csv`,
        country: "GGG",
        year,
        methodology: year === 2020 ? "v2a" : "v2b",
        answers: [{ indicator: "SS-01", value: "survey", source: "test", note: "", change: null, line: 2 }],
      })),
      surveys: years.map((year) => ({ file: `data/surveys/${year}/GGG.csv`, country: "GGG", year, responses: ratings })),
    };
    const run = computeIndex(project, under({ survey: "median" }), { intervals: false });
    // Median of 2, 3, 10 is 3 (role mean would be (2.5 + 10)/2 = 6.25): 1.5 × 3 = 4.5 in both years.
    expect(run.index.map((t) => t.index)).toEqual([4.5, 4.5]);
    const p = pairOf(attributeChanges(run, { surveyFiles: project.surveys }), "GGG", 2021);
    expect(p.crosses_methodology).toBe(true);
    expect(p.change).toBe(0);
    // Rescoring by the codebook's role mean instead would book 1.5 × 6.25 − 4.5 = +4.875 to the method and −4.875 to the survey.
    expect(p.rows.filter((r) => r.contribution !== 0)).toEqual([]);
    expect(p.orders!.answers_first.rows.filter((r) => r.contribution !== 0)).toEqual([]);
  });
});

describe("split: method_first", () => {
  const shapley = pairOf(attribute(ordersProject(), under({})), "CCC", 2020);
  const attribution = attribute(ordersProject(), under({ split: "method_first" }));
  const p = pairOf(attribution, "CCC", 2020);

  it("makes the pair's own rows the method-first order, and changes.csv with them", () => {
    expect(p.split).toBe("method_first");
    expect(shapley.split).toBe("shapley");
    expect(p.rows).toEqual(p.orders!.method_first.rows);
    expect(p.method).toEqual(p.orders!.method_first.method);
    // Method first gives the method 9 + 4 − 6 = 7 (SS-01, BB-03 added, BB-02 removed; AA-01's rescoring goes with its change),
    // answers first 9, Shapley their mean 8.
    expect([p.method!.total, p.orders!.answers_first.method.total, shapley.method!.total]).toEqual([7, 9, 8]);
    expect(rowsOf(p, "AA-01")).toEqual([["AA", "law", "change", 11]]); // 1 × (6 − −5)
    expect(rowsOf(shapley, "AA-01")).toEqual([["AA", "law", "change", 10.5], ["AA", "methodology", "method", 0.5]]);
    expect(changesTable(attribution)).toEqual(changesTable(attribution, "method_first"));
    expect(changesTable(attribution).filter((r) => r.country === "CCC").map((r) => r.contribution)).toEqual(p.orders!.method_first.rows.map((r) => r.contribution));
  });

  it("says on the page which split is shown", () => {
    expect(methodOrdersText(p)).toMatch(/Shown is the method-first order, as the method chooses: \+7\.00 of the change is the method's\.$/);
    expect(methodOrdersText(shapley)).toMatch(/Shown is their mean, the Shapley value, which depends on no order: \+8\.00/);
    const ctx = { countryName: "Carpania", sectionTitle: (s: string) => s, indicatorTitle: (i: string) => i };
    expect(explainPair(p, ctx).notes).toContain("Of the change, +7.00 comes from the change of method (v1 → v2).");
    expect(methodShareText(p)).toContain("+7.00 of the change is the method's, in the method-first order, as the method chooses (answers first would give +9.00): ");
  });
});
