// The points matrix: every country-year's section points under every alternative treatment
// (survey aggregation × missing-data rule), precomputed once as typed arrays, so that one
// Monte Carlo draw or Sobol run is a few multiply-adds and a ranking, with no table operations.
//
// Layout (row-major, section fastest):
//   points[((a · C) + c) · S + s]   unweighted points of section s of cell c under alternative
//                                   a = method · R + rule (R = number of missing-data rules)
//   weights[c · S + s]              published weight of section s in cell c's codebook (0 when
//                                   that codebook has no section s)
//   scale[((n · C) + c) · S + s]    normalisation factor n of section s in cell c: 1 for `raw`;
//                                   for `scaled`, (M / K) / max_s, where max_s is the sum of the
//                                   best points of every indicator of the section in the codebook,
//                                   M the sum of max_s over the codebook's K sections: every
//                                   section then has the same maximum, M / K, and the Index keeps
//                                   its maximum M.
// Cells (country-years) are sorted by year, then country, so that each year is one contiguous run.
import { scoreAnswer, pointsRange } from "../score.ts";
import type { ScoredAnswer } from "../aggregate.ts";
import { SURVEY_METHODS, type SurveyMethod } from "../survey.ts";
import { MISSING_RULES, NORMALISATIONS, type Codebook, type Indicator } from "../schema.ts";
import { byText } from "../order.ts";

export type MissingRule = (typeof MISSING_RULES)[number];
export type Normalisation = (typeof NORMALISATIONS)[number];

/** What the matrix needs of one scored answer (pipeline.ts `Answer` has all of it). */
export type MatrixAnswer = Omit<ScoredAnswer, "best"> & { survey_score: number | null };

export interface Cell {
  country: string;
  year: number;
  methodology: string;
}

export interface YearGroup {
  year: number;
  start: number; // first cell of the year
  count: number; // countries measured that year
}

export interface SectionScale {
  methodology: string;
  section: string;
  weight: number; // published
  max: number; // sum of the best points of the section's indicators
  factor: number; // `scaled` normalisation factor
}

/** How the missing-data alternatives were filled: one row per excluded answer. */
export interface MissingEntry {
  country: string;
  year: number;
  indicator: string;
  /** Points under `worst`. */
  worst: number;
  /** Year of the answer carried forward, or null when there was none (then dropped). */
  carried_from: number | null;
  /** The value carried forward (raw answer), or null. */
  carried_value: string | null;
  /** Why nothing was carried, when nothing was. */
  reason: string | null;
}

export interface PointsMatrix {
  cells: Cell[];
  sections: string[];
  methods: readonly SurveyMethod[];
  rules: readonly MissingRule[];
  norms: readonly Normalisation[];
  nCells: number;
  nSections: number;
  points: Float64Array;
  weights: Float64Array;
  scale: Float64Array;
  /** present[c · S + s] = 1 when cell c's codebook has section s. */
  present: Uint8Array;
  /** Per cell: index in `methods` / `rules` of its codebook's own choice (the published method). */
  publishedMethod: Int32Array;
  publishedRule: Int32Array;
  years: YearGroup[];
  sectionScales: SectionScale[];
  missing: MissingEntry[];
}


/** Sum of the best points of every indicator of each section of a codebook. */
export function sectionMaxima(codebook: Codebook): Map<string, number> {
  const max = new Map<string, number>(codebook.sections.map((s) => [s.id, 0]));
  for (const ind of codebook.indicators) max.set(ind.section, (max.get(ind.section) ?? 0) + pointsRange(ind).best);
  return max;
}

/**
 * Builds the matrix from the scored answers of the same project under each survey method
 * (`computeIndex(project, { surveyMethod, replicates: 0 })` once per method; answers in the
 * pipeline's order, which the sums follow so that the published alternative reproduces the
 * pipeline's totals to the last bit).
 */
export function buildMatrix(codebooks: Codebook[], answersByMethod: Record<SurveyMethod, readonly MatrixAnswer[]>): PointsMatrix {
  const methods = SURVEY_METHODS;
  const rules = MISSING_RULES;
  const norms = NORMALISATIONS;
  const byVersion = new Map(codebooks.map((cb) => [cb.version, cb]));
  const reference = answersByMethod[methods[0]!];
  for (const m of methods) {
    const a = answersByMethod[m];
    if (!a || a.length !== reference.length) throw new Error(`sensitivity: the answers under ${m} do not match those under ${methods[0]}`);
  }

  // Cells and sections
  const cellKey = (c: { country: string; year: number }) => `${c.country}\u001f${c.year}`;
  const cellMap = new Map<string, Cell>();
  for (const a of reference) if (!cellMap.has(cellKey(a))) cellMap.set(cellKey(a), { country: a.country, year: a.year, methodology: a.methodology });
  const cells = [...cellMap.values()].sort((x, y) => x.year - y.year || byText(x.country, y.country));
  const cellIndex = new Map(cells.map((c, i) => [cellKey(c), i]));
  const sections = [...new Set([...codebooks.flatMap((cb) => cb.sections.map((s) => s.id)), ...reference.map((a) => a.section)])].sort(byText);
  const sectionIndex = new Map(sections.map((s, i) => [s, i]));
  const C = cells.length;
  const S = sections.length;
  const R = rules.length;

  const years: YearGroup[] = [];
  cells.forEach((c, i) => {
    const last = years[years.length - 1];
    if (last && last.year === c.year) last.count++;
    else years.push({ year: c.year, start: i, count: 1 });
  });

  // Weights, normalisation, published choices
  const weights = new Float64Array(C * S);
  const present = new Uint8Array(C * S);
  const scale = new Float64Array(norms.length * C * S);
  const publishedMethod = new Int32Array(C);
  const publishedRule = new Int32Array(C);
  const sectionScales: SectionScale[] = [];
  for (const cb of codebooks) {
    const max = sectionMaxima(cb);
    const total = [...max.values()].reduce((x, y) => x + y, 0);
    const share = total / cb.sections.length;
    for (const s of cb.sections) {
      const m = max.get(s.id)!;
      // A section whose best is not positive cannot be scaled to a common maximum: left as is.
      const factor = m > 0 && share > 0 ? share / m : 1;
      sectionScales.push({ methodology: cb.version, section: s.id, weight: s.weight, max: m, factor });
    }
  }
  const scaleOf = new Map(sectionScales.map((x) => [`${x.methodology}\u001f${x.section}`, x]));
  cells.forEach((cell, c) => {
    const cb = byVersion.get(cell.methodology);
    if (!cb) throw new Error(`sensitivity: no codebook ${cell.methodology} for ${cell.country} ${cell.year}`);
    for (const s of cb.sections) {
      const j = sectionIndex.get(s.id)!;
      weights[c * S + j] = s.weight;
      present[c * S + j] = 1;
      const n = norms.indexOf("raw");
      scale[(n * C + c) * S + j] = 1;
      const k = norms.indexOf("scaled");
      scale[(k * C + c) * S + j] = scaleOf.get(`${cb.version}\u001f${s.id}`)!.factor;
    }
    publishedMethod[c] = Math.max(0, methods.indexOf(cb.survey?.aggregation ?? methods[0]!));
    publishedRule[c] = rules.indexOf(cb.missing_data.rule);
  });

  // Carry-forward sources: the last non-excluded answer of the same country and indicator in an
  // earlier year, under each method (a survey indicator's score differs by method).
  const indicatorOf = new Map<string, Map<string, Indicator>>(codebooks.map((cb) => [cb.version, new Map(cb.indicators.map((i) => [i.id, i]))]));
  const points = new Float64Array(methods.length * R * C * S);
  const missing: MissingEntry[] = [];
  methods.forEach((method, mi) => {
    const answers = answersByMethod[method];
    const history = new Map<string, MatrixAnswer[]>(); // country/indicator → known answers, by year
    for (const a of answers) {
      if (a.excluded) continue;
      const k = `${a.country}\u001f${a.indicator}`;
      const list = history.get(k) ?? [];
      list.push(a);
      history.set(k, list);
    }
    for (const list of history.values()) list.sort((x, y) => x.year - y.year);
    for (const a of answers) {
      const c = cellIndex.get(cellKey(a))!;
      const j = sectionIndex.get(a.section)!;
      for (let r = 0; r < R; r++) {
        const rule = rules[r]!;
        let p: number;
        if (!a.excluded) p = a.points!;
        else if (rule === "drop") p = 0;
        else if (rule === "worst") p = a.worst;
        else {
          const carried = carryForward(a, history, indicatorOf.get(a.methodology)?.get(a.indicator));
          p = carried.points ?? 0;
          if (mi === 0)
            missing.push({
              country: a.country,
              year: a.year,
              indicator: a.indicator,
              worst: a.worst,
              carried_from: carried.from,
              carried_value: carried.value,
              reason: carried.reason,
            });
        }
        // Excluded answers add 0 under `drop`, as aggregate.ts does (same order of additions).
        const at = ((mi * R + r) * C + c) * S + j;
        points[at] += p;
      }
    }
  });
  missing.sort((x, y) => byText(x.country, y.country) || x.year - y.year || byText(x.indicator, y.indicator));
  return {
    cells,
    sections,
    methods,
    rules,
    norms,
    nCells: C,
    nSections: S,
    points,
    weights,
    scale,
    present,
    publishedMethod,
    publishedRule,
    years,
    sectionScales,
    missing,
  };
}

function carryForward(
  a: MatrixAnswer,
  history: Map<string, MatrixAnswer[]>,
  indicator: Indicator | undefined,
): { points: number | null; from: number | null; value: string | null; reason: string | null } {
  const earlier = (history.get(`${a.country}\u001f${a.indicator}`) ?? []).filter((h) => h.year < a.year);
  const last = earlier[earlier.length - 1];
  if (!last) return { points: null, from: null, value: null, reason: "no earlier answer: dropped" };
  if (!indicator) return { points: null, from: last.year, value: last.value, reason: "indicator not in the codebook: dropped" };
  try {
    const survey = indicator.scale.type === "survey" ? (last.survey_score ?? undefined) : undefined;
    const scored = scoreAnswer(indicator, last.value, survey);
    if (scored.points === null) return { points: null, from: last.year, value: last.value, reason: "earlier answer excluded: dropped" };
    return { points: scored.points, from: last.year, value: last.value, reason: null };
  } catch (e) {
    return { points: null, from: last.year, value: last.value, reason: `earlier answer not valid under ${a.methodology} (${(e as Error).message}): dropped` };
  }
}
