// One run of the Index under a set of choices, on the points matrix, and the Monte Carlo over
// those choices. The weighted sum and the ranking are the kernel's (loaders/shared/kernel.ts), the
// same code computeIndex and the reader's browser run; nothing here allocates per draw.
import { rng, seedFor } from "../random.ts";
import { percentileSorted } from "../survey.ts";
import { indexInto, rankInto } from "../shared/kernel.ts";
import type { PointsMatrix } from "./matrix.ts";

export { rankInto };

/** One configuration of the uncertain choices. */
export interface Choice {
  /** Multiplier of each section's published weight (matrix.sections order). */
  multipliers: Float64Array;
  /** Index into matrix.methods, or -1 for each cell's codebook's own (published). */
  method: number;
  /** Index into matrix.rules, or -1 for each cell's codebook's own (published). */
  rule: number;
  /** Index into matrix.norms (0 = raw, as published). */
  norm: number;
  /** Scratch: where each cell's points start under this choice. */
  rows: Int32Array;
}

export function publishedChoice(m: PointsMatrix): Choice {
  return { multipliers: new Float64Array(m.nSections).fill(1), method: -1, rule: -1, norm: m.norms.indexOf("raw"), rows: new Int32Array(m.nCells) };
}

/** The Index of every cell under `choice`, written into `out` (parts: each section's weighted value). */
export function evaluate(m: PointsMatrix, choice: Choice, out: Float64Array, parts?: Float64Array): Float64Array {
  const { nCells: C, nSections: S } = m;
  const R = m.rules.length;
  for (let c = 0; c < C; c++) {
    const own = m.publishedAlternative[c]!;
    const method = choice.method < 0 ? Math.floor(own / R) : choice.method;
    const rule = choice.rule < 0 ? own % R : choice.rule;
    choice.rows[c] = ((method * R + rule) * C + c) * S;
  }
  const n = choice.norm * C * S;
  return indexInto(
    {
      cells: C,
      sections: S,
      points: m.points,
      rows: choice.rows,
      weights: m.weights,
      slope: m.slope.subarray(n, n + C * S),
      offset: m.offset.subarray(n, n + C * S),
      multipliers: choice.multipliers,
    },
    out,
    parts,
  );
}

/** Mean over cells of |rank − published rank|. */
export function meanAbsShift(rank: Int32Array, published: Int32Array): number {
  let s = 0;
  for (let i = 0; i < rank.length; i++) s += Math.abs(rank[i]! - published[i]!);
  return rank.length ? s / rank.length : 0;
}

/** The uncertain choices as drawn: weight ranges per section and the alternatives of each discrete choice. */
export interface Ranges {
  low: Float64Array; // per section (matrix.sections order), multiplier
  high: Float64Array;
  methods: Int32Array; // indices into matrix.methods, each drawn with equal probability
  rules: Int32Array;
  norms: Int32Array;
}

/** The uncertain factors, in order: one per section weight, then survey method, missing data, normalisation. */
export interface Factor {
  id: string; // "weight:RM", "survey_method", "missing_data", "normalisation"
  kind: "weight" | "survey_method" | "missing_data" | "normalisation";
  section: string | null;
  /** Continuous: [low, high]; discrete: the alternatives. */
  low: number | null;
  high: number | null;
  levels: string[] | null;
  /** False when the range is a point or there is one alternative (then it is not in the Sobol design). */
  uncertain: boolean;
}

export function factorsOf(m: PointsMatrix, r: Ranges): Factor[] {
  const weight = m.sections.map<Factor>((s, i) => ({
    id: `weight:${s}`,
    kind: "weight",
    section: s,
    low: r.low[i]!,
    high: r.high[i]!,
    levels: null,
    uncertain: r.high[i]! > r.low[i]!,
  }));
  const discrete = (kind: "survey_method" | "missing_data" | "normalisation", levels: string[]): Factor => ({
    id: kind,
    kind,
    section: null,
    low: null,
    high: null,
    levels,
    uncertain: levels.length > 1,
  });
  return [
    ...weight,
    discrete("survey_method", [...r.methods].map((i) => m.methods[i]!)),
    discrete("missing_data", [...r.rules].map((i) => m.rules[i]!)),
    discrete("normalisation", [...r.norms].map((i) => m.norms[i]!)),
  ];
}

/** Sets `choice` from one uniform number in [0, 1) per factor (factors as factorsOf lists them). */
export function choiceFromUniforms(r: Ranges, u: ArrayLike<number>, choice: Choice, factorIndex?: Int32Array): Choice {
  const S = r.low.length;
  // factorIndex maps each of the S + 3 factors to its position in u, or -1 when fixed (then u = 0).
  const at = (f: number) => (factorIndex ? (factorIndex[f]! < 0 ? 0 : u[factorIndex[f]!]!) : u[f]!);
  for (let s = 0; s < S; s++) choice.multipliers[s] = r.low[s]! + at(s) * (r.high[s]! - r.low[s]!);
  const pick = (levels: Int32Array, x: number) => levels[Math.min(levels.length - 1, Math.floor(x * levels.length))]!;
  choice.method = pick(r.methods, at(S));
  choice.rule = pick(r.rules, at(S + 1));
  choice.norm = pick(r.norms, at(S + 2));
  return choice;
}

export interface CellStats {
  rank: number; // published-method rank
  index: number; // published-method Index
  median_rank: number;
  rank_p05: number;
  rank_p95: number;
  index_p05: number;
  index_median: number;
  index_p95: number;
  /** Draws in which the cell keeps its published rank. */
  same_rank: number;
  share_same_rank: number;
  /** Draws per rank: rank_counts[r − 1] draws gave rank r. */
  rank_counts: number[];
}

export interface MonteCarloResult {
  draws: number;
  seed: number; // the stream's seed (seedFor(base, "monte-carlo"))
  published: { index: Float64Array; rank: Int32Array };
  cells: CellStats[];
  /** Mean over draws of the mean absolute rank shift, and its 5th/95th percentiles. */
  shift: { mean: number; p05: number; p95: number };
}

/**
 * Rank percentile by the inverse of the empirical distribution: the smallest rank r such that
 * at least a share p of the draws gave r or better. Always a rank that occurred.
 */
export function rankQuantile(counts: Int32Array | number[], offset: number, size: number, draws: number, p: number): number {
  const need = p * draws;
  let cum = 0;
  for (let r = 0; r < size; r++) {
    cum += counts[offset + r]!;
    if (cum >= need && cum > 0) return r + 1;
  }
  return size;
}

/**
 * Monte Carlo over the uncertain choices. Each draw takes, in this order, one uniform per section
 * weight, then one each for survey method, missing data and normalisation, from
 * rng(seedFor(seed, "monte-carlo")), whether or not the choice is uncertain (so a narrowed range
 * does not shift the other draws). Index percentiles: type 7 (survey.ts percentileSorted); rank
 * percentiles: rankQuantile.
 */
export function monteCarlo(m: PointsMatrix, r: Ranges, opts: { draws: number; seed: number }): MonteCarloResult {
  const { draws } = opts;
  if (!Number.isInteger(draws) || draws < 1) throw new Error(`sensitivity: draws must be a positive integer, got ${draws}`);
  const C = m.nCells;
  const S = m.nSections;
  const streamSeed = seedFor(opts.seed, "monte-carlo");
  const random = rng(streamSeed);
  const maxCount = Math.max(1, ...m.years.map((g) => g.count));

  const published = publishedChoice(m);
  const pubIndex = evaluate(m, published, new Float64Array(C));
  const pubRank = rankInto(pubIndex, m.years, new Int32Array(C));

  const choice = publishedChoice(m);
  const index = new Float64Array(C);
  const rank = new Int32Array(C);
  const scratch = new Float64Array(maxCount);
  const u = new Float64Array(S + 3);
  const values = new Float64Array(draws * C); // cell-major: values[c · draws + d]
  const counts = new Int32Array(C * maxCount);
  const shifts = new Float64Array(draws);
  for (let d = 0; d < draws; d++) {
    for (let k = 0; k < u.length; k++) u[k] = random();
    choiceFromUniforms(r, u, choice);
    evaluate(m, choice, index);
    rankInto(index, m.years, rank, scratch);
    let shift = 0;
    for (let c = 0; c < C; c++) {
      values[c * draws + d] = index[c]!;
      counts[c * maxCount + rank[c]! - 1]!++;
      shift += Math.abs(rank[c]! - pubRank[c]!);
    }
    shifts[d] = C ? shift / C : 0;
  }

  const cells: CellStats[] = [];
  for (let c = 0; c < C; c++) {
    const v = values.subarray(c * draws, (c + 1) * draws).sort();
    const off = c * maxCount;
    const size = m.years.find((g) => c >= g.start && c < g.start + g.count)!.count;
    const same = counts[off + pubRank[c]! - 1]!;
    cells.push({
      rank: pubRank[c]!,
      index: pubIndex[c]!,
      median_rank: rankQuantile(counts, off, size, draws, 0.5),
      rank_p05: rankQuantile(counts, off, size, draws, 0.05),
      rank_p95: rankQuantile(counts, off, size, draws, 0.95),
      index_p05: percentileSorted(v, 0.05),
      index_median: percentileSorted(v, 0.5),
      index_p95: percentileSorted(v, 0.95),
      same_rank: same,
      share_same_rank: same / draws,
      rank_counts: Array.from(counts.subarray(off, off + size)),
    });
  }
  shifts.sort();
  let mean = 0;
  for (let d = 0; d < draws; d++) mean += shifts[d]!;
  mean /= draws;
  return {
    draws,
    seed: streamSeed,
    published: { index: pubIndex, rank: pubRank },
    cells,
    shift: { mean, p05: percentileSorted(shifts, 0.05), p95: percentileSorted(shifts, 0.95) },
  };
}
