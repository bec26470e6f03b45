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
import { exact, type Locale } from "./shared/format.ts";
import { t } from "./shared/strings/index.ts";
import { ANSWER_RU } from "./workbook/words.ts";

export interface Scored {
  indicator: string;
  excluded: boolean;
  points: number | null;
  /** How this answer was scored, in words, e.g. `partial → 0` or `0.35 on [0, 1] → -10 + 0.35 × 20 = -3`. */
  rule: string;
}

type RatioScale = Extract<Scale, { type: "ratio" }>;

/** Codebook numbers in rule texts, as they are written (shared/format.ts exact), in the page's language. */
const fmt = exact;

/** Points of a ratio answer x by the scale's linear rule (no range check). */
export function ratioPoints(scale: RatioScale, x: number): number {
  return scale.points_at_min + ((x - scale.min) / (scale.max - scale.min)) * (scale.points_at_max - scale.points_at_min);
}

/** The ratio answer x that yields the given points (inverse of ratioPoints; no range check). */
export function ratioValueFor(scale: RatioScale, points: number): number {
  return scale.min + ((points - scale.points_at_min) / (scale.points_at_max - scale.points_at_min)) * (scale.max - scale.min);
}

/** The survey questions of a survey scale as a short label: `Q5–Q9` when consecutive, else `Q1, Q3` (Russian `Q1; Q3`). */
export function questionLabel(questions: readonly string[], lang: Locale = "en"): string {
  const nums = questions.map((q) => /^Q(\d+)$/i.exec(q.trim())?.[1]).map((d) => (d === undefined ? NaN : Number(d)));
  const consecutive = questions.length > 1 && nums.every((n, i) => Number.isInteger(n) && (i === 0 || n === nums[i - 1]! + 1));
  return consecutive ? `${questions[0]}–${questions[questions.length - 1]}` : questions.join(t(lang, "rule.separator"));
}

/** An answer word as the page's language writes it: a level from the codebook's level_ru, yes/no and n/a as the sheets' Russian words (workbook/words.ts). */
export function answerWord(s: Scale, answer: string, lang: Locale): string {
  if (lang === "en") return answer;
  // A ratio's number in the reader's own notation ("0,67"), every digit the sheet gave kept.
  const x = s.type === "ratio" ? parseDecimal(answer) : undefined;
  if (x !== undefined) return exact(x, lang);
  const level = s.type === "ordinal" ? s.levels.find((l) => l.level === answer) : undefined;
  if (level) return level.level_ru ?? answer;
  return ANSWER_RU[answer] ?? answer;
}

const answerRule = (s: Scale, answer: string, points: number, lang: Locale) => t(lang, "rule.answer", { answer: answerWord(s, answer, lang), points: fmt(points, lang) });

/** The rule text of an excluded answer (`n/a: excluded`); `long` adds what exclusion does to the totals (the trace). */
export function excludedRule(lang: Locale = "en", long = false): string {
  return t(lang, long ? "rule.excluded_trace" : "rule.excluded");
}

/** The indicator's scoring rule in words, e.g. `yes → 5, no → −5` (Russian `да → 5; нет → −5`). */
export function describeRule(ind: Indicator, lang: Locale = "en"): string {
  const s = ind.scale;
  const n = (x: number) => fmt(x, lang);
  switch (s.type) {
    case "binary":
      return [answerRule(s, "yes", s.yes, lang), answerRule(s, "no", s.no, lang)].join(t(lang, "rule.separator"));
    case "ordinal":
      return s.levels.map((l) => t(lang, "rule.level", { level: answerWord(s, l.level, lang), points: n(l.points) })).join(t(lang, "rule.level_separator"));
    case "ratio":
      return t(lang, "rule.linear", { min: n(s.min), at_min: n(s.points_at_min), max: n(s.max), at_max: n(s.points_at_max) });
    case "survey":
      return t(lang, "rule.survey", { multiplier: n(s.multiplier), questions: questionLabel(s.questions, lang) });
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
export function scoreAnswer(ind: Indicator, value: string, surveyScore?: number, lang: Locale = "en"): Scored {
  const v = value.trim().toLowerCase();
  const id = ind.id;
  const n = (x: number) => fmt(x, lang);
  if (v === NA) return { indicator: id, excluded: true, points: null, rule: excludedRule(lang) };
  const s = ind.scale;
  switch (s.type) {
    case "binary": {
      if (v === "yes") return { indicator: id, excluded: false, points: s.yes, rule: answerRule(s, "yes", s.yes, lang) };
      if (v === "no") return { indicator: id, excluded: false, points: s.no, rule: answerRule(s, "no", s.no, lang) };
      return bad(ind, value);
    }
    case "ordinal": {
      const level = s.levels.find((l) => l.level === v);
      if (!level) return bad(ind, value);
      return { indicator: id, excluded: false, points: level.points, rule: answerRule(s, level.level, level.points, lang) };
    }
    case "ratio": {
      const x = parseDecimal(v);
      if (x === undefined) return bad(ind, value);
      if (x < s.min || x > s.max) return bad(ind, value, " (out of range)");
      const points = ratioPoints(s, x);
      const span = s.points_at_max - s.points_at_min;
      const fraction = () => (s.min === 0 && s.max === 1 ? n(x) : `(${n(x)} − ${n(s.min)}) / ${n(s.max - s.min)}`);
      return lazyRule(id, points, () => t(lang, "rule.ratio_applied", { x: n(x), min: n(s.min), max: n(s.max), at_min: n(s.points_at_min), fraction: fraction(), span: n(span), points: n(points) }));
    }
    case "survey": {
      if (v !== SURVEY_VALUE) return bad(ind, value);
      if (surveyScore === undefined || !Number.isFinite(surveyScore))
        throw new Error(`${id}: a survey indicator needs the aggregated survey score, none was given`);
      if (surveyScore < 0 || surveyScore > 10) throw new Error(`${id}: survey score ${surveyScore} is outside 0–10`);
      const points = s.multiplier * surveyScore;
      return lazyRule(id, points, () => t(lang, "rule.survey_applied", { multiplier: n(s.multiplier), score: n(surveyScore), questions: questionLabel(s.questions, lang), points: n(points) }));
    }
  }
}
