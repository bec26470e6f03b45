// Reads a sheet or a survey as the expert made it, against the codebook that governs its year: the
// headers and answers in English or Russian, the survey long or wide, a sheet's workbook with its
// survey inside (the template's). What the codebook's words stand for is written in the codebook's
// own terms before the row schemas see it, so everything after reads one vocabulary.
import type { z } from "zod";
import path from "node:path";
import { MARK_NAMES, parseRows, scanTable, scanWorkbook, type Columns, type RawTable, type Scan, type WorkbookMarks } from "../read.ts";
import { problem, type Problem } from "../problems.ts";
import type { Codebook } from "../schema.ts";
import { sheetColumns, surveyColumns } from "./columns.ts";
import { canonicalAnswer, canonicalChange, roleOf } from "./words.ts";

export interface TableRead<T> {
  rows: (T & { line: number })[];
  problems: Problem[];
  /** What was read differently from a plain UTF-8 table and is no problem (an encoding, a column left unread). */
  notices: Problem[];
  records: number;
  /** Every row could be read and passed its schema. */
  clean: boolean;
  /**
   * A sheet's indicator ids as written (trimmed, upper-cased, blanks left out) in every readable
   * record, also of rows that failed the row schema; null when some rows could not be read, or the
   * table is no sheet. Taken out at reading, so that the raw table is not kept beside the rows.
   */
  indicators: { id: string; line: number }[] | null;
  /** The name problems give the table: the file, or file#worksheet for a survey inside a sheet's workbook. */
  file: string;
}

type Canon = (cells: Record<string, string>) => void;

/** The rows of a scanned table through its row schema; `idColumn`: the column whose ids `indicators` keeps (a sheet's). */
export function tableRead<S extends z.ZodObject>(file: string, scan: Scan, schema: S, canon: Canon = () => {}, idColumn?: string): TableRead<z.output<S>> {
  const { table, problems, notices } = scan;
  if (!table) return { rows: [], problems, notices, records: 0, clean: false, indicators: null, file };
  for (const r of table.records) canon(r.cells);
  const readClean = problems.length === 0;
  const parsed = parseRows(table, schema);
  const indicators: { id: string; line: number }[] | null = readClean && idColumn !== undefined ? [] : null;
  if (indicators)
    for (const r of table.records) {
      const id = (r.cells[idColumn!] ?? "").trim().toUpperCase();
      if (id !== "") indicators.push({ id, line: r.line });
    }
  return {
    rows: parsed.rows as (z.output<S> & { line: number })[],
    problems: parsed.problems.length ? [...problems, ...parsed.problems] : problems,
    notices,
    records: table.records.length,
    clean: readClean && parsed.problems.length === 0,
    indicators,
    file: table.file,
  };
}

const sheetCanon = (codebook: Codebook | undefined): Canon => {
  const byId = new Map(codebook?.indicators.map((i) => [i.id, i]) ?? []);
  return (cells) => {
    const ind = byId.get((cells.indicator ?? "").trim().toUpperCase());
    if (ind && cells.value !== undefined) cells.value = canonicalAnswer(ind, cells.value);
    if (cells.change !== undefined) cells.change = canonicalChange(cells.change);
  };
};

const surveyCanon = (codebook: Codebook | undefined): Canon => {
  // A file names a handful of roles, each on hundreds of rows: each spelling looked up once.
  const roles = new Map<string, string>();
  return (cells) => {
    if (!codebook || cells.role === undefined) return;
    let role = roles.get(cells.role);
    if (role === undefined) roles.set(cells.role, (role = roleOf(codebook, cells.role) ?? cells.role));
    cells.role = role;
  };
};

const isWorkbook = (file: string) => /\.xlsx$/i.test(file);

/** The country-year a sheet's place in data/ makes it (data/sheets/<year>/<CODE>.xlsx). */
export interface Place {
  country: string;
  year: number;
}

/**
 * The problem of a workbook whose marks name another country-year than its place, or null. What a
 * mark does not say (a workbook without marks, or with one of them) is taken from the place.
 */
export function markProblem(file: string, marks: WorkbookMarks, place: Place): Problem | null {
  const country = marks.country ?? place.country.toUpperCase();
  const year = marks.year ?? String(place.year);
  if (country === place.country.toUpperCase() && year === String(place.year)) return null;
  const found = ([["country", MARK_NAMES.country], ["year", MARK_NAMES.year]] as const)
    .filter(([k]) => marks[k] !== null)
    .map(([k, name]) => `${name} = ${marks[k]}`)
    .join(", ");
  const at = file.split("/");
  const expected = [...at.slice(0, -2), year, country + path.posix.extname(file)].join("/");
  return problem("problem.files.workbook_elsewhere", { made_for: `${country} ${year}`, marks: found, file, country: place.country, year: place.year, expected }, { file });
}

const refused = <T>(file: string, p: Problem): TableRead<T> => ({ rows: [], problems: [p], notices: [], records: 0, clean: false, indicators: null, file });

/**
 * A sheet; when it is a workbook with a survey worksheet (the template's, or any worksheet whose
 * header is a survey's), that survey too (else null). A workbook marked for another country-year than
 * `place` is refused as a whole: its answers are not that place's.
 */
export async function readSheet<S extends z.ZodObject, T extends z.ZodObject>(
  root: string,
  file: string,
  codebook: Codebook | undefined,
  schemas: { sheet: S; survey: T; sheetColumns: Columns; surveyColumns: Columns },
  place?: Place,
): Promise<{ sheet: TableRead<z.output<S>>; survey: TableRead<z.output<T>> | null }> {
  const sheetCols = sheetColumns(schemas.sheetColumns);
  if (!isWorkbook(file)) return { sheet: tableRead(file, await scanTable(root, file, sheetCols), schemas.sheet, sheetCanon(codebook), "indicator"), survey: null };
  const scans = await scanWorkbook(root, file, { sheet: sheetCols, survey: surveyColumns(schemas.surveyColumns, codebook) });
  const elsewhere = place ? markProblem(file, scans.marks, place) : null;
  if (elsewhere) return { sheet: refused(file, elsewhere), survey: null };
  return {
    sheet: tableRead(file, scans.sheet, schemas.sheet, sheetCanon(codebook), "indicator"),
    survey: scans.survey && tableRead(scans.survey.file, scans.survey, schemas.survey, surveyCanon(codebook)),
  };
}

export async function readSurvey<T extends z.ZodObject>(root: string, file: string, codebook: Codebook | undefined, schema: T, columns: Columns): Promise<TableRead<z.output<T>>> {
  return tableRead(file, await scanTable(root, file, surveyColumns(columns, codebook)), schema, surveyCanon(codebook));
}

export type { RawTable };
