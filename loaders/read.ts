// CSV/XLSX → raw string records, with file and line kept for every record.
// (First slice: comma/semicolon CSV. The Formats issue hardens this module.)
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { InputError, type Problem } from "./problems.ts";

export interface RawRecord {
  line: number;
  cells: Record<string, string>;
}
export interface RawTable {
  file: string; // as given, relative to the project root
  columns: string[];
  records: RawRecord[];
}
export interface Columns {
  required: string[];
  optional?: string[];
}

export const normaliseHeader = (h: string) => h.trim().toLowerCase().replace(/\s+/g, "_");

/** Reads one table file. `file` is shown in messages; `root` resolves it. */
export async function readTable(root: string, file: string, columns: Columns): Promise<RawTable> {
  const buf = await readFile(path.join(root, file));
  let textContent = buf.toString("utf8");
  if (textContent.charCodeAt(0) === 0xfeff) textContent = textContent.slice(1);
  const lines = textContent.split(/\r?\n/);
  const delimiter = (lines[0] ?? "").includes(";") ? ";" : ",";
  const header = (lines[0] ?? "").split(delimiter).map(normaliseHeader);
  const problems: Problem[] = [];
  for (const c of columns.required)
    if (!header.includes(c)) problems.push({ file, row: 1, column: c, message: `missing column "${c}"` });
  if (problems.length) throw new InputError(problems);
  const records: RawRecord[] = [];
  lines.slice(1).forEach((l, i) => {
    if (l.trim() === "") return;
    const values = l.split(delimiter);
    records.push({ line: i + 2, cells: Object.fromEntries(header.map((h, j) => [h, values[j] ?? ""])) });
  });
  return { file, columns: header, records };
}

/** Validates every record against a row schema; returns typed rows (with their line) and all problems. */
export function parseRows<S extends z.ZodType>(
  table: RawTable,
  schema: S,
): { rows: (z.output<S> & { line: number })[]; problems: Problem[] } {
  const rows: (z.output<S> & { line: number })[] = [];
  const problems: Problem[] = [];
  for (const rec of table.records) {
    const r = schema.safeParse(rec.cells);
    if (r.success) rows.push({ ...(r.data as object), line: rec.line } as z.output<S> & { line: number });
    else
      for (const issue of r.error.issues)
        problems.push({ file: table.file, row: rec.line, column: String(issue.path[0] ?? ""), message: issue.message });
  }
  return { rows, problems };
}
