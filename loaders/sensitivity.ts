// Sensitivity and uncertainty of the Index: how much each country-year's rank depends on the
// method's choices (in the manner of the JRC's audits of composite indices).
//
// Uncertain choices (ranges in data/methodology/sensitivity.yaml, schema SensitivityConfig):
//   - each section's weight: a multiplier of its published weight, uniform in [low, high];
//   - the survey aggregation: role_mean (published), pooled_mean, median;
//   - the missing-data treatment: drop (published), carry the last known answer forward, worst level;
//   - the normalisation: raw points (published), or every section mapped onto one span (minmax, loaders/normalise.ts).
// The points of every country-year and section under every combination of survey method and
// missing-data rule are computed once (loaders/sensitivity/matrix.ts: computeIndex's scored answers
// with its survey and missing-data steps redone for the answers they change); a draw is then the kernel's weighted sum and ranking on typed arrays
// (loaders/shared/kernel.ts via loaders/sensitivity/model.ts), the same code computeIndex runs.
// Ranks are within a year, among the countries measured that year.
//
// Outputs, all deterministic for a seed (random.ts; the Monte Carlo and Sobol streams are
// seedFor(seed, "monte-carlo") and seedFor(seed, "sobol")), at full precision:
//   ranks        per country-year: published rank and Index, median rank, 5–95% rank interval,
//                5–95% Index interval, share of draws keeping the published rank;
//   sobol        first- and total-order Sobol indices (Saltelli design, Jansen estimators,
//                loaders/sensitivity/sobol.ts) of every uncertain choice on every country-year's
//                rank and on the mean absolute rank shift (mean over country-years of
//                |rank − published rank|), with delta-method standard errors; an output that is
//                the same in every run ("fixed") or moves too rarely for its variance to be
//                estimated ("rarely varies") gets that status and no indices;
//   leaveOneOut  Index and rank of every country-year with each section removed;
//   table        the published section points and weights, for reweighting in the browser.
import type { PipelineResult } from "./pipeline.ts";
import type { Project } from "./project.ts";
import type { SensitivityConfig } from "./schema.ts";
import { buildMatrix, type Cell, type PointsMatrix } from "./sensitivity/matrix.ts";
import type { MissingEntry } from "./missing.ts";
import type { SectionSpan } from "./normalise.ts";
import {
  evaluate,
  monteCarlo,
  publishedChoice,
  rankInto,
  type CellStats,
  type Factor,
  type MonteCarloResult,
  type Ranges,
} from "./sensitivity/model.ts";
import { MAX_VARIANCE_CV, sobolFinish, sobolJansen, type SobolStatus, type SobolSums } from "./sensitivity/sobol.ts";
import { rankDesign } from "./sensitivity/rank-design.ts";
import { loadSensitivityConfig, SENSITIVITY_FILE } from "./sensitivity/config.ts";
import { byText } from "./order.ts";

export { buildMatrix, evaluate, rankInto, monteCarlo, publishedChoice, sobolJansen, loadSensitivityConfig, SENSITIVITY_FILE, MAX_VARIANCE_CV };
export type { SobolStatus };
export type { PointsMatrix, Ranges, Factor };

export type RankRow = Cell & { countries: number /* measured that year */ } & CellStats;

/**
 * One Sobol estimate. An output whose status is not "varies" has one row, with factor, kind and
 * every index null: "fixed" (the same value in every run of the design) or "rarely varies" (its
 * variance too poorly estimated for indices, sobol.ts). An output that varies has one row per
 * uncertain factor.
 */
export type SobolRow = {
  output: "mean_abs_rank_shift" | "rank";
  country: string | null; // null for the summary
  year: number | null;
  factor: string | null;
  kind: Factor["kind"] | null;
  status: SobolStatus;
  first_order: number | null;
  total_order: number | null;
  first_order_se: number | null; // delta-method standard errors, the variance's own error included (sobol.ts)
  total_order_se: number | null;
  variance: number;
  variance_se: number;
  draws_moved: number; // of the 2N independent runs (A and B), those whose value differs from the published one
  share_moved: number; // draws_moved / 2N
};

export type LeaveOneOutRow = {
  country: string;
  year: number;
  methodology: string;
  section: string;
  index: number;
  rank: number;
  section_contribution: number; // weight × the section's points (published method)
  index_without: number;
  rank_without: number;
  rank_change: number; // rank_without − rank (negative: a better rank without the section)
};


export interface ReweightTable {
  sections: string[];
  /** Per cell, section by section: published points (raw), weights, and 1 where the cell's codebook has the section. */
  cells: { country: string; year: number; methodology: string; points: number[]; weights: number[]; present: number[]; index: number; rank: number }[];
}

export interface SensitivityAnalysis {
  seed: number;
  draws: number;
  samples: number; // Sobol base samples N
  runs: number; // Sobol model runs, N (k + 2)
  streams: { monte_carlo: number; sobol: number };
  factors: Factor[];
  shift: MonteCarloResult["shift"];
  ranks: RankRow[];
  sobol: SobolRow[];
  leaveOneOut: LeaveOneOutRow[];
  table: ReweightTable;
  sectionSpans: SectionSpan[];
  missing: MissingEntry[];
}

export interface SensitivityOptions {
  draws?: number;
  seed?: number;
  samples?: number;
}


/**
 * The points matrix of a project, computeIndex's points under every alternative. Checks that the
 * published choices give the published run's totals (same kernel, same points: they must).
 */
export function prepareMatrix(project: Project, published: PipelineResult): PointsMatrix {
  const matrix = buildMatrix(project, published);
  checkAgainst(matrix, published);
  return matrix;
}

export function checkAgainst(matrix: PointsMatrix, result: PipelineResult): void {
  const index = evaluate(matrix, publishedChoice(matrix), new Float64Array(matrix.nCells));
  const byCell = new Map(result.index.map((r) => [`${r.country}/${r.year}`, r.index]));
  const bad = matrix.cells.flatMap((c, i) => {
    const want = byCell.get(`${c.country}/${c.year}`);
    return want === undefined || want !== index[i]! ? [`${c.country} ${c.year}: ${index[i]} vs ${want}`] : [];
  });
  if (bad.length || byCell.size !== matrix.nCells)
    throw new Error(`sensitivity: the published choices do not reproduce the published run's Index: ${bad.slice(0, 5).join("; ")}`);
}

/** The ranges of the configuration on the matrix's sections and alternatives. */
export function rangesFor(matrix: PointsMatrix, config: SensitivityConfig): Ranges {
  const S = matrix.nSections;
  const low = new Float64Array(S);
  const high = new Float64Array(S);
  matrix.sections.forEach((s, i) => {
    const r = config.weights.sections[s] ?? config.weights.default;
    low[i] = r.low;
    high[i] = r.high;
  });
  const idx = <T extends string>(all: readonly T[], chosen: readonly T[]) => Int32Array.from(chosen.map((x) => all.indexOf(x)));
  return {
    low,
    high,
    methods: idx(matrix.methods, config.survey_method),
    rules: idx(matrix.rules, config.missing_data),
    norms: idx(matrix.norms, config.normalisation),
  };
}

/** Index and rank of every country-year with each of its sections removed (published method otherwise). */
export function leaveOneOut(matrix: PointsMatrix): LeaveOneOutRow[] {
  const C = matrix.nCells;
  const S = matrix.nSections;
  const base = publishedChoice(matrix);
  const parts = new Float64Array(C * S);
  const index = evaluate(matrix, base, new Float64Array(C), parts);
  const rank = rankInto(index, matrix.years, new Int32Array(C));
  const without = new Float64Array(C);
  const rankWithout = new Int32Array(C);
  const rows: LeaveOneOutRow[] = [];
  for (let s = 0; s < S; s++) {
    const choice = publishedChoice(matrix);
    choice.multipliers[s] = 0;
    evaluate(matrix, choice, without);
    rankInto(without, matrix.years, rankWithout);
    for (let c = 0; c < C; c++) {
      if (!matrix.present[c * S + s]) continue;
      const cell = matrix.cells[c]!;
      rows.push({
        country: cell.country,
        year: cell.year,
        methodology: cell.methodology,
        section: matrix.sections[s]!,
        index: index[c]!,
        rank: rank[c]!,
        section_contribution: parts[c * S + s]!,
        index_without: without[c]!,
        rank_without: rankWithout[c]!,
        rank_change: rankWithout[c]! - rank[c]!,
      });
    }
  }
  return rows.sort((x, y) => byText(x.country, y.country) || x.year - y.year || byText(x.section, y.section));
}

/**
 * Sobol indices of the uncertain factors on every cell's rank and on the mean absolute rank shift;
 * from `shares` of sobolRankSums when given (computed elsewhere, bit for bit the same), else here.
 */
export function sobolRanks(matrix: PointsMatrix, ranges: Ranges, opts: { samples: number; seed: number }, shares?: SobolSums[]) {
  const C = matrix.nCells;
  const d = rankDesign(matrix, ranges, opts.seed);
  const { factors, uncertain, seed: streamSeed } = d;
  const rows: SobolRow[] = [];
  if (uncertain.length === 0) return { rows, runs: 0, seed: streamSeed, factors };
  const res = shares ? sobolFinish(shares) : sobolJansen(d.k, d.outputs, opts.samples, streamSeed, d.model, { baseline: d.baseline });
  if (res.factors !== d.k || res.outputs !== d.outputs || res.samples !== opts.samples) throw new Error("sobolRanks: the shares are of another design");
  const num = (x: number) => (Number.isNaN(x) ? null : x);
  const outputs = [C, ...matrix.cells.map((_, c) => c).sort((a, b) => byText(matrix.cells[a]!.country, matrix.cells[b]!.country) || matrix.cells[a]!.year - matrix.cells[b]!.year)];
  for (const o of outputs) {
    const cell = o < C ? matrix.cells[o]! : null;
    const common = {
      output: cell ? ("rank" as const) : ("mean_abs_rank_shift" as const),
      country: cell?.country ?? null,
      year: cell?.year ?? null,
    };
    const spread = {
      variance: res.variance[o]!,
      variance_se: res.varianceSE[o]!,
      draws_moved: res.moved[o]!,
      share_moved: res.moved[o]! / (2 * res.samples),
    };
    const status = res.status[o]!;
    if (status !== "varies") {
      rows.push({ ...common, factor: null, kind: null, status, first_order: null, total_order: null, first_order_se: null, total_order_se: null, ...spread });
      continue;
    }
    uncertain.forEach((f, i) => {
      rows.push({
        ...common,
        factor: factors[f]!.id,
        kind: factors[f]!.kind,
        status,
        first_order: num(res.first[i * res.outputs + o]!),
        total_order: num(res.total[i * res.outputs + o]!),
        first_order_se: num(res.firstSE[i * res.outputs + o]!),
        total_order_se: num(res.totalSE[i * res.outputs + o]!),
        ...spread,
      });
    });
  }
  return { rows, runs: res.runs, seed: streamSeed, factors };
}

/**
 * Every output of the sensitivity analysis of one points matrix; the Sobol design's sums from
 * `sobolShares` when they were computed elsewhere (startSensitivity in sensitivity/parallel.ts), bit for bit the same.
 */
export function analyseSensitivity(matrix: PointsMatrix, config: SensitivityConfig, opts: SensitivityOptions = {}, sobolShares?: SobolSums[]): SensitivityAnalysis {
  const seed = opts.seed ?? config.seed;
  const draws = opts.draws ?? config.draws;
  const samples = opts.samples ?? config.sobol_samples;
  const ranges = rangesFor(matrix, config);
  const mc = monteCarlo(matrix, ranges, { draws, seed });
  const C = matrix.nCells;
  const countOf = (c: number) => matrix.years.find((g) => c >= g.start && c < g.start + g.count)!.count;
  const ranks: RankRow[] = matrix.cells
    .map((cell, c) => {
      const s = mc.cells[c]!;
      return {
        country: cell.country,
        year: cell.year,
        methodology: cell.methodology,
        countries: countOf(c),
        rank: s.rank,
        index: s.index,
        median_rank: s.median_rank,
        rank_p05: s.rank_p05,
        rank_p95: s.rank_p95,
        index_p05: s.index_p05,
        index_median: s.index_median,
        index_p95: s.index_p95,
        same_rank: s.same_rank,
        share_same_rank: s.share_same_rank,
        rank_counts: s.rank_counts,
      };
    })
    .sort((a, b) => byText(a.country, b.country) || a.year - b.year);
  const sob = sobolRanks(matrix, ranges, { samples, seed }, sobolShares);
  const S = matrix.nSections;
  const table: ReweightTable = {
    sections: matrix.sections,
    cells: matrix.cells.map((cell, c) => {
      const a = matrix.publishedAlternative[c]!;
      return {
        country: cell.country,
        year: cell.year,
        methodology: cell.methodology,
        points: Array.from(matrix.points.subarray((a * C + c) * S, (a * C + c + 1) * S)),
        weights: Array.from(matrix.weights.subarray(c * S, (c + 1) * S)),
        present: Array.from(matrix.present.subarray(c * S, (c + 1) * S)),
        index: mc.published.index[c]!,
        rank: mc.published.rank[c]!,
      };
    }),
  };
  return {
    seed,
    draws,
    samples,
    runs: sob.runs,
    streams: { monte_carlo: mc.seed, sobol: sob.seed },
    factors: sob.factors,
    shift: mc.shift,
    ranks,
    sobol: sob.rows,
    leaveOneOut: leaveOneOut(matrix),
    table,
    sectionSpans: matrix.sectionSpans,
    missing: matrix.missing,
  };
}
