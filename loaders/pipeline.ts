// The engine's one implementation of the Index: validated inputs → survey scores → scored answers →
// missing-data rule → section subtotals → normalisation and weights → Index → ranks, under a method
// (loaders/method.ts; the published one by default), with a log of every step (in the manner of
// COINr's pipeline object) so any result can be regenerated and explained. Sensitivity draws,
// leave-one-section-out, attribution's rescoring, `compute --method` and the browser's reweighting
// are all this code under other choices (the weighted sum and the ranking are loaders/shared/kernel.ts).
import { loadProject, codebookFor, type Project, type Sheet, type SurveyFile } from "./project.ts";
import { scoreAnswer, pointsRange, describeRule } from "./score.ts";
import { aggregateSurvey, surveyInterval } from "./survey.ts";
import { sectionPoints, type ScoredAnswer, type SectionTotal, type IndexTotal } from "./aggregate.ts";
import { applyMissing, type MissingEntry } from "./missing.ts";
import { sectionSpans } from "./normalise.ts";
import { PUBLISHED_METHOD, methodFor, type Method, type MissingRule, type Normalisation, type SurveyMethod, type VersionMethod } from "./method.ts";
import { indexInto, rankInto, yearBlocks } from "./shared/kernel.ts";
import type { Codebook, Indicator } from "./schema.ts";
import { byText } from "./order.ts";

export interface Answer extends ScoredAnswer {
  rule: string;
  scale: Indicator["scale"]["type"];
  dimension: Indicator["dimension"];
  source: string;
  note: string;
  change: string | null;
  survey_score: number | null; // the aggregated rating behind a survey-scale indicator
  /** How an excluded answer's points were filled by the missing-data rule; null when not. */
  imputed: "carried" | "worst" | null;
  file: string;
  line: number;
}

export interface SurveyScore {
  country: string;
  year: number;
  methodology: string;
  indicator: string;
  questions: string[];
  method: string;
  multiplier: number;
  value: number; // aggregated rating, 0–10
  lo: number; // interval of the rating (survey.ts surveyInterval); lo = hi = value when not computed
  hi: number;
  level: number;
  /** How the interval was made (survey.ts SurveyInterval kind), or "none" when the run skipped intervals. */
  interval: string;
  /** Its degrees of freedom (t intervals), and the confidence it actually has (≥ level for the median's). */
  df: number | null;
  confidence: number | null;
  respondents: number;
  answered: number;
  missing: number;
  roles: { role: string; respondents: number; mean: number }[];
  file: string;
}

/**
 * One step of the log as data: what the step did and the numbers and method ids it reports. Its
 * sentence, in either language, is loaders/present/steps.ts's (the engine keeps no wording).
 */
export type StepFacts =
  | { step: "load"; files: number; sheets: number; surveys: number; versions: string[] }
  | { step: "method"; method: Method }
  | { step: "survey"; scores: number; method: SurveyMethod | null; level: number | null; intervals: boolean }
  | { step: "score"; answers: number; excluded: number }
  | { step: "missing"; rules: MissingRule[]; dropped: number; filled: number }
  | { step: "sections"; sections: number; normalisation: Normalisation }
  | { step: "index"; values: number };

/** `count`: how many items the step made or read (the log table's "items"). */
export type LogStep = StepFacts & { count: number };

export interface ComputeOptions {
  /** Survey intervals (the costly part of a run); true by default. Analyses that use only the points skip them. */
  intervals?: boolean;
}

export interface PipelineResult {
  method: Method;
  codebooks: Codebook[];
  answers: Answer[];
  surveys: SurveyScore[];
  sections: SectionTotal[];
  index: IndexTotal[];
  /** Every answer excluded for lack of data, and what each missing-data rule gives it. */
  missing: MissingEntry[];
  log: LogStep[];
}

/** Survey scores of one country-year under its codebook (one per survey-scale indicator). */
export function scoreSurveys(codebook: Codebook, survey: SurveyFile, method: SurveyMethod | null = null, intervals = true): SurveyScore[] {
  if (!codebook.survey) return [];
  const cfg = codebook.survey;
  method ??= cfg.aggregation;

  return codebook.indicators.flatMap((ind) => {
    if (ind.scale.type !== "survey") return [];
    const agg = aggregateSurvey(survey.responses, ind.scale.questions, method);
    const interval = intervals
      ? surveyInterval(survey.responses, ind.scale.questions, method, cfg.interval.level)
      : { lo: agg.value, hi: agg.value, kind: "none", df: null, confidence: null };
    return [
      {
        country: survey.country,
        year: survey.year,
        methodology: codebook.version,
        indicator: ind.id,
        questions: ind.scale.questions,
        method,
        multiplier: ind.scale.multiplier,
        value: agg.value,
        lo: interval.lo,
        hi: interval.hi,
        level: cfg.interval.level,
        interval: interval.kind,
        df: interval.df ?? null,
        confidence: interval.confidence ?? null,
        respondents: agg.respondents,
        answered: agg.answered,
        missing: agg.missing,
        roles: agg.roles,
        file: survey.file,
      },
    ];
  });
}

// An indicator's rule in words and its points range are the same for every answer to it: made once
// per indicator, not once per answer of every sheet.
const facts = new WeakMap<Indicator, { worst: number; best: number; rule: string }>();
function indicatorFacts(ind: Indicator): { worst: number; best: number; rule: string } {
  let f = facts.get(ind);
  if (!f) facts.set(ind, (f = { ...pointsRange(ind), rule: describeRule(ind) }));
  return f;
}

/** Scores one sheet's answers under a codebook (not necessarily its own: attribution rescoring uses this). */
export function scoreSheet(codebook: Codebook, sheet: Sheet, surveys: SurveyScore[]): Answer[] {
  const byIndicator = new Map(sheet.answers.map((a) => [a.indicator, a]));
  return codebook.indicators.flatMap((ind) => {
    const a = byIndicator.get(ind.id);
    if (!a) return [];
    const survey = surveys.find((s) => s.indicator === ind.id);
    const scored = scoreAnswer(ind, a.value, survey?.value);
    const { worst, best, rule } = indicatorFacts(ind);
    return [
      {
        country: sheet.country,
        year: sheet.year,
        methodology: codebook.version,
        section: ind.section,
        indicator: ind.id,
        value: a.value,
        excluded: scored.excluded,
        points: scored.points,
        worst,
        best,
        rule,
        scale: ind.scale.type,
        dimension: ind.dimension,
        source: a.source,
        note: a.note,
        change: a.change,
        survey_score: scored.excluded ? null : (survey?.value ?? null),
        imputed: null,
        file: sheet.file,
        line: a.line,
      },
    ];
  });
}

/** Every survey file's scores under the method, each under the codebook of its year (computeIndex's survey step). */
export function projectSurveys(project: Project, method: Method, intervals = true): SurveyScore[] {
  const versions = new Map(project.codebooks.map((cb) => [cb.version, methodFor(cb, method)]));
  return project.surveys.flatMap((s) => {
    const codebook = codebookFor(project.codebooks, s.year)!;
    return scoreSurveys(codebook, s, versions.get(codebook.version)!.survey, intervals);
  });
}

export function computeIndex(project: Project, method: Method = PUBLISHED_METHOD, options: ComputeOptions = {}): PipelineResult {
  const log: LogStep[] = [];
  const note = (count: number, facts: StepFacts) => log.push({ ...facts, count });
  const byVersion = new Map(project.codebooks.map((cb) => [cb.version, { codebook: cb, method: methodFor(cb, method) }]));
  const versionOf = (year: number): { codebook: Codebook; method: VersionMethod } => byVersion.get(codebookFor(project.codebooks, year)!.version)!;
  note(project.files.length, { step: "load", files: project.files.length, sheets: project.sheets.length, surveys: project.surveys.length, versions: project.codebooks.map((c) => c.version) });
  note(project.codebooks.length, { step: "method", method });

  const intervals = options.intervals ?? true;
  const surveys = projectSurveys(project, method, intervals);
  const first = surveys[0];
  note(surveys.length, { step: "survey", scores: surveys.length, method: (first?.method as SurveyMethod | undefined) ?? null, level: first?.level ?? null, intervals });

  const surveysOf = new Map<string, SurveyScore[]>();
  for (const s of surveys) {
    const k = `${s.country}\u001f${s.year}`;
    const list = surveysOf.get(k);
    if (list) list.push(s);
    else surveysOf.set(k, [s]);
  }
  const scored = project.sheets.flatMap((sheet) => scoreSheet(versionOf(sheet.year).codebook, sheet, surveysOf.get(`${sheet.country}\u001f${sheet.year}`) ?? []));
  note(scored.length, { step: "score", answers: scored.length, excluded: scored.filter((a) => a.excluded).length });

  const { imputations, ledger } = applyMissing(scored, project.codebooks, (version) => byVersion.get(version)!.method.missing);
  const answers = scored.map((a, i) => (a.excluded ? { ...a, points: imputations[i]!.points, imputed: imputations[i]!.imputed } : a));
  const rules = [...new Set([...byVersion.values()].map((v) => v.method.missing))];
  note(ledger.length, { step: "missing", rules, dropped: ledger.filter((m) => m.points === null).length, filled: ledger.filter((m) => m.points !== null).length });

  const { sections, index } = combine(sectionPoints(answers), project.codebooks, byVersion);
  note(sections.length, { step: "sections", sections: sections.length, normalisation: method.normalisation });
  note(index.length, { step: "index", values: index.length });

  return { method, codebooks: project.codebooks, answers, surveys, sections, index, missing: ledger, log };
}

type SectionPoints = ReturnType<typeof sectionPoints>[number];

/**
 * Normalisation, weights, the Index and ranks. Every country-year is one cell over the sections of
 * all versions (sorted by id; a section its codebook lacks has weight 0 and adds exactly 0), so the
 * kernel's one weighted sum makes the Index, its maximum and minimum attainable, and each section's
 * weighted value (the sum's addends).
 */
function combine(rows: SectionPoints[], codebooks: readonly Codebook[], byVersion: Map<string, { method: VersionMethod }>): { sections: SectionTotal[]; index: IndexTotal[] } {
  const spans = new Map(
    codebooks.flatMap((cb) => sectionSpans(cb, byVersion.get(cb.version)!.method.normalisation).map((x) => [`${x.methodology}\u001f${x.section}`, x] as const)),
  );
  const ids = [...new Set(rows.map((r) => r.section))].sort(byText);
  const column = new Map(ids.map((id, j) => [id, j]));
  const cellOf = new Map<string, number>();
  const cells: { country: string; year: number; methodology: string }[] = [];
  for (const r of [...rows].sort((a, b) => a.year - b.year || byText(a.country, b.country))) {
    const k = `${r.country}\u001f${r.year}`;
    if (!cellOf.has(k)) {
      cellOf.set(k, cells.length);
      cells.push({ country: r.country, year: r.year, methodology: r.methodology });
    }
  }
  const C = cells.length;
  const S = ids.length;
  const at = (r: SectionPoints) => cellOf.get(`${r.country}\u001f${r.year}`)! * S + column.get(r.section)!;
  const points = new Float64Array(C * S);
  const best = new Float64Array(C * S);
  const worst = new Float64Array(C * S);
  const weights = new Float64Array(C * S);
  const slope = new Float64Array(C * S).fill(1);
  const offset = new Float64Array(C * S);
  for (const r of rows) {
    const i = at(r);
    const span = spans.get(`${r.methodology}\u001f${r.section}`)!;
    points[i] = r.points;
    best[i] = r.best;
    worst[i] = r.worst;
    weights[i] = byVersion.get(r.methodology)!.method.weights.get(r.section)!;
    slope[i] = span.slope;
    offset[i] = span.offset;
  }
  const rowStarts = Int32Array.from(cells, (_, c) => c * S);
  const run = (values: Float64Array) => {
    const parts = new Float64Array(C * S);
    const total = indexInto({ cells: C, sections: S, points: values, rows: rowStarts, weights, slope, offset }, new Float64Array(C), parts);
    return { total, parts };
  };
  const value = run(points);
  const max = run(best);
  const min = run(worst);
  const years = yearBlocks(cells.map((c) => c.year));
  const rank = rankInto(value.total, years, new Int32Array(C));
  const countries = new Map(years.map((y) => [y.year, y.count]));

  const sections: SectionTotal[] = rows
    .map((r) => {
      const i = at(r);
      return {
        country: r.country,
        year: r.year,
        methodology: r.methodology,
        section: r.section,
        weight: weights[i]!,
        points: r.points,
        slope: slope[i]!,
        offset: offset[i]!,
        weighted: value.parts[i]!,
        max_attainable: max.parts[i]!,
        min_attainable: min.parts[i]!,
        indicators: r.indicators,
        excluded: r.excluded,
      };
    })
    .sort((a, b) => byText(a.country, b.country) || a.year - b.year || byText(a.section, b.section));
  const counts = new Map<number, { indicators: number; excluded: number }>();
  for (const r of rows) {
    const c = cellOf.get(`${r.country}\u001f${r.year}`)!;
    const n = counts.get(c) ?? { indicators: 0, excluded: 0 };
    n.indicators += r.indicators;
    n.excluded += r.excluded;
    counts.set(c, n);
  }
  const index: IndexTotal[] = cells
    .map((cell, c) => ({
      ...cell,
      index: value.total[c]!,
      max_attainable: max.total[c]!,
      min_attainable: min.total[c]!,
      indicators: counts.get(c)!.indicators,
      excluded: counts.get(c)!.excluded,
      rank: rank[c]!,
      countries: countries.get(cell.year)!,
    }))
    .sort((a, b) => byText(a.country, b.country) || a.year - b.year);
  return { sections, index };
}

export async function runPipeline(root: string, method: Method = PUBLISHED_METHOD, options: ComputeOptions = {}): Promise<{ project: Project; result: PipelineResult }> {
  const project = await loadProject(root);
  return { project, result: computeIndex(project, method, options) };
}
