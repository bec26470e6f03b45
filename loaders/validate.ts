// Cross-file rules: what a single row schema cannot see. Each rule returns Problems (file, row,
// column, message) and never throws; project.ts collects them from every file before deciding.
import { problem, type Problem, type ProblemVars } from "./problems.ts";
import {
  CHANGE_KINDS,
  ambiguousComma,
  NA,
  SURVEY_VALUE,
  parseDecimal,
  type Claim,
  type Codebook,
  type Country,
  type Edition,
  type SheetAnswer,
  type SurveyResponse,
} from "./schema.ts";
import { answerWord, pointsRange } from "./score.ts";
import { answerWords, changeIn, CHANGE_RU } from "./workbook/words.ts";
import { aggregateSurvey } from "./survey.ts";
import type { StringKey } from "./shared/strings/index.ts";

/** Finds the line of a value in a parsed YAML file by its path (deepest existing node), or null. */
export type Locate = (path: (string | number)[]) => number | null;

export interface CodebookFile {
  file: string;
  codebook: Codebook;
  locate?: Locate;
}

type Lined<T> = T & { line: number };

/**
 * Every row whose key (the values of `keys`) an earlier row already has, in file order: with the first
 * row of that key, and how many rows of it there are up to this one (2 for the first repeat).
 */
export function repeats<T extends object>(rows: T[], keys: (keyof T & string)[]): { row: T; first: T; n: number }[] {
  // A map by key, one pass: called once per file (every survey three times), where a table per file costs more than the file.
  const seen = new Map<unknown, { first: T; n: number }>();
  const out: { row: T; first: T; n: number }[] = [];
  for (const row of rows) {
    const key = keys.length === 1 ? row[keys[0]!] : keys.map((k) => String(row[k])).join("\u0000");
    const got = seen.get(key);
    if (got === undefined) seen.set(key, { first: row, n: 1 });
    else out.push({ row, first: got.first, n: ++got.n });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Which codebook governs a year

/** `2019–2019`, `2020–` (open-ended). */
export const yearsText = (cb: Codebook) => `${cb.years.from}–${cb.years.to ?? ""}`;
const versionsText = (codebooks: Codebook[]) => codebooks.map((c) => `${c.version} ${yearsText(c)}`).join(", ");

export const governs = (cb: Codebook, year: number) => year >= cb.years.from && (cb.years.to === null || year <= cb.years.to);

/** The one codebook version governing a data year; undefined when none or more than one does. */
export function codebookFor(codebooks: Codebook[], year: number): Codebook | undefined {
  const found = codebooks.filter((c) => governs(c, year));
  return found.length === 1 ? found[0] : undefined;
}

/** The governing codebook of a file's year, or a problem saying why there is not exactly one. */
export function governingCodebook(file: string, year: number, codebooks: Codebook[]): { codebook?: Codebook; problem?: Problem } {
  const found = codebooks.filter((c) => governs(c, year));
  if (found.length === 1) return { codebook: found[0] };
  if (found.length > 0) return { problem: problem("problem.codebook.many_govern", { year, versions: versionsText(found) }, { file }) };
  if (codebooks.length === 0) return { problem: problem("problem.codebook.none_governs_no_versions", { year }, { file }) };
  return { problem: problem("problem.codebook.none_governs", { year, versions: versionsText(codebooks) }, { file }) };
}

// ---------------------------------------------------------------------------------------------
// Codebooks

const RESERVED_VALUES = [NA, SURVEY_VALUE];

/** Internal consistency of each codebook, and of the versions together (years, `previous`). */
export function validateCodebooks(files: CodebookFile[]): Problem[] {
  const problems: Problem[] = [];
  for (const { file, codebook: cb, locate } of files) {
    const at = (path: (string | number)[], key: StringKey, vars: ProblemVars) =>
      problems.push(problem(key, vars, { file, row: locate?.(path) ?? null, column: path.join(".") }));

    const base = file.split("/").pop()!.replace(/\.ya?ml$/i, "");
    if (base !== cb.version) at(["version"], "problem.codebook.version_mismatch", { version: cb.version, name: file.split("/").pop()!, expected: base });
    if (cb.years.to !== null && cb.years.to < cb.years.from)
      at(["years", "to"], "problem.codebook.years_order", { to: cb.years.to, from: cb.years.from });

    const sections = new Map<string, number>();
    cb.sections.forEach((s, i) => {
      const first = sections.get(s.id);
      if (first !== undefined) at(["sections", i, "id"], "problem.codebook.section_twice", { id: s.id, first });
      else sections.set(s.id, i);
    });
    const questions = new Map<string, number>();
    cb.survey?.questions.forEach((q, i) => {
      const first = questions.get(q.id);
      if (first !== undefined) at(["survey", "questions", i, "id"], "problem.codebook.question_twice", { id: q.id, first });
      else questions.set(q.id, i);
    });
    const ids = new Map<string, number>();
    cb.indicators.forEach((ind, i) => {
      const first = ids.get(ind.id);
      if (first !== undefined) at(["indicators", i, "id"], "problem.codebook.indicator_twice", { id: ind.id, first });
      else ids.set(ind.id, i);
      if (!sections.has(ind.section))
        at(["indicators", i, "section"], "problem.codebook.unknown_section", { section: ind.section, indicator: ind.id, expected: [...sections.keys()].join(", ") });
      const s = ind.scale;
      if (s.type === "survey") {
        if (!cb.survey) at(["indicators", i, "scale"], "problem.codebook.no_survey_block", { indicator: ind.id });
        else
          s.questions.forEach((q, k) => {
            if (!questions.has(q))
              at(["indicators", i, "scale", "questions", k], "problem.codebook.unknown_question", { question: q, indicator: ind.id, expected: [...questions.keys()].join(", ") });
          });
      }
      if (s.type === "ordinal")
        s.levels.forEach((l, k) => {
          if (RESERVED_VALUES.includes(l.level))
            at(["indicators", i, "scale", "levels", k, "level"], "problem.codebook.reserved_level", { level: l.level, indicator: ind.id });
          // A sheet answer in either language must name exactly one level.
          if (l.level_ru === undefined) return;
          const twin = s.levels.slice(0, k).find((o) => o.level_ru === l.level_ru);
          const english = s.levels.find((o) => o !== l && o.level === l.level_ru);
          if (twin)
            at(["indicators", i, "scale", "levels", k, "level_ru"], "problem.codebook.level_ru_twice", { word: l.level_ru, indicator: ind.id, first: twin.level, second: l.level });
          else if (english)
            at(["indicators", i, "scale", "levels", k, "level_ru"], "problem.codebook.level_ru_english", { word: l.level_ru, indicator: ind.id, level: l.level, other: english.level });
        });
    });
    for (const id of sections.keys())
      if (!cb.indicators.some((ind) => ind.section === id))
        at(["sections", sections.get(id)!], "problem.codebook.empty_section", { id });
    finiteSums(cb, at);
  }

  // Versions together: no two govern the same year; `previous` names a known version.
  const sorted = [...files].sort((a, b) => a.codebook.years.from - b.codebook.years.from);
  const versions = files.map((f) => f.codebook.version);
  sorted.forEach((f, i) => {
    const cb = f.codebook;
    for (const g of sorted.slice(0, i)) {
      const o = g.codebook;
      const overlap = cb.years.from <= (o.years.to ?? Infinity) && o.years.from <= (cb.years.to ?? Infinity);
      if (overlap)
        problems.push(
          problem("problem.codebook.overlap", { years: yearsText(cb), other: o.version, other_years: yearsText(o) }, { file: f.file, row: f.locate?.(["years"]) ?? null, column: "years" }),
        );
    }
    if (cb.previous !== null && !versions.includes(cb.previous))
      problems.push(
        problem("problem.codebook.unknown_previous", { previous: cb.previous, versions: versions.join(", ") }, { file: f.file, row: f.locate?.(["previous"]) ?? null, column: "previous" }),
      );
  });
  return problems;
}

/**
 * Every sum the codebook allows stays finite: each indicator's points, each section's points (any
 * answers, summed in any order) and their span, and the Index (weight × section points, summed).
 * Bounded by sums of absolute values, so no partial sum of the build can overflow to Infinity
 * where check saw nothing wrong.
 */
function finiteSums(cb: Codebook, at: (path: (string | number)[], key: StringKey, vars: ProblemVars) => void): void {
  const reach = sectionReach(cb); // section → Σ max |points| of its indicators: bounds every partial sum
  const span = new Map<string, number>(); // section → Σ (best − worst): how far minmax normalisation divides
  let fine = true;
  cb.indicators.forEach((ind, i) => {
    const { worst, best } = pointsRange(ind);
    if (!Number.isFinite(worst) || !Number.isFinite(best)) {
      const s = ind.scale;
      if (s.type === "survey") at(["indicators", i, "scale"], "problem.codebook.multiplier_too_large", { multiplier: String(s.multiplier), indicator: ind.id });
      else at(["indicators", i, "scale"], "problem.codebook.points_too_large", { indicator: ind.id });
      fine = false;
      return;
    }
    span.set(ind.section, (span.get(ind.section) ?? 0) + (best - worst));
  });
  if (!fine) return;
  let index = 0;
  cb.sections.forEach((s, k) => {
    const r = reach.get(s.id) ?? 0;
    if (!Number.isFinite(r) || !Number.isFinite(span.get(s.id) ?? 0)) {
      at(["sections", k], "problem.codebook.section_too_large", { id: s.id });
      fine = false;
    }
    index += Math.abs(s.weight) * r;
  });
  if (fine && !Number.isFinite(index))
    at(["sections"], "problem.codebook.index_too_large", {});
}

/** Σ over its indicators of the largest |points| each can give, per section. */
function sectionReach(cb: Codebook): Map<string, number> {
  const reach = new Map<string, number>();
  for (const ind of cb.indicators) {
    const { worst, best } = pointsRange(ind);
    reach.set(ind.section, (reach.get(ind.section) ?? 0) + Math.max(Math.abs(worst), Math.abs(best)));
  }
  return reach;
}

/** The largest |Index| the codebook allows with each section's weight multiplied by `multiplier(section)`. */
export function indexReach(cb: Codebook, multiplier: (section: string) => number = () => 1): number {
  const reach = sectionReach(cb);
  return cb.sections.reduce((sum, s) => sum + Math.abs(s.weight) * multiplier(s.id) * (reach.get(s.id) ?? 0), 0);
}

// ---------------------------------------------------------------------------------------------
// Sheets


export interface SheetInput {
  file: string;
  country: string;
  year: number;
  answers: Lined<SheetAnswer>[];
  /** Indicator ids of every record as written (also of rows that failed the row schema); null when rows could not all be read. */
  indicators: { id: string; line: number }[] | null;
}

/**
 * Checks a sheet against its codebook. `surveyFile` is the survey file of the same country-year if
 * one exists (needed by survey-scale indicators).
 */
export function validateSheet(sheet: SheetInput, codebook: Codebook, surveyFile: string | null): Problem[] {
  const problems: Problem[] = [];
  const { file } = sheet;
  const byId = new Map(codebook.indicators.map((i) => [i.id, i]));
  const put = (row: number | null, column: string | null, key: StringKey, vars: ProblemVars) => problems.push(problem(key, vars, { file, row, column }));

  for (const a of sheet.answers) {
    const ind = byId.get(a.indicator);
    if (!ind) {
      put(a.line, "indicator", "problem.sheet.unknown_indicator", { indicator: a.indicator, version: codebook.version });
      continue;
    }
    const v = a.value;
    if (v === NA) {
      if (!ind.excludable) put(a.line, "value", "problem.sheet.not_excludable", { indicator: ind.id, na: NA });
      else if (a.note.trim() === "") put(a.line, "note", "problem.sheet.na_needs_note", { na: NA });
      continue;
    }
    const s = ind.scale;
    // Every word the readers take, in both languages (words.ts): the expert may have written either. Said only of a wrong answer.
    const expected = () => ({ value: v, indicator: ind.id, expected: answerWords(ind, "en").join(", "), expected_ru: answerWords(ind, "ru").join(", ") });
    switch (s.type) {
      case "binary":
        if (v !== "yes" && v !== "no") put(a.line, "value", "problem.sheet.invalid_answer", expected());
        break;
      case "ordinal":
        if (!s.levels.some((l) => l.level === v))
          put(a.line, "value", s.levels.some((l) => l.level_ru !== undefined) ? "problem.sheet.invalid_level_ru" : "problem.sheet.invalid_level", expected());
        break;
      case "ratio": {
        const x = parseDecimal(v);
        const range = () => ({ value: v, indicator: ind.id, min: String(s.min), max: String(s.max) });
        if (x === undefined) put(a.line, "value", ambiguousComma(v) ? "problem.sheet.ambiguous" : "problem.sheet.not_a_number", range());
        // A number read from the cell (1,5 and 1.5 alike): written in the reader's decimal notation.
        else if (x < s.min || x > s.max) put(a.line, "value", "problem.sheet.out_of_range", { ...range(), value: { en: v, ru: answerWord(s, v, "ru") } });
        break;
      }
      case "survey": {
        if (v !== SURVEY_VALUE)
          put(a.line, "value", "problem.sheet.survey_value", { value: v, indicator: ind.id, survey: SURVEY_VALUE });
        else if (surveyFile === null) put(a.line, "value", "problem.sheet.no_survey_file", { indicator: ind.id, country: sheet.country, year: sheet.year });
        break;
      }
    }
  }

  if (sheet.indicators) {
    for (const { row, first, n } of repeats(sheet.indicators, ["id"]))
      put(row.line, "indicator", n === 2 ? "problem.sheet.indicator_twice" : "problem.sheet.indicator_times", { indicator: row.id, n, first: first.line });
    const written = new Set(sheet.indicators.map((x) => x.id));
    for (const ind of codebook.indicators)
      if (!written.has(ind.id)) put(null, null, "problem.sheet.indicator_missing", { indicator: ind.id, version: codebook.version });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Surveys

export interface SurveyInput {
  file: string;
  country: string;
  year: number;
  responses: Lined<SurveyResponse>[];
  /** False when some rows failed to read: role coverage is then not judged (it would be a false alarm). */
  complete?: boolean;
}

export function validateSurvey(survey: SurveyInput, codebook: Codebook): Problem[] {
  const problems: Problem[] = [];
  const { file } = survey;
  const put = (row: number | null, column: string | null, key: StringKey, vars: ProblemVars) => problems.push(problem(key, vars, { file, row, column }));
  const block = codebook.survey;
  if (!block) {
    put(null, null, "problem.survey.no_block", { version: codebook.version, year: survey.year });
    return problems;
  }
  const questions = block.questions.map((q) => q.id);
  const roles = block.roles as string[];
  for (const r of survey.responses) {
    if (!questions.includes(r.question))
      put(r.line, "question", "problem.survey.unknown_question", { question: r.question, version: codebook.version, expected: questions.join(", ") });
    if (!roles.includes(r.role))
      put(r.line, "role", "problem.survey.unknown_role", { role: r.role, version: codebook.version, expected: roles.join(", ") });
  }
  // A respondent's role is the one on their first row.
  for (const { row: r, first } of repeats(survey.responses, ["respondent"]))
    if (r.role !== first.role)
      put(r.line, "role", "problem.survey.two_roles", { respondent: r.respondent, role: r.role, first_role: first.role, first: first.line });
  for (const { row: r, first } of repeats(survey.responses, ["respondent", "question"]))
    put(r.line, "question", "problem.survey.answered_twice", { respondent: r.respondent, question: r.question, first: first.line });
  // Each survey-scale indicator needs ratings from every surveyed role: its score is the mean of
  // the role means, and a role without any rating would silently leave it (a partial survey).
  const unscored = new Set<string>(); // survey indicators with no rating at all (said once, not per question)
  for (const ind of survey.complete === false ? [] : codebook.indicators) {
    if (ind.scale.type !== "survey") continue;
    const qs = new Set(ind.scale.questions);
    const rated = new Set(survey.responses.filter((r) => qs.has(r.question) && r.rating !== null).map((r) => r.role as string));
    const missing = roles.filter((role) => !rated.has(role));
    const vars = { questions: [...qs].join(", "), indicator: ind.id, roles: roles.join(", ") };
    if (missing.length === roles.length) {
      unscored.add(ind.id);
      put(null, "rating", "problem.survey.no_rating", vars);
    } else if (missing.length)
      put(null, "role", "problem.survey.missing_roles", { ...vars, missing: missing.join(", "), present: roles.length - missing.length, roles_count: roles.length });
  }
  // A question nobody rated leaves its indicator averaging the other questions without a word.
  if (survey.complete !== false)
    for (const q of block.questions) {
      if (survey.responses.some((r) => r.question === q.id && r.rating !== null)) continue;
      const using = codebook.indicators.filter((i) => i.scale.type === "survey" && i.scale.questions.includes(q.id)).map((i) => i.id);
      const scored = using.filter((id) => !unscored.has(id));
      if (scored.length) put(null, "question", "problem.survey.question_unanswered", { question: q.id, indicators: scored.join(", "), version: codebook.version });
    }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Countries, published editions and claims

export function validateCountries(file: string, countries: Lined<Country>[]): Problem[] {
  return repeats(countries, ["code"]).map(({ row: c, first }) => problem("problem.countries.twice", { code: c.code, first: first.line }, { file, row: c.line, column: "code" }));
}

const unknownCountry = (file: string, row: number, code: string) => problem("problem.unknown_country", { code }, { file, row, column: "country" });

export function validateEditions(file: string, editions: Lined<Edition>[], countries: Set<string> | null): Problem[] {
  const problems: Problem[] = [];
  for (const e of editions)
    if (countries && !countries.has(e.country)) problems.push(unknownCountry(file, e.line, e.country));
  for (const { row: e, first } of repeats(editions, ["edition", "country", "year"]))
    problems.push(problem("problem.editions.second_total", { edition: e.edition, country: e.country, year: e.year, first: first.line }, { file, row: e.line, column: "index" }));
  return problems;
}

export function validateClaims(file: string, claims: Lined<Claim>[], countries: Set<string> | null, codebooks: Codebook[]): Problem[] {
  const problems: Problem[] = [];
  for (const { row: c, first } of repeats(claims, ["id"]))
    problems.push(problem("problem.claims.id_twice", { id: c.id, first: first.line }, { file, row: c.line, column: "id" }));
  for (const c of claims) {
    if (countries && c.country !== "" && !countries.has(c.country))
      problems.push(unknownCountry(file, c.line, c.country));
    const cb = codebookFor(codebooks, c.year);
    // A component is one id, or several joined by "+" that the statement names together.
    for (const part of c.component === "" ? [] : c.component.split("+").map((x) => x.trim()))
      if (cb && !cb.sections.some((s) => s.id === part) && !cb.indicators.some((i) => i.id === part))
        problems.push(problem("problem.claims.unknown_component", { component: part, version: cb.version, year: c.year }, { file, row: c.line, column: "component" }));
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// A year against the year before: the reasons the sheets state

/** The survey rating that may move from one year to the next without a note, when the codebook states none. */
export const DEFAULT_SURVEY_MOVE_THRESHOLD = 1;

/** One country-year as the year-on-year rules see it. */
export interface CountryYear {
  country: string;
  file: string;
  year: number;
  codebook: Codebook;
  answers: Lined<SheetAnswer>[];
  /** The survey's responses, or null without a survey file. */
  survey: SurveyResponse[] | null;
}

/** An indicator's survey rating (0–10) under its codebook's aggregation; null when nobody rated its questions. */
export function surveyRating(cy: CountryYear, indicator: string): number | null {
  const ind = cy.codebook.indicators.find((i) => i.id === indicator);
  const block = cy.codebook.survey;
  if (!ind || ind.scale.type !== "survey" || !block || !cy.survey) return null;
  const qs = new Set(ind.scale.questions);
  if (!cy.survey.some((r) => qs.has(r.question) && r.rating !== null)) return null;
  return aggregateSurvey(cy.survey, ind.scale.questions, block.aggregation).value;
}

/**
 * surveyRating, computed once per country-year and indicator: a year is compared with the one before
 * and with the one after, and each rating aggregates the whole survey.
 */
const ratings = new WeakMap<CountryYear, { survey: CountryYear["survey"]; codebook: Codebook; of: Map<string, number | null> }>();
function rated(cy: CountryYear, indicator: string): number | null {
  let known = ratings.get(cy);
  // Computed from the survey and codebook it now has (project.ts attaches the survey after reading).
  if (!known || known.survey !== cy.survey || known.codebook !== cy.codebook) ratings.set(cy, (known = { survey: cy.survey, codebook: cy.codebook, of: new Map() }));
  let r = known.of.get(indicator);
  if (r === undefined) known.of.set(indicator, (r = surveyRating(cy, indicator)));
  return r;
}

export const surveyMoveThreshold = (cb: Codebook): number => cb.survey?.review?.survey_move_threshold ?? DEFAULT_SURVEY_MOVE_THRESHOLD;

/**
 * The `change` and `note` cells of a sheet against the same country's sheet of the year before: a
 * changed answer needs a reason; a reason on an unchanged answer, or last year's note on a changed
 * one, was most likely copied with last year's file. A survey-scored indicator's answer is its
 * rating, which moves a little every year: only a move past the codebook's threshold needs a note.
 * Indicators new in this year's codebook have nothing to compare with and are left alone, and so
 * are answers that are "n/a" in one of the two years (no data then: that is not a changed answer).
 */
export function validateChanges(current: CountryYear, previous: CountryYear): Problem[] {
  const problems: Problem[] = [];
  const before = new Map(previous.answers.map((a) => [a.indicator, a]));
  let indicators: Map<string, Codebook["indicators"][number]> | undefined; // by id, made at the first answer
  const { file, year } = current;
  const prev_year = previous.year;
  const at = (a: SheetAnswer & { line: number }, column: string) => ({ file, row: a.line, column });
  // The answers and kinds of change in the words of the reader's sheet (Russian: да, закон), English as the data hold them.
  const word = (ind: Codebook["indicators"][number], v: string) => ({ en: v, ru: answerWord(ind.scale, v, "ru") });
  for (const a of current.answers) {
    const b = before.get(a.indicator);
    const ind = (indicators ??= new Map(current.codebook.indicators.map((i) => [i.id, i]))).get(a.indicator);
    if (!b || !ind) continue;
    const sameNote = a.note.trim() !== "" && a.note.trim() === b.note.trim();
    if (ind.scale.type === "survey") {
      if (a.value !== SURVEY_VALUE || b.value !== SURVEY_VALUE) continue;
      const now = rated(current, a.indicator);
      const then = rated(previous, a.indicator);
      if (now === null || then === null) continue;
      if (now === then) {
        if (a.change !== null) problems.push(problem("problem.change.stale_reason_survey", { indicator: a.indicator, rating: { figure: now }, prev_year, change: { en: a.change, ru: changeIn(a.change, "ru")! } }, at(a, "change")));
        continue;
      }
      const move = { indicator: a.indicator, old: { figure: then }, new: { figure: now }, prev_year, year };
      const threshold = surveyMoveThreshold(current.codebook);
      if (Math.abs(now - then) > threshold && a.note.trim() === "")
        problems.push(problem("problem.change.survey_move_no_note", { ...move, move: { figure: Math.abs(now - then) }, threshold: { figure: threshold }, version: current.codebook.version }, at(a, "note"), "warning"));
      else if (sameNote) problems.push(problem("problem.change.copied_note_survey", move, at(a, "note"), "warning"));
      continue;
    }
    // "n/a" is no answer (it has its own note): data that appear or go missing are the missing-data rule's.
    if ((a.value === NA) !== (b.value === NA)) continue;
    if (a.value === b.value) {
      if (a.change !== null)
        problems.push(problem("problem.change.stale_reason", { indicator: a.indicator, value: word(ind, a.value), prev_year, change: { en: a.change, ru: changeIn(a.change, "ru")! } }, at(a, "change")));
      continue;
    }
    if (a.change !== null && !sameNote) continue; // a changed answer with its reason: nothing to say
    const vars = { indicator: a.indicator, old: word(ind, b.value), new: word(ind, a.value), prev_year, year };
    if (a.change === null) problems.push(problem("problem.change.no_reason", { ...vars, kinds: { en: CHANGE_KINDS.join(", "), ru: CHANGE_KINDS.map((k) => CHANGE_RU[k]).join(", ") } }, at(a, "change")));
    if (sameNote) problems.push(problem("problem.change.copied_note", vars, at(a, "note"), "warning"));
  }
  return problems;
}
