// Expert-survey responses → the score (0–10) of one survey-scale indicator, with a seeded
// bootstrap interval.
//
// Respondent score: the mean of the respondent's non-empty ratings on the indicator's questions.
// A respondent with no rating on those questions is left out. Then, by `method`:
//   role_mean    (the baseline, the codebook's `survey.aggregation`): the mean of respondent scores
//                within each role, then the unweighted mean over the roles present, so that one
//                over-represented profession cannot dominate;
//   pooled_mean  the mean over all respondents;
//   median       the median of respondent scores (mean of the two middle ones when even).
//
// Bootstrap: respondents are resampled with replacement WITHIN each role (stratified: each
// replicate keeps the number of respondents of every role), the aggregate is recomputed, and the
// interval is the (1−level)/2 and (1+level)/2 percentiles of the replicate values by the
// "type 7" definition (R's default, NumPy's "linear"): for sorted values v[0..n−1] and
// probability p, h = (n−1)·p and the percentile is v[⌊h⌋] + (h − ⌊h⌋)·(v[⌊h⌋+1] − v[⌊h⌋]).
// Randomness: random.ts rng(seed) (sfc32), one stream per call; respondents are taken in role
// order (ROLES) and then by respondent id, so the interval does not depend on row order.
import { ROLES, type SurveyResponse } from "./schema.ts";
import { rngUint32 } from "./random.ts";
import { byText } from "./order.ts";

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

const TWO_TO_MINUS_32 = 1 / 4294967296;

/** Stratified (within-role) bootstrap percentile interval of the aggregate. Deterministic for a seed. */
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
  const total = groups.reduce((n, g) => n + g.scores.length, 0);
  if (total === 0) throw new Error(`survey: no ratings on ${questions.join(", ")}`);

  // Hot loop (replicates × respondents draws): flat typed arrays and the raw 32-bit stream.
  // floor(u × 2^-32 × n) is exactly floor(rng() × n), so the draws are those of rng(seed).
  const next = rngUint32(seed);
  const flat = new Float64Array(total);
  const start = new Int32Array(groups.length);
  const size = new Int32Array(groups.length);
  let offset = 0;
  groups.forEach((g, j) => {
    flat.set(g.scores, offset);
    start[j] = offset;
    size[j] = g.scores.length;
    offset += g.scores.length;
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
  return { lo: percentileSorted(values, tail), hi: percentileSorted(values, 1 - tail), level, replicates, seed };
}
