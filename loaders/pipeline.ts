// Runs the whole engine once: validated inputs → scored answers → survey scores →
// section subtotals → Index, with a log of every step (in the manner of COINr's
// pipeline object) so any result can be regenerated and explained.
import { loadProject, codebookFor, type Project, type Sheet, type SurveyFile } from "./project.ts";
import { scoreAnswer, pointsRange, describeRule } from "./score.ts";
import { aggregateSurvey, surveyInterval } from "./survey.ts";
import { seedFor } from "./random.ts";
import { sectionTotals, indexTotals, type ScoredAnswer, type SectionTotal, type IndexTotal } from "./aggregate.ts";
import type { Codebook, Indicator } from "./schema.ts";

export interface Answer extends ScoredAnswer {
  rule: string;
  scale: Indicator["scale"]["type"];
  dimension: Indicator["dimension"];
  source: string;
  note: string;
  change: string | null;
  survey_score: number | null; // the aggregated rating behind a survey-scale indicator
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
  lo: number; // interval of the rating (survey.ts surveyInterval)
  hi: number;
  level: number;
  replicates: number;
  seed: number;
  respondents: number;
  answered: number;
  missing: number;
  roles: { role: string; respondents: number; mean: number }[];
  file: string;
}

export interface LogStep {
  step: string;
  summary: string;
  count: number;
}

export interface PipelineOptions {
  /** Override the codebook's survey aggregation (sensitivity analysis); the codebook's own by default. */
  surveyMethod?: "role_mean" | "pooled_mean" | "median";
  /** Bootstrap replicates; the codebook's by default; 0 skips the interval. */
  replicates?: number;
}

export interface PipelineResult {
  codebooks: Codebook[];
  answers: Answer[];
  surveys: SurveyScore[];
  sections: SectionTotal[];
  index: IndexTotal[];
  log: LogStep[];
}

/** Survey scores of one country-year under its codebook (one per survey-scale indicator). */
export function scoreSurveys(codebook: Codebook, survey: SurveyFile, options: PipelineOptions = {}): SurveyScore[] {
  if (!codebook.survey) return [];
  const cfg = codebook.survey;
  const method = options.surveyMethod ?? cfg.aggregation;
  const replicates = options.replicates ?? cfg.bootstrap.replicates;
  return codebook.indicators.flatMap((ind) => {
    if (ind.scale.type !== "survey") return [];
    const agg = aggregateSurvey(survey.responses, ind.scale.questions, method);
    const seed = seedFor(cfg.bootstrap.seed, survey.country, survey.year, ind.id);
    const interval =
      replicates > 0
        ? surveyInterval(survey.responses, ind.scale.questions, method, cfg.bootstrap.level)
        : { lo: agg.value, hi: agg.value };
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
        level: cfg.bootstrap.level,
        replicates,
        seed,
        respondents: agg.respondents,
        answered: agg.answered,
        missing: agg.missing,
        roles: agg.roles,
        file: survey.file,
      },
    ];
  });
}

/** Scores one sheet's answers under a codebook (not necessarily its own: attribution rescoring uses this). */
export function scoreSheet(codebook: Codebook, sheet: Sheet, surveys: SurveyScore[]): Answer[] {
  const byIndicator = new Map(sheet.answers.map((a) => [a.indicator, a]));
  return codebook.indicators.flatMap((ind) => {
    const a = byIndicator.get(ind.id);
    if (!a) return [];
    const survey = surveys.find((s) => s.indicator === ind.id);
    const scored = scoreAnswer(ind, a.value, survey?.value);
    const { worst, best } = pointsRange(ind);
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
        rule: describeRule(ind),
        scale: ind.scale.type,
        dimension: ind.dimension,
        source: a.source,
        note: a.note,
        change: a.change,
        survey_score: scored.excluded ? null : (survey?.value ?? null),
        file: sheet.file,
        line: a.line,
      },
    ];
  });
}

export function computeIndex(project: Project, options: PipelineOptions = {}): PipelineResult {
  const log: LogStep[] = [];
  const note = (step: string, count: number, summary: string) => log.push({ step, count, summary });
  note(
    "load",
    project.files.length,
    `read and validated ${project.files.length} files: ${project.sheets.length} sheets, ${project.surveys.length} surveys, ${project.codebooks.length} codebook versions (${project.codebooks.map((c) => c.version).join(", ")})`,
  );

  const surveys = project.surveys.flatMap((s) => scoreSurveys(codebookFor(project.codebooks, s.year)!, s, options));
  const first = surveys[0];
  note(
    "survey",
    surveys.length,
    `aggregated ${surveys.length} survey scores (${first?.method ?? "none"}: respondent mean over the indicator's questions, then mean per role, then mean of roles), bootstrap ${first?.replicates ?? 0} replicates per score, level ${first?.level ?? "—"}, seeds derived from the codebook seed, country, year and indicator`,
  );

  const answers = project.sheets.flatMap((sheet) => {
    const codebook = codebookFor(project.codebooks, sheet.year)!;
    return scoreSheet(codebook, sheet, surveys.filter((s) => s.country === sheet.country && s.year === sheet.year));
  });
  note(
    "score",
    answers.length,
    `scored ${answers.length} answers by their codebook rules; ${answers.filter((a) => a.excluded).length} excluded ("n/a"): no points, best points removed from the maximum attainable`,
  );

  const sections = sectionTotals(answers, project.codebooks);
  note("sections", sections.length, `summed points into ${sections.length} section subtotals, each multiplied by its section weight`);
  const index = indexTotals(sections);
  note("index", index.length, `summed weighted section subtotals into ${index.length} Index values (full precision; pages round to two decimals)`);

  return { codebooks: project.codebooks, answers, surveys, sections, index, log };
}

export async function runPipeline(root: string, options: PipelineOptions = {}): Promise<{ project: Project; result: PipelineResult }> {
  const project = await loadProject(root);
  return { project, result: computeIndex(project, options) };
}
