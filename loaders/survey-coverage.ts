// How often the survey interval covers the true value: a seeded simulation of expert panels.
//
// Generative model of one panel (all draws independent):
//   role r has a latent level μ_r; question q a fixed offset b_q (the instrument's questions are
//   the same in every panel); respondent i of role r a random effect a_i ~ Normal(0, respondentSd²);
//   rating y_iq = clamp_0^10(round(μ_r + b_q + a_i + e_iq)), e_iq ~ Normal(0, ratingSd²), left
//   empty with probability blankRate (independently of everything else). Respondent scores and
//   the aggregate are those of survey.ts: mean of the non-empty ratings (a respondent with none
//   is left out), then `method`. Panels have a fixed number of respondents per role.
//
// Estimand, the population value of the aggregate (computed exactly, not simulated):
//   role_mean    (1/R)·Σ_r E[S_r], S_r the score of a random respondent of role r;
//   pooled_mean  Σ_r (n_r/N)·E[S_r] (equal to role_mean when every role has as many respondents);
//   median       the median of the mixture Σ_r (n_r/N)·law(S_r): the smallest s with P(S ≤ s) ≥ 1/2.
//   E[S_r] = (1/Q)·Σ_q E[y_q]: empty ratings are exchangeable across questions, so the mean of the
//   non-empty ones has the mean of all, and E[y] = Σ_{k=1..10} P(Z ≥ k − 1/2), Z ~ Normal(μ_r + b_q,
//   respondentSd² + ratingSd²). The law of S_r (for the median) is exact too: given a_i the ratings
//   are independent, so their (count, sum) distribution is a convolution over the questions, and
//   a_i is integrated out by the trapezoidal rule on a fine grid (exponentially accurate for this
//   smooth integrand).
//
// Coverage: the share of panels whose interval [lo, hi] contains the estimand. Its Monte Carlo
// standard error is √(c(1 − c)/panels): 0.0067 at c = 0.9 with 2000 panels.
import { normalCdf } from "./distributions.ts";
import { rngUint32, seedFor } from "./random.ts";
import type { Codebook } from "./schema.ts";
import { bootstrapOfScores, intervalOfScores, SCALE_MAX, SCALE_MIN, type SurveyMethod } from "./survey.ts";

/**
 * Latent role levels, in the order of ROLES (lawyer, prosecutor, judge, investigator, defender):
 * an overall 3.5 (the example surveys' scores are 1.8 to 5.4) plus the role offsets of the reconstruction.
 */
export const DEFAULT_ROLE_MEANS: readonly number[] = [2.3, 4.6, 3.9, 4.8, 1.9];

/** The simulation in words, for the methodology page (beside survey.ts's INTERVAL_METHOD). */
export const COVERAGE_MODEL =
  "The coverage is measured on simulated panels with a fixed number of respondents per role. Each role has a true " +
  "level (2.3, 4.6, 3.9, 4.8 and 1.9 for lawyers, prosecutors, judges, investigators and defenders), each question " +
  "a fixed offset (from −0.4 to 0.4), each respondent a random offset (normal, standard deviation 1.2), and each " +
  "rating normal noise (standard deviation 1.5); ratings are rounded to whole numbers, cut to 0 to 10, and 5% are " +
  "left empty. The true value is the score the whole population of such respondents would give, computed exactly; " +
  "the coverage is the share of panels whose interval contains it.";

export interface PanelModel {
  roleMeans: readonly number[];
  /** Respondents per role: one number for every role, or one per role. */
  perRole: number | readonly number[];
  questions: number;
  /** b_q; by default evenly spaced from −0.4 to 0.4. */
  questionOffsets?: readonly number[];
  respondentSd: number;
  ratingSd: number;
  blankRate: number;
}

export interface CoverageOptions extends Partial<Omit<PanelModel, "perRole">> {
  perRole: number | readonly number[];
  /** The first `roles` of DEFAULT_ROLE_MEANS (5 by default); ignored when roleMeans is given. */
  roles?: number;
  panels: number;
  level: number;
  seed: number;
  method: SurveyMethod;
  /** The interval measured: survey.ts's surveyInterval (default) or the former percentile bootstrap. */
  interval?: "survey_interval" | "percentile_bootstrap";
  /** Bootstrap replicates (percentile_bootstrap only); 1000 by default. */
  replicates?: number;
}

export interface CoverageResult {
  method: SurveyMethod;
  interval: "survey_interval" | "percentile_bootstrap";
  panels: number;
  level: number;
  seed: number;
  estimand: number;
  covered: number;
  coverage: number;
  /** Monte Carlo standard error of `coverage`. */
  standardError: number;
  meanWidth: number;
  /** Panels whose interval was the whole scale, 0 to 10. */
  wholeScale: number;
}

function sizes(model: PanelModel): number[] {
  const R = model.roleMeans.length;
  const n = typeof model.perRole === "number" ? Array.from({ length: R }, () => model.perRole as number) : [...model.perRole];
  if (n.length !== R) throw new Error(`survey coverage: perRole has ${n.length} entries for ${R} roles`);
  return n;
}

function offsets(model: PanelModel): number[] {
  const Q = model.questions;
  if (model.questionOffsets) {
    if (model.questionOffsets.length !== Q) throw new Error(`survey coverage: ${model.questionOffsets.length} question offsets for ${Q} questions`);
    return [...model.questionOffsets];
  }
  return Array.from({ length: Q }, (_, q) => (Q === 1 ? 0 : -0.4 + (0.8 * q) / (Q - 1)));
}

function checkModel(model: PanelModel): void {
  const bad = (what: string, v: unknown): never => {
    throw new Error(`survey coverage: ${what}, got ${JSON.stringify(v)}`);
  };
  if (model.roleMeans.length === 0) bad("at least one role is needed", model.roleMeans);
  if (!Number.isInteger(model.questions) || model.questions < 1) bad("questions must be a positive integer", model.questions);
  for (const n of sizes(model)) if (!Number.isInteger(n) || n < 1) bad("respondents per role must be positive integers", model.perRole);
  if (!(model.respondentSd >= 0)) bad("respondentSd must be ≥ 0", model.respondentSd);
  if (!(model.ratingSd > 0)) bad("ratingSd must be > 0", model.ratingSd);
  if (!(model.blankRate >= 0 && model.blankRate < 1)) bad("blankRate must be in [0, 1)", model.blankRate);
}

/** E[y] for y = clamp_0^10(round(Z)), Z ~ Normal(m, sd²). */
function expectedRating(m: number, sd: number): number {
  let e = 0;
  for (let k = SCALE_MIN + 1; k <= SCALE_MAX; k++) e += 1 - normalCdf((k - 0.5 - m) / sd);
  return e;
}

/** E[S_r] of every role, by the closed form of the file header. */
export function roleExpectations(model: PanelModel): number[] {
  checkModel(model);
  const b = offsets(model);
  const sd = Math.hypot(model.respondentSd, model.ratingSd);
  return model.roleMeans.map((mu) => b.reduce((s, bq) => s + expectedRating(mu + bq, sd), 0) / b.length);
}

/** The exact law of one respondent's score in a role: distinct values ascending, with probabilities summing to 1. */
export function respondentScoreLaw(model: PanelModel, role: number): { values: number[]; probabilities: number[] } {
  checkModel(model);
  const b = offsets(model);
  const Q = b.length;
  const mu = model.roleMeans[role]!;
  const W = SCALE_MAX * Q + 1; // sums 0..10Q
  const h = 0.125;
  const nodes = model.respondentSd === 0 ? [0] : Array.from({ length: 161 }, (_, j) => -10 + j * h);
  const raw = nodes.map((z) => Math.exp(-0.5 * z * z));
  const total = raw.reduce((s, x) => s + x, 0);
  const mass = new Map<number, number>();
  const pmf = new Float64Array(SCALE_MAX + 1);
  let dist = new Float64Array((Q + 1) * W);
  let next = new Float64Array((Q + 1) * W);
  const keep = 1 - model.blankRate;
  nodes.forEach((z, j) => {
    dist.fill(0);
    dist[0] = 1;
    for (let q = 0; q < Q; q++) {
      const m = mu + b[q]! + model.respondentSd * z;
      for (let y = 0; y <= SCALE_MAX; y++) {
        const upper = y === SCALE_MAX ? 1 : normalCdf((y + 0.5 - m) / model.ratingSd);
        const lower = y === SCALE_MIN ? 0 : normalCdf((y - 0.5 - m) / model.ratingSd);
        pmf[y] = upper - lower;
      }
      next.fill(0);
      for (let k = 0; k <= q; k++)
        for (let s = 0; s <= SCALE_MAX * q; s++) {
          const p = dist[k * W + s]!;
          if (p === 0) continue;
          next[k * W + s]! += p * model.blankRate;
          for (let y = 0; y <= SCALE_MAX; y++) next[(k + 1) * W + s + y]! += p * keep * pmf[y]!;
        }
      [dist, next] = [next, dist];
    }
    const weight = raw[j]! / total;
    for (let k = 1; k <= Q; k++)
      for (let s = 0; s <= SCALE_MAX * k; s++) {
        const p = dist[k * W + s]!;
        if (p > 0) mass.set(s / k, (mass.get(s / k) ?? 0) + weight * p); // s/k is correctly rounded: equal ratios, equal keys
      }
  });
  const values = [...mass.keys()].sort((x, y) => x - y);
  const answered = values.reduce((s, v) => s + mass.get(v)!, 0); // P(at least one rating)
  return { values, probabilities: values.map((v) => mass.get(v)! / answered) };
}

/** The estimand of the file header for a method. */
export function populationValue(model: PanelModel, method: SurveyMethod): number {
  const n = sizes(model);
  const N = n.reduce((s, x) => s + x, 0);
  if (method === "role_mean") {
    const e = roleExpectations(model);
    return e.reduce((s, x) => s + x, 0) / e.length;
  }
  if (method === "pooled_mean") return roleExpectations(model).reduce((s, x, r) => s + (n[r]! / N) * x, 0);
  const mixture = new Map<number, number>();
  model.roleMeans.forEach((_, r) => {
    const law = respondentScoreLaw(model, r);
    law.values.forEach((v, i) => mixture.set(v, (mixture.get(v) ?? 0) + (n[r]! / N) * law.probabilities[i]!));
  });
  const values = [...mixture.keys()].sort((x, y) => x - y);
  let cdf = 0;
  for (const v of values) {
    cdf += mixture.get(v)!;
    // A cdf this close to 1/2 would make the median ambiguous within rounding: refuse rather than guess.
    if (Math.abs(cdf - 0.5) < 1e-9) throw new Error(`survey coverage: the population median is not unique (P(S ≤ ${v}) = 1/2)`);
    if (cdf > 0.5) return v;
  }
  return values[values.length - 1]!;
}

/** Panels drawn from the model of the file header, with the interval of each checked against the estimand. */
export function simulateCoverage(options: CoverageOptions): CoverageResult {
  const roleMeans = options.roleMeans ?? DEFAULT_ROLE_MEANS.slice(0, options.roles ?? DEFAULT_ROLE_MEANS.length);
  if (options.roles !== undefined && !options.roleMeans && !(Number.isInteger(options.roles) && options.roles >= 1 && options.roles <= DEFAULT_ROLE_MEANS.length))
    throw new Error(`survey coverage: roles must be an integer from 1 to ${DEFAULT_ROLE_MEANS.length}, got ${options.roles}`);
  const model: PanelModel = {
    roleMeans,
    perRole: options.perRole,
    questions: options.questions ?? 5,
    respondentSd: options.respondentSd ?? 1.2,
    ratingSd: options.ratingSd ?? 1.5,
    blankRate: options.blankRate ?? 0.05,
    ...(options.questionOffsets ? { questionOffsets: options.questionOffsets } : {}),
  };
  checkModel(model);
  const { panels, level, seed, method } = options;
  const interval = options.interval ?? "survey_interval";
  const replicates = options.replicates ?? 1000;
  if (!Number.isInteger(panels) || panels < 1) throw new Error(`survey coverage: panels must be a positive integer, got ${panels}`);
  const estimand = populationValue(model, method);
  const n = sizes(model);
  const b = offsets(model);
  const next = rngUint32(seed);
  const uniform = (): number => (next() + 0.5) / 4294967296; // in (0, 1): safe for the logarithm
  let spare = Number.NaN;
  const normal = (): number => {
    // Box–Muller, both draws used.
    if (!Number.isNaN(spare)) {
      const z = spare;
      spare = Number.NaN;
      return z;
    }
    const r = Math.sqrt(-2 * Math.log(uniform()));
    const t = 2 * Math.PI * uniform();
    spare = r * Math.sin(t);
    return r * Math.cos(t);
  };
  const buffers = n.map((size) => new Float64Array(size));
  let covered = 0;
  let width = 0;
  let wholeScale = 0;
  for (let p = 0; p < panels; p++) {
    const groups: Float64Array[] = [];
    for (let r = 0; r < roleMeans.length; r++) {
      const buffer = buffers[r]!;
      let kept = 0;
      for (let i = 0; i < n[r]!; i++) {
        const a = model.respondentSd * normal();
        let sum = 0;
        let count = 0;
        for (let q = 0; q < b.length; q++) {
          const y = Math.min(SCALE_MAX, Math.max(SCALE_MIN, Math.round(roleMeans[r]! + b[q]! + a + model.ratingSd * normal())));
          if (model.blankRate > 0 && uniform() < model.blankRate) continue;
          sum += y;
          count++;
        }
        if (count > 0) buffer[kept++] = sum / count;
      }
      if (kept > 0) groups.push(buffer.subarray(0, kept));
    }
    const ci =
      interval === "survey_interval"
        ? intervalOfScores(groups, method, level)
        : { ...bootstrapOfScores(groups, method, replicates, level, next), kind: "bootstrap" };
    if (ci.lo <= estimand && estimand <= ci.hi) covered++;
    if (ci.kind === "whole_scale") wholeScale++;
    width += ci.hi - ci.lo;
  }
  const coverage = covered / panels;
  return {
    method,
    interval,
    panels,
    level,
    seed,
    estimand,
    covered,
    coverage,
    standardError: Math.sqrt((coverage * (1 - coverage)) / panels),
    meanWidth: width / panels,
    wholeScale,
  };
}

/** Simulated panels per size in the check the methodology page states. */
export const CHECK_PANELS = 4000;

export interface IntervalCheck {
  level: number;
  seed: number;
  panels: number;
  coverage: { per_role: number; coverage: number; standard_error: number; mean_width: number }[];
}

/**
 * The coverage check of a codebook's survey interval: its own aggregation and level on seeded panels
 * of 4 and of 10 respondents per role (the Working Group's panels are this small). Null without a survey.
 */
export function intervalCheck(codebook: Codebook | undefined): IntervalCheck | null {
  if (!codebook?.survey) return null;
  const { level, check_seed: seed } = codebook.survey.interval;
  const method = codebook.survey.aggregation;
  return {
    level,
    seed,
    panels: CHECK_PANELS,
    coverage: [4, 10].map((perRole) => {
      const r = simulateCoverage({ perRole, panels: CHECK_PANELS, level, seed: seedFor(seed, "coverage", perRole), method });
      return { per_role: perRole, coverage: r.coverage, standard_error: r.standardError, mean_width: r.meanWidth };
    }),
  };
}
