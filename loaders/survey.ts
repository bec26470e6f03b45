// Expert-survey responses → the score (0–10) of one survey-scale indicator, with its interval.
//
// Respondent score: the mean of the respondent's non-empty ratings on the indicator's questions.
// A respondent with no rating on those questions is left out. Then, by `method`:
//   role_mean    (the baseline, the codebook's `survey.aggregation`): the mean of respondent scores
//                within each role, then the unweighted mean over the roles present, so that one
//                over-represented profession cannot dominate;
//   pooled_mean  the mean over all respondents;
//   median       the median of respondent scores (mean of the two middle ones when even).
//
// Interval (surveyInterval; INTERVAL_METHOD says it in words for the methodology page). The panel
// is a stratified sample: a fixed number of respondents from each role. Both means are weighted
// means of role means, Σ w_r·m_r (w_r = 1/R for role_mean, n_r/N for pooled_mean), so:
//   means   studentized (t) interval: estimate ± t_{ν, (1+level)/2} · SE, with the stratified
//           variance SE² = Σ w_r²·s_r²/n_r (s_r² the role's sample variance, n_r − 1 divisor) and
//           Welch–Satterthwaite degrees of freedom ν = (Σ v_r)² / Σ v_r²/(n_r − 1), v_r = w_r²·s_r²/n_r.
//           A role with a single respondent has no variance of its own: then every role uses the
//           pooled within-role variance, SE² = s_p²·Σ w_r²/n_r with ν = N − R. With no within-role
//           information at all (one respondent in every role) the interval is the whole scale; when
//           the respondents of every role agree exactly, it is the point (no spread was observed).
//           The percentile bootstrap this replaces covered about 82% at a nominal 90% with four
//           respondents per role: it ignores the t-quantile and shrinks each variance by (n−1)/n.
//   median  distribution-free order-statistic interval [x_(k), x_(N−k+1)] of the sorted respondent
//           scores, k the largest with 1 − 2·P(Binomial(N, 1/2) ≤ k − 1) ≥ level. It covers the
//           population median with at least that probability (more with tied scores, and sampling
//           within roles only adds to it, by Hoeffding's inequality on sums of Bernoullis); with few
//           respondents the attainable levels are coarse (20 respondents: 95.9%, the next is 88.5%),
//           so it is conservative. When even [x_(1), x_(N)] falls short of the level: the whole scale.
// Every interval is clamped to the rating scale, 0 to 10, and contains the estimate. No random
// draws: the same responses give the same interval. survey-coverage.ts measures the coverage.
//
// bootstrapSurvey, the former interval, is kept so that the coverage check can measure it beside
// the new one: respondents resampled with replacement within each role, the interval the type-7
// percentiles of the replicate values, random.ts rngUint32(seed), respondents in role order
// (ROLES) and then by respondent id, so it does not depend on row order either.
import { ROLES, type SurveyResponse } from "./schema.ts";
import { fmt, type Locale } from "./shared/format.ts";
import { t } from "./shared/strings/index.ts";
import { rngUint32 } from "./random.ts";
import { byText } from "./order.ts";
import { binomialHalfCdf, studentTQuantile } from "./distributions.ts";

export type SurveyMethod = "role_mean" | "pooled_mean" | "median";
export const SURVEY_METHODS: readonly SurveyMethod[] = ["role_mean", "pooled_mean", "median"];

/** What aggregateSurvey needs from a response row (SurveyResponse has these fields). */
export type SurveyInput = Pick<SurveyResponse, "respondent" | "role" | "question" | "rating">;

export interface RoleSummary {
  role: string;
  respondents: number;
  /** Mean of the role's respondent scores. */
  mean: number;
}

export interface SurveyAggregate {
  value: number;
  method: SurveyMethod;
  questions: string[];
  /** Respondents with at least one rating on the questions. */
  respondents: number;
  /** Non-empty ratings on the questions. */
  answered: number;
  /** Empty ratings on the questions. */
  missing: number;
  /** Roles present, in the order of ROLES. */
  roles: RoleSummary[];
}

export interface BootstrapOptions {
  replicates: number;
  level: number;
  seed: number;
}

export interface BootstrapInterval {
  lo: number;
  hi: number;
  level: number;
  replicates: number;
  seed: number;
}

interface Scores {
  /** Respondent scores grouped by role, roles in ROLES order (unknown roles after, alphabetically). */
  groups: { role: string; ids: string[]; scores: Float64Array }[];
  answered: number;
  missing: number;
}

const roleRank = (role: string): number => {
  const i = (ROLES as readonly string[]).indexOf(role);
  return i === -1 ? ROLES.length : i;
};

/** Respondent scores on the given questions, grouped by role. */
export function respondentScores(responses: readonly SurveyInput[], questions: readonly string[]): Scores {
  const wanted = new Set(questions.map((q) => q.trim().toUpperCase()));
  const acc = new Map<string, { role: string; sum: number; n: number }>();
  let answered = 0;
  let missing = 0;
  for (const r of responses) {
    if (!wanted.has(r.question.trim().toUpperCase())) continue;
    let a = acc.get(r.respondent);
    if (!a) acc.set(r.respondent, (a = { role: r.role, sum: 0, n: 0 }));
    else if (a.role !== r.role)
      throw new Error(`survey: respondent ${r.respondent} has two roles (${a.role} and ${r.role})`);
    if (r.rating === null || r.rating === undefined) {
      missing++;
      continue;
    }
    answered++;
    a.sum += r.rating;
    a.n++;
  }
  const byRole = new Map<string, { id: string; score: number }[]>();
  for (const [id, a] of acc) {
    if (a.n === 0) continue; // no rating on these questions: left out
    const list = byRole.get(a.role) ?? [];
    list.push({ id, score: a.sum / a.n });
    byRole.set(a.role, list);
  }
  const groups = [...byRole.entries()]
    .sort(([a], [b]) => roleRank(a) - roleRank(b) || byText(a, b))
    .map(([role, list]) => {
      list.sort((x, y) => byText(x.id, y.id));
      return { role, ids: list.map((x) => x.id), scores: Float64Array.from(list.map((x) => x.score)) };
    });
  return { groups, answered, missing };
}

function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s / xs.length;
}

/** Median of the values (sorts the array in place). */
function medianInPlace(xs: Float64Array): number {
  xs.sort();
  const n = xs.length;
  const h = n >> 1;
  return n % 2 === 1 ? xs[h]! : (xs[h - 1]! + xs[h]!) / 2;
}

function aggregateGroups(groups: Scores["groups"], method: SurveyMethod): number {
  if (method === "role_mean") {
    let s = 0;
    for (const g of groups) s += mean(g.scores);
    return s / groups.length;
  }
  const all = new Float64Array(groups.reduce((n, g) => n + g.scores.length, 0));
  let k = 0;
  for (const g of groups) {
    all.set(g.scores, k);
    k += g.scores.length;
  }
  return method === "pooled_mean" ? mean(all) : medianInPlace(all);
}

function checkMethod(method: string): asserts method is SurveyMethod {
  if (!(SURVEY_METHODS as readonly string[]).includes(method))
    throw new Error(`survey: unknown aggregation ${JSON.stringify(method)} (expected: ${SURVEY_METHODS.join(", ")})`);
}

/** The survey score of one indicator: respondent scores aggregated by `method` (see the file header). */
export function aggregateSurvey(
  responses: readonly SurveyInput[],
  questions: readonly string[],
  method: SurveyMethod,
): SurveyAggregate {
  checkMethod(method);
  const sc = respondentScores(responses, questions);
  const respondents = sc.groups.reduce((n, g) => n + g.scores.length, 0);
  if (respondents === 0) throw new Error(`survey: no ratings on ${questions.join(", ")}`);
  return {
    value: aggregateGroups(sc.groups, method),
    method,
    questions: [...questions],
    respondents,
    answered: sc.answered,
    missing: sc.missing,
    roles: sc.groups.map((g) => ({ role: g.role, respondents: g.scores.length, mean: mean(g.scores) })),
  };
}

/** Percentile by the type-7 definition (linear interpolation between order statistics) of sorted values. */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new Error("percentile of no values");
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}


/** The rating scale: every interval is clamped to it. */
export const SCALE_MIN = 0;
export const SCALE_MAX = 10;

/** The interval method in words, for the methodology page (the level is the codebook's). */
export const INTERVAL_METHOD =
  "The interval of a survey score is computed from the respondents, without random draws. For the mean of roles " +
  "(and the pooled mean) it is a studentized interval: the score plus or minus a Student t quantile times its " +
  "standard error, where the standard error combines the spread of respondent scores within each role (respondents " +
  "are a fixed number per role) and the degrees of freedom follow Welch and Satterthwaite; when a role has a single " +
  "respondent, the spread within roles is pooled over all roles. For the median it is the distribution-free interval " +
  "between two order statistics of the respondent scores, chosen so that it covers the population median at least " +
  "as often as the stated level, which with few respondents makes it wider than needed. Intervals are cut to the " +
  "rating scale, 0 to 10. A seeded simulation of survey panels measures how often the interval covers the true value.";

export type IntervalKind = "welch_t" | "pooled_t" | "order_statistic" | "whole_scale";

/** How an interval was made, in words (trace, explain, country pages). */
export function intervalText(kind: string, df: number | null, confidence: number | null, lang: Locale = "en"): string {
  const dfText = (key: "interval.df_welch" | "interval.df") => (df === null ? "" : t(lang, key, { df: fmtDf(df, lang) }));
  switch (kind) {
    case "welch_t":
      return t(lang, "interval.welch_t", { df: dfText("interval.df_welch") });
    case "pooled_t":
      return t(lang, "interval.pooled_t", { df: dfText("interval.df") });
    case "order_statistic":
      return t(lang, "interval.order_statistic", { confidence: confidence === null ? "" : t(lang, "interval.confidence", { value: fmtDf(100 * confidence, lang) }) });
    case "whole_scale":
      return t(lang, "interval.whole_scale");
    default:
      return t(lang, "interval.not_computed");
  }
}
const fmtDf = (x: number, locale: Locale = "en") => fmt(x, { digits: 1, trim: true, locale });

export interface SurveyInterval {
  lo: number;
  hi: number;
  level: number;
  kind: IntervalKind;
  /** Degrees of freedom of the t quantile (t intervals with spread; null otherwise). */
  df: number | null;
  /** The level the interval guarantees: `level` for t intervals (approximately), 1 − 2·P(Bin ≤ k − 1) for order statistics, 1 for the whole scale. */
  confidence: number;
}

const clamp = (x: number): number => Math.min(SCALE_MAX, Math.max(SCALE_MIN, x));

function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new Error(`survey interval: level must be between 0 and 1, got ${level}`);
}

/** Studentized interval of Σ w_r·mean_r (see the file header). */
function meanInterval(groups: readonly ArrayLike<number>[], method: "role_mean" | "pooled_mean", level: number): SurveyInterval {
  const m = groups.length;
  const total = groups.reduce((n, g) => n + g.length, 0);
  let estimate = 0;
  let singleton = false;
  const w = new Float64Array(m);
  const ss = new Float64Array(m); // Σ (x − mean_r)² of each role
  for (let j = 0; j < m; j++) {
    const g = groups[j]!;
    const n = g.length;
    const mu = mean(g);
    let s = 0;
    for (let i = 0; i < n; i++) s += (g[i]! - mu) * (g[i]! - mu);
    w[j] = method === "role_mean" ? 1 / m : n / total;
    ss[j] = s;
    estimate += w[j]! * mu;
    if (n < 2) singleton = true;
  }
  let variance = 0;
  let df: number;
  let kind: IntervalKind;
  if (!singleton) {
    let denominator = 0;
    for (let j = 0; j < m; j++) {
      const n = groups[j]!.length;
      const v = (w[j]! * w[j]! * ss[j]!) / (n - 1) / n;
      variance += v;
      denominator += (v * v) / (n - 1);
    }
    df = (variance * variance) / denominator;
    kind = "welch_t";
  } else {
    df = total - m;
    if (df === 0) return { lo: SCALE_MIN, hi: SCALE_MAX, level, kind: "whole_scale", df: null, confidence: 1 };
    let pooled = 0;
    let factor = 0;
    for (let j = 0; j < m; j++) {
      pooled += ss[j]!;
      factor += (w[j]! * w[j]!) / groups[j]!.length;
    }
    variance = (pooled / df) * factor;
    kind = "pooled_t";
  }
  if (variance === 0) return { lo: estimate, hi: estimate, level, kind, df: null, confidence: level };
  const half = studentTQuantile((1 + level) / 2, df) * Math.sqrt(variance);
  return { lo: clamp(estimate - half), hi: clamp(estimate + half), level, kind, df, confidence: level };
}

/** Order-statistic interval of the median of all respondent scores (see the file header). */
function medianInterval(groups: readonly ArrayLike<number>[], level: number): SurveyInterval {
  const all = Float64Array.from(groups.flatMap((g) => Array.from(g)));
  all.sort();
  const n = all.length;
  const confidence = (k: number): number => 1 - 2 * binomialHalfCdf(k - 1, n);
  if (confidence(1) < level) return { lo: SCALE_MIN, hi: SCALE_MAX, level, kind: "whole_scale", df: null, confidence: 1 };
  // confidence(k) falls as k grows: the largest k that still reaches the level, by bisection.
  let good = 1;
  let bad = Math.floor((n + 1) / 2) + 1;
  while (bad - good > 1) {
    const k = (good + bad) >> 1;
    if (confidence(k) >= level) good = k;
    else bad = k;
  }
  return { lo: all[good - 1]!, hi: all[n - good]!, level, kind: "order_statistic", df: null, confidence: confidence(good) };
}

/** The interval of an aggregate from respondent scores grouped by role (non-empty groups). */
export function intervalOfScores(groups: readonly ArrayLike<number>[], method: SurveyMethod, level: number): SurveyInterval {
  checkMethod(method);
  checkLevel(level);
  if (groups.length === 0 || groups.some((g) => g.length === 0)) throw new Error("survey interval: every role needs at least one respondent score");
  return method === "median" ? medianInterval(groups, level) : meanInterval(groups, method, level);
}

/** The interval of one indicator's survey score (see the file header). Deterministic, no random draws. */
export function surveyInterval(
  responses: readonly SurveyInput[],
  questions: readonly string[],
  method: SurveyMethod,
  level: number,
): SurveyInterval {
  checkMethod(method);
  const { groups } = respondentScores(responses, questions);
  if (groups.length === 0) throw new Error(`survey: no ratings on ${questions.join(", ")}`);
  return intervalOfScores(
    groups.map((g) => g.scores),
    method,
    level,
  );
}

const TWO_TO_MINUS_32 = 1 / 4294967296;

/**
 * The former interval: stratified (within-role) bootstrap percentiles of the aggregate, from respondent
 * scores grouped by role, drawing from `next` (an rngUint32 stream). Kept for the coverage comparison.
 */
export function bootstrapOfScores(
  groups: readonly ArrayLike<number>[],
  method: SurveyMethod,
  replicates: number,
  level: number,
  next: () => number,
): { lo: number; hi: number } {
  // Hot loop (replicates × respondents draws): flat typed arrays and the raw 32-bit stream.
  // floor(u × 2^-32 × n) is exactly floor(rng() × n), so the draws are those of rng(seed).
  const total = groups.reduce((n, g) => n + g.length, 0);
  const flat = new Float64Array(total);
  const start = new Int32Array(groups.length);
  const size = new Int32Array(groups.length);
  let offset = 0;
  groups.forEach((g, j) => {
    flat.set(g, offset);
    start[j] = offset;
    size[j] = g.length;
    offset += g.length;
  });
  const pooled = method !== "role_mean";
  const values = new Float64Array(replicates);
  const pool = new Float64Array(pooled ? total : 0); // pooled_mean / median: the replicate's resampled scores
  const m = groups.length;
  for (let b = 0; b < replicates; b++) {
    let roleSum = 0;
    let k = 0;
    for (let j = 0; j < m; j++) {
      const n = size[j]!;
      const o = start[j]!;
      let s = 0;
      for (let i = 0; i < n; i++) {
        const x = flat[o + Math.floor(next() * TWO_TO_MINUS_32 * n)]!;
        s += x;
        if (pooled) pool[k++] = x;
      }
      roleSum += s / n;
    }
    values[b] = method === "role_mean" ? roleSum / m : method === "pooled_mean" ? mean(pool) : medianInPlace(pool);
  }
  values.sort();
  const tail = (1 - level) / 2;
  return { lo: percentileSorted(values, tail), hi: percentileSorted(values, 1 - tail) };
}

/** The former interval (stratified percentile bootstrap) of one indicator's score. Deterministic for a seed. */
export function bootstrapSurvey(
  responses: readonly SurveyInput[],
  questions: readonly string[],
  method: SurveyMethod,
  options: BootstrapOptions,
): BootstrapInterval {
  checkMethod(method);
  const { replicates, level, seed } = options;
  if (!Number.isInteger(replicates) || replicates < 1) throw new Error(`survey bootstrap: replicates must be a positive integer, got ${replicates}`);
  if (!(level > 0 && level < 1)) throw new Error(`survey bootstrap: level must be between 0 and 1, got ${level}`);
  const { groups } = respondentScores(responses, questions);
  if (groups.length === 0) throw new Error(`survey: no ratings on ${questions.join(", ")}`);
  const { lo, hi } = bootstrapOfScores(
    groups.map((g) => g.scores),
    method,
    replicates,
    level,
    rngUint32(seed),
  );
  return { lo, hi, level, replicates, seed };
}
