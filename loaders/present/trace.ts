// The whole calculation of one country-year, as one structured trace: every indicator's answer,
// scoring rule and points, the section subtotals, the survey aggregation step by step, the total,
// and the published value(s) beside it. `explain CODE YEAR` prints it as text (formatTrace) and the
// audit page shows the same trace in tables (src/components/trace.js), so both say the same thing.
//
// Everything comes from the pipeline's result; the only recomputation is for display: the applied
// rule in words (score.ts scoreAnswer) and the respondent means behind each survey score
// (survey.ts respondentScores), which the result keeps only per role. Full precision throughout;
// formatTrace rounds only what it prints.
import type { PipelineResult, Answer, SurveyScore } from "../pipeline.ts";
import type { Project } from "../project.ts";
import type { Codebook } from "../schema.ts";
import { changeIn } from "../workbook/words.ts";
import { answerWord, describeRule, excludedRule, scoreAnswer } from "../score.ts";
import { intervalText, respondentScores } from "../survey.ts";
import { matchesPublished } from "../reconcile.ts";
import { round2 } from "../rounding.ts";
import { surveyMoveText } from "../attribution.ts";
import { aggregationText, codebookTitle, indicatorTitle, missingDataText, roleName, sectionTitle } from "./lang.ts";
import { fmt, noiseless, percent, signed as signedFigure } from "../shared/format.ts";
import { groupBy } from "../group.ts";

/** A section's or indicator's title in English and Russian; its id where the codebook does not have it. */
function titles<T extends { title: string }>(item: T | undefined, id: string, title: (lang: "en" | "ru", item: T) => string): { title: string; title_ru: string } {
  return item ? { title: item.title, title_ru: title("ru", item) } : { title: id, title_ru: id };
}

export interface TraceIndicator {
  indicator: string;
  title: string;
  title_ru: string; // the codebook's Russian title (else the English), for the Russian audit page
  dimension: string;
  scale: string; // binary, ordinal, ratio, survey
  value: string; // the sheet's answer
  value_ru: string; // the answer's word in Russian (да, частично…; a number or n/a as written)
  excluded: boolean;
  rule: string; // the scale's rule, e.g. "yes → 5, no → -5"
  applied: string; // how this answer was scored, e.g. "partial → 2" (numbers in it to 12 significant digits)
  rule_ru: string; // the rule and the applied rule in Russian (Russian page): "да → 5; нет → −5"
  applied_ru: string;
  points: number | null;
  worst: number;
  best: number;
  weighted: number | null; // points × section weight: the indicator's contribution to the Index
  source: string;
  note: string;
  change: string | null; // the sheet's stated kind of change
  change_ru: string | null; // the same as the Russian sheets write it (закон, практика…)
  previous: { value: string; value_ru: string; points: number | null } | null; // the previous year's answer, when there is a sheet
  changed: boolean; // answer or points differ from the previous year
  /** A survey-scale indicator whose survey score moved, worded as `changes` words it (attribution.ts surveyMoveText). */
  survey_move: string | null;
  survey_move_ru: string | null;
  line: number; // row in the sheet (Trace.sheet)
}

export interface TraceSection {
  section: string;
  title: string;
  title_ru: string;
  weight: number;
  points: number;
  weighted: number;
  max_attainable: number;
  min_attainable: number;
  excluded: number;
  indicators: TraceIndicator[];
}

export interface TraceSurvey {
  indicator: string;
  title: string;
  title_ru: string;
  questions: string[];
  method: string;
  method_text: string; // the codebook's own description of the aggregation
  method_text_ru: string; // the same in Russian (its aggregation_text_ru, else the English), for the Russian audit page
  respondents: { respondent: string; role: string; role_ru: string; mean: number }[]; // role_ru: the codebook's Russian name, for the Russian audit page
  roles: { role: string; role_ru: string; respondents: number; mean: number }[];
  value: number; // the aggregated rating (0–10)
  multiplier: number;
  points: number | null;
  lo: number; // interval of the score (survey.ts surveyInterval)
  hi: number;
  points_lo: number; // … in points (multiplier × lo, multiplier × hi, in order)
  points_hi: number;
  level: number;
  interval_text: string; // how the interval was made, in words
  interval_text_ru: string; // the same in Russian, for the Russian audit page
  answered: number;
  missing: number;
  file: string;
}

export interface TracePublished {
  edition: number;
  published_on: string;
  value: number;
  matches: boolean;
  difference: number; // computed − published, full precision
  source: string;
}

export interface Trace {
  country: string;
  country_name: string | null;
  /** The Russian name from data/countries.csv, for the Russian audit page's explorer. */
  country_name_ru: string | null;
  year: number;
  methodology: string;
  methodology_title: string;
  methodology_title_ru: string;
  sheet: string; // the sheet file the answers come from
  missing_rule: string;
  missing_rule_ru: string; // the codebook's missing-data text in Russian, else the English
  sections: TraceSection[];
  surveys: TraceSurvey[];
  total: number; // the computed Index, full precision
  total_rounded: number; // at the published precision
  max_attainable: number;
  min_attainable: number;
  indicators: number;
  excluded: number;
  published: TracePublished[];
  previous_year: number | null; // the year compared with, when it has a sheet
  previous_total: number | null;
  change: number | null; // total − previous_total
  crosses_break: boolean; // the previous year is governed by another codebook version
  changes: {
    indicator: string;
    section: string;
    from: string;
    to: string;
    from_ru: string; // the answers' words in Russian, as TraceIndicator.value_ru
    to_ru: string;
    points_from: number | null;
    points_to: number | null;
    change: string | null;
    change_ru: string | null;
    survey_move: string | null; // as TraceIndicator.survey_move
  }[];
}

export type TraceProject = Pick<Project, "surveys" | "editions"> & Partial<Pick<Project, "countries">>;

/**
 * The result's rows grouped by country-year, once: a trace looks its rows up by key instead of
 * filtering the whole result, so that tracing every country-year stays linear in the data.
 */
export interface TraceLookup {
  index: Map<string, PipelineResult["index"][number]>;
  answers: Map<string, Answer[]>;
  sections: Map<string, PipelineResult["sections"]>;
  surveys: Map<string, SurveyScore[]>;
  responses: Map<string, Project["surveys"][number]["responses"]>;
  editions: Map<string, Project["editions"]>;
  codebooks: Map<string, Codebook>;
  names: Map<string, { en: string; ru: string }>;
  /** Each country's traced years, in the result's order. */
  years: Map<string, number[]>;
}
const cy = (country: string, year: number) => `${country}\u001f${year}`;
export function traceLookup(result: PipelineResult, project: TraceProject): TraceLookup {
  const index = new Map<string, PipelineResult["index"][number]>();
  for (const t of result.index) if (!index.has(cy(t.country, t.year))) index.set(cy(t.country, t.year), t); // the first, as find() gave
  const responses = new Map<string, Project["surveys"][number]["responses"]>();
  for (const s of project.surveys) if (!responses.has(cy(s.country, s.year))) responses.set(cy(s.country, s.year), s.responses);
  const codebooks = new Map<string, Codebook>();
  for (const c of result.codebooks) if (!codebooks.has(c.version)) codebooks.set(c.version, c);
  const names = new Map<string, { en: string; ru: string }>();
  for (const c of project.countries ?? []) if (!names.has(c.code)) names.set(c.code, { en: c.name_en, ru: c.name_ru });
  return {
    index,
    answers: groupBy(result.answers, (a) => cy(a.country, a.year)),
    sections: groupBy(result.sections, (x) => cy(x.country, x.year)),
    surveys: groupBy(result.surveys, (x) => cy(x.country, x.year)),
    responses,
    editions: groupBy(project.editions, (e) => cy(e.country, e.year)),
    codebooks,
    names,
    years: new Map([...groupBy(result.index, (t) => t.country)].map(([c, rows]) => [c, rows.map((t) => t.year)])),
  };
}

/**
 * Traces as the audit page loads them: a codebook's survey texts (the same for every survey it
 * governs, in both languages) once per methodology in `method_texts`, not in each survey; trace.js
 * puts them back. Everything else as traceCountryYear gives it.
 */
export function shipped(traces: Trace[]) {
  const method_texts: MethodTexts = {};
  for (const t of traces) for (const v of t.surveys) method_texts[t.methodology] ??= { method_text: v.method_text, method_text_ru: v.method_text_ru };
  return { method_texts, traces: slimmed(traces, method_texts) };
}

export type MethodTexts = Record<string, { method_text: string; method_text_ru: string }>;

/** Each codebook's survey texts, as traceSurvey words them: what the audit page's first view ships for every country's file. */
export function methodTexts(result: Pick<PipelineResult, "codebooks">): MethodTexts {
  const texts: MethodTexts = {};
  for (const c of result.codebooks) if (c.survey && !texts[c.version]) texts[c.version] = { method_text: c.survey.aggregation_text, method_text_ru: aggregationText("ru", c.survey) };
  return texts;
}

/** The traces without the survey texts that `method_texts` holds for their codebook; a survey worded otherwise keeps its own. */
function slimmed(traces: Trace[], method_texts: MethodTexts) {
  return traces.map((t) => ({
    ...t,
    surveys: t.surveys.map(({ method_text, method_text_ru, ...v }) => {
      const texts = method_texts[t.methodology];
      return texts && texts.method_text === method_text && texts.method_text_ru === method_text_ru ? v : { ...v, method_text, method_text_ru };
    }),
  }));
}

function traceCountries(cells: readonly { country: string; year: number }[], lookup: TraceLookup) {
  const years = groupBy(cells, (t) => t.country);
  return [...years.keys()].sort().map((code) => ({ code, name: lookup.names.get(code)?.en ?? code, name_ru: lookup.names.get(code)?.ru ?? null, years: years.get(code)!.map((t) => t.year) }));
}

/**
 * What the audit page loads up front: the list of country-years, every codebook's survey texts, and
 * one trace (the latest year's first country). A country's other traces are in its own file
 * (traceCountryPayload), fetched only when a reader picks it.
 */
export function traceIndexPayload(project: TraceProject, result: PipelineResult, lookup: TraceLookup = traceLookup(result, project)) {
  const cells = traceable(result);
  const latest = cells.reduce((y, t) => Math.max(y, t.year), -Infinity); // no spread over an input-sized list
  const first = cells.find((t) => t.year === latest);
  const method_texts = methodTexts(result);
  return { countries: traceCountries(cells, lookup), method_texts, traces: slimmed(first ? [traceCountryYear(result, project, first.country, first.year, lookup)!] : [], method_texts) };
}

/** One country's traces, every year, for src/data/trace/[country].json; the survey texts are the first view's method_texts. */
export function traceCountryPayload(project: TraceProject, result: PipelineResult, country: string, lookup: TraceLookup = traceLookup(result, project), method_texts: MethodTexts = methodTexts(result)) {
  const years = lookup.years.get(country) ?? [];
  return { country, traces: slimmed(years.map((year) => traceCountryYear(result, project, country, year, lookup)!), method_texts) };
}

/** The country-years a trace exists for (those with a computed Index), sorted. */
export function traceable(result: PipelineResult): { country: string; year: number }[] {
  return result.index.map((t) => ({ country: t.country, year: t.year }));
}

/** One country-year's trace; `lookup` (traceLookup) when tracing many, so the result is grouped once. */
export function traceCountryYear(result: PipelineResult, project: TraceProject, country: string, year: number, lookup: TraceLookup = traceLookup(result, project)): Trace | undefined {
  country = country.trim().toUpperCase();
  const total = lookup.index.get(cy(country, year));
  if (!total) return undefined;
  const codebook = lookup.codebooks.get(total.methodology);
  if (!codebook) throw new Error(`trace: methodology ${total.methodology} of ${country} ${year} is not among the codebooks`);
  const indicatorDef = new Map(codebook.indicators.map((i) => [i.id, i]));
  const order = new Map(codebook.indicators.map((i, k) => [i.id, k]));

  const answers = lookup.answers.get(cy(country, year)) ?? [];
  const prevAnswers = new Map((lookup.answers.get(cy(country, year - 1)) ?? []).map((a) => [a.indicator, a]));
  const prevTotal = lookup.index.get(cy(country, year - 1)) ?? null;
  const surveys = lookup.surveys.get(cy(country, year)) ?? [];
  const bySection = groupBy(answers, (a) => a.section);

  const sections: TraceSection[] = [...(lookup.sections.get(cy(country, year)) ?? [])]
    .sort((a, b) => sectionOrder(codebook, a.section) - sectionOrder(codebook, b.section))
    .map((s) => ({
      section: s.section,
      ...titles(codebook.sections.find((x) => x.id === s.section), s.section, sectionTitle),
      weight: s.weight,
      points: s.points,
      weighted: s.weighted,
      max_attainable: s.max_attainable,
      min_attainable: s.min_attainable,
      excluded: s.excluded,
      indicators: [...(bySection.get(s.section) ?? [])]
        .sort((a, b) => (order.get(a.indicator) ?? 0) - (order.get(b.indicator) ?? 0))
        .map((a) => traceIndicator(a, s.weight, codebook, indicatorDef.get(a.indicator), prevAnswers.get(a.indicator), prevTotal !== null)),
    }));

  const changes = sections
    .flatMap((s) => s.indicators)
    .filter((i) => i.changed)
    .map((i) => ({
      indicator: i.indicator,
      section: indicatorDef.get(i.indicator)?.section ?? "",
      from: i.previous?.value ?? "",
      to: i.value,
      from_ru: i.previous?.value_ru ?? "",
      to_ru: i.value_ru,
      points_from: i.previous?.points ?? null,
      points_to: i.points,
      change: i.change,
      change_ru: i.change_ru,
      survey_move: i.survey_move,
    }));

  const responses = lookup.responses.get(cy(country, year)) ?? [];
  const answerOf = new Map<string, Answer>();
  for (const a of answers) if (!answerOf.has(a.indicator)) answerOf.set(a.indicator, a);
  const traceSurveys = surveys.map((s) => traceSurvey(s, codebook, responses, answerOf.get(s.indicator)));

  const published = [...(lookup.editions.get(cy(country, year)) ?? [])]
    .sort((a, b) => a.edition - b.edition)
    .map((e) => ({
      edition: e.edition,
      published_on: e.published,
      value: e.index,
      matches: matchesPublished(total.index, e.index),
      difference: total.index - e.index,
      source: e.source,
    }));

  return {
    country,
    country_name: lookup.names.get(country)?.en ?? null,
    country_name_ru: lookup.names.get(country)?.ru ?? null,
    year,
    methodology: codebook.version,
    methodology_title: codebook.title,
    methodology_title_ru: codebookTitle("ru", codebook),
    sheet: answers[0]?.file ?? "",
    missing_rule: codebook.missing_data.text,
    missing_rule_ru: missingDataText("ru", codebook),
    sections,
    surveys: traceSurveys,
    total: total.index,
    total_rounded: round2(total.index),
    max_attainable: total.max_attainable,
    min_attainable: total.min_attainable,
    indicators: total.indicators,
    excluded: total.excluded,
    published,
    previous_year: prevTotal ? year - 1 : null,
    previous_total: prevTotal?.index ?? null,
    change: prevTotal ? total.index - prevTotal.index : null,
    crosses_break: prevTotal !== null && prevTotal.methodology !== total.methodology,
    changes,
  };
}

function sectionOrder(codebook: Codebook, id: string): number {
  const k = codebook.sections.findIndex((s) => s.id === id);
  return k < 0 ? Infinity : k;
}

/** Numbers inside a sentence to 12 significant digits (binary noise such as -0.9000000000000004 → -0.9). */
export function readable(sentence: string): string {
  return sentence.replace(/-?\d+\.\d{9,}/g, (m) => String(noiseless(Number(m))));
}

function traceIndicator(
  a: Answer,
  weight: number,
  codebook: Codebook,
  def: Codebook["indicators"][number] | undefined,
  prev: Answer | undefined,
  hasPrevious: boolean,
): TraceIndicator {
  const rule_ru = def ? describeRule(def, "ru") : a.rule;
  let applied = a.excluded ? excludedRule("en", true) : a.rule;
  let applied_ru = a.excluded ? excludedRule("ru", true) : rule_ru;
  if (def && !a.excluded) {
    try {
      applied = readable(scoreAnswer(def, a.value, a.survey_score ?? undefined).rule);
      applied_ru = scoreAnswer(def, a.value, a.survey_score ?? undefined, "ru").rule;
    } catch {
      // keep the scale's rule: the points themselves come from the result
    }
  }
  const previous = prev ? { value: prev.value, value_ru: def ? answerWord(def.scale, prev.value, "ru") : prev.value, points: prev.points } : null;
  const changed = hasPrevious && (!prev || prev.value !== a.value || prev.points !== a.points);
  const surveyMoved = changed && a.scale === "survey" && prev?.scale === "survey" && a.survey_score !== null && prev.survey_score !== null && a.survey_score !== prev.survey_score;
  return {
    indicator: a.indicator,
    ...titles(def, a.indicator, indicatorTitle),
    dimension: a.dimension,
    scale: a.scale,
    value: a.value,
    value_ru: def ? answerWord(def.scale, a.value, "ru") : a.value,
    excluded: a.excluded,
    rule: a.rule,
    applied,
    rule_ru,
    applied_ru,
    points: a.points,
    worst: a.worst,
    best: a.best,
    weighted: a.points === null ? null : a.points * weight,
    source: a.source,
    note: a.note,
    change: a.change,
    change_ru: changeIn(a.change, "ru"),
    previous,
    // No sheet for the previous year: nothing to compare. A new indicator (no previous answer) counts as changed.
    changed,
    survey_move: surveyMoved ? surveyMoveText(prev!.survey_score, a.survey_score) : null,
    survey_move_ru: surveyMoved ? surveyMoveText(prev!.survey_score, a.survey_score, "ru") : null,
    line: a.line,
  };
}

function traceSurvey(s: SurveyScore, codebook: Codebook, responses: Project["surveys"][number]["responses"], answer: Answer | undefined): TraceSurvey {
  const scores = respondentScores(responses, s.questions);
  const ru = (role: string) => roleName("ru", codebook, role);
  return {
    indicator: s.indicator,
    ...titles(codebook.indicators.find((i) => i.id === s.indicator), s.indicator, indicatorTitle),
    questions: s.questions,
    method: s.method,
    method_text: codebook.survey?.aggregation_text ?? s.method,
    method_text_ru: codebook.survey ? aggregationText("ru", codebook.survey) : s.method,
    respondents: scores.groups.flatMap((g) => g.ids.map((id, k) => ({ respondent: id, role: g.role, role_ru: ru(g.role), mean: g.scores[k]! }))),
    roles: s.roles.map((r) => ({ role: r.role, role_ru: ru(r.role), respondents: r.respondents, mean: r.mean })),
    value: s.value,
    multiplier: s.multiplier,
    points: answer?.points ?? null,
    lo: s.lo,
    hi: s.hi,
    points_lo: Math.min(s.multiplier * s.lo, s.multiplier * s.hi),
    points_hi: Math.max(s.multiplier * s.lo, s.multiplier * s.hi),
    level: s.level,
    interval_text: intervalText(s.interval, s.df, s.confidence),
    interval_text_ru: intervalText(s.interval, s.df, s.confidence, "ru"),
    answered: s.answered,
    missing: s.missing,
    file: s.file,
  };
}

// ---------------------------------------------------------------------------------------------
// Text

/** A number for reading: at most six decimals (or `decimals`), no trailing zeros, by the house rule. */
export function num(x: number | null | undefined, decimals = 6): string {
  return fmt(x, { digits: decimals, trim: true });
}
const two = (x: number) => fmt(x);
const signed = (x: number) => signedFigure(x, { digits: 6, trim: true });

/** Untrusted text (sheet notes, sources) made safe for a terminal: no control characters, one line. */
export function plain(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g, " ").trim();
}

/** Plain-text table with aligned columns (numbers right-aligned). */
export function textTable(head: string[], rows: string[][], numeric: boolean[] = []): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
}

/** The trace as the readable text `explain` prints. */
export function formatTrace(t: Trace): string {
  const out: string[] = [];
  const name = t.country_name ? ` (${t.country_name})` : "";
  out.push(`${t.country}${name} ${t.year}: Prohibition of Torture Index ${two(t.total)}`);
  out.push(`methodology ${t.methodology}: ${t.methodology_title}`);
  out.push(`${t.indicators} indicators, ${t.excluded} excluded; maximum attainable ${num(t.max_attainable)}, minimum ${num(t.min_attainable)}`);
  if (t.excluded) out.push(`missing data: ${plain(t.missing_rule)}`);
  out.push("");

  const hasPrev = t.previous_year !== null;
  out.push(`Answers from ${t.sheet}; sources are "reconstructed" unless shown under the table.`);
  out.push("");
  for (const s of t.sections) {
    out.push(`Section ${s.section}: ${s.title} (weight ${num(s.weight)})`);
    const rows = s.indicators.map((i) => [
      i.indicator,
      String(i.line),
      i.value,
      num(i.points),
      i.excluded ? "excluded" : i.applied,
      i.rule,
      ...(hasPrev ? [i.changed ? (i.survey_move ?? (i.previous ? `was ${i.previous.value} (${num(i.previous.points)})` : "new")) + (i.change ? `; ${i.change}` : "") : ""] : []),
    ]);
    const head = ["indicator", "row", "answer", "points", "scored as", "rule", ...(hasPrev ? [`vs ${t.previous_year}`] : [])];
    out.push(...textTable(head, rows, [false, true, false, true]).map((l) => "  " + l));
    for (const i of s.indicators) {
      const extra = [i.source && i.source.trim().toLowerCase() !== "reconstructed" && `source: ${plain(i.source)}`, i.note && `note: ${plain(i.note)}`].filter(Boolean);
      if (extra.length) out.push(`    ${i.indicator} ${extra.join(" · ")}`);
    }
    out.push(
      `  subtotal ${s.section}: ${num(s.points)} points × weight ${num(s.weight)} = ${num(s.weighted)}` +
        ` (attainable ${num(s.min_attainable)} to ${num(s.max_attainable)}${s.excluded ? `, ${s.excluded} excluded` : ""})`,
    );
    out.push("");
  }

  const methods = [...new Set(t.surveys.map((v) => v.method_text))];
  if (methods.length === 1) out.push(`Survey scores: ${plain(methods[0]!)}`, "");
  for (const v of t.surveys) {
    out.push(`Survey score ${v.indicator}: ${v.title} (questions ${v.questions.join(", ")}; ${v.file})`);
    if (methods.length > 1) out.push(`  rule: ${plain(v.method_text)}`);
    out.push(`  1. respondent means over ${v.questions.join(", ")} (${v.answered} ratings, ${v.missing} empty):`);
    for (const r of v.roles) {
      const list = v.respondents.filter((x) => x.role === r.role).map((x) => `${x.respondent} ${num(x.mean, 4)}`);
      out.push(`     ${r.role}: ${list.join(", ")}`);
    }
    if (v.method === "role_mean") {
      out.push(`  2. role means: ${v.roles.map((r) => `${r.role} ${num(r.mean, 4)} (n=${r.respondents})`).join(", ")}`);
      out.push(`  3. mean of ${v.roles.length} roles: (${v.roles.map((r) => num(r.mean, 4)).join(" + ")}) / ${v.roles.length} = ${num(v.value)}`);
    } else if (v.method === "pooled_mean") {
      out.push(`  2. role means (for reference): ${v.roles.map((r) => `${r.role} ${num(r.mean, 4)} (n=${r.respondents})`).join(", ")}`);
      out.push(`  3. mean over all ${v.respondents.length} respondents = ${num(v.value)}`);
    } else {
      out.push(`  2. role means (for reference): ${v.roles.map((r) => `${r.role} ${num(r.mean, 4)} (n=${r.respondents})`).join(", ")}`);
      out.push(`  3. median over all ${v.respondents.length} respondents = ${num(v.value)}`);
    }
    out.push(`  4. × multiplier ${num(v.multiplier)} = ${num(v.points)} points`);
    out.push(
      `  ${percent(v.level)} interval of the score: ${num(v.lo, 4)} to ${num(v.hi, 4)}` +
        ` (${num(v.points_lo, 4)} to ${num(v.points_hi, 4)} points; ${v.interval_text})`,
    );
    out.push("");
  }

  out.push(`Total: ${t.sections.map((s) => `${s.section} ${num(s.weighted)}`).join(" + ")}`);
  out.push(`     = ${num(t.total, 12)} → ${two(t.total)} at the published precision`);
  if (t.published.length === 0) out.push("Published: no edition printed this country-year");
  for (const p of t.published)
    out.push(
      `Published: edition ${p.edition} (${p.published_on}) ${two(p.value)}: ${p.matches ? "matches" : "DIFFERS"} (computed − published = ${num(p.difference, 12)})`,
    );
  if (t.previous_year !== null) {
    out.push("");
    const delta = t.change!;
    out.push(
      `Changes from ${t.previous_year} (${num(t.previous_total)} → ${num(t.total)}, ${signed(delta)})${t.crosses_break ? "; the methodology changed between these years" : ""}:`,
    );
    if (t.changes.length === 0) out.push("  no indicator changed");
    else
      out.push(
        ...textTable(
          ["indicator", "from", "to", "points", "kind"],
          t.changes.map((c) => [
            c.indicator,
            c.from || "(none)",
            c.to,
            `${num(c.points_from)} → ${num(c.points_to)}`,
            c.survey_move ? `${c.survey_move}${c.change ? `; sheet: ${c.change}` : ""}` : (c.change ?? ""),
          ]),
        ).map((l) => "  " + l),
      );
  }
  return out.join("\n") + "\n";
}
