// Reads the whole data/ tree, applies every row and cross-file rule, and returns one typed Project,
// or throws one InputError listing every problem in every file. Never a partial result.
import { lstat, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { LineCounter, isNode, parseDocument } from "yaml";
import type { z } from "zod";
import { InputError, append, capProblems, isWarning, problem, sortProblems, type Problem, type ProblemVars, type Where } from "./problems.ts";
import { issueProblem, valueAt } from "./issues.ts";
import type { StringKey } from "./shared/strings/index.ts";
import { readInputFile } from "./input-file.ts";
import { parseYaml, readYamlText, yamlData } from "./yaml.ts";
import { SENSITIVITY_FILE } from "./sensitivity/config.ts";
import { parseRows, readTable, scanTable, sharingTexts, type Columns } from "./read.ts";
import { readSheet, readSurvey, tableRead, type TableRead } from "./workbook/inputs.ts";
import {
  ClaimRow,
  Codebook,
  SensitivityConfig,
  CountryRow,
  EditionRow,
  SheetRow,
  SurveyRow,
  type Claim,
  type Country,
  type Edition,
  type SheetAnswer,
  type SurveyResponse,
} from "./schema.ts";
import {
  governingCodebook,
  indexReach,
  validateClaims,
  validateCodebooks,
  validateCountries,
  validateEditions,
  validateSheet,
  validateSurvey,
  validateChanges,
  type CodebookFile,
  type CountryYear,
  type Locate,
} from "./validate.ts";
import { inTurn } from "./in-turn.ts";

export { codebookFor } from "./validate.ts";

export interface Sheet {
  file: string;
  country: string;
  year: number;
  methodology: string; // version of the governing codebook
  answers: (SheetAnswer & { line: number })[]; // in file order
}
export interface SurveyFile {
  file: string;
  country: string;
  year: number;
  responses: (SurveyResponse & { line: number })[]; // in file order
}
export interface Project {
  root: string;
  countries: Country[];
  editions: (Edition & { line: number })[];
  claims: (Claim & { line: number })[];
  codebooks: Codebook[]; // sorted by years.from
  sheets: Sheet[]; // sorted by country, then year
  surveys: SurveyFile[]; // sorted by country, then year
  files: string[]; // every input file read, relative to root, sorted
}

export interface LoadOptions {
  /**
   * Check only these inputs (paths relative to root, or absolute; a folder selects every input in
   * it). Countries and codebooks are always read: the selected files are checked against them.
   */
  files?: string[];
}

export interface CheckStats {
  sheets: number;
  surveys: number;
  other: number; // countries, codebooks, editions, claims
  rows: number; // table rows read (header excluded)
}
export interface CheckResult {
  project: Project | null; // null when there is any problem
  /** Sorted; at most MAX_PROBLEMS_PER_FILE per file, then a line counting the rest of that file's (capProblems). */
  problems: Problem[];
  /** How many problems were found in all, listed or not (warnings included). */
  total: number;
  /** How many of them are warnings (problems.ts Severity): they are printed but leave the project valid. */
  warnings: number;
  stats: CheckStats;
  /** What was read, and is no problem, but the user should know: a CSV decoded as Windows-1251, a column left unread. Sorted. */
  notices: Problem[];
  /**
   * Every sheet and survey that read cleanly (rows all passed their schema) and has its governing
   * codebook, whatever problems there are elsewhere, keyed "CODE/YEAR": what `review` compares,
   * also when the check has errors. Holds the years before the selected ones too.
   */
  years: Map<string, CountryYear>;
}

export const COUNTRIES = "data/countries.csv";
export const EDITIONS = "data/published/editions.csv";
export const CLAIMS = "data/published/claims.csv";
export const METHODOLOGY = "data/methodology";
export const SHEETS = "data/sheets";
export const SURVEYS = "data/surveys";

/** Columns of a table format, derived from its row schema (a field with a default is optional). */
export function columnsOf(schema: z.ZodObject): Columns {
  const required: string[] = [];
  const optional: string[] = [];
  for (const [key, field] of Object.entries(schema.shape))
    ((field as { _zod: { optin?: string } })._zod.optin === undefined ? required : optional).push(key);
  return { required, optional };
}

/** Loads and validates the project; throws InputError with every problem found. */
export async function loadProject(root: string, opts: LoadOptions = {}): Promise<Project> {
  const r = await checkProject(root, opts);
  if (!r.project) {
    const errors = r.problems.filter((p) => !isWarning(p));
    throw new InputError(errors, errors.length + r.total - r.problems.length);
  }
  return r.project;
}

// ---------------------------------------------------------------------------------------------
// Finding the inputs

type Kind = "countries" | "editions" | "claims" | "codebook" | "sheet" | "survey";
interface Input {
  kind: Kind;
  file: string; // relative to root, with "/"
  year?: number; // sheets and surveys: from the folder
  country?: string; // sheets and surveys: from the file name (upper-cased)
}

const TABLE_EXT = /\.(csv|xlsx)$/i;
const CODEBOOK_EXT = /\.ya?ml$/i;
/** Files that may sit beside the inputs without being inputs: notes, editor and OS leftovers, Excel lock files. */
const ignorable = (name: string) => name.startsWith(".") || name.startsWith("~$") || /\.(md|txt)$/i.test(name);
const isSensitivity = (name: string) => /(^|\.)sensitivity\.ya?ml$/i.test(name);

async function kindOf(abs: string): Promise<"file" | "dir" | null> {
  try {
    const s = await stat(abs);
    return s.isDirectory() ? "dir" : "file";
  } catch {
    return null;
  }
}

async function list(abs: string): Promise<{ name: string; dir: boolean }[]> {
  try {
    const entries = await readdir(abs, { withFileTypes: true });
    return entries.map((e) => ({ name: e.name, dir: e.isDirectory() })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

/** Classifies a path relative to root; a problem when it is not an input this tool reads. */
function classify(file: string): Input | Problem {
  if (file === COUNTRIES) return { kind: "countries", file };
  if (file === EDITIONS) return { kind: "editions", file };
  if (file === CLAIMS) return { kind: "claims", file };
  const parts = file.split("/");
  if (parts.length === 3 && `${parts[0]}/${parts[1]}` === METHODOLOGY && CODEBOOK_EXT.test(parts[2]) && !isSensitivity(parts[2]))
    return { kind: "codebook", file };
  if (parts.length === 4 && parts[0] === "data" && (parts[1] === "sheets" || parts[1] === "surveys")) {
    const kind = parts[1] === "sheets" ? "sheet" : "survey";
    const [, , folder, name] = parts;
    if (!/^\d{4}$/.test(folder) || Number(folder) < 1990 || Number(folder) > 2100)
      return problem("problem.files.not_a_year_file", { folder, kind: parts[1]!, name }, { file });
    if (!TABLE_EXT.test(name))
      return problem(kind === "sheet" ? "problem.files.not_a_sheet" : "problem.files.not_a_survey", {}, { file });
    return { kind, file, year: Number(folder), country: name.replace(TABLE_EXT, "").toUpperCase() };
  }
  return problem("problem.files.not_an_input", {}, { file });
}

/** Every input under data/, and problems with files or folders that are misplaced. */
async function discover(root: string): Promise<{ inputs: Input[]; problems: Problem[] }> {
  const inputs: Input[] = [];
  const problems: Problem[] = [];
  const add = (file: string) => {
    const c = classify(file);
    if ("kind" in c) inputs.push(c);
    else problems.push(c);
  };
  if ((await kindOf(path.join(root, "data"))) !== "dir") {
    problems.push(problem("problem.files.no_data", { root }, { file: "data" }));
    return { inputs, problems };
  }
  for (const f of [COUNTRIES, EDITIONS, CLAIMS]) {
    if ((await kindOf(path.join(root, f))) === "file") add(f);
    else problems.push(problem("problem.files.required_missing", {}, { file: f }));
  }
  for (const e of await list(path.join(root, METHODOLOGY)))
    if (!e.dir && CODEBOOK_EXT.test(e.name) && !isSensitivity(e.name)) add(`${METHODOLOGY}/${e.name}`);
  for (const top of [SHEETS, SURVEYS]) {
    for (const y of await list(path.join(root, top))) {
      const rel = `${top}/${y.name}`;
      if (ignorable(y.name)) continue;
      if (!y.dir) {
        problems.push(problem("problem.files.not_in_year_folder", { top, name: y.name }, { file: rel }));
        continue;
      }
      if (!/^\d{4}$/.test(y.name) || Number(y.name) < 1990 || Number(y.name) > 2100) {
        problems.push(problem("problem.files.not_a_year_folder", { folder: y.name, top }, { file: rel }));
        continue;
      }
      const seen = new Map<string, string>(); // country → first file name
      for (const f of await list(path.join(root, rel))) {
        const file = `${rel}/${f.name}`;
        if (ignorable(f.name)) continue;
        if (f.dir) {
          problems.push(problem(top === SHEETS ? "problem.files.unexpected_folder_sheet" : "problem.files.unexpected_folder_survey", { folder: rel }, { file }));
          continue;
        }
        const code = f.name.replace(TABLE_EXT, "").toUpperCase();
        const first = seen.get(code);
        if (TABLE_EXT.test(f.name) && first) {
          problems.push(problem(top === SHEETS ? "problem.files.second_sheet" : "problem.files.second_survey", { country: code, year: y.name, first }, { file }));
          continue;
        }
        if (TABLE_EXT.test(f.name)) seen.set(code, f.name);
        add(file);
      }
    }
  }
  return { inputs, problems };
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Files read at once: enough to keep the disk busy, few enough that their bytes and raw tables do not pile up. */
const FILES_AT_ONCE = 8;

async function readRows<S extends z.ZodObject>(root: string, file: string, schema: S): Promise<TableRead<z.output<S>>> {
  return tableRead(file, await scanTable(root, file, columnsOf(schema)), schema);
}

async function readCodebook(root: string, file: string): Promise<{ codebook?: Codebook; locate?: Locate; problems: Problem[] }> {
  const read = await readInputFile(path.join(root, file), file, root);
  if ("problem" in read) return { problems: [read.problem] };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(read.data);
  } catch {
    return { problems: [problem("problem.files.not_utf8", {}, { file })] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length)
    return {
      problems: doc.errors.map((e) => problem("problem.files.not_yaml", { reason: e.message.split("\n")[0]! }, { file, row: lineCounter.linePos(e.pos[0]).line })),
    };
  const locate: Locate = (p) => {
    for (let k = p.length; k >= 0; k--) {
      const node = k === 0 ? doc.contents : doc.getIn(p.slice(0, k), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return null;
  };
  const js = yamlData(doc, file);
  if ("problem" in js) return { problems: [js.problem] };
  const data = js.value;
  const r = Codebook.safeParse(data);
  if (!r.success)
    return {
      locate,
      problems: r.error.issues.map((issue) => {
        const p = issue.path.filter((x): x is string | number => typeof x !== "symbol");
        return codebookProblem(issue, valueAt(data, p), { file, row: locate(p), column: p.length ? p.join(".") : null });
      }),
    };
  return { codebook: r.data, locate, problems: [] };
}

const an = (noun: string) => `${/^[aeiou]/.test(noun) ? "an" : "a"} ${noun}`;

/** zod's type names (an identifier: "number", "array") that a codebook expects, with their words in the tables. */
const TYPE_WORDS: Record<string, StringKey> = {
  string: "problem.codebook.type.string",
  number: "problem.codebook.type.number",
  int: "problem.codebook.type.int",
  boolean: "problem.codebook.type.boolean",
  object: "problem.codebook.type.object",
  array: "problem.codebook.type.array",
  record: "problem.codebook.type.record",
  null: "problem.codebook.type.null",
};

/** zod's generic messages, restated with the value found and what was expected (a type the tables do not name is said in English). */
function codebookProblem(issue: z.core.$ZodIssue, value: unknown, where: Where): Problem {
  const shown = JSON.stringify(value);
  const allowed = (values: readonly unknown[]) => problem("problem.codebook.not_allowed", { value: shown, expected: values.map((v) => String(v)).join(", ") }, where);
  switch (issue.code) {
    case "invalid_type": {
      const type = { what: Object.hasOwn(TYPE_WORDS, issue.expected) ? { phrase: TYPE_WORDS[issue.expected]! } : an(issue.expected) };
      return value === undefined ? problem("problem.codebook.missing", type, where) : problem("problem.codebook.wrong_type", { value: shown, ...type }, where);
    }
    case "invalid_value":
      return allowed(issue.values);
    case "invalid_union":
      if ("options" in issue && Array.isArray(issue.options)) return allowed(issue.options as unknown[]);
      return issueProblem(issue, where, value);
    case "unrecognized_keys":
      return problem(issue.keys.length === 1 ? "problem.codebook.unknown_key" : "problem.codebook.unknown_keys", { keys: issue.keys.map((k) => JSON.stringify(k)).join(", ") }, where);
    default:
      return issueProblem(issue, where, value);
  }
}

// ---------------------------------------------------------------------------------------------
// Checking

/** Reads and validates; returns every problem, statistics, and the Project when there is no problem. */
export async function checkProject(rootDir: string, opts: LoadOptions = {}): Promise<CheckResult> {
  return sharingTexts(() => checkFiles(rootDir, opts));
}

async function checkFiles(rootDir: string, opts: LoadOptions): Promise<CheckResult> {
  const root = path.resolve(rootDir);
  const found = await discover(root);
  const problems: Problem[] = [];

  // Which inputs to check: all, or those selected (plus the context: countries and codebooks).
  let selected: Input[];
  let wanted = (_file: string) => true;
  if (opts.files) {
    const picks: string[] = []; // relative paths; "" is the root itself
    for (const f of opts.files) {
      const rel = path.relative(root, path.resolve(root, f)).split(path.sep).join("/");
      if (rel.startsWith("..") || path.isAbsolute(rel)) {
        problems.push(problem("problem.files.outside_root", { root }, { file: f }));
        continue;
      }
      const k = await kindOf(path.join(root, rel));
      if (k === null) problems.push(problem("problem.files.not_found", {}, { file: rel }));
      else if (k === "dir" || rel === SENSITIVITY_FILE || found.inputs.some((i) => i.file === rel) || found.problems.some((p) => p.file === rel)) picks.push(rel);
      else {
        // A file discovery skips (e.g. in an unexpected folder): say what it is not.
        const c = classify(rel);
        problems.push("kind" in c ? problem("problem.files.misplaced", {}, { file: rel }) : c);
      }
    }
    const under = (file: string) => picks.some((p) => p === "" || file === p || file.startsWith(p + "/"));
    wanted = under;
    // The context (countries, codebooks) is always read; a missing countries.csv is always reported.
    const context = (file: string) => file === COUNTRIES || file.startsWith(METHODOLOGY + "/");
    append(problems, found.problems.filter((p) => under(p.file) || context(p.file)));
    selected = found.inputs.filter((i) => under(i.file) || context(i.file));
  } else {
    append(problems, found.problems);
    selected = found.inputs;
  }
  const stats: CheckStats = { sheets: 0, surveys: 0, other: 0, rows: 0 };
  const files = new Set<string>();
  const of = (kind: Kind) => selected.filter((i) => i.kind === kind);

  // Countries
  let countries: (Country & { line: number })[] = [];
  let countrySet: Set<string> | null = null;
  for (const input of of("countries")) {
    const r = await readRows(root, input.file, CountryRow);
    files.add(input.file);
    stats.other++;
    stats.rows += r.records;
    append(problems, r.problems, validateCountries(input.file, r.rows));
    countries = r.rows;
    if (r.clean) countrySet = new Set(r.rows.map((c) => c.code));
  }

  // Codebooks
  const codebookFiles: CodebookFile[] = [];
  for (const input of of("codebook")) {
    const r = await readCodebook(root, input.file);
    files.add(input.file);
    stats.other++;
    append(problems, r.problems);
    if (r.codebook) codebookFiles.push({ file: input.file, codebook: r.codebook, locate: r.locate });
  }
  append(problems, validateCodebooks(codebookFiles));
  const codebooks = codebookFiles.map((c) => c.codebook).sort((a, b) => a.years.from - b.years.from);
  const codebooksComplete = codebookFiles.length === of("codebook").length;

  // The sensitivity ranges: the build reads them, so a clean check must have read them too, and a
  // whole-project check reports them missing (the build would fail without them).
  const hasSensitivity = await lstat(path.join(root, SENSITIVITY_FILE)).then(() => true, () => false);
  const hasData = await lstat(path.join(root, "data")).then((st) => st.isDirectory(), () => false);
  if (!hasSensitivity && !opts.files && hasData)
    problems.push(problem("problem.files.no_sensitivity", {}, { file: SENSITIVITY_FILE }));
  if (wanted(SENSITIVITY_FILE) && hasSensitivity) {
    stats.other++;
    try {
      const text = await readYamlText(path.join(root, SENSITIVITY_FILE), SENSITIVITY_FILE, root);
      append(problems, sensitivityProblems(parseYaml(SensitivityConfig, text, SENSITIVITY_FILE), codebooksComplete ? codebooks : []));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      append(problems, e.problems);
    }
  }

  const notices: Problem[] = [];
  // The country-year a sheet's folder and name make it: a workbook marked for another is refused.
  const placeOf = (input: Input) => (input.country !== undefined && input.year !== undefined ? { country: input.country, year: input.year } : undefined);
  const codebookOf = (input: Input) => (codebooksComplete ? governingCodebook(input.file, input.year!, codebooks).codebook : undefined);

  // Sheets and surveys, read in parallel; a sheet's workbook may hold its survey too.
  const sheetInputs = of("sheet");
  const surveyInputs = of("survey");
  const schemas = { sheet: SheetRow, survey: SurveyRow, sheetColumns: columnsOf(SheetRow), surveyColumns: columnsOf(SurveyRow) };
  const [sheetReads, surveyReads] = await Promise.all([
    inTurn(sheetInputs, (i) => readSheet(root, i.file, codebookOf(i), schemas, placeOf(i)), FILES_AT_ONCE),
    inTurn(surveyInputs, (i) => readSurvey(root, i.file, codebookOf(i), SurveyRow, schemas.surveyColumns), FILES_AT_ONCE),
  ]);

  // Which country-years have a sheet / a survey (on disk, whether selected or not)
  const present = (kind: Kind) => new Map(found.inputs.filter((i) => i.kind === kind).map((i) => [`${i.country}/${i.year}`, i.file]));
  const sheetAt = present("sheet");
  const surveyAt = present("survey");
  const inWorkbook = new Map<string, string>(); // country/year → file#worksheet of a survey inside the sheet's workbook
  sheetInputs.forEach((input, k) => {
    const s = sheetReads[k].survey;
    if (s) inWorkbook.set(`${input.country}/${input.year}`, s.file);
  });
  for (const [key, label] of inWorkbook) {
    const separate = surveyAt.get(key);
    if (separate !== undefined && (wanted(separate) || wanted(label.split("#")[0]!)))
      problems.push(problem("problem.files.survey_twice", { country_year: key.replace("/", " "), workbook: label }, { file: separate }));
    else surveyAt.set(key, label);
  }

  const nameProblems = (input: Input): Problem[] => {
    const name = input.file.split("/").pop()!;
    const stem = name.replace(TABLE_EXT, "");
    const out: Problem[] = [];
    const put = (key: StringKey, vars: ProblemVars) => out.push(problem(key, vars, { file: input.file }));
    const ext = name.slice(stem.length).toLowerCase();
    if (/^[a-zA-Z]{3}$/.test(stem) && stem !== stem.toUpperCase()) put("problem.files.lower_case_name", { name, expected: stem.toUpperCase() + ext });
    else if (!/^[A-Z]{3}$/.test(stem)) put("problem.files.not_a_country_name", { name, ext });
    else if (countrySet && !countrySet.has(stem)) put("problem.files.unknown_country_name", { code: stem });
    return out;
  };

  // The year before each selected sheet is read too when not selected (its problems are not this
  // check's): the year-on-year rules compare with it. A survey inside a workbook comes with its sheet.
  const selectedFiles = new Set(selected.map((i) => i.file));
  const earlier = (kind: Kind, at: Map<string, string>) =>
    [...new Set(sheetInputs.flatMap((i) => [`${i.country}/${i.year! - 1}`, ...(kind === "survey" ? [`${i.country}/${i.year}`] : [])]))]
      .map((key) => at.get(key))
      .filter((f): f is string => f !== undefined && !selectedFiles.has(f))
      .map((f) => found.inputs.find((i) => i.file === f))
      .filter((i): i is Input => i !== undefined);
  const contextSheets = earlier("sheet", sheetAt);
  const contextSurveys = earlier("survey", surveyAt);
  const [contextSheetReads, contextSurveyReads] = await Promise.all([
    inTurn(contextSheets, (i) => readSheet(root, i.file, codebookOf(i), schemas, placeOf(i)), FILES_AT_ONCE),
    inTurn(contextSurveys, (i) => readSurvey(root, i.file, codebookOf(i), SurveyRow, schemas.surveyColumns), FILES_AT_ONCE),
  ]);
  const years = new Map<string, CountryYear>();
  const surveyRows = new Map<string, SurveyResponse[]>();
  const keep = (input: Input, r: TableRead<SurveyResponse> | null) => {
    if (r?.clean) surveyRows.set(`${input.country}/${input.year}`, r.rows);
  };
  const sheetProblems = (input: Input, r: TableRead<SheetAnswer>, cb: Codebook) =>
    validateSheet({ file: input.file, country: input.country!, year: input.year!, answers: r.rows, indicators: r.indicators }, cb, surveyAt.get(`${input.country}/${input.year}`) ?? null);
  // Only a sheet with no problem of its own is compared: a wrong cell is reported once, as itself.
  const remember = (input: Input, r: TableRead<SheetAnswer>, own: Problem[] | undefined) => {
    const cb = codebookOf(input);
    if (r.clean && cb && (own ?? sheetProblems(input, r, cb)).length === 0)
      years.set(`${input.country}/${input.year}`, { country: input.country!, file: input.file, year: input.year!, codebook: cb, answers: r.rows, survey: null });
  };
  contextSheets.forEach((input, k) => {
    remember(input, contextSheetReads[k].sheet, undefined);
    keep(input, contextSheetReads[k].survey);
  });
  contextSurveys.forEach((input, k) => keep(input, contextSurveyReads[k]));
  sheetInputs.forEach((input, k) => keep(input, sheetReads[k].survey));
  surveyInputs.forEach((input, k) => keep(input, surveyReads[k]));

  const sheets: Sheet[] = [];
  const surveys: SurveyFile[] = [];
  const surveyOf = (input: Input, r: TableRead<z.output<typeof SurveyRow>>, alone: boolean) => {
    stats.surveys++;
    stats.rows += r.records;
    append(problems, r.problems);
    append(notices, r.notices);
    const year = input.year!;
    const country = input.country!;
    if (alone && !sheetAt.has(`${country}/${year}`))
problems.push(problem("problem.files.survey_without_sheet", { country, year }, { file: input.file }));
    const g = governingCodebook(r.file, year, codebooks);
    if (g.problem) {
      if (codebooksComplete) problems.push(g.problem);
      return;
    }
    // Coverage (every role rated every survey indicator) is judged only on a file whose rows all read.
    append(problems, validateSurvey({ file: r.file, country, year, responses: r.rows, complete: r.problems.length === 0 }, g.codebook!));
    surveys.push({ file: r.file, country, year, responses: r.rows });
  };

  sheetInputs.forEach((input, k) => {
    const { sheet: r, survey } = sheetReads[k];
    files.add(input.file);
    stats.sheets++;
    stats.rows += r.records;
    append(problems, r.problems, nameProblems(input));
    append(notices, r.notices);
    const year = input.year!;
    const country = input.country!;
    const g = governingCodebook(input.file, year, codebooks);
    if (survey) surveyOf(input, survey, false);
    if (g.problem) {
      if (codebooksComplete) problems.push(g.problem);
      return;
    }
    const cb = g.codebook!;
    const own = sheetProblems(input, r, cb);
    append(problems, own);
    remember(input, r, own);
    sheets.push({ file: input.file, country, year, methodology: cb.version, answers: r.rows });
  });

  surveyInputs.forEach((input, k) => {
    files.add(input.file);
    append(problems, nameProblems(input));
    surveyOf(input, surveyReads[k], true);
  });

  // Each selected sheet against the year before (both read cleanly under their codebooks).
  for (const cy of years.values()) cy.survey = surveyRows.get(`${cy.country}/${cy.year}`) ?? null;
  for (const input of sheetInputs) {
    const now = years.get(`${input.country}/${input.year}`);
    const before = years.get(`${input.country}/${input.year! - 1}`);
    if (now && before) append(problems, validateChanges(now, before));
  }

  // Published editions and claims
  let editions: (Edition & { line: number })[] = [];
  for (const input of of("editions")) {
    const r = await readRows(root, input.file, EditionRow);
    files.add(input.file);
    stats.other++;
    stats.rows += r.records;
    append(problems, r.problems, validateEditions(input.file, r.rows, countrySet));
    editions = r.rows;
  }
  let claims: (Claim & { line: number })[] = [];
  for (const input of of("claims")) {
    const r = await readRows(root, input.file, ClaimRow);
    files.add(input.file);
    stats.other++;
    stats.rows += r.records;
    append(problems, r.problems, validateClaims(input.file, r.rows, countrySet, codebooksComplete ? codebooks : []));
    claims = r.rows;
  }

  const sorted = capProblems(sortProblems(problems));
  const byCountryYear = (a: { country: string; year: number }, b: { country: string; year: number }) =>
    (a.country < b.country ? -1 : a.country > b.country ? 1 : 0) || a.year - b.year;
  const project: Project | null = sorted.some((p) => !isWarning(p))
    ? null
    : {
        root,
        countries: countries.map(({ line: _line, ...c }) => c),
        editions,
        claims,
        codebooks,
        sheets: sheets.sort(byCountryYear),
        surveys: surveys.sort(byCountryYear),
        files: [...files].sort(),
      };
  return { project, problems: sorted, total: problems.length, warnings: problems.filter(isWarning).length, stats, notices: sortProblems(notices), years };
}

/**
 * The sensitivity ranges against the codebooks: a section named must be one of theirs (the analysis
 * would ignore it without a word), and the widest weights must keep the Index finite.
 */
function sensitivityProblems(parsed: ReturnType<typeof parseYaml<typeof SensitivityConfig>>, codebooks: Codebook[]): Problem[] {
  if (!codebooks.length) return [];
  const { value: config, lineOf } = parsed;
  const at = (p: string[], key: StringKey, vars: ProblemVars): Problem => problem(key, vars, { file: SENSITIVITY_FILE, row: lineOf(p), column: p.join(".") });
  const out: Problem[] = [];
  const known = [...new Set(codebooks.flatMap((cb) => cb.sections.map((s) => s.id)))].sort();
  for (const id of Object.keys(config.weights.sections))
    if (!known.includes(id)) out.push(at(["weights", "sections", id], "problem.sensitivity.unknown_section", { id, sections: known.join(", ") }));
  const high = (section: string) => (config.weights.sections[section] ?? config.weights.default).high;
  for (const cb of codebooks)
    if (Number.isFinite(indexReach(cb)) && !Number.isFinite(indexReach(cb, high)))
      out.push(at(["weights"], "problem.sensitivity.index_too_large", { version: cb.version }));
  return out;
}

/** A claims file other than data/published/claims.csv (`changes --claims FILE`), read and checked like it. */
export async function readClaims(root: string, file: string): Promise<(Claim & { line: number })[]> {
  const table = await readTable(root, file, columnsOf(ClaimRow));
  const { rows, problems } = parseRows(table, ClaimRow);
  if (problems.length) throw new InputError(problems);
  return rows;
}
