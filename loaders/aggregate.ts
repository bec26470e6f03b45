// Scored answers → unweighted section subtotals, as a chain of Arquero verbs; the shapes of the
// section and Index levels. The missing-data rules are loaders/missing.ts.
import * as aq from "arquero";

/** One scored answer: the atom every other level is built from. */
export interface ScoredAnswer {
  country: string;
  year: number;
  methodology: string;
  section: string;
  indicator: string;
  value: string;
  excluded: boolean; // the sheet says "n/a"
  points: number | null; // null when the answer counts nothing (excluded and dropped)
  worst: number; // lowest points the indicator's scale allows
  best: number; // highest
}

export interface SectionTotal {
  country: string;
  year: number;
  methodology: string;
  section: string;
  weight: number;
  points: number; // unweighted sum of the section's points
  slope: number; // normalisation: the section enters as slope × points + offset (1 and 0 for raw)
  offset: number;
  weighted: number; // weight × (slope × points + offset): the section's contribution to the Index
  max_attainable: number; // weight × best points of the indicators not excluded
  min_attainable: number;
  indicators: number;
  excluded: number;
}

export interface IndexTotal {
  country: string;
  year: number;
  methodology: string;
  index: number;
  max_attainable: number;
  min_attainable: number;
  indicators: number;
  excluded: number;
  rank: number; // within the year, 1 = highest Index; ties share the better rank
  countries: number; // measured that year
}

/**
 * Unweighted section subtotals: the sum of the points each answer counts for (an answer dropped by
 * the missing-data rule counts nothing, and its best and worst points leave the section's range).
 * Weights, normalisation and the Index are applied by pipeline.ts through the kernel.
 */
export function sectionPoints(answers: readonly ScoredAnswer[]) {
  if (answers.length === 0) return [];
  return aq
    .from(answers as ScoredAnswer[])
    .derive({
      counted: (d: any) => (d.points === null ? 0 : d.points),
      best_counted: (d: any) => (d.points === null ? 0 : d.best),
      worst_counted: (d: any) => (d.points === null ? 0 : d.worst),
      is_excluded: (d: any) => (d.excluded ? 1 : 0),
    })
    .groupby("country", "year", "methodology", "section")
    .rollup({
      points: (d: any) => aq.op.sum(d.counted),
      best: (d: any) => aq.op.sum(d.best_counted),
      worst: (d: any) => aq.op.sum(d.worst_counted),
      indicators: aq.op.count(),
      excluded: (d: any) => aq.op.sum(d.is_excluded),
    })
    .objects() as { country: string; year: number; methodology: string; section: string; points: number; best: number; worst: number; indicators: number; excluded: number }[];
}

/**
 * sectionPoints' sums on typed arrays, for analyses that sum the same answers many times:
 * out[at[i]] += counted[i] in the order of the answers, which is the order (and so the rounding) of
 * its rollup, from 0 as its sum starts (a dropped answer counts 0 and is added too, as there).
 */
export function addPointsInto(counted: Float64Array, at: Int32Array, out: Float64Array): Float64Array {
  for (let i = 0; i < counted.length; i++) out[at[i]!]! += counted[i]!;
  return out;
}
