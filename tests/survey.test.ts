import { describe, expect, it } from "vitest";
import type { SurveyResponse } from "../loaders/schema.ts";
import { aggregateSurvey, bootstrapSurvey, percentileSorted } from "../loaders/survey.ts";
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

describe("bootstrapSurvey", () => {
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
  it("2000 replicates of a 20-respondent file are fast", () => {
    const t = performance.now();
    bootstrapSurvey(data, qs, "median", opts);
    expect(performance.now() - t).toBeLessThan(500);
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
