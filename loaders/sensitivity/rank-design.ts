// The Sobol design on the ranks (sobolRanks in loaders/sensitivity.ts): what one run of the model
// computes, and the sums over a share of its factors. Its own module, with few imports, because a
// worker thread loads it to compute a share beside the main thread (parallel.ts).
import { seedFor } from "../random.ts";
import { choiceFromUniforms, evaluate, factorsOf, meanAbsShift, publishedChoice, rankInto, type Factor, type Ranges } from "./model.ts";
import { sobolSums, type SobolSums } from "./sobol.ts";
import type { PointsMatrix } from "./matrix.ts";

/** The positions of the factors the design varies (the others are fixed at their one value). */
const uncertainOf = (factors: Factor[]): number[] => factors.flatMap((f, i) => (f.uncertain ? [i] : []));

/**
 * The Sobol design on the ranks: its uncertain factors (k of them), outputs (every cell's rank,
 * then the mean absolute rank shift), the model of one run and the baseline "moved" counts against.
 */
export function rankDesign(matrix: PointsMatrix, ranges: Ranges, seed: number) {
  const C = matrix.nCells;
  const factors = factorsOf(matrix, ranges);
  const uncertain = uncertainOf(factors);
  const factorIndex = new Int32Array(factors.length).fill(-1);
  uncertain.forEach((f, pos) => (factorIndex[f] = pos));
  const pub = publishedChoice(matrix);
  const pubRank = rankInto(evaluate(matrix, pub, new Float64Array(C)), matrix.years, new Int32Array(C));
  const choice = publishedChoice(matrix);
  const index = new Float64Array(C);
  const rank = new Int32Array(C);
  const scratch = new Float64Array(Math.max(1, ...matrix.years.map((g) => g.count)));
  const baseline = new Float64Array(C + 1); // published ranks, and a mean shift of 0
  baseline.set(pubRank);
  const model = (u: Float64Array, out: Float64Array) => {
    choiceFromUniforms(ranges, u, choice, factorIndex);
    evaluate(matrix, choice, index);
    rankInto(index, matrix.years, rank, scratch);
    for (let c = 0; c < C; c++) out[c] = rank[c]!;
    out[C] = meanAbsShift(rank, pubRank);
  };
  return { factors, uncertain, k: uncertain.length, outputs: C + 1, seed: seedFor(seed, "sobol"), model, baseline };
}

/**
 * The sums of the rank design over the uncertain factors from `from` to `to` (in the order
 * factorsOf lists the uncertain ones): one share of sobolRanks, for another thread (sensitivity/parallel.ts).
 */
export function sobolRankSums(matrix: PointsMatrix, ranges: Ranges, opts: { samples: number; seed: number }, from: number, to: number): SobolSums {
  const d = rankDesign(matrix, ranges, opts.seed);
  return sobolSums(d.k, d.outputs, opts.samples, d.seed, d.model, { baseline: d.baseline, from, to });
}
/** How many uncertain factors the rank design has (what sobolRankSums' shares divide). */
export const sobolRankFactors = (matrix: PointsMatrix, ranges: Ranges): number => uncertainOf(factorsOf(matrix, ranges)).length;
