// CSV output (RFC 4180, LF, UTF-8). Text cells that a spreadsheet would run as a formula
// (=, +, -, @, tab, CR at the start) are prefixed with an apostrophe; numbers are written
// as numbers (a negative total stays a number) at full precision without binary noise: the
// value at 12 significant digits in its shortest form (loaders/shared/format.ts plainNumber).
import { plainNumber, plainText } from "../shared/format.ts";

export type Cell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quote(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvCell(v: Cell): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error(`refusing to write a non-finite number (${v}) to CSV`);
    return plainText(v);
  }
  if (typeof v === "boolean") return v ? "true" : "false";
  return quote(neutralise(v));
}

/** A CSV's lines, each with its newline: toCsv joined, or piecesToBytes for a table too long for one string. */
export function* csvLines<T extends object>(rows: readonly T[], columns: readonly (keyof T & string)[]): Generator<string> {
  yield columns.join(",") + "\n";
  for (const r of rows) yield columns.map((c) => csvCell((r as Record<string, unknown>)[c] as Cell)).join(",") + "\n";
}

export function toCsv<T extends object>(rows: readonly T[], columns: readonly (keyof T & string)[]): string {
  return [...csvLines(rows, columns)].join("");
}

const numbersPlain = (_key: string, v: unknown) => (typeof v === "number" ? plainNumber(v) : v);

/** JSON with a trailing newline, numbers as plainNumber; key order is the objects' own (built deterministically). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, numbersPlain, 2) + "\n";
}

/** toJson of an array, element by element (the same text), for piecesToBytes. */
export function* jsonRows(rows: readonly unknown[]): Generator<string> {
  if (rows.length === 0) {
    yield "[]\n";
    return;
  }
  yield "[\n";
  // A JSON text has no raw newline inside a string, so indenting each line indents the element.
  for (let i = 0; i < rows.length; i++) yield `${i ? ",\n" : ""}  ${(JSON.stringify(rows[i], numbersPlain, 2) ?? "null").replaceAll("\n", "\n  ")}`;
  yield "\n]\n";
}
