// XLSX output with exceljs, made deterministic (fixed workbook dates, normalised ZIP).
// Numbers stay numbers (as plainNumber: no binary noise); text is written as text (a cell
// beginning with "=" is not a formula).
import type ExcelJS from "exceljs";
import { plainNumber } from "../shared/format.ts";
import { FIXED_DATE, normaliseZip } from "./zip.ts";

export interface SheetSpec {
  name: string;
  columns: string[];
  rows: Record<string, unknown>[];
}

export async function toXlsx(sheets: SheetSpec[]): Promise<Buffer> {
  // Imported on use: exceljs is slow to load and most callers never write a workbook.
  const Excel: typeof ExcelJS = (await import("exceljs")).default;
  const wb = new Excel.Workbook();
  wb.creator = "Prohibition of Torture Index notebook";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, 31));
    ws.addRow(s.columns);
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows) {
      ws.addRow(
        s.columns.map((c) => {
          const v = r[c];
          if (v === null || v === undefined) return null;
          if (typeof v === "number") return plainNumber(v);
          if (typeof v === "boolean") return v;
          return String(v);
        }),
      );
    }
    ws.views = [{ state: "frozen", ySplit: 1 }];
  }
  return normaliseZip(await wb.xlsx.writeBuffer());
}
