// points → section subtotals → Index, as a chain of Arquero verbs.
// Missing-data rule (the pilot's, kept since): an excluded indicator ("n/a") adds no points
// and its best points leave the maximum attainable score, so a country is neither
// rewarded nor punished for data that do not exist; the ledger shows what it could have moved.
import * as aq from "arquero";
import type { Codebook } from "./schema.ts";

/** One scored answer: the atom every other level is built from. */
export interface ScoredAnswer {
  country: string;
  year: number;
  methodology: string;
  section: string;
  indicator: string;
  value: string;
  excluded: boolean;
  points: number | null; // null when excluded
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
  weighted: number; // weight × points: the section's contribution to the Index
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
}

/** Section weights of every codebook version, as rows to join on. */
function weightTable(codebooks: Codebook[], weights?: Record<string, number>) {
  return aq.from(
    codebooks.flatMap((cb) =>
      cb.sections.map((s) => ({ methodology: cb.version, section: s.id, weight: weights?.[s.id] ?? s.weight })),
    ),
  );
}

export function sectionTotals(answers: ScoredAnswer[], codebooks: Codebook[], weights?: Record<string, number>): SectionTotal[] {
  if (answers.length === 0) return [];
  return aq
    .from(answers)
    .derive({
      counted: (d: any) => (d.excluded ? 0 : d.points),
      best_counted: (d: any) => (d.excluded ? 0 : d.best),
      worst_counted: (d: any) => (d.excluded ? 0 : d.worst),
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
    .join(weightTable(codebooks, weights), [["methodology", "section"], ["methodology", "section"]], [aq.all(), aq.not("methodology", "section")])
    .derive({
      weighted: (d: any) => d.weight * d.points,
      max_attainable: (d: any) => d.weight * d.best,
      min_attainable: (d: any) => d.weight * d.worst,
    })
    .select("country", "year", "methodology", "section", "weight", "points", "weighted", "max_attainable", "min_attainable", "indicators", "excluded")
    .orderby("country", "year", "section")
    .objects() as SectionTotal[];
}

export function indexTotals(sections: SectionTotal[]): IndexTotal[] {
  if (sections.length === 0) return [];
  return aq
    .from(sections)
    .groupby("country", "year", "methodology")
    .rollup({
      index: (d: any) => aq.op.sum(d.weighted),
      max_attainable: (d: any) => aq.op.sum(d.max_attainable),
      min_attainable: (d: any) => aq.op.sum(d.min_attainable),
      indicators: (d: any) => aq.op.sum(d.indicators),
      excluded: (d: any) => aq.op.sum(d.excluded),
    })
    .orderby("country", "year")
    .objects() as IndexTotal[];
}

/** Rank within each year, 1 = highest Index; ties share the better rank. */
export function rankByYear<T extends { year: number; index: number }>(totals: T[]): (T & { rank: number })[] {
  if (totals.length === 0) return [];
  return aq
    .from(totals)
    .groupby("year")
    .orderby(aq.desc("index"))
    .derive({ rank: () => aq.op.rank() })
    .ungroup()
    .orderby("year", aq.desc("index"))
    .objects() as (T & { rank: number })[];
}
