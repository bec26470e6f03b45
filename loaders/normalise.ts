// Normalisation of section points before weighting, as the affine map slope × points + offset
// that loaders/shared/kernel.ts applies.
//   raw     the points as they are (published).
//   minmax  every section of a codebook version mapped onto one common span at BOTH ends:
//           [Σ min / K, Σ max / K] over its K sections, where a section's min and max are the sums
//           of the worst and best points of all its indicators. Every section then spans the same
//           range, and the Index keeps the codebook's overall minimum and maximum. (The earlier
//           `scaled` rule equalised only the maxima, so in 2020 RM spanned −11.94…32.71 while the
//           others spanned about −32.71…32.71.) A section with no span (min = max) is left as is.
import type { Codebook } from "./schema.ts";
import type { Normalisation } from "./method.ts";
import { pointsRange } from "./score.ts";

export interface SectionSpan {
  methodology: string;
  section: string;
  min: number;
  max: number;
  slope: number;
  offset: number;
}

/** Sum of the worst and best points of every indicator of each section of a codebook. */
export function sectionRanges(codebook: Codebook): Map<string, { min: number; max: number }> {
  const range = new Map(codebook.sections.map((s) => [s.id, { min: 0, max: 0 }]));
  for (const ind of codebook.indicators) {
    const r = range.get(ind.section)!;
    const { worst, best } = pointsRange(ind);
    r.min += worst;
    r.max += best;
  }
  return range;
}

/** Slope and offset of every section of a codebook under a normalisation. */
export function sectionSpans(codebook: Codebook, normalisation: Normalisation): SectionSpan[] {
  const ranges = sectionRanges(codebook);
  const K = codebook.sections.length;
  let lo = 0;
  let hi = 0;
  for (const r of ranges.values()) {
    lo += r.min;
    hi += r.max;
  }
  lo /= K;
  hi /= K;
  return codebook.sections.map((s) => {
    const { min, max } = ranges.get(s.id)!;
    if (normalisation === "raw" || max === min) return { methodology: codebook.version, section: s.id, min, max, slope: 1, offset: 0 };
    const slope = (hi - lo) / (max - min);
    return { methodology: codebook.version, section: s.id, min, max, slope, offset: lo - slope * min };
  });
}
