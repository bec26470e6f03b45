// The Index sum and the ranking: the one implementation, used by computeIndex (loaders/compute.ts),
// every sensitivity draw (loaders/sensitivity/model.ts) and, bundled for the pages, the reader's
// live reweighting. Typed arrays and no allocation per call, because a Monte Carlo runs it
// hundreds of thousands of times. Browser-safe: no imports.

/** The cells of one year: contiguous in every cell-indexed array. */
export interface YearBlock {
  year: number;
  start: number;
  count: number;
}

/**
 * What the Index of C cells over S sections is made of. Section s of cell c enters as
 *   weight[c·S+s] × multiplier[s] × (slope[c·S+s] × points[row[c]+s] + offset[c·S+s]),
 * summed over s from 0 in order: with slope 1, offset 0 and multiplier 1 this is weight × points.
 */
export interface IndexInputs {
  cells: number;
  sections: number;
  /** Section points; cell c's S values start at rows[c] (several alternatives can share one array). */
  points: Float64Array;
  rows: Int32Array;
  weights: Float64Array;
  slope: Float64Array;
  offset: Float64Array;
  /** Per section; absent: 1. */
  multipliers?: Float64Array | null;
}

/**
 * Writes every cell's Index into `out`; with `parts`, also each section's weighted value
 * (parts[c·S+s]), the addends of the sum. A weight of 0 contributes exactly 0 (a left-out section).
 */
export function indexInto(inputs: IndexInputs, out: Float64Array, parts?: Float64Array): Float64Array {
  const { cells: C, sections: S, points, rows, weights, slope, offset } = inputs;
  const mult = inputs.multipliers ?? null;
  for (let c = 0; c < C; c++) {
    const p = rows[c]!;
    const o = c * S;
    let sum = 0;
    for (let s = 0; s < S; s++) {
      const w = mult ? weights[o + s]! * mult[s]! : weights[o + s]!;
      const v = w === 0 ? 0 : w * (slope[o + s]! * points[p + s]! + offset[o + s]!);
      if (parts) parts[o + s] = v;
      sum += v;
    }
    out[c] = sum;
  }
  return out;
}

/**
 * Rank within each year: 1 + the number of the year's cells with a higher Index, so ties share
 * the better rank. Few countries: compare every pair; many: sort the year's values once and count
 * the values above each by binary search. The sort is the typed array's own, without a comparator:
 * calling one for every comparison took half of a Sobol run at 57 countries.
 */
export function rankInto(index: Float64Array, years: readonly YearBlock[], out: Int32Array, scratch?: Float64Array): Int32Array {
  for (const { start, count } of years) {
    if (count <= 48) {
      for (let i = start; i < start + count; i++) {
        const x = index[i]!;
        let r = 1;
        for (let j = start; j < start + count; j++) if (index[j]! > x) r++;
        out[i] = r;
      }
    } else {
      const sorted = scratch && scratch.length >= count ? scratch.subarray(0, count) : new Float64Array(count);
      sorted.set(index.subarray(start, start + count));
      sorted.sort();
      for (let i = start; i < start + count; i++) {
        const x = index[i]!;
        // The first position holding a value above x; every value from there on is above it.
        let lo = 0;
        let hi = count;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (sorted[mid]! > x) hi = mid;
          else lo = mid + 1;
        }
        out[i] = 1 + count - lo;
      }
    }
  }
  return out;
}

/** Year blocks of cells sorted by year. */
export function yearBlocks(years: ArrayLike<number>): YearBlock[] {
  const out: YearBlock[] = [];
  for (let i = 0; i < years.length; i++) {
    const last = out[out.length - 1];
    if (last && last.year === years[i]) last.count++;
    else out.push({ year: years[i]!, start: i, count: 1 });
  }
  return out;
}
