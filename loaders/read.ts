// CSV/XLSX → raw string records, with file and line kept for every record.
//
// CSV: delimiter "," or ";" detected from the header line (never guessed when ambiguous), UTF-8 with
// or without BOM, LF or CRLF, RFC 4180 quoting (embedded delimiters, doubled quotes, newlines),
// tokenised by csv-parse.
// XLSX: the worksheet of the table's role (a template's defined name, else the first whose header has
// the columns), header in its first non-blank row or under a title, cell values as strings.
// Every problem in a file is collected; readTable throws one InputError carrying all of them.
// Sizes are bounded (loaders/limits.ts) and checked before the work that the size would make costly.
import path from "node:path";
import { CsvError, parse, type CsvErrorCode, type InfoField } from "csv-parse/sync";
import type ExcelJS from "exceljs";

// exceljs takes about half a second to import; most inputs are CSV, so it is loaded only for XLSX.
const loadExcel = async (): Promise<typeof ExcelJS> => (await import("exceljs")).default;
import type { z } from "zod";
import { InputError, append, capProblems, counted, problem, sortProblems, type Problem, type ProblemValue, type ProblemVars } from "./problems.ts";
import type { StringKey } from "./shared/strings/index.ts";
import { readInputFile, tooLarge } from "./input-file.ts";
import { issueProblem } from "./issues.ts";
import { MAX_CELL_CHARS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS, MAX_XLSX_UNCOMPRESSED_BYTES } from "./limits.ts";
import { columnLetters } from "./workbook/address.ts";

export interface RawRecord {
  line: number; // CSV: physical line where the record starts; XLSX: worksheet row number
  cells: Record<string, string>; // keyed by normalised header
  /** Where a cell came from when its column is not the header's name (a wide survey's rating: its question's column). */
  columnOf?: Record<string, string>;
}
export interface RawTable {
  file: string; // as given, relative to the project root; a workbook's worksheet other than its first role: file#worksheet
  columns: string[]; // normalised header, in file order
  records: RawRecord[];
}
/** The role of a worksheet in a workbook made by `template` (found by its defined name, never by position). */
export type WorkbookRole = "answers" | "survey";
export const ROLE_NAMES: Record<WorkbookRole, string> = { answers: "PTI_ANSWERS", survey: "PTI_SURVEY" };
/** The defined names of the cells where `template` writes the country-year a workbook is made for. */
export const MARK_NAMES = { country: "PTI_COUNTRY", year: "PTI_YEAR" } as const;
/** What a workbook's marks say (null where it has none: an older workbook, or one made by hand). */
export interface WorkbookMarks {
  country: string | null;
  year: string | null;
}

export interface Columns {
  required: string[];
  optional?: string[];
  /**
   * Other names of the columns (normalised header → column), e.g. Russian headers. A format that has
   * aliases also tolerates extra columns: one whose name is not a near miss of a column's is left
   * unread and said so in a notice.
   */
  aliases?: Record<string, string>;
  /** Columns known and never read (the template's read-only columns): no notice. */
  ignored?: string[];
  /**
   * A survey may come in the wide layout: one row per respondent, one column per question, headed by
   * the question's id (Q3, "Q3. How…") or its text. `names` are the normalised texts of each question.
   */
  wide?: { id: string; names: string[] }[];
  /** Which worksheet of a workbook: the one its defined name marks, else the first whose header has the columns. */
  role?: WorkbookRole;
  /** A worksheet that may hold no row yet (the template's survey before anyone answered). */
  mayBeEmpty?: boolean;
}
/** What a scan found: the table (when its header is sound), every problem, and notices that are no problem (a file decoded as Windows-1251, a column not read). */
export interface Scan {
  table: RawTable | null;
  problems: Problem[];
  notices: Problem[];
}

/** Header matching ignores case and surrounding/inner spacing: " Name EN " → "name_en". */
export const normaliseHeader = (h: string) => h.trim().toLowerCase().replace(/\s+/g, "_");

/** Reads one table file. `file` is shown in messages; `root` resolves it. Throws InputError with every problem. */
export async function readTable(root: string, file: string, columns: Columns): Promise<RawTable> {
  const { table, problems } = await scanTable(root, file, columns);
  if (problems.length || !table) throw new InputError(capProblems(sortProblems(problems)), problems.length);
  return table;
}

/** readTable for bytes already in memory (the format is chosen by the file's extension). */
export async function readTableData(file: string, data: Uint8Array, columns: Columns): Promise<RawTable> {
  const { table, problems } = await scanTableData(file, data, columns);
  if (problems.length || !table) throw new InputError(capProblems(problems), problems.length);
  return table;
}

/**
 * Like readTable, but never throws: returns every problem found, and the table when its header is
 * sound (then `records` holds every row that could be read; rows with problems are left out).
 */
export async function scanTable(root: string, file: string, columns: Columns): Promise<Scan> {
  const read = await readInputFile(path.join(root, file), file, root);
  if ("problem" in read) return { table: null, problems: [read.problem], notices: [] };
  return scanTableData(file, read.data, columns);
}

/** scanTable for bytes already in memory. The format is chosen by the file's extension. */
export async function scanTableData(file: string, data: Uint8Array, columns: Columns): Promise<Scan> {
  const problems: Problem[] = [];
  const notices: Problem[] = [];
  const ext = path.extname(file).toLowerCase();
  let grid: Grid | null;
  if (data.length > MAX_FILE_BYTES) grid = fail(problems, file, ...tooLarge(data.length));
  else if (ext === ".xlsx") {
    const wb = await loadWorkbook(file, data, problems);
    grid = wb ? await worksheetGrid(file, wb, columns, problems) : null;
  } else if (ext === ".xls" || ext === ".ods")
    grid = fail(problems, file, "problem.read.other_format", { ext });
  else grid = await csvGrid(file, data, columns, problems, notices);
  const table = grid ? toTable(grid.file ?? file, grid, columns, problems, notices) : null;
  return { table, problems: sortProblems(problems), notices };
}

/**
 * A workbook that holds more than one table, each found by its role: the answers (`sheet`) and, when
 * a worksheet holds one, the survey (null when no worksheet does, or the survey worksheet has no
 * respondent yet). The survey's problems name the file as file#worksheet. `marks`: the country-year
 * the workbook says it is made for (the template's PTI_COUNTRY, PTI_YEAR).
 */
export async function scanWorkbook(
  root: string,
  file: string,
  parts: { sheet: Columns; survey: Columns },
): Promise<{ sheet: Scan; survey: (Scan & { file: string }) | null; marks: WorkbookMarks }> {
  const unmarked: WorkbookMarks = { country: null, year: null };
  const read = await readInputFile(path.join(root, file), file, root);
  if ("problem" in read) return { sheet: { table: null, problems: [read.problem], notices: [] }, survey: null, marks: unmarked };
  const problems: Problem[] = [];
  const wb = read.data.length > MAX_FILE_BYTES ? fail(problems, file, ...tooLarge(read.data.length)) : await loadWorkbook(file, read.data, problems);
  if (!wb) return { sheet: { table: null, problems, notices: [] }, survey: null, marks: unmarked };
  const marks: WorkbookMarks = { country: markText(wb, MARK_NAMES.country)?.toUpperCase() ?? null, year: markText(wb, MARK_NAMES.year) };
  const notices: Problem[] = [];
  const grid = await worksheetGrid(file, wb, { ...parts.sheet, role: "answers" }, problems);
  const table = grid ? toTable(file, grid, parts.sheet, problems, notices) : null;
  const sheet = { table, problems: sortProblems(problems), notices };
  const surveyColumns = { ...parts.survey, role: "survey" as const };
  const at = findWorksheet(wb, surveyColumns, false);
  if (!at || at.ws === grid?.ws) return { sheet, survey: null, marks };
  const label = `${file}#${at.ws.name}`;
  const sp: Problem[] = [];
  const sn: Problem[] = [];
  const sg = await worksheetGrid(label, wb, surveyColumns, sp, at);
  const st = sg ? toTable(label, sg, { ...surveyColumns, mayBeEmpty: true }, sp, sn) : null;
  if (st && st.records.length === 0 && sp.length === 0) return { sheet, survey: null, marks };
  return { sheet, survey: { table: st, problems: sortProblems(sp), notices: sn, file: label }, marks };
}

/** Validates every record against a row schema; returns typed rows (with their line) and all problems. */
export function parseRows<S extends z.ZodType>(
  table: RawTable,
  schema: S,
): { rows: (z.output<S> & { line: number })[]; problems: Problem[] } {
  const rows: (z.output<S> & { line: number })[] = [];
  const problems: Problem[] = [];
  // A wide survey's row is one record per question, each with the row's role: a bad role is one problem, not one per question.
  const seen = new Set<string>();
  for (const rec of table.records) {
    const r = schema.safeParse(rec.cells);
    // The schema's own new object, with its line added: a spread copy here gave every row a hidden class of its own (V8), a third of the rows' memory.
    if (r.success) rows.push(Object.assign(r.data as object, { line: rec.line }) as z.output<S> & { line: number });
    else
      for (const issue of r.error.issues) {
        const column = issue.path.length ? (rec.columnOf?.[String(issue.path[0])] ?? String(issue.path[0])) : null;
        const p = issueProblem(issue, { file: table.file, row: rec.line, column }, issue.path.length ? rec.cells[String(issue.path[0])] : rec.cells);
        const id = `${p.row}\0${p.column}\0${p.message}`;
        if (!seen.has(id)) problems.push(p);
        seen.add(id);
      }
  }
  return { rows, problems };
}

// ---------------------------------------------------------------------------------------------
// A grid is what both formats produce before the column rules: a header and rows of cells.

interface GridRow {
  line: number;
  fields: string[];
}
interface Grid {
  /** Every row that is not blank, the header among them (the first, unless a title row stands above it). */
  rows: GridRow[];
  /** The header's line when the file says where it is (a template's defined name). */
  headerLine?: number;
  /** How a field is named in messages when it has no header: CSV "column 7", XLSX "column G". */
  columnLabel: (index: number) => ProblemValue;
  /** Checks a row's width; CSV rows must have as many fields as the header. Returns false to skip the row. */
  checkWidth: (row: GridRow, width: number, problems: Problem[]) => boolean;
  /** The file ended inside a quoted value: rows may be missing, so "no rows" is not reported. */
  truncated?: boolean;
  /** The name messages give the table (a workbook's second role: file#worksheet). */
  file?: string;
  ws?: ExcelJS.Worksheet;
}

function fail(problems: Problem[], file: string, key: StringKey, vars: ProblemVars = {}, row: number | null = null): null {
  problems.push(problem(key, vars, { file, row }));
  return null;
}

/** A part of a message in the reader's language: a hint, how a column is named. */
const phrase = (key: StringKey, vars: ProblemVars = {}): ProblemValue => ({ phrase: key, vars });
/** A message not yet placed: a cell's problem is found before its column's name is known. */
interface Said {
  key: StringKey;
  vars: ProblemVars;
}
const isBlank = (fields: string[]) => fields.every((f) => f.trim() === "");
const expectedHeader = (columns: Columns) => [...columns.required, ...(columns.optional ?? [])];

/** A header name as the format knows it: its alias resolved, a wide survey's question column as the question's id. */
function canonical(columns: Columns, name: string): string {
  const alias = columns.aliases?.[name];
  if (alias) return alias;
  return wideQuestion(columns, name) ?? name;
}
function wideQuestion(columns: Columns, name: string): string | null {
  if (!columns.wide) return null;
  const m = /^q(\d+)(?:$|[._:)\-–—]|_)/.exec(name);
  for (const q of columns.wide) {
    if (m && q.id.toLowerCase() === `q${m[1]}`) return q.id;
    if (q.names.includes(name)) return q.id;
  }
  return null;
}
const isQuestion = (columns: Columns, name: string) => columns.wide?.some((q) => q.id === name) ?? false;

/** The survey is in the wide layout: question columns, and neither a question nor a rating column. */
const isWide = (columns: Columns, names: string[]) =>
  columns.wide !== undefined && names.some((n) => isQuestion(columns, n)) && !names.includes("question") && !names.includes("rating");

/** The columns a header must have: a wide survey needs only the role beside its question columns. */
const requiredFor = (columns: Columns, names: string[]) => (isWide(columns, names) ? ["role"] : columns.required);

/** Does this row read as the header? Every required column is named in it. */
function isHeader(columns: Columns, fields: string[]): boolean {
  const names = fields.map((f) => canonical(columns, normaliseHeader(f)));
  return requiredFor(columns, names).every((c) => names.includes(c));
}

/** Rows above the header that are a title (at most two filled cells each, within the first ten rows); otherwise the first row is the header. */
function headerIndex(grid: Grid, columns: Columns): number {
  if (grid.headerLine !== undefined) {
    const k = grid.rows.findIndex((r) => r.line === grid.headerLine);
    if (k >= 0) return k;
  }
  for (let k = 0; k < Math.min(grid.rows.length, 10); k++) {
    const fields = grid.rows[k].fields;
    if (isHeader(columns, fields)) return k;
    if (fields.filter((f) => f.trim() !== "").length > 2) return 0;
  }
  return 0;
}

/** Edit distance, bounded: a header a letter or two away from a column's name is a typo, not an extra column. */
function near(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 2 || Math.min(a.length, b.length) < 4) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length] <= 2;
}

// Short cell texts repeat across a project's tables: a respondent's id in each of their rows, a role,
// a question, "yes", an indicator's id in every year's sheet. While a project is read (sharingTexts)
// each is kept once and every cell holding it refers to that one string: at 57 countries × 20 years
// the project took 23 % less memory (141 → 108 MB) and the whole result 45 MB less. Free text
// (notes, sources) is longer and rarely repeats, and stays out of the table. Only memory depends on
// it: an equal string always comes back.
const SHARED_LENGTH = 64;
let texts: Map<string, string> | null = null;
let readers = 0;
const shared = (s: string): string => {
  if (texts === null || s.length > SHARED_LENGTH) return s;
  const kept = texts.get(s);
  if (kept !== undefined) return kept;
  texts.set(s, s);
  return s;
};

/** How many texts the current reading shares (null outside sharingTexts): for the tests. */
export const sharedTexts = (): number | null => texts?.size ?? null;

/** Runs `read` with one table of shared cell texts (nested and overlapping reads share it), let go when the last ends. */
export async function sharingTexts<T>(read: () => Promise<T>): Promise<T> {
  if (readers++ === 0) texts = new Map();
  try {
    return await read();
  } finally {
    if (--readers === 0) texts = null;
  }
}

function toTable(file: string, grid: Grid, columns: Columns & { mayBeEmpty?: boolean }, problems: Problem[], notices: Problem[]): RawTable | null {
  const known = expectedHeader(columns);
  if (grid.rows.length === 0) return null;
  const at = headerIndex(grid, columns);
  const header = grid.rows[at];
  const headerLine = header.line;
  const raw = header.fields;
  if (raw.length > MAX_COLUMNS)
    return fail(problems, file, "problem.read.header_too_wide", { columns: counted(raw.length, "problem.read.noun.column"), limit: MAX_COLUMNS, expected: known.join(", ") }, headerLine);
  // Unnamed columns at the end are tolerated as long as they stay empty (Excel exports them).
  let width = raw.length;
  while (width > 0 && raw[width - 1].trim() === "") width--;
  const names = raw.slice(0, width).map((h) => canonical(columns, normaliseHeader(h)));
  const wide = isWide(columns, names);
  const seen = new Map<string, number>();
  const unread = new Set<number>(); // extra columns, left out of every record
  const before = problems.length;
  const lenient = columns.aliases !== undefined;
  const spellings = [...known, ...Object.keys(columns.aliases ?? {})];
  names.forEach((name, i) => {
    if (name === "") {
      if (lenient) {
        unread.add(i);
        return;
      }
      problems.push(problem("problem.read.column_unnamed", { label: grid.columnLabel(i), expected: known.join(", ") }, { file, row: headerLine }));
      return;
    }
    const first = seen.get(name);
    if (first !== undefined)
      problems.push(problem("problem.read.column_twice", { name, first: grid.columnLabel(first), second: grid.columnLabel(i) }, { file, row: headerLine, column: name }));
    else seen.set(name, i);
    if (known.includes(name) || (wide && isQuestion(columns, name))) return;
    if (columns.ignored?.includes(name)) {
      unread.add(i);
      return;
    }
    const miss = spellings.find((k) => near(name, k));
    if (lenient && miss === undefined) {
      unread.add(i);
      notices.push(problem("problem.read.column_not_read", { label: grid.columnLabel(i), header: raw[i].trim(), read: known.join(", ") }, { file, row: headerLine }));
      return;
    }
    const where = { file, row: headerLine, column: name };
    const header = raw[i].trim();
    const expected = known.join(", ");
    problems.push(
      miss !== undefined && lenient
        ? problem("problem.read.unknown_column_near", { header, near: columns.aliases?.[miss] ?? miss, expected }, where)
        : problem("problem.read.unknown_column", { header, expected }, where),
    );
  });
  for (const c of requiredFor(columns, names))
    if (!seen.has(c))
      problems.push(
        names.some(Boolean)
          ? problem("problem.read.missing_column", { column: c, header: names.filter(Boolean).join(", "), expected: known.join(", ") }, { file, row: headerLine, column: c })
          : problem("problem.read.missing_column_empty_header", { column: c, expected: known.join(", ") }, { file, row: headerLine, column: c }),
      );
  if (problems.length > before) return null; // without a sound header the rows cannot be read meaningfully

  const records: RawRecord[] = [];
  const body = grid.rows.slice(at + 1);
  for (const row of body) {
    if (!grid.checkWidth(row, raw.length, problems)) continue;
    const long = row.fields.findIndex((f) => f.length > MAX_CELL_CHARS);
    if (long >= 0) {
      const size = { length: counted(row.fields[long].length, "problem.read.noun.character"), limit: MAX_CELL_CHARS };
      problems.push(
        long < width
          ? problem("problem.read.value_too_long", size, { file, row: row.line, column: names[long] })
          : problem("problem.read.field_too_long", { ...size, label: grid.columnLabel(long) }, { file, row: row.line }),
      );
      continue;
    }
    const cells: Record<string, string> = {};
    for (let j = 0; j < width; j++) if (!unread.has(j)) cells[names[j]] = shared(row.fields[j] ?? "");
    let stray = false;
    for (let j = width; j < row.fields.length; j++)
      if (row.fields[j].trim() !== "") {
        stray = true;
        problems.push(
          problem("problem.read.value_unnamed", { label: grid.columnLabel(j), value: JSON.stringify(row.fields[j]), expected: known.join(", ") }, { file, row: row.line }),
        );
      }
    if (stray) continue;
    if (wide) append(records, wideRecords(columns, names, row.line, cells));
    else if (!isBlank(Object.values(cells))) records.push({ line: row.line, cells });
  }
  if (records.length === 0 && body.length === 0 && !grid.truncated && !columns.mayBeEmpty)
    problems.push(problem("problem.read.no_rows", { header: names.filter((n, i) => !unread.has(i)).join(",") }, { file }));
  return { file, columns: names.filter((_, i) => !unread.has(i)), records };
}

/**
 * One respondent's row of a wide survey as the long layout's records, one per question column. A row
 * with no role and no rating is an empty slot of the form, not a respondent; a row without a
 * respondent id is named by its row, "#7": an id in no language, as it is data (the survey tables show it).
 */
function wideRecords(columns: Columns, names: string[], line: number, cells: Record<string, string>): RawRecord[] {
  const questions = names.filter((n) => isQuestion(columns, n));
  if ((cells.role ?? "").trim() === "" && questions.every((q) => (cells[q] ?? "").trim() === "")) return [];
  const respondent = (cells.respondent ?? "").trim() || `#${line}`;
  return questions.map((q) => ({
    line,
    cells: { respondent, role: cells.role ?? "", question: q, rating: cells[q] ?? "" },
    columnOf: { rating: q },
  }));
}

// ---------------------------------------------------------------------------------------------
// CSV

const CP1251_HINT = phrase("problem.read.hint_save_utf8");

/** Index of the first byte that is not valid UTF-8 (what a fatal TextDecoder rejects), or -1. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    // second byte ranges that exclude overlong forms, surrogates and code points above U+10FFFF
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    if (i + 1 >= b.length || b[i + 1] < lo || b[i + 1] > hi) return i;
    for (let k = 2; k <= need; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

/** Windows-1251 bytes that are Cyrillic letters: А–я (C0–FF), Ё ё Є є І і Ї ї Ў ў Ґ ґ. */
const CP1251_LETTER = (c: number) => c >= 0xc0 || [0xa8, 0xb8, 0xaa, 0xba, 0xb2, 0xb3, 0xaf, 0xbf, 0xa1, 0xa2, 0xa5, 0xb4].includes(c);
/** Punctuation a Russian Excel writes: NBSP, « », – —, №, …, quotes, apostrophes. */
const CP1251_MARK = (c: number) => [0xa0, 0xab, 0xbb, 0x96, 0x97, 0xb9, 0x85, 0x93, 0x94, 0x91, 0x92, 0x84, 0xb7].includes(c);

/**
 * The text, when the bytes are certainly Windows-1251: every byte above ASCII is a Cyrillic letter
 * or a mark Russian text uses, there are Cyrillic letters, and no word mixes them with Latin
 * letters (a Windows-1252 "café" would read "cafй"). Null when any of that fails.
 */
async function certainlyCp1251(data: Uint8Array): Promise<string | null> {
  let letters = 0;
  for (const c of data)
    if (c >= 0x80) {
      if (CP1251_LETTER(c)) letters++;
      else if (!CP1251_MARK(c)) return null;
    }
  if (letters === 0) return null;
  const { default: iconv } = await import("iconv-lite");
  const text = iconv.decode(Buffer.from(data.buffer, data.byteOffset, data.byteLength), "win1251");
  if (/[a-z][а-яёєіїўґ]|[а-яёєіїўґ][a-z]/i.test(text)) return null;
  return text;
}

async function decodeText(file: string, data: Uint8Array, problems: Problem[], notices: Problem[]): Promise<string | null> {
  if (data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04)
    return fail(problems, file, "problem.read.xlsx_as_csv");
  if (data.length >= 2 && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)))
    return fail(problems, file, "problem.read.utf16", { hint: CP1251_HINT });
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    const cp1251 = await certainlyCp1251(data);
    if (cp1251 !== null) {
      notices.push(problem("problem.read.read_as_cp1251", {}, { file }));
      return cp1251;
    }
    const at = Math.max(0, firstInvalidUtf8(data));
    let line = 1;
    for (let i = 0; i < at; i++) if (data[i] === 0x0a) line++;
    let high = 0;
    let cyr = 0;
    for (const c of data)
      if (c >= 0x80) {
        high++;
        if (CP1251_LETTER(c)) cyr++;
      }
    const byte = `0x${data[at].toString(16).toUpperCase().padStart(2, "0")}`;
    const key = cyr >= high * 0.8 ? "problem.read.not_utf8_maybe_cp1251" : "problem.read.not_utf8_legacy";
    return fail(problems, file, key, { byte, line, hint: CP1251_HINT }, line);
  }
}

// csv-parse does the tokenising. It runs with relaxed quotes because a " inside an unquoted value is
// plain text here (5" screen), and with a relaxed field count because every width problem is reported
// below, row by row, rather than stopping at the first one. Two things are worked out around it:
// - the physical line of a record: csv-parse's own line count takes a CRLF inside a quoted value for
//   two lines, so a record's line is counted from the line breaks that end and fill the records before it;
// - text after a closing quote ("Law No. 5"-FZ): relaxed, csv-parse keeps such a value, with its
//   quotes. A record holding a value that starts with " is read again value by value, and each such
//   value strictly, which finds the closing quote and so the text after it.
const RECORD_DELIMITERS = ["\r\n", "\n", "\r"];
const relaxed = (delimiter: string) =>
  ({ delimiter, record_delimiter: RECORD_DELIMITERS, bom: false, relax_quotes: true, relax_column_count: true }) as const;

interface Parsed {
  records: GridRow[];
  unterminated: { line: number; index: number } | null; // a quoted value never closed: where it opened
  junk: { line: number; index: number; text: string }[]; // text after a closing quote
}

/** Offsets where the physical lines start; CRLF, LF and lone CR each end one line. */
function lineStarts(buf: Uint8Array): number[] {
  const starts = [0];
  for (let i = 0; i < buf.length; i++)
    if (buf[i] === 0x0a || (buf[i] === 0x0d && buf[i + 1] !== 0x0a)) starts.push(i + 1);
  return starts;
}
/** Physical lines, as lineStarts counts them, without keeping where they start. */
function lineCount(buf: Uint8Array): number {
  let n = 1;
  for (let i = 0; i < buf.length; i++) if (buf[i] === 0x0a || (buf[i] === 0x0d && buf[i + 1] !== 0x0a)) n++;
  return n;
}
/** The line (1-based) of a byte offset. */
function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

const isCsvError = (e: unknown, code: CsvErrorCode): e is CsvError & { bytes: number; column: number; raw?: string } =>
  e instanceof CsvError && e.code === code;

/** The text after the closing quote of one quoted value as written, or null when nothing follows it. */
function textAfterQuote(value: Buffer, delimiter: string): string | null {
  try {
    parse(value, { delimiter, record_delimiter: RECORD_DELIMITERS, bom: false, raw: true });
    return null;
  } catch (e) {
    if (!isCsvError(e, "CSV_INVALID_CLOSING_QUOTE") || e.raw === undefined) throw e;
    return value.subarray(Buffer.byteLength(e.raw)).toString("utf8");
  }
}

/** Every value of the record at the start of `rest` that has text after its closing quote. */
function textsAfterQuotes(rest: Buffer, delimiter: string): { index: number; text: string }[] {
  const found: { index: number; text: string }[] = [];
  let from = 0;
  try {
    parse(rest, {
      ...relaxed(delimiter),
      to: 1,
      // `bytes` is where the value ends (at its delimiter), so each value can be taken as written.
      cast: (value: string, field: InfoField) => {
        if (field.quoting && value.startsWith('"')) {
          const text = textAfterQuote(rest.subarray(from, field.bytes), delimiter);
          if (text !== null) found.push({ index: field.index, text });
        }
        from = field.bytes + 1;
        return value;
      },
    });
  } catch (e) {
    if (!isCsvError(e, "CSV_QUOTE_NOT_CLOSED")) throw e; // the record ends in a value left open: reported on its own
  }
  return found;
}

const LINE_BREAK = /\r\n|\r|\n/g;

function parseCsv(buf: Buffer, delimiter: "," | ";"): Parsed {
  let rows: string[][];
  let open: { offset: number; index: number; before: string[] | null } | null = null;
  try {
    rows = parse(buf, relaxed(delimiter));
  } catch (e) {
    if (!isCsvError(e, "CSV_QUOTE_NOT_CLOSED")) throw e;
    // `bytes` is where that record starts, or the delimiter just before the value: the quote's line.
    // The records before it are read again; after a delimiter, the values before the open one come last.
    rows = parse(buf.subarray(0, e.column > 0 ? e.bytes + 1 : e.bytes), relaxed(delimiter));
    open = { offset: e.bytes, index: e.column, before: e.column > 0 ? rows.pop()! : null };
  }
  let starts: number[] | null = null; // only needed when something is wrong
  const lineStart = () => (starts ??= lineStarts(buf));
  const junk: Parsed["junk"] = [];
  // Relaxed, only a quoted value starts with ": one beginning with an escaped quote, or one with text after its closing quote.
  const findJunk = (fields: string[], line: number) => {
    if (!fields.some((f) => f.startsWith('"'))) return;
    for (const { index, text } of textsAfterQuotes(buf.subarray(lineStart()[line - 1]), delimiter)) {
      junk.push({ line, index, text });
      const v = fields[index];
      fields[index] = v.slice(1, v.length - text.length - 1) + text; // unquoted, as a header name would be read
    }
  };
  let line = 1;
  const records = rows.map((fields) => {
    const record = { line, fields };
    findJunk(fields, line);
    line++;
    for (let k = 0; k < fields.length; k++) {
      const f = fields[k];
      if (!f.includes("\n") && !f.includes("\r")) continue;
      line += f.match(LINE_BREAK)!.length;
      fields[k] = f.replace(/\r\n?/g, "\n"); // a value reads the same whichever line ends the file was saved with
    }
    return record;
  });
  if (open?.before) findJunk(open.before, line);
  const unterminated = open && { line: lineAt(lineStart(), open.offset), index: open.index };
  return { records, unterminated, junk };
}

/** The first record of the text read with this delimiter, or null; `nonBlank` skips records of empty values. */
function firstRecord(buf: Buffer, delimiter: string, nonBlank = false): string[] | null {
  try {
    const [first] = parse(buf, { ...relaxed(delimiter), skip_records_with_empty_values: nonBlank, to: 1 });
    return first ?? null;
  } catch {
    return null; // a quote left open in the header: the full read reports it
  }
}

async function csvGrid(file: string, bytes: Uint8Array, columns: Columns, problems: Problem[], notices: Problem[]): Promise<Grid | null> {
  const noticed = notices.length;
  const text = await decodeText(file, bytes, problems, notices);
  if (text === null) return null;
  // Decoded from Windows-1251: tokenised as the UTF-8 it stands for (line offsets are counted in lines, not bytes).
  const data = notices.length > noticed ? new Uint8Array(Buffer.from(text, "utf8")) : bytes;
  const known = expectedHeader(columns);
  if (text.trim() === "")
    return fail(problems, file, "problem.read.empty_csv", { header: known.join(",") });
  const bom = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
  const buf = Buffer.from(data.buffer, data.byteOffset + bom, data.byteLength - bom);
  const lines = lineCount(buf);
  if (lines > MAX_ROWS) return fail(problems, file, "problem.read.too_many_lines", { lines: counted(lines, "problem.read.noun.line"), limit: MAX_ROWS });

  // Delimiters outside quotes in the header line (the first that is not blank): as many as the fields
  // it has when read with that delimiter, less one.
  const lead = /^(?:[ \t]*(?:\r\n|\r|\n))*/.exec(text)![0].length; // ASCII: as many bytes as characters
  const count = (d: string) => Math.max(0, (firstRecord(buf.subarray(lead), d)?.length ?? 0) - 1);
  const comma = count(",");
  const semicolon = count(";");
  const widest = Math.max(comma, semicolon, count("\t")) + 1;
  if (widest > MAX_COLUMNS)
    return fail(problems, file, "problem.read.header_line_too_wide", { fields: counted(widest, "problem.read.noun.field"), limit: counted(MAX_COLUMNS, "problem.read.noun.column"), expected: known.join(", ") }, 1);
  let delimiter: "," | ";";
  if (comma > 0 && semicolon > 0) {
    // Both occur outside quotes: take a delimiter only if exactly one of them gives a header of known columns.
    const fits = ([",", ";"] as const).filter((d) => {
      const names = (firstRecord(buf, d, true) ?? []).map((h) => canonical(columns, normaliseHeader(h))).filter(Boolean);
      return names.every((x) => known.includes(x) || isQuestion(columns, x) || (columns.ignored ?? []).includes(x)) && requiredFor(columns, names).every((x) => names.includes(x));
    });
    if (fits.length !== 1)
      return fail(problems, file, "problem.read.ambiguous_delimiter", { header: known.join(",") }, 1);
    delimiter = fits[0];
  } else if (comma === 0 && semicolon === 0 && count("\t") > 0) {
    return fail(problems, file, "problem.read.tabs", {}, 1);
  } else delimiter = semicolon > 0 ? ";" : ",";

  const t = parseCsv(buf, delimiter);
  const nonBlank = t.records.filter((r) => !isBlank(r.fields));
  const header = nonBlank[0];
  const headerNames = header ? header.fields.map(normaliseHeader) : [];
  const nameOf = (index: number) => headerNames[index] || `column ${index + 1}`;
  if (t.unterminated) {
    const u = t.unterminated;
    problems.push(problem("problem.read.quote_not_closed", {}, { file, row: u.line, column: header && header.line !== u.line ? nameOf(u.index) : null }));
  }
  const junkLines = new Set(t.junk.map((j) => j.line));
  for (const j of t.junk)
    problems.push(
      problem("problem.read.text_after_quote", { text: JSON.stringify(j.text) }, { file, row: j.line, column: header && header.line !== j.line ? nameOf(j.index) : null }),
    );
  if (!header) return null;
  const other = delimiter === "," ? ";" : ",";
  return {
    rows: nonBlank,
    truncated: t.unterminated !== null,
    columnLabel: (i) => phrase("problem.read.column", { column: i + 1 }),
    checkWidth: (row, width, out) => {
      if (junkLines.has(row.line)) return false; // already reported
      const got = row.fields.length;
      if (got === width) return true;
      let hint: ProblemValue;
      if (got > width) {
        const splitNumber =
          delimiter === "," && row.fields.some((f, k) => k + 1 < got && /^\s*[-+]?\d+$/.test(f) && /^\d+\s*$/.test(row.fields[k + 1]));
        hint = splitNumber ? phrase("problem.read.hint_decimal_comma") : phrase("problem.read.hint_delimiter_in_value", { delimiter });
      } else
        hint = row.fields.some((f) => f.includes(other))
          ? phrase("problem.read.hint_other_delimiter", { other, delimiter })
          : phrase("problem.read.hint_every_field");
      out.push(problem("problem.read.field_count", { fields: counted(got, "problem.read.noun.field"), width, hint }, { file, row: row.line }));
      return false;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// XLSX

/** The letters of a 0-based column index. */
const colLetter = (index: number) => columnLetters(index + 1);

type CellResult = { text: string } | { error: Said };

function cellText(cell: ExcelJS.Cell): CellResult {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return { text: "" };
  if (typeof v === "string") return { text: v };
  if (typeof v === "number") return { text: String(v) };
  if (typeof v === "boolean") return { text: v ? "TRUE" : "FALSE" };
  if (v instanceof Date)
    return { error: { key: "problem.read.cell_date", vars: { cell: cell.address, date: v.toISOString().slice(0, 10) } } };
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o)
      return { error: { key: "problem.read.cell_formula", vars: { cell: cell.address, formula: String(cell.formula ?? o.formula ?? o.sharedFormula) } } };
    if ("error" in o) return { error: { key: "problem.read.cell_excel_error", vars: { cell: cell.address, error: String(o.error) } } };
    if (Array.isArray(o.richText)) return { text: (o.richText as { text: string }[]).map((r) => r.text).join("") };
    if ("hyperlink" in o) {
      const t = o.text as unknown;
      if (typeof t === "string") return { text: t };
      if (t && typeof t === "object" && Array.isArray((t as { richText?: unknown }).richText))
        return { text: ((t as { richText: { text: string }[] }).richText).map((r) => r.text).join("") };
      return { text: String(o.hyperlink) };
    }
  }
  return { error: { key: "problem.read.cell_unreadable", vars: { cell: cell.address } } };
}

const colIndex = (letters: string) => letters.split("").reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) - 1;

const unreadable = (file: string, e: unknown, problems: Problem[]) =>
  fail(problems, file, "problem.read.not_a_workbook", { reason: (e as Error).message });

/**
 * What the workbook's zip says it expands to, read from its directory without expanding anything, so a
 * zip bomb is refused before exceljs inflates it. (The sizes are declared; the unzipper checks each one
 * against what it inflates.)
 */
async function declaredUncompressed(data: Buffer): Promise<number> {
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(data, { checkCRC32: false });
  let total = 0;
  for (const entry of Object.values(zip.files)) total += (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  return total;
}

/** Worksheets, rows and columns the expert cannot see in Excel: what would be read must be what they see. */
function hiddenParts(file: string, wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, problems: Problem[], others = true): boolean {
  const before = problems.length;
  const how = (state: string) => phrase(state === "veryHidden" ? "problem.read.very_hidden" : "problem.read.hidden");
  if (ws.state !== "visible")
    fail(problems, file, ws === wb.worksheets[0] ? "problem.read.first_worksheet_hidden" : "problem.read.worksheet_read_hidden", { worksheet: ws.name, how: how(ws.state) });
  if (others)
    for (const other of wb.worksheets)
      if (other !== ws && other.state !== "visible" && other.actualRowCount > 0)
        fail(problems, file, "problem.read.worksheet_hidden", { worksheet: other.name, how: how(other.state) });
  if (ws.state !== "visible") return problems.length > before;
  const hiddenColumns = new Set<number>();
  for (let c = 1; c <= Math.min(ws.columnCount, MAX_COLUMNS); c++) if (ws.getColumn(c).hidden) hiddenColumns.add(c);
  const columnsWithValues = new Set<number>();
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    let holds = false;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.value === null || cell.value === undefined || cell.value === "") return;
      holds = true;
      if (hiddenColumns.has(c)) columnsWithValues.add(c);
      // A format of empty sections (;;;) shows nothing for any value: the cell looks blank but is not.
      if (typeof cell.numFmt === "string" && /^;;;?$/.test(cell.numFmt.trim()))
        problems.push(problem("problem.read.format_hides", { cell: cell.address, format: cell.numFmt.trim() }, { file, row: rowNumber }));
    });
    if (holds && row.hidden) problems.push(problem("problem.read.row_hidden", { row: rowNumber }, { file, row: rowNumber }));
  });
  for (const c of [...columnsWithValues].sort((a, b) => a - b))
    fail(problems, file, "problem.read.column_hidden", { column: colLetter(c - 1) });
  return problems.length > before;
}

async function loadWorkbook(file: string, data: Uint8Array, problems: Problem[]): Promise<ExcelJS.Workbook | null> {
  if (data.length === 0) return fail(problems, file, "problem.read.empty_workbook");
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let expands: number;
  try {
    expands = await declaredUncompressed(bytes);
  } catch (e) {
    return unreadable(file, e, problems);
  }
  if (expands > MAX_XLSX_UNCOMPRESSED_BYTES)
    return fail(problems, file, "problem.read.workbook_expands", {
      bytes: counted(expands, "problem.read.noun.byte"),
      limit: counted(MAX_XLSX_UNCOMPRESSED_BYTES, "problem.read.noun.byte"),
      mb: MAX_XLSX_UNCOMPRESSED_BYTES / 1024 / 1024,
    });
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    return unreadable(file, e, problems);
  }
  if (!wb.worksheets[0]) return fail(problems, file, "problem.read.no_worksheet");
  return wb;
}

/** Where a defined name points: its worksheet and row ("'Answers'!$A$3:$L$3"). */
function definedAt(wb: ExcelJS.Workbook, name: string): { ws: ExcelJS.Worksheet; row: number } | null {
  const entry = (wb.definedNames.model as { name: string; ranges: string[] }[]).find((d) => d.name === name);
  const m = entry && /^'?(.+?)'?!\$?[A-Z]+\$?(\d+)/.exec(entry.ranges[0] ?? "");
  const ws = m ? wb.worksheets.find((w) => w.name === m[1].replace(/''/g, "'")) : undefined;
  return ws && m ? { ws, row: Number(m[2]) } : null;
}

/** The text of the one cell a defined name points to ("'Instructions'!$B$12"); null when there is none or it is blank. */
function markText(wb: ExcelJS.Workbook, name: string): string | null {
  const entry = (wb.definedNames.model as { name: string; ranges: string[] }[]).find((d) => d.name === name);
  const m = entry && /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(entry.ranges[0] ?? "");
  const ws = m ? wb.worksheets.find((w) => w.name === m[1].replace(/''/g, "'")) : undefined;
  if (!ws || !m) return null;
  const r = cellText(ws.getCell(`${m[2]}${m[3]}`));
  const text = "text" in r ? r.text.trim() : "";
  return text === "" ? null : text;
}

/** The first ten rows holding a value, as text (cells that cannot be read count as empty). */
function leadingRows(ws: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    if (rows.length >= 10) return;
    const fields: string[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, MAX_COLUMNS); c++) {
      const r = cellText(row.getCell(c));
      fields.push("text" in r ? r.text : "");
    }
    if (!isBlank(fields)) rows.push(fields);
  });
  return rows;
}

/**
 * The worksheet of a role: the one its defined name marks (a template's), else the first whose header
 * (under at most a title) names the columns. With `fallback`, the first worksheet when none does, so
 * its header is reported as it is.
 */
function findWorksheet(wb: ExcelJS.Workbook, columns: Columns, fallback: boolean): { ws: ExcelJS.Worksheet; row?: number } | null {
  const marked = columns.role ? definedAt(wb, ROLE_NAMES[columns.role]) : null;
  if (marked) return marked;
  for (const ws of wb.worksheets) {
    const rows = leadingRows(ws);
    const k = headerIndex({ rows: rows.map((fields, i) => ({ line: i, fields })), columnLabel: String, checkWidth: () => true }, columns);
    if (rows[k] && isHeader(columns, rows[k])) return { ws };
  }
  return fallback ? { ws: wb.worksheets[0] } : null;
}

async function worksheetGrid(file: string, wb: ExcelJS.Workbook, columns: Columns, problems: Problem[], found?: { ws: ExcelJS.Worksheet; row?: number }): Promise<Grid | null> {
  const Excel = await loadExcel();
  const at = found ?? findWorksheet(wb, columns, true)!;
  const ws = at.ws;
  if (ws.actualRowCount > MAX_ROWS)
    return fail(problems, file, "problem.read.worksheet_too_long", { worksheet: ws.name, rows: counted(ws.actualRowCount, "check.noun.row"), limit: MAX_ROWS });
  if (hiddenParts(file, wb, ws, problems, found === undefined)) return null;
  // Problems found before the header is known; their column is named once it is.
  const pending: { row: number; col: number; said: Said }[] = [];
  if (ws.hasMerges)
    for (const range of ws.model.merges) {
      const m = /^([A-Z]+)(\d+)(?::[A-Z]+\d+)?$/.exec(range);
      pending.push({
        row: m ? Number(m[2]) : 0,
        col: m ? colIndex(m[1]) : -1,
        said: { key: "problem.read.merged", vars: { cells: range } },
      });
    }

  const rows: GridRow[] = [];
  const unusable = new Set<number>(); // rows with a cell that could not be read
  let tooWide = 0; // the rightmost column beyond MAX_COLUMNS that holds a cell
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const fields: string[] = [];
    let bad = false;
    // Cells beyond the limit are not read: the header check refuses the file if one holds a value.
    if (row.cellCount > MAX_COLUMNS && row.actualCellCount > 0)
      row.eachCell({ includeEmpty: false }, (_cell, c) => {
        if (c > MAX_COLUMNS) tooWide = Math.max(tooWide, c);
      });
    for (let c = 1; c <= Math.min(row.cellCount, MAX_COLUMNS); c++) {
      const cell = row.getCell(c);
      if (cell.type === Excel.ValueType.Merge) {
        fields.push(""); // the merge itself is reported; the row is not used
        bad = true;
        continue;
      }
      const r = cellText(cell);
      if ("error" in r) {
        pending.push({ row: rowNumber, col: c - 1, said: r.error });
        bad = true;
        fields.push("");
      } else fields.push(r.text);
    }
    if (isBlank(fields) && !bad) return;
    if (bad) unusable.add(rowNumber);
    if (at.row === undefined || rowNumber >= at.row) rows.push({ line: rowNumber, fields });
  });
  if (tooWide)
    return fail(problems, file, "problem.read.worksheet_too_wide", {
      worksheet: ws.name,
      column: colLetter(tooWide - 1),
      limit: counted(MAX_COLUMNS, "problem.read.noun.column"),
      last: colLetter(MAX_COLUMNS - 1),
    });
  const grid: Grid = {
    rows,
    headerLine: at.row,
    columnLabel: (i) => phrase("problem.read.column", { column: colLetter(i) }),
    checkWidth: (row) => !unusable.has(row.line), // cell problems are already reported
    file,
    ws,
  };
  const h = rows.length ? rows[headerIndex(grid, columns)] : null;
  const names = h ? h.fields.map(normaliseHeader) : [];
  for (const p of pending)
    problems.push(problem(p.said.key, p.said.vars, { file, row: p.row || null, column: names[p.col] || null }));
  if (!h) {
    if (!pending.length) fail(problems, file, "problem.read.empty_worksheet", { worksheet: ws.name });
    return null;
  }
  if (unusable.has(h.line)) return null;
  return grid;
}
