// Cross-file rules: what a single row schema cannot see. Each rule returns Problems (file, row,
// column, message) and never throws; project.ts collects them from every file before deciding.
import * as aq from "arquero";
import type { Problem } from "./problems.ts";
import {
  AMBIGUOUS_HINT,
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
import { expectedAnswers, pointsRange } from "./score.ts";

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
  if (rows.length === 0) return [];
  return aq
    .from(rows.map((row, i) => ({ i, ...Object.fromEntries(keys.map((k) => [k, row[k]])) })))
    .groupby(keys)
    .derive({ n: () => aq.op.row_number(), first: (d: any) => aq.op.first_value(d.i) })
    .filter((d: any) => d.n > 1)
    .objects()
    .map((d: any) => ({ row: rows[d.i], first: rows[d.first], n: d.n }));
}

// ---------------------------------------------------------------------------------------------
// Which codebook governs a year

/** `2019–2019`, `2020–` (open-ended). */
export const yearsText = (cb: Codebook) => `${cb.years.from}–${cb.years.to ?? ""}`;
const versionsText = (codebooks: Codebook[]) =>
  codebooks.length ? codebooks.map((c) => `${c.version} ${yearsText(c)}`).join(", ") : "none in data/methodology/";

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
  const message =
    found.length === 0
      ? `no methodology governs the year ${year} (versions: ${versionsText(codebooks)})`
      : `the year ${year} is governed by more than one methodology (${versionsText(found)}); exactly one must govern it`;
  return { problem: { file, row: null, column: null, message } };
}

// ---------------------------------------------------------------------------------------------
// Codebooks

const RESERVED_VALUES = [NA, SURVEY_VALUE];

/** Internal consistency of each codebook, and of the versions together (years, `previous`). */
export function validateCodebooks(files: CodebookFile[]): Problem[] {
  const problems: Problem[] = [];
  for (const { file, codebook: cb, locate } of files) {
    const at = (path: (string | number)[], message: string) =>
      problems.push({ file, row: locate?.(path) ?? null, column: path.join("."), message });

    const base = file.split("/").pop()!.replace(/\.ya?ml$/i, "");
    if (base !== cb.version) at(["version"], `version "${cb.version}" does not match the file name ${file.split("/").pop()} (expected version: ${base})`);
    if (cb.years.to !== null && cb.years.to < cb.years.from)
      at(["years", "to"], `years.to ${cb.years.to} is before years.from ${cb.years.from}`);

    const sections = new Map<string, number>();
    cb.sections.forEach((s, i) => {
      const first = sections.get(s.id);
      if (first !== undefined) at(["sections", i, "id"], `section ${s.id} appears twice (first as sections.${first})`);
      else sections.set(s.id, i);
    });
    const questions = new Map<string, number>();
    cb.survey?.questions.forEach((q, i) => {
      const first = questions.get(q.id);
      if (first !== undefined) at(["survey", "questions", i, "id"], `survey question ${q.id} appears twice (first as survey.questions.${first})`);
      else questions.set(q.id, i);
    });
    const ids = new Map<string, number>();
    cb.indicators.forEach((ind, i) => {
      const first = ids.get(ind.id);
      if (first !== undefined) at(["indicators", i, "id"], `indicator ${ind.id} appears twice (first as indicators.${first})`);
      else ids.set(ind.id, i);
      if (!sections.has(ind.section))
        at(["indicators", i, "section"], `section "${ind.section}" of ${ind.id} is not among the sections (expected: ${[...sections.keys()].join(", ")})`);
      const s = ind.scale;
      if (s.type === "survey") {
        if (!cb.survey) at(["indicators", i, "scale"], `${ind.id} is scored from the survey, but the codebook has no survey block`);
        else
          s.questions.forEach((q, k) => {
            if (!questions.has(q))
              at(["indicators", i, "scale", "questions", k], `question "${q}" of ${ind.id} is not in the survey block (expected: ${[...questions.keys()].join(", ")})`);
          });
      }
      if (s.type === "ordinal")
        s.levels.forEach((l, k) => {
          if (RESERVED_VALUES.includes(l.level))
            at(["indicators", i, "scale", "levels", k, "level"], `level "${l.level}" of ${ind.id} is a reserved answer; name the level differently`);
          // A sheet answer in either language must name exactly one level.
          if (l.level_ru === undefined) return;
          const twin = s.levels.slice(0, k).find((o) => o.level_ru === l.level_ru);
          const english = s.levels.find((o) => o !== l && o.level === l.level_ru);
          if (twin)
            at(["indicators", i, "scale", "levels", k, "level_ru"], `Russian level "${l.level_ru}" of ${ind.id} is given to both "${twin.level}" and "${l.level}"; each level needs its own word`);
          else if (english)
            at(["indicators", i, "scale", "levels", k, "level_ru"], `Russian level "${l.level_ru}" of ${ind.id} (for "${l.level}") is the level "${english.level}"; choose a word no other level uses`);
        });
    });
    for (const id of sections.keys())
      if (!cb.indicators.some((ind) => ind.section === id))
        at(["sections", sections.get(id)!], `section ${id} has no indicators`);
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
        problems.push({
          file: f.file,
          row: f.locate?.(["years"]) ?? null,
          column: "years",
          message: `years ${yearsText(cb)} overlap methodology ${o.version} (${yearsText(o)}); every year must be governed by exactly one version`,
        });
    }
    if (cb.previous !== null && !versions.includes(cb.previous))
      problems.push({
        file: f.file,
        row: f.locate?.(["previous"]) ?? null,
        column: "previous",
        message: `previous version "${cb.previous}" is not in data/methodology/ (versions: ${versions.join(", ")})`,
      });
  });
  return problems;
}

const LARGEST = "the largest finite number (about 1.8e308)";

/**
 * Every sum the codebook allows stays finite: each indicator's points, each section's points (any
 * answers, summed in any order) and their span, and the Index (weight × section points, summed).
 * Bounded by sums of absolute values, so no partial sum of the build can overflow to Infinity
 * where check saw nothing wrong.
 */
function finiteSums(cb: Codebook, at: (path: (string | number)[], message: string) => void): void {
  const reach = sectionReach(cb); // section → Σ max |points| of its indicators: bounds every partial sum
  const span = new Map<string, number>(); // section → Σ (best − worst): how far minmax normalisation divides
  let fine = true;
  cb.indicators.forEach((ind, i) => {
    const { worst, best } = pointsRange(ind);
    if (!Number.isFinite(worst) || !Number.isFinite(best)) {
      const s = ind.scale;
      at(
        ["indicators", i, "scale"],
        s.type === "survey"
          ? `the survey multiplier ${s.multiplier} of ${ind.id} gives up to ${s.multiplier} × 10 points, beyond ${LARGEST}; use a smaller multiplier`
          : `the points of ${ind.id} reach beyond ${LARGEST}; use smaller points`,
      );
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
      at(["sections", k], `the points of section ${s.id}, summed over its indicators (or from worst to best), can reach beyond ${LARGEST}; use smaller points`);
      fine = false;
    }
    index += Math.abs(s.weight) * r;
  });
  if (fine && !Number.isFinite(index))
    at(["sections"], `the Index, weight × section points summed over the sections, can reach beyond ${LARGEST}; use smaller weights or points`);
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
  const put = (row: number | null, column: string | null, message: string) => problems.push({ file, row, column, message });

  for (const a of sheet.answers) {
    const ind = byId.get(a.indicator);
    if (!ind) {
      put(a.line, "indicator", `indicator "${a.indicator}" is not in methodology ${codebook.version}`);
      continue;
    }
    const v = a.value;
    if (v === NA) {
      if (!ind.excludable) put(a.line, "value", `${ind.id} may not be excluded ("${NA}"); give an answer`);
      else if (a.note.trim() === "") put(a.line, "note", `"${NA}" needs a note saying why the data are missing`);
      continue;
    }
    const s = ind.scale;
    switch (s.type) {
      case "binary":
        if (v !== "yes" && v !== "no") put(a.line, "value", `"${v}" is not a valid answer to ${ind.id} (expected: ${expectedAnswers(ind)})`);
        break;
      case "ordinal":
        if (!s.levels.some((l) => l.level === v)) put(a.line, "value", `"${v}" is not a level of ${ind.id} (expected: ${expectedAnswers(ind)})`);
        break;
      case "ratio": {
        const x = parseDecimal(v);
        if (x === undefined)
          put(a.line, "value", ambiguousComma(v) ? `"${v}" is ambiguous for ${ind.id}: ${AMBIGUOUS_HINT}` : `"${v}" is not a number (${ind.id} expects ${expectedAnswers(ind)})`);
        else if (x < s.min || x > s.max) put(a.line, "value", `"${v}" is outside the range of ${ind.id} (expected ${expectedAnswers(ind)})`);
        break;
      }
      case "survey": {
        if (v !== SURVEY_VALUE)
          put(a.line, "value", `"${v}" is not allowed for ${ind.id}, which is scored from the survey (expected: ${SURVEY_VALUE})`);
        else if (surveyFile === null)
          put(
            a.line,
            "value",
            `${ind.id} is scored from the survey, but there is no survey file for ${sheet.country} ${sheet.year} (expected data/surveys/${sheet.year}/${sheet.country}.csv or .xlsx)`,
          );
        break;
      }
    }
  }

  if (sheet.indicators) {
    for (const { row, first, n } of repeats(sheet.indicators, ["id"]))
      put(row.line, "indicator", `indicator ${row.id} appears ${n === 2 ? "twice" : `${n} times`} (first on row ${first.line})`);
    const written = new Set(sheet.indicators.map((x) => x.id));
    for (const ind of codebook.indicators)
      if (!written.has(ind.id)) put(null, null, `indicator ${ind.id} is missing (methodology ${codebook.version} requires every indicator once)`);
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
  const put = (row: number | null, column: string | null, message: string) => problems.push({ file, row, column, message });
  const block = codebook.survey;
  if (!block) {
    put(null, null, `methodology ${codebook.version} has no survey, so no survey file is expected for ${survey.year}`);
    return problems;
  }
  const questions = block.questions.map((q) => q.id);
  const roles = block.roles as string[];
  for (const r of survey.responses) {
    if (!questions.includes(r.question))
      put(r.line, "question", `question "${r.question}" is not in the survey of methodology ${codebook.version} (expected: ${questions.join(", ")})`);
    if (!roles.includes(r.role))
      put(r.line, "role", `role "${r.role}" is not surveyed under methodology ${codebook.version} (expected: ${roles.join(", ")})`);
  }
  // A respondent's role is the one on their first row.
  for (const { row: r, first } of repeats(survey.responses, ["respondent"]))
    if (r.role !== first.role)
      put(r.line, "role", `respondent ${r.respondent} is "${r.role}" here but "${first.role}" on row ${first.line} (a respondent has one role)`);
  for (const { row: r, first } of repeats(survey.responses, ["respondent", "question"]))
    put(r.line, "question", `respondent ${r.respondent} answered ${r.question} twice (first on row ${first.line})`);
  // Each survey-scale indicator needs ratings from every surveyed role: its score is the mean of
  // the role means, and a role without any rating would silently leave it (a partial survey).
  for (const ind of survey.complete === false ? [] : codebook.indicators) {
    if (ind.scale.type !== "survey") continue;
    const qs = new Set(ind.scale.questions);
    const rated = new Set(survey.responses.filter((r) => qs.has(r.question) && r.rating !== null).map((r) => r.role as string));
    const missing = roles.filter((role) => !rated.has(role));
    if (missing.length === roles.length)
      put(null, "rating", `no rating on ${[...qs].join(", ")}, so ${ind.id} has no survey score (expected ratings from: ${roles.join(", ")})`);
    else if (missing.length)
      put(null, "role", `no ${missing.join(", ")} rated ${[...qs].join(", ")}, so ${ind.id} would average only ${roles.length - missing.length} of the ${roles.length} roles (expected ratings from: ${roles.join(", ")})`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Countries, published editions and claims

export function validateCountries(file: string, countries: Lined<Country>[]): Problem[] {
  return repeats(countries, ["code"]).map(({ row: c, first }) => ({
    file,
    row: c.line,
    column: "code",
    message: `country ${c.code} appears twice (first on row ${first.line})`,
  }));
}

const unknownCountry = (code: string) => `country "${code}" is not in data/countries.csv`;

export function validateEditions(file: string, editions: Lined<Edition>[], countries: Set<string> | null): Problem[] {
  const problems: Problem[] = [];
  for (const e of editions)
    if (countries && !countries.has(e.country)) problems.push({ file, row: e.line, column: "country", message: unknownCountry(e.country) });
  for (const { row: e, first } of repeats(editions, ["edition", "country", "year"]))
    problems.push({ file, row: e.line, column: "index", message: `edition ${e.edition} has a second total for ${e.country} ${e.year} (first on row ${first.line})` });
  return problems;
}

export function validateClaims(file: string, claims: Lined<Claim>[], countries: Set<string> | null, codebooks: Codebook[]): Problem[] {
  const problems: Problem[] = [];
  for (const { row: c, first } of repeats(claims, ["id"]))
    problems.push({ file, row: c.line, column: "id", message: `claim id "${c.id}" appears twice (first on row ${first.line})` });
  for (const c of claims) {
    if (countries && c.country !== "" && !countries.has(c.country))
      problems.push({ file, row: c.line, column: "country", message: unknownCountry(c.country) });
    const cb = codebookFor(codebooks, c.year);
    // A component is one id, or several joined by "+" that the statement names together.
    for (const part of c.component === "" ? [] : c.component.split("+").map((x) => x.trim()))
      if (cb && !cb.sections.some((s) => s.id === part) && !cb.indicators.some((i) => i.id === part))
        problems.push({
          file,
          row: c.line,
          column: "component",
          message: `component "${part}" is neither a section nor an indicator of methodology ${cb.version}, which governs ${c.year}`,
        });
  }
  return problems;
}
