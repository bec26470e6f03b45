import { describe, expect, it } from "vitest";
import type { SurveyResponse } from "../loaders/schema.ts";
import { aggregateSurvey, bootstrapSurvey, INTERVAL_METHOD, intervalOfScores, intervalText, percentileSorted, surveyInterval } from "../loaders/survey.ts";
import { binomialHalfCdf, normalCdf, studentTQuantile } from "../loaders/distributions.ts";
import { COVERAGE_MODEL, DEFAULT_ROLE_MEANS, populationValue, respondentScoreLaw, roleExpectations, simulateCoverage } from "../loaders/survey-coverage.ts";
import { rng, seedFor } from "../loaders/random.ts";

type Row = Pick<SurveyResponse, "respondent" | "role" | "question" | "rating">;
const row = (respondent: string, role: Row["role"], question: string, rating: number | null): Row => ({ respondent, role, question, rating });

// 3 lawyers + 1 judge (+ a lawyer with no answer, + a question not asked by the indicator)
//   L1: Q1 2, Q2 4      → 3
//   L2: Q1 4, Q2 empty  → 4
//   L3: Q1 5, Q2 5      → 5
//   L4: both empty      → left out
//   J1: Q1 8, Q2 9      → 8.5     (Q3 = 0 is not one of the indicator's questions)
const small: Row[] = [
  row("L1", "lawyer", "Q1", 2),
  row("L1", "lawyer", "Q2", 4),
  row("L2", "lawyer", "Q1", 4),
  row("L2", "lawyer", "Q2", null),
  row("L3", "lawyer", "Q1", 5),
  row("L3", "lawyer", "Q2", 5),
  row("L4", "lawyer", "Q1", null),
  row("L4", "lawyer", "Q2", null),
  row("J1", "judge", "Q1", 8),
  row("J1", "judge", "Q2", 9),
  row("J1", "judge", "Q3", 0),
];

describe("aggregateSurvey", () => {
  it("role_mean: mean within role, then unweighted mean of roles", () => {
    const a = aggregateSurvey(small, ["Q1", "Q2"], "role_mean");
    expect(a.value).toBe(6.25); // (4 + 8.5) / 2
    expect(a.respondents).toBe(4);
    expect(a.answered).toBe(7);
    expect(a.missing).toBe(3);
    expect(a.roles).toEqual([
      { role: "lawyer", respondents: 3, mean: 4 },
      { role: "judge", respondents: 1, mean: 8.5 },
    ]);
  });
  it("pooled_mean and median differ from role_mean", () => {
    expect(aggregateSurvey(small, ["Q1", "Q2"], "pooled_mean").value).toBe(5.125); // (3+4+5+8.5)/4
    expect(aggregateSurvey(small, ["Q1", "Q2"], "median").value).toBe(4.5); // (4+5)/2
    expect(aggregateSurvey(small.slice(0, 6), ["Q1", "Q2"], "median").value).toBe(4); // odd count: 3, 4, 5
  });
  it("empty ratings are ignored, not counted as zero", () => {
    const withoutBlanks = small.filter((r) => r.rating !== null);
    expect(aggregateSurvey(withoutBlanks, ["Q1", "Q2"], "role_mean").value).toBe(6.25);
    expect(aggregateSurvey(withoutBlanks, ["Q1", "Q2"], "role_mean").missing).toBe(0);
  });
  it("only the listed questions count; question ids are case-insensitive", () => {
    expect(aggregateSurvey(small, ["q3"], "role_mean").value).toBe(0);
    expect(aggregateSurvey(small, ["Q2"], "pooled_mean").value).toBe(6); // (4 + 5 + 9) / 3
  });
  it("throws with no ratings or an unknown method", () => {
    expect(() => aggregateSurvey(small, ["Q9"], "role_mean")).toThrow(/no ratings/);
    expect(() => aggregateSurvey(small, ["Q1"], "mode" as never)).toThrow(/unknown aggregation/);
  });
});

// A realistic file: 5 roles × 4 respondents × 5 questions, seeded ratings around role-specific levels.
function realistic(seed: number): Row[] {
  const r = rng(seed);
  const roles = ["lawyer", "prosecutor", "judge", "investigator", "defender"] as const;
  const level = { lawyer: 2, prosecutor: 6, judge: 5, investigator: 7, defender: 1.5 };
  const rows: Row[] = [];
  let n = 0;
  for (const role of roles)
    for (let i = 0; i < 4; i++) {
      const id = `R${String(++n).padStart(2, "0")}`;
      const base = level[role] + (r() - 0.5) * 3;
      for (let q = 1; q <= 5; q++) rows.push(row(id, role, `Q${q}`, Math.max(0, Math.min(10, Math.round(base + (r() - 0.5) * 4)))));
    }
  return rows;
}

// Reference values below are Student t and binomial quantities as R gives them (qt, pbinom), to the
// digits shown; the hand calculations are spelled out beside each case.
describe("distributions", () => {
  it("Student t quantiles, integer and fractional degrees of freedom", () => {
    expect(studentTQuantile(0.95, 1)).toBeCloseTo(6.313751514675037, 12);
    expect(studentTQuantile(0.95, 2)).toBeCloseTo(2.919985580353724, 12);
    expect(studentTQuantile(0.95, 3)).toBeCloseTo(2.353363434801823, 12);
    expect(studentTQuantile(0.975, 15)).toBeCloseTo(2.131449545559776, 12);
    expect(studentTQuantile(0.95, 2.8823529411764706)).toBeCloseTo(2.393044438259422, 12);
    expect(studentTQuantile(0.999, 1.5)).toBeCloseTo(52.18443000899263, 9);
    expect(studentTQuantile(0.05, 3)).toBeCloseTo(-2.353363434801823, 12);
    expect(() => studentTQuantile(0.95, 0)).toThrow(/degrees of freedom/);
  });
  it("binomial(n, 1/2) lower tail and the normal CDF", () => {
    expect(binomialHalfCdf(5, 20)).toBeCloseTo(0.020694732666015625, 14); // 21700 / 2^20
    expect(binomialHalfCdf(0, 4)).toBeCloseTo(1 / 16, 15);
    expect(binomialHalfCdf(-1, 4)).toBe(0);
    expect(binomialHalfCdf(4, 4)).toBe(1);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 15);
    expect(normalCdf(2)).toBeCloseTo(0.9772498680518208, 15);
  });
});

describe("surveyInterval", () => {
  const qs = ["Q1", "Q2", "Q3", "Q4", "Q5"];
  const data = realistic(7);
  it("role_mean: Welch–Satterthwaite t interval on the stratified variance", () => {
    // lawyers 2, 4, 6 and judges 7, 9: role means 4 and 8, estimate 6;
    // s² = 4 and 2, v = (1/4)·4/3 = 1/3 and (1/4)·2/2 = 1/4, SE² = 7/12,
    // ν = (7/12)² / ((1/3)²/2 + (1/4)²/1) = 2.8823529…, t(0.95, ν) = 2.393044438259422.
    const rows: Row[] = [row("A", "lawyer", "Q1", 2), row("B", "lawyer", "Q1", 4), row("C", "lawyer", "Q1", 6), row("D", "judge", "Q1", 7), row("E", "judge", "Q1", 9)];
    const ci = surveyInterval(rows, ["Q1"], "role_mean", 0.9);
    expect(ci.kind).toBe("welch_t");
    expect(ci.df).toBeCloseTo(2.8823529411764706, 12);
    const half = 2.393044438259422 * Math.sqrt(7 / 12);
    expect(ci.lo).toBeCloseTo(6 - half, 12); // 4.172282120047187
    expect(ci.hi).toBeCloseTo(6 + half, 12); // 7.827717879952813
  });
  it("a role with one respondent: every role uses the pooled within-role variance (ν = N − R)", () => {
    // lawyers 3, 4, 5, judge 8.5: ν = 4 − 2 = 2, s_p² = 2 / 2 = 1.
    // role_mean: SE² = 1·((1/2)²/3 + (1/2)²/1) = 1/3; pooled_mean: SE² = (3/4)²/3 + (1/4)²/1 = 1/4.
    const r = surveyInterval(small, ["Q1", "Q2"], "role_mean", 0.9);
    expect(r).toMatchObject({ kind: "pooled_t", df: 2, level: 0.9, confidence: 0.9 });
    expect(r.lo).toBeCloseTo(6.25 - 2.919985580353724 * Math.sqrt(1 / 3), 12); // 4.564145539152952
    expect(r.hi).toBeCloseTo(6.25 + 2.919985580353724 * Math.sqrt(1 / 3), 12); // 7.935854460847049
    const p = surveyInterval(small, ["Q1", "Q2"], "pooled_mean", 0.9);
    expect(p.lo).toBeCloseTo(5.125 - 2.919985580353724 * 0.5, 12); // 3.665007209823138
    expect(p.hi).toBeCloseTo(5.125 + 2.919985580353724 * 0.5, 12); // 6.584992790176862
  });
  it("one respondent in every role: no within-role spread to go on, so the whole scale", () => {
    const one = data.filter((d) => ["R01", "R05", "R09", "R13", "R17"].includes(d.respondent));
    expect(surveyInterval(one, qs, "role_mean", 0.9)).toEqual({ lo: 0, hi: 10, level: 0.9, kind: "whole_scale", df: null, confidence: 1 });
  });
  it("the realistic file: 5 roles × 4 respondents", () => {
    // Respondent scores: lawyer 3.2 0.8 0 3.6, prosecutor 7 6.4 6.4 6.8, judge 3.2 6.2 4.6 6,
    // investigator 7.6 8 7 7.2, defender 0.4 1.4 3.2 1.4; estimate 4.52 (role_mean = pooled_mean here).
    for (const m of ["role_mean", "pooled_mean"] as const) {
      const ci = surveyInterval(data, qs, m, 0.9);
      expect(ci.df).toBeCloseTo(8.75561480079981, 11);
      expect(ci.lo).toBeCloseTo(4.043051869561476, 12);
      expect(ci.hi).toBeCloseTo(4.996948130438525, 12);
    }
    // median: 20 scores, k = 6 (1 − 2·P(Bin(20, 1/2) ≤ 5) = 0.9586; k = 7 gives only 0.8847): [x(6), x(15)].
    const md = surveyInterval(data, qs, "median", 0.9);
    expect(md).toMatchObject({ lo: 3.2, hi: 6.8, kind: "order_statistic", df: null });
    expect(md.confidence).toBeCloseTo(1 - 2 * 0.020694732666015625, 14);
    expect(aggregateSurvey(data, qs, "median").value).toBe(5.3); // inside [3.2, 6.8]
  });
  it("median with too few respondents for the level: the whole scale; at a lower level [min, max]", () => {
    // 4 respondents: [x(1), x(4)] covers with 1 − 2/16 = 0.875 < 0.9.
    expect(surveyInterval(small, ["Q1", "Q2"], "median", 0.9)).toMatchObject({ lo: 0, hi: 10, kind: "whole_scale" });
    const low = surveyInterval(small, ["Q1", "Q2"], "median", 0.85);
    expect(low).toMatchObject({ lo: 3, hi: 8.5, kind: "order_statistic" });
    expect(low.confidence).toBeCloseTo(0.875, 14);
  });
  it("clamped to the rating scale 0–10", () => {
    // The spreads of the first case (s² = 4 and 2, so ν = 2.8823529… and SE² = 7/12), near the ends:
    // lawyers 0, 2, 4 and judges 0, 2 (estimate 1.5), lawyers 6, 8, 10 and judges 8, 10 (estimate 8.5).
    const half = 2.393044438259422 * Math.sqrt(7 / 12); // 1.827717879952813
    const low = intervalOfScores([[0, 2, 4], [0, 2]], "role_mean", 0.9);
    expect(low.lo).toBe(0); // 1.5 − half < 0
    expect(low.hi).toBeCloseTo(1.5 + half, 12);
    const top = intervalOfScores([[6, 8, 10], [8, 10]], "role_mean", 0.9);
    expect(top.hi).toBe(10); // 8.5 + half > 10
    expect(top.lo).toBeCloseTo(8.5 - half, 12);
  });
  it("every respondent of every role agrees: the interval is the point", () => {
    expect(intervalOfScores([[4, 4], [6, 6, 6]], "role_mean", 0.9)).toMatchObject({ lo: 5, hi: 5, df: null });
  });
  it("no random draws and no dependence on row order; bad levels and methods are refused", () => {
    const ci = surveyInterval(data, qs, "role_mean", 0.9);
    expect(surveyInterval([...data].reverse(), qs, "role_mean", 0.9)).toEqual(ci);
    expect(() => surveyInterval(data, qs, "role_mean", 1)).toThrow(/level must be between 0 and 1, got 1/);
    expect(() => surveyInterval(data, qs, "mode" as never, 0.9)).toThrow(/unknown aggregation/);
    expect(() => surveyInterval(data, ["Q9"], "role_mean", 0.9)).toThrow(/no ratings on Q9/);
  });
  it("describes itself for the methodology page", () => {
    expect(INTERVAL_METHOD).toMatch(/Student t quantile/);
    expect(INTERVAL_METHOD).toMatch(/Welch and Satterthwaite/);
    expect(INTERVAL_METHOD).toMatch(/order statistics/);
    expect(INTERVAL_METHOD).toMatch(/0 to 10/);
  });
});

describe("coverage simulation (survey-coverage.ts)", () => {
  const model = { roleMeans: DEFAULT_ROLE_MEANS, perRole: 4, questions: 5, respondentSd: 1.2, ratingSd: 1.5, blankRate: 0.05 };
  it("the estimand: the closed form E[S] equals the mean of the exact law of a respondent's score", () => {
    const e = roleExpectations(model);
    DEFAULT_ROLE_MEANS.forEach((_, r) => {
      const law = respondentScoreLaw(model, r);
      expect(law.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 13);
      expect(law.values.reduce((a, v, i) => a + v * law.probabilities[i]!, 0)).toBeCloseTo(e[r]!, 12);
    });
    expect(populationValue(model, "role_mean")).toBeCloseTo(e.reduce((a, b) => a + b, 0) / 5, 14);
    expect(populationValue(model, "median")).toBe(3.6);
  });
  it("the estimand: rounding and clamping are accounted for", () => {
    // Ratings sharply around 3 give E[y] = 3; far below 0 or above 10 they are clamped to the ends.
    const sharp = { ...model, roleMeans: [3, -20, 30], perRole: 1, respondentSd: 0, ratingSd: 0.01, questionOffsets: [0, 0, 0, 0, 0] };
    expect(roleExpectations(sharp)).toEqual([3, 0, 10]);
    // A rating of latent mean 0.5 (sd → small) is 0 or 1 with equal chance: E[y] = 1/2.
    expect(roleExpectations({ ...sharp, roleMeans: [0.5] })[0]).toBeCloseTo(0.5, 12);
  });
  it("role_mean, 4 respondents per role: the 90% interval covers 88–92% of panels", () => {
    const r = simulateCoverage({ perRole: 4, roles: 5, questions: 5, panels: 10000, level: 0.9, seed: 20200, method: "role_mean" });
    expect(r.coverage).toBeGreaterThanOrEqual(0.88);
    expect(r.coverage).toBeLessThanOrEqual(0.92);
    expect(r.estimand).toBeCloseTo(populationValue(model, "role_mean"), 14);
    expect(r.wholeScale).toBe(0);
  });
  it("role_mean, 10 respondents per role: 88–92%", () => {
    const r = simulateCoverage({ perRole: 10, roles: 5, questions: 5, panels: 5000, level: 0.9, seed: 20201, method: "role_mean" });
    expect(r.coverage).toBeGreaterThanOrEqual(0.88);
    expect(r.coverage).toBeLessThanOrEqual(0.92);
  });
  it("unequal roles (2, 3, 4, 6, 5): role_mean and pooled_mean estimate different values, both 88–92%", () => {
    const opts = { perRole: [2, 3, 4, 6, 5], panels: 10000, level: 0.9, seed: 20202 } as const;
    const rm = simulateCoverage({ ...opts, method: "role_mean" });
    const pm = simulateCoverage({ ...opts, method: "pooled_mean" });
    expect(Math.abs(rm.estimand - pm.estimand)).toBeGreaterThan(0.05);
    for (const r of [rm, pm]) {
      expect(r.coverage).toBeGreaterThanOrEqual(0.88);
      expect(r.coverage).toBeLessThanOrEqual(0.92);
    }
  });
  it("median, 4 per role: at least the level (distribution-free), and conservative with tied scores", () => {
    const r = simulateCoverage({ perRole: 4, panels: 5000, level: 0.9, seed: 20203, method: "median" });
    expect(r.estimand).toBe(3.6);
    expect(r.coverage).toBeGreaterThanOrEqual(0.9);
    expect(r.coverage).toBeLessThan(1); // an interval, not the whole scale
    expect(r.wholeScale).toBe(0);
  });
  it("the former percentile bootstrap falls short with 4 per role (the check can fail)", () => {
    const r = simulateCoverage({ perRole: 4, panels: 1000, level: 0.9, seed: 20204, method: "role_mean", interval: "percentile_bootstrap", replicates: 1000 });
    expect(r.coverage).toBeGreaterThan(0.8);
    expect(r.coverage).toBeLessThan(0.86);
  });
  it("deterministic for a seed", () => {
    const a = simulateCoverage({ perRole: 4, panels: 2000, level: 0.9, seed: 5, method: "role_mean" });
    expect(simulateCoverage({ perRole: 4, panels: 2000, level: 0.9, seed: 5, method: "role_mean" })).toEqual(a);
    expect(simulateCoverage({ perRole: 4, panels: 2000, level: 0.9, seed: 6, method: "role_mean" }).covered).not.toBe(a.covered);
    expect(a.standardError).toBeCloseTo(Math.sqrt((a.coverage * (1 - a.coverage)) / 2000), 15);
  });
  it("the page's description of the model states the defaults the simulation uses", () => {
    expect(COVERAGE_MODEL).toContain("2.3, 4.6, 3.9, 4.8 and 1.9");
    expect(DEFAULT_ROLE_MEANS).toEqual([2.3, 4.6, 3.9, 4.8, 1.9]);
    const base = simulateCoverage({ perRole: 4, panels: 200, level: 0.9, seed: 9, method: "role_mean" });
    const stated = simulateCoverage({ perRole: 4, panels: 200, level: 0.9, seed: 9, method: "role_mean", roleMeans: [2.3, 4.6, 3.9, 4.8, 1.9], questions: 5, questionOffsets: [-0.4, -0.2, 0, 0.2, 0.4], respondentSd: 1.2, ratingSd: 1.5, blankRate: 0.05 });
    expect(stated.estimand).toBeCloseTo(base.estimand, 14);
    expect(stated.covered).toBe(base.covered);
  });
  it("refuses a model it cannot simulate", () => {
    expect(() => simulateCoverage({ perRole: 0, panels: 10, level: 0.9, seed: 1, method: "role_mean" })).toThrow(/respondents per role/);
    expect(() => simulateCoverage({ perRole: [4, 4], panels: 10, level: 0.9, seed: 1, method: "role_mean" })).toThrow(/2 entries for 5 roles/);
    expect(() => simulateCoverage({ perRole: 4, roles: 6, panels: 10, level: 0.9, seed: 1, method: "role_mean" })).toThrow(/roles must be an integer from 1 to 5/);
  });
});

describe("bootstrapSurvey (the former interval, kept for the coverage comparison)", () => {
  const data = realistic(7);
  const qs = ["Q1", "Q2", "Q3", "Q4", "Q5"];
  const opts = { replicates: 2000, level: 0.9, seed: 20200 };
  it("same seed → identical interval; another seed → a different one", () => {
    const a = bootstrapSurvey(data, qs, "role_mean", opts);
    const b = bootstrapSurvey(data, qs, "role_mean", opts);
    expect(b).toEqual(a);
    const c = bootstrapSurvey(data, qs, "role_mean", { ...opts, seed: 1 });
    expect([c.lo, c.hi]).not.toEqual([a.lo, a.hi]);
    expect(a).toMatchObject({ level: 0.9, replicates: 2000, seed: 20200 });
  });
  it("the interval contains the point estimate, for every method", () => {
    for (const m of ["role_mean", "pooled_mean", "median"] as const) {
      const v = aggregateSurvey(data, qs, m).value;
      const ci = bootstrapSurvey(data, qs, m, opts);
      expect(ci.lo).toBeLessThanOrEqual(v);
      expect(ci.hi).toBeGreaterThanOrEqual(v);
      expect(ci.hi - ci.lo).toBeGreaterThan(0);
    }
  });
  it("does not depend on the order of the rows", () => {
    const reversed = [...data].reverse();
    expect(bootstrapSurvey(reversed, qs, "role_mean", opts)).toEqual(bootstrapSurvey(data, qs, "role_mean", opts));
  });
  it("resamples within roles: one respondent per role gives no role_mean spread", () => {
    const one = data.filter((d) => ["R01", "R05", "R09", "R13", "R17"].includes(d.respondent));
    const v = aggregateSurvey(one, qs, "role_mean").value;
    const ci = bootstrapSurvey(one, qs, "role_mean", opts);
    expect(ci.lo).toBeCloseTo(v, 12);
    expect(ci.hi).toBeCloseTo(v, 12);
  });
  it("percentile definition (type 7)", () => {
    expect(percentileSorted([1, 2, 3, 4], 0.05)).toBeCloseTo(1.15, 12);
    expect(percentileSorted([1, 2, 3, 4], 0.95)).toBeCloseTo(3.85, 12);
    expect(percentileSorted([5], 0.5)).toBe(5);
  });
});

describe("random.ts (seeded sfc32, FNV-1a seeds)", () => {
  it("rng: same seed → same sequence in [0, 1); another seed → another sequence", () => {
    const a = rng(42);
    const b = rng(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const c = rng(43);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs.slice(0, 5));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
  });
  it("seedFor: deterministic unsigned 32-bit, depends on every part and on the base", () => {
    const s = seedFor(20200, "ARM", 2024, "RM-08");
    expect(s).toBe(seedFor(20200, "ARM", 2024, "RM-08"));
    expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
    expect(seedFor(20200, "ARM", 2024, "RM-07")).not.toBe(s);
    expect(seedFor(20201, "ARM", 2024, "RM-08")).not.toBe(s);
    expect(seedFor(0, "ab", "c")).not.toBe(seedFor(0, "a", "bc")); // parts are separated
    expect(seedFor(0)).toBe(0x811c9dc5); // FNV-1a offset basis of the empty input
  });
});

describe("intervalCheck (the coverage the methodology page states)", () => {
  it("measures the codebook's own aggregation and level on seeded panels of 4 and 10 per role, within 88–92% at 90%", async () => {
    const { intervalCheck } = await import("../loaders/survey-coverage.ts");
    const { V1, V2 } = await import("./fixtures/claims/synthetic.ts");
    const check = intervalCheck(V2)!;
    expect(check).toMatchObject({ level: 0.9, seed: 7, panels: 4000 });
    expect(check.coverage.map((c) => c.per_role)).toEqual([4, 10]);
    for (const c of check.coverage) {
      expect(c.coverage).toBeGreaterThanOrEqual(0.88);
      expect(c.coverage).toBeLessThanOrEqual(0.92);
      expect(c.standard_error).toBeCloseTo(Math.sqrt((c.coverage * (1 - c.coverage)) / 4000), 12);
    }
    expect(intervalCheck(V2)).toEqual(check); // seeded
    expect(intervalCheck(V1)).toBeNull(); // the pilot has no survey
  });
});

describe("intervalText (how an interval was made, in the page's language)", () => {
  it("writes each kind in English as before and in Russian with Russian numbers", () => {
    expect(intervalText("welch_t", 7.25, null)).toBe("score ± Student t quantile (7.3 degrees of freedom, Welch–Satterthwaite) × standard error within roles; no random draws");
    expect(intervalText("welch_t", 7.25, null, "ru")).toBe("оценка ± квантиль распределения Стьюдента (степеней свободы: 7,3, по Уэлчу — Саттертуэйту) × стандартная ошибка внутри профессий; без случайных выборок");
    expect(intervalText("order_statistic", null, 0.9375)).toBe("between two order statistics of the respondent scores (distribution-free, confidence 93.8%); no random draws");
    expect(intervalText("order_statistic", null, 0.9375, "ru")).toBe("между двумя порядковыми статистиками оценок респондентов (непараметрический, доверительная вероятность 93,8 %); без случайных выборок");
    expect(intervalText("whole_scale", null, null, "ru")).toBe("вся шкала 0–10: слишком мало респондентов, чтобы оценить разброс");
    expect(intervalText("bootstrap", null, null, "ru")).toBe("в этом расчёте не вычислялся");
  });
});
