// XLSX output, made deterministic (fixed workbook dates, normalised ZIP). Numbers stay numbers
// (as plainNumber: no binary noise); text is written as text (a cell beginning with "=" is not a
// formula).
//
// exceljs writes the workbook's frame (styles, theme, workbook, properties) from a sheet holding the
// header row alone; the rows themselves are written here as the same XML exceljs writes (shared
// strings in order of first use, a bold header, empty cells left out), straight into bytes. Building
// every cell as an exceljs object took minutes and gigabytes on a large project (228,000 answers:
// two minutes and 3 GB for points.xlsx); the bytes are the same.
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { Readable } from "node:stream";
import { plainNumber } from "../shared/format.ts";
import { FIXED_DATE, zipFiles } from "./zip.ts";
import { columnLetters } from "../workbook/address.ts";
import { byteWriter } from "./bytes.ts";

export interface SheetSpec {
  name: string;
  columns: string[];
  rows: Record<string, unknown>[];
}

const SHEET_DATA = /<sheetData>[\s\S]*<\/sheetData>/;
const DIMENSION = /<dimension ref="[^"]*"\/>/;

/** exceljs's escaping of text in XML (utils.xmlEncode): the five entities, control characters dropped. */
function xmlText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return /["&'<>\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s)
    ? // eslint-disable-next-line no-control-regex
      s.replace(/["&'<>\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, (c) => ENTITY[c] ?? "")
    : s;
}
const ENTITY: Record<string, string> = { '"': "&quot;", "&": "&amp;", "'": "&apos;", "<": "&lt;", ">": "&gt;" };


type Value = string | number | boolean | null;
const cellValue = (v: unknown): Value => {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return plainNumber(v);
  if (typeof v === "boolean") return v;
  return String(v);
};

/** The first and last column (from 1) of a row's filled cells; 0, 0 for an empty row. */
function spanOf(values: Value[]): [number, number] {
  let min = 0, max = 0;
  values.forEach((v, i) => {
    if (v === null) return;
    if (!min) min = i + 1;
    max = i + 1;
  });
  return [min, max];
}

/**
 * One sheet's shared strings (in order of first use), how many cells use them, and its dimension:
 * the first of two passes over the rows, so that the second can stream <sheetData> into the archive
 * (sheetData) instead of holding it (points.xlsx of a 57-country project: some 150 MB of XML).
 */
function sheetIndex(s: SheetSpec): { ids: Map<string, number>; strings: string[]; count: number; dimension: string } {
  const ids = new Map<string, number>();
  const strings: string[] = [];
  let count = 0;
  let top = 0, left = 0, bottom = 0, right = 0;
  const row = (n: number, values: Value[]) => {
    const [min, max] = spanOf(values);
    for (const v of values)
      if (typeof v === "string") {
        if (!ids.has(v)) ids.set(v, strings.push(v) - 1);
        count++;
      }
    if (min) {
      if (!top) (top = n), (left = min), (right = max);
      bottom = n;
      left = Math.min(left, min);
      right = Math.max(right, max);
    }
  };
  row(1, s.columns);
  s.rows.forEach((r, i) => row(i + 2, s.columns.map((c) => cellValue(r[c]))));
  const dimension = top ? `${columnLetters(left)}${top}:${columnLetters(right)}${bottom}` : "A1";
  return { ids, strings, count, dimension };
}

/** One sheet's <sheetData>, as exceljs writes it, a chunk of bytes at a time. */
function* sheetData(s: SheetSpec, ids: Map<string, number>): Generator<Buffer> {
  const letters = s.columns.map((_, i) => columnLetters(i + 1));
  const chunks: Buffer[] = [];
  const parts = byteWriter((chunk) => void chunks.push(chunk));
  const row = (n: number, values: Value[], header: boolean) => {
    const [min, max] = spanOf(values);
    const cells: string[] = [];
    const style = header ? ' s="1"' : "";
    values.forEach((v, i) => {
      if (v === null) return;
      const ref = `${letters[i]}${n}`;
      if (typeof v === "number") cells.push(`<c r="${ref}"${style}><v>${xmlText(String(v))}</v></c>`);
      else if (typeof v === "boolean") cells.push(`<c r="${ref}"${style} t="b"><v>${v ? 1 : 0}</v></c>`);
      else cells.push(`<c r="${ref}"${style} t="s"><v>${ids.get(v)!}</v></c>`);
    });
    parts.write(`<row r="${n}"${min ? ` spans="${min}:${max}"` : ""}${header ? ' s="1" customFormat="1"' : ""} x14ac:dyDescent="0.25">${cells.join("")}</row>`);
  };
  parts.write("<sheetData>");
  row(1, s.columns, true);
  for (let i = 0; i < s.rows.length; i++) {
    row(i + 2, s.columns.map((c) => cellValue(s.rows[i]![c])), false);
    while (chunks.length) yield chunks.shift()!;
  }
  parts.write("</sheetData>");
  parts.bytes();
  yield* chunks;
}

function sharedStringsXml(strings: string[], count: number): Buffer {
  const out = byteWriter();
  out.write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${strings.length}">`);
  for (const t of strings) out.write(/^\s|\n|\s$/.test(t) ? `<si><t xml:space="preserve">${xmlText(t)}</t></si>` : `<si><t>${xmlText(t)}</t></si>`);
  out.write("</sst>");
  return out.bytes();
}

export async function toXlsx(sheets: SheetSpec[]): Promise<Buffer> {
  if (sheets.length !== 1) throw new Error(`toXlsx writes one sheet a workbook (asked for ${sheets.length})`);
  const s = sheets[0]!;
  // Imported on use: exceljs is slow to load and most callers never write a workbook.
  const Excel: typeof ExcelJS = (await import("exceljs")).default;
  const wb = new Excel.Workbook();
  wb.creator = "Prohibition of Torture Index notebook";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet(s.name.slice(0, 31));
  ws.addRow(s.columns);
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: "frozen", ySplit: 1 }];
  const frame = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const sheet = sheetIndex(s);
  const files: [string, Buffer | NodeJS.ReadableStream][] = [];
  for (const name of Object.keys(frame.files).filter((n) => !frame.files[n]!.dir)) {
    if (name === "xl/sharedStrings.xml") files.push([name, sharedStringsXml(sheet.strings, sheet.count)]);
    else if (name === "xl/worksheets/sheet1.xml") {
      const xml = (await frame.files[name]!.async("string")).replace(DIMENSION, `<dimension ref="${sheet.dimension}"/>`);
      const rows = SHEET_DATA.exec(xml);
      if (!rows || !DIMENSION.test(xml)) throw new Error("exceljs wrote a worksheet without <sheetData> or <dimension>: the rows cannot be put in");
      const head = Buffer.from(xml.slice(0, rows.index));
      const tail = Buffer.from(xml.slice(rows.index + rows[0].length));
      files.push([name, Readable.from((function* () {
        yield head;
        yield* sheetData(s, sheet.ids);
        yield tail;
      })(), { objectMode: false })]);
    } else files.push([name, await frame.files[name]!.async("nodebuffer")]);
  }
  return zipFiles(files);
}
