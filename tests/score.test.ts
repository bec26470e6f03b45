import { describe, expect, it } from "vitest";
import { Indicator } from "../loaders/schema.ts";
import { describeRule, excludedRule, pointsRange, ratioPoints, ratioValueFor, scoreAnswer } from "../loaders/score.ts";

const ind = (id: string, scale: unknown, excludable = false) =>
  Indicator.parse({ id, section: id.slice(0, 2), title: id, question: "?", dimension: "law", scale, excludable, guidance: "g" });

const binary = ind("LP-01", { type: "binary", yes: 10, no: -10 });
const ordinal = ind("LP-02", {
  type: "ordinal",
  levels: [
    { level: "yes", points: 11.25 },
    { level: "partial", points: 0 },
    { level: "no", points: -11.25 },
  ],
});
const ratio = ind("PG-06", { type: "ratio", min: 0, max: 1, points_at_min: -10, points_at_max: 10 }, true);
const offset = ind("JR-02", { type: "ratio", min: 10, max: 50, points_at_min: 4, points_at_max: -4 });
const ordinalRu = ind("RM-02", {
  type: "ordinal",
  levels: [
    { level: "yes", level_ru: "да", points: 2.5 },
    { level: "partial", level_ru: "частично", points: 0 },
    { level: "no", level_ru: "нет", points: -2.5 },
  ],
});
const survey = ind("RM-06", { type: "survey", questions: ["Q1", "Q2", "Q3", "Q4", "Q5"], multiplier: 1.5 });

describe("scoreAnswer", () => {
  it("binary yes / no", () => {
    expect(scoreAnswer(binary, "yes")).toEqual({ indicator: "LP-01", excluded: false, points: 10, rule: "yes → 10" });
    expect(scoreAnswer(binary, " No ").points).toBe(-10);
  });
  it("ordinal levels, yes → partial is exactly -11.25", () => {
    expect(scoreAnswer(ordinal, "yes").points).toBe(11.25);
    expect(scoreAnswer(ordinal, "partial").points).toBe(0);
    expect(scoreAnswer(ordinal, "PARTIAL").rule).toBe("partial → 0");
    expect(scoreAnswer(ordinal, "partial").points! - scoreAnswer(ordinal, "yes").points!).toBe(-11.25);
    expect(scoreAnswer(ordinal, "no").points).toBe(-11.25);
  });
  it("ratio, decimal point and decimal comma, ends and middle", () => {
    expect(scoreAnswer(ratio, "0").points).toBe(-10);
    expect(scoreAnswer(ratio, "1").points).toBe(10);
    expect(scoreAnswer(ratio, "0.5").points).toBe(0);
    expect(scoreAnswer(ratio, "0.35").points).toBeCloseTo(-3, 12);
    expect(scoreAnswer(ratio, "0,35").points).toBeCloseTo(-3, 12);
    expect(scoreAnswer(ratio, "0.7435").points).toBeCloseTo(4.87, 12);
    // min ≠ 0 and a falling rule: x = 20 on [10, 50] → 4 + (10/40) × (−8) = 2
    expect(scoreAnswer(offset, "20").points).toBe(2);
    expect(scoreAnswer(offset, "50").points).toBe(-4);
  });
  it("survey: multiplier × survey score, value must be `survey`", () => {
    expect(scoreAnswer(survey, "survey", 3.62).points).toBeCloseTo(5.43, 12);
    expect(scoreAnswer(survey, "Survey", 0).points).toBe(0);
    expect(() => scoreAnswer(survey, "survey")).toThrow(/survey score/);
    expect(() => scoreAnswer(survey, "survey", 10.5)).toThrow(/outside/);
    expect(() => scoreAnswer(survey, "7")).toThrow(/not a valid answer/);
  });
  it("n/a is excluded with null points", () => {
    expect(scoreAnswer(ratio, "n/a")).toEqual({ indicator: "PG-06", excluded: true, points: null, rule: "n/a: excluded" });
    expect(scoreAnswer(survey, "N/A").excluded).toBe(true);
  });
  it("a value outside the scale throws", () => {
    expect(() => scoreAnswer(binary, "partial")).toThrow(/LP-01/);
    expect(() => scoreAnswer(ordinal, "maybe")).toThrow(/expected: yes, partial, no/);
    expect(() => scoreAnswer(ratio, "1.2")).toThrow(/out of range/);
    expect(() => scoreAnswer(ratio, "-0.1")).toThrow(/out of range/);
    expect(() => scoreAnswer(ratio, "0.3.5")).toThrow(/not a valid answer/);
    expect(() => scoreAnswer(ratio, "")).toThrow();
  });
});

describe("pointsRange and describeRule", () => {
  it("ranges, ordered worst → best", () => {
    expect(pointsRange(binary)).toEqual({ worst: -10, best: 10 });
    expect(pointsRange(ordinal)).toEqual({ worst: -11.25, best: 11.25 });
    expect(pointsRange(offset)).toEqual({ worst: -4, best: 4 });
    expect(pointsRange(survey)).toEqual({ worst: 0, best: 15 });
    const negative = ind("RM-09", { type: "survey", questions: ["Q1"], multiplier: -2 });
    expect(pointsRange(negative)).toEqual({ worst: -20, best: 0 });
  });
  it("rules in words", () => {
    expect(describeRule(binary)).toBe("yes → 10, no → −10");
    expect(describeRule(ordinal)).toBe("yes 11.25 · partial 0 · no −11.25");
    expect(describeRule(ratio)).toBe("linear: 0 → −10, 1 → 10");
    expect(describeRule(survey)).toBe("1.5 × survey score (Q1–Q5)");
    expect(describeRule(ind("RM-08", { type: "survey", questions: ["Q2", "Q7"], multiplier: 1 }))).toBe("1 × survey score (Q2, Q7)");
  });
  it("rules in words in Russian: answer words from the strings and the codebook's level_ru, decimal comma, items separated by \"; \"", () => {
    expect(describeRule(binary, "ru")).toBe("да → 10; нет → −10");
    expect(describeRule(ordinalRu, "ru")).toBe("да 2,5 · частично 0 · нет −2,5");
    expect(describeRule(ordinalRu)).toBe("yes 2.5 · partial 0 · no −2.5");
    expect(describeRule(ordinal, "ru")).toBe("yes 11,25 · partial 0 · no −11,25"); // no level_ru: the level as the codebook writes it
    expect(describeRule(ratio, "ru")).toBe("линейно: 0 → −10; 1 → 10");
    expect(describeRule(survey, "ru")).toBe("1,5 × оценка опроса (Q1–Q5)");
    expect(describeRule(ind("RM-08", { type: "survey", questions: ["Q2", "Q7"], multiplier: 1 }), "ru")).toBe("1 × оценка опроса (Q2; Q7)");
  });
  it("answers scored, in words, in both languages", () => {
    expect(scoreAnswer(binary, "no", undefined, "ru").rule).toBe("нет → −10");
    expect(scoreAnswer(binary, "no").rule).toBe("no → −10");
    expect(scoreAnswer(ordinalRu, "partial", undefined, "ru").rule).toBe("частично → 0");
    expect(scoreAnswer(ordinalRu, "yes").rule).toBe("yes → 2.5");
    expect(scoreAnswer(ratio, "0.35").rule).toBe("0.35 on [0, 1] → −10 + 0.35 × 20 = −3");
    expect(scoreAnswer(ratio, "0,35", undefined, "ru").rule).toBe("0,35 на отрезке [0; 1] → −10 + 0,35 × 20 = −3");
    expect(scoreAnswer(offset, "20").rule).toBe("20 on [10, 50] → 4 + (20 − 10) / 40 × −8 = 2");
    expect(scoreAnswer(offset, "12.5", undefined, "ru").rule).toBe("12,5 на отрезке [10; 50] → 4 + (12,5 − 10) / 40 × −8 = 3,5");
    expect(scoreAnswer(survey, "survey", 3.62).rule).toBe("1.5 × 3.62 (survey score, Q1–Q5) = 5.43");
    expect(scoreAnswer(survey, "survey", 3.62, "ru").rule).toBe("1,5 × 3,62 (оценка опроса по Q1–Q5) = 5,43");
    expect(scoreAnswer(ratio, "n/a", undefined, "ru")).toEqual({ indicator: "PG-06", excluded: true, points: null, rule: "н/д: исключён" });
    expect(excludedRule()).toBe("n/a: excluded");
    expect(excludedRule("en", true)).toBe("n/a: excluded (no points; its best points leave the maximum attainable)");
    expect(excludedRule("ru", true)).toBe("н/д: исключён (баллов нет; его лучшие баллы вычитаются из максимально достижимого итога)");
  });
  it("ratio helpers invert each other", () => {
    const s = ratio.scale as Extract<typeof ratio.scale, { type: "ratio" }>;
    expect(ratioPoints(s, 0.25)).toBe(-5);
    expect(ratioValueFor(s, -5)).toBe(0.25);
  });
});
