// Raw answer → points, by the indicator's scoring rule in the codebook.
// Full precision: nothing here rounds. Display code rounds (two decimals, as published).
//
// Rules (schema.ts `Scale`):
//   binary   `yes` / `no`                     → scale.yes / scale.no
//   ordinal  one of the named levels          → that level's points
//   ratio    a decimal x in [min, max]        → points_at_min + (x − min) / (max − min) × (points_at_max − points_at_min)
//            (decimal point or decimal comma, read with parseDecimal)
//   survey   the word `survey`                → multiplier × the aggregated survey score (0–10; see survey.ts)
//   `n/a`    (any scale)                      → excluded: points null (what the aggregate then does is the
//                                                codebook's missing_data rule, applied in aggregate.ts)
// A value outside the scale throws: the validator reports such values with file, row and column
// before scoring, so a throw here means a caller skipped validation.
import { NA, SURVEY_VALUE, parseDecimal, type Indicator, type Scale } from "./schema.ts";
import { exact } from "./shared/format.ts";

export interface Scored {
  indicator: string;
  excluded: boolean;
  points: number | null;
  /** How this answer was scored, in words, e.g. `partial → 0` or `0.35 on [0, 1] → -10 + 0.35 × 20 = -3`. */
  rule: string;
}

type RatioScale = Extract<Scale, { type: "ratio" }>;
type SurveyScale = Extract<Scale, { type: "survey" }>;

/** Shortest exact decimal form of a number (no rounding; JavaScript's own shortest round-trip form). */
/** Codebook numbers in rule texts, as they are written (shared/format.ts exact). */
const fmt = exact;

/** Points of a ratio answer x by the scale's linear rule (no range check). */
export function ratioPoints(scale: RatioScale, x: number): number {
  return scale.points_at_min + ((x - scale.min) / (scale.max - scale.min)) * (scale.points_at_max - scale.points_at_min);
}

/** The ratio answer x that yields the given points (inverse of ratioPoints; no range check). */
export function ratioValueFor(scale: RatioScale, points: number): number {
  return scale.min + ((points - scale.points_at_min) / (scale.points_at_max - scale.points_at_min)) * (scale.max - scale.min);
}

/** The survey questions of a survey scale as a short label: `Q5–Q9` when consecutive, else `Q1, Q3`. */
export function questionLabel(questions: readonly string[]): string {
  const nums = questions.map((q) => /^Q(\d+)$/i.exec(q.trim())?.[1]).map((d) => (d === undefined ? NaN : Number(d)));
  const consecutive = questions.length > 1 && nums.every((n, i) => Number.isInteger(n) && (i === 0 || n === nums[i - 1]! + 1));
  return consecutive ? `${questions[0]}–${questions[questions.length - 1]}` : questions.join(", ");
}

function surveyRule(scale: SurveyScale): string {
  return `${fmt(scale.multiplier)} × survey score (${questionLabel(scale.questions)})`;
}

/** The indicator's scoring rule in words, e.g. `yes → 5, no → -5`. */
export function describeRule(ind: Indicator): string {
  const s = ind.scale;
  switch (s.type) {
    case "binary":
      return `yes → ${fmt(s.yes)}, no → ${fmt(s.no)}`;
    case "ordinal":
      return s.levels.map((l) => `${l.level} ${fmt(l.points)}`).join(" · ");
    case "ratio":
      return `linear: ${fmt(s.min)} → ${fmt(s.points_at_min)}, ${fmt(s.max)} → ${fmt(s.points_at_max)}`;
    case "survey":
      return surveyRule(s);
  }
}

/** Lowest and highest points the indicator can give (a survey score runs from 0 to 10). */
export function pointsRange(ind: Indicator): { worst: number; best: number } {
  const s = ind.scale;
  let values: number[];
  switch (s.type) {
    case "binary":
      values = [s.yes, s.no];
      break;
    case "ordinal":
      values = s.levels.map((l) => l.points);
      break;
    case "ratio":
      values = [s.points_at_min, s.points_at_max];
      break;
    case "survey":
      values = [s.multiplier * 0, s.multiplier * 10];
      break;
  }
  return { worst: values.reduce((a, b) => Math.min(a, b)) + 0, best: values.reduce((a, b) => Math.max(a, b)) + 0 }; // no spread: a codebook may list many levels
}

/** The answers an indicator's scale accepts, as every message shows them (validate.ts too). */
export function expectedAnswers(ind: Indicator): string {
  const s = ind.scale;
  switch (s.type) {
    case "binary":
      return "yes, no";
    case "ordinal":
      return s.levels.map((l) => l.level).join(", ");
    case "ratio":
      return `a number from ${s.min} to ${s.max}`;
    case "survey":
      return SURVEY_VALUE;
  }
}

function bad(ind: Indicator, value: string, why = ""): never {
  throw new Error(`${ind.id}: ${JSON.stringify(value)} is not a valid answer${why} (expected: ${expectedAnswers(ind)}${ind.excludable ? `, or ${NA}` : ""})`);
}

// The rule in words is written when it is read (a trace, an explanation), not for every answer the
// pipeline scores: formatting its numbers was most of the cost of scoring.
function lazyRule(indicator: string, points: number, text: () => string): Scored {
  let rule: string | undefined;
  return {
    indicator,
    excluded: false,
    points,
    get rule() {
      return (rule ??= text());
    },
  };
}

/**
 * Scores one answer. `value` is the sheet's raw answer (case and surrounding space ignored);
 * `surveyScore` is the aggregated survey score (0–10), required for survey-scale indicators.
 */
export function scoreAnswer(ind: Indicator, value: string, surveyScore?: number): Scored {
  const v = value.trim().toLowerCase();
  const id = ind.id;
  if (v === NA) return { indicator: id, excluded: true, points: null, rule: `${NA}: excluded` };
  const s = ind.scale;
  switch (s.type) {
    case "binary": {
      if (v === "yes") return { indicator: id, excluded: false, points: s.yes, rule: `yes → ${fmt(s.yes)}` };
      if (v === "no") return { indicator: id, excluded: false, points: s.no, rule: `no → ${fmt(s.no)}` };
      return bad(ind, value);
    }
    case "ordinal": {
      const level = s.levels.find((l) => l.level === v);
      if (!level) return bad(ind, value);
      return { indicator: id, excluded: false, points: level.points, rule: `${level.level} → ${fmt(level.points)}` };
    }
    case "ratio": {
      const x = parseDecimal(v);
      if (x === undefined) return bad(ind, value);
      if (x < s.min || x > s.max) return bad(ind, value, " (out of range)");
      const points = ratioPoints(s, x);
      const span = s.points_at_max - s.points_at_min;
      const frac = () => (s.min === 0 && s.max === 1 ? fmt(x) : `(${fmt(x)} − ${fmt(s.min)}) / ${fmt(s.max - s.min)}`);
      return lazyRule(id, points, () => `${fmt(x)} on [${fmt(s.min)}, ${fmt(s.max)}] → ${fmt(s.points_at_min)} + ${frac()} × ${fmt(span)} = ${fmt(points)}`);
    }
    case "survey": {
      if (v !== SURVEY_VALUE) return bad(ind, value);
      if (surveyScore === undefined || !Number.isFinite(surveyScore))
        throw new Error(`${id}: a survey indicator needs the aggregated survey score, none was given`);
      if (surveyScore < 0 || surveyScore > 10) throw new Error(`${id}: survey score ${surveyScore} is outside 0–10`);
      const points = s.multiplier * surveyScore;
      return lazyRule(id, points, () => `${fmt(s.multiplier)} × ${fmt(surveyScore)} (survey score, ${questionLabel(s.questions)}) = ${fmt(points)}`);
    }
  }
}
