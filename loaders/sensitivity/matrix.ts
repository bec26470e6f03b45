// The points matrix: every country-year's section points under every alternative treatment
// (survey aggregation × missing-data rule), each the section points computeIndex gives under that
// method, bit for bit. They are made from its one scoring pass, with its own survey and missing-data
// steps (pipeline.ts projectSurveys, score.ts scoreAnswer, missing.ts carriedAll, imputationUnder)
// redone only for the answers an alternative changes, into typed arrays: nine whole runs took 30 s
// and 1.8 GB at 57 countries × 20 years × 200 indicators. A Monte Carlo draw or a Sobol run is then
// the kernel's weighted sum (loaders/shared/kernel.ts) and a ranking on typed arrays, with no table
// operations and no scoring of its own.
//
// Layout (row-major, section fastest):
//   points[((a · C) + c) · S + s]   unweighted points of section s of cell c under alternative
//                                   a = method · R + rule (R = number of missing-data rules)
//   weights[c · S + s]              published weight of section s in cell c's codebook (0 when
//                                   that codebook has no section s)
//   slope/offset[((n · C) + c) · S + s]  normalisation n of section s in cell c (loaders/normalise.ts)
// Cells (country-years) are sorted by year, then country, so that each year is one contiguous run.
import { projectSurveys, type PipelineResult } from "../pipeline.ts";
import { scoreAnswer } from "../score.ts";
import { addPointsInto } from "../aggregate.ts";
import type { Project } from "../project.ts";
import { PUBLISHED_METHOD, type Method, type MissingRule, type Normalisation, type SurveyMethod } from "../method.ts";
import { AGGREGATIONS, MISSING_RULES, NORMALISATIONS } from "../schema.ts";
import { sectionSpans, type SectionSpan } from "../normalise.ts";
import { yearBlocks, type YearBlock } from "../shared/kernel.ts";
import { carriedAll, imputationUnder, type MissingEntry, type MissingInput } from "../missing.ts";
import { byText } from "../order.ts";

export type { MissingRule, Normalisation };
export type YearGroup = YearBlock;

export interface Cell {
  country: string;
  year: number;
  methodology: string;
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
  slope: Float64Array;
  offset: Float64Array;
  /** present[c · S + s] = 1 when cell c's codebook has section s. */
  present: Uint8Array;
  /** Per cell: the alternative (method · R + rule) of its codebook's own choices (the published method). */
  publishedAlternative: Int32Array;
  years: YearGroup[];
  sectionSpans: SectionSpan[];
  /** The published run's missing-data ledger: what each rule gives every excluded answer. */
  missing: MissingEntry[];
}

/** The method of one alternative: the published one with another survey aggregation and missing-data rule. */
export const alternativeMethod = (survey: SurveyMethod, missing: MissingRule): Method => ({
  ...PUBLISHED_METHOD,
  title: `survey ${survey}, missing data ${missing}`,
  survey,
  missing,
});

/**
 * Builds the matrix (no survey intervals: only points are needed). `published` (the build's own
 * run) supplies the cells, the scored answers and the ledger.
 */
export function buildMatrix(project: Project, published: PipelineResult): PointsMatrix {
  const methods = AGGREGATIONS;
  const rules = MISSING_RULES;
  const norms = NORMALISATIONS;
  const cells: Cell[] = published.index
    .map((r) => ({ country: r.country, year: r.year, methodology: r.methodology }))
    .sort((x, y) => x.year - y.year || byText(x.country, y.country));
  const cellIndex = new Map(cells.map((c, i) => [`${c.country}\u001f${c.year}`, i]));
  const sections = [...new Set(project.codebooks.flatMap((cb) => cb.sections.map((s) => s.id)))].sort(byText);
  const sectionIndex = new Map(sections.map((s, i) => [s, i]));
  const C = cells.length;
  const S = sections.length;
  const R = rules.length;
  const byVersion = new Map(project.codebooks.map((cb) => [cb.version, cb]));

  const weights = new Float64Array(C * S);
  const present = new Uint8Array(C * S);
  const slope = new Float64Array(norms.length * C * S);
  const offset = new Float64Array(norms.length * C * S);
  const spans = new Map<string, SectionSpan>();
  const allSpans: SectionSpan[] = [];
  norms.forEach((norm) =>
    project.codebooks.forEach((cb) =>
      sectionSpans(cb, norm).forEach((x) => {
        spans.set(`${norm}\u001f${x.methodology}\u001f${x.section}`, x);
        if (norm !== "raw") allSpans.push(x);
      }),
    ),
  );
  const publishedAlternative = new Int32Array(C);
  cells.forEach((cell, c) => {
    const cb = byVersion.get(cell.methodology)!;
    for (const s of cb.sections) {
      const j = sectionIndex.get(s.id)!;
      weights[c * S + j] = s.weight;
      present[c * S + j] = 1;
      norms.forEach((norm, n) => {
        const x = spans.get(`${norm}\u001f${cb.version}\u001f${s.id}`)!;
        slope[(n * C + c) * S + j] = x.slope;
        offset[(n * C + c) * S + j] = x.offset;
      });
    }
    const method = Math.max(0, methods.indexOf(cb.survey?.aggregation ?? methods[0]!));
    publishedAlternative[c] = method * R + rules.indexOf(cb.missing_data.rule);
  });

  // One scoring pass, the published run's: across the alternatives only two kinds of answer count
  // other points, a survey-scored one (the survey aggregation) and an excluded one (the
  // missing-data rule, and through carry_forward the aggregation too). Each alternative's section
  // points are then the answers' points summed as computeIndex sums them (aggregate.ts).
  const answers = published.answers;
  const at = new Int32Array(answers.length);
  const counted = new Float64Array(answers.length);
  const surveyed: number[] = [];
  const excluded: number[] = [];
  answers.forEach((a, i) => {
    const c = cellIndex.get(`${a.country}\u001f${a.year}`);
    if (c === undefined) throw new Error(`sensitivity: ${a.country} ${a.year} (${a.indicator}) is not a cell of the published run`);
    at[i] = c * S + sectionIndex.get(a.section)!;
    if (a.excluded) excluded.push(i);
    else if (a.scale === "survey") surveyed.push(i);
    else counted[i] = a.points!;
  });
  const indicators = new Map(project.codebooks.map((cb) => [cb.version, new Map(cb.indicators.map((ind) => [ind.id, ind]))]));
  const points = new Float64Array(methods.length * R * C * S);
  methods.forEach((survey, mi) => {
    const scores = new Map<string, number>();
    for (const s of projectSurveys(project, alternativeMethod(survey, rules[0]!), false)) {
      const k = `${s.country}\u001f${s.year}\u001f${s.indicator}`;
      if (!scores.has(k)) scores.set(k, s.value); // computeIndex takes a country-year's first score of an indicator
    }
    const under: MissingInput[] = answers.slice();
    for (const i of surveyed) {
      const a = answers[i]!;
      const score = scores.get(`${a.country}\u001f${a.year}\u001f${a.indicator}`);
      const p = scoreAnswer(indicators.get(a.methodology)!.get(a.indicator)!, a.value, score).points!;
      counted[i] = p;
      under[i] = { ...a, points: p, survey_score: score ?? null };
    }
    const carried = carriedAll(under, project.codebooks);
    rules.forEach((rule, ri) => {
      for (const i of excluded) counted[i] = imputationUnder(rule, answers[i]!.worst, carried[i]!).points ?? 0;
      const a = mi * R + ri;
      addPointsInto(counted, at, points.subarray(a * C * S, (a + 1) * C * S));
    });
  });
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
    slope,
    offset,
    present,
    publishedAlternative,
    years: yearBlocks(cells.map((c) => c.year)),
    sectionSpans: allSpans,
    missing: published.missing,
  };
}
