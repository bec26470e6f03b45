// The downloads hold the engine's numbers: every level as CSV, JSON and XLSX, read back the way a
// spreadsheet would, gives the same values at full precision (plainNumber: 12 significant digits); text that could run as a formula does not.
import { describe, it, expect, beforeAll } from "vitest";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { runPipeline, type PipelineResult } from "../loaders/pipeline.ts";
import { downloadFiles, writeDownloads, DOWNLOADS, DOWNLOADS_DIR, ARCHIVE } from "../loaders/present/downloads.ts";
import { zipFiles } from "../loaders/present/zip.ts";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readTableData } from "../loaders/read.ts";
import { plainNumber } from "../loaders/shared/format.ts";
import { repoRoot } from "./helpers/project-copy.ts";

let result: PipelineResult;
let files: Map<string, string | Buffer>;
beforeAll(async () => {
  ({ result } = await runPipeline(repoRoot));
  files = new Map(await downloadFiles(result));
});

describe("downloads", () => {
  it("offers every level in every format", () => {
    for (const d of DOWNLOADS) for (const ext of ["csv", "json", "xlsx"]) expect(files.has(`${d.file}.${ext}`), `${d.file}.${ext}`).toBe(true);
    expect(String(files.get("README.txt"))).toMatch(/RECONSTRUCTED EXAMPLE DATA/);
  });

  it("index.xlsx opens with the computed totals as numbers", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files.get("index.xlsx") as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(ws.rowCount).toBe(result.index.length + 1);
    result.index.forEach((r, i) => {
      const row = ws.getRow(i + 2);
      expect(row.getCell(col("country")).value).toBe(r.country);
      expect(row.getCell(col("year")).value).toBe(r.year);
      expect(row.getCell(col("index")).value).toBe(plainNumber(r.index));
    });
    expect(result.index.length, "data/sheets holds sheets").toBeGreaterThan(0);
  });

  it("index.xlsx keeps a negative total a number", async () => {
    const negative = { ...result, index: result.index.map((r, i) => (i === 0 ? { ...r, index: -95.02 } : r)) };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Map(await downloadFiles(negative)).get("index.xlsx") as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const cell = ws.getRow(2).getCell((ws.getRow(1).values as unknown[]).indexOf("index"));
    expect(cell.type).toBe(ExcelJS.ValueType.Number);
    expect(cell.value).toBe(-95.02);
  });

  it("index.csv reads back (through the project's own reader) to the same numbers", async () => {
    const table = await readTableData("index.csv", Buffer.from(String(files.get("index.csv"))), { required: ["country", "year", "index"], optional: ["methodology", "rank", "countries", "max_attainable", "min_attainable", "indicators", "excluded"] });
    expect(table.records.length).toBe(result.index.length);
    table.records.forEach((rec, i) => expect(Number(rec.cells.index)).toBe(plainNumber(result.index[i]!.index)));
  });

  it("neutralises sheet text that a spreadsheet would run as a formula, in CSV; keeps it inert text in XLSX", async () => {
    const hostile = {
      ...result,
      answers: result.answers.map((a, i) => (i === 0 ? { ...a, note: "=HYPERLINK(\"http://x\",\"y\")" } : i === 1 ? { ...a, note: "-2+3" } : i === 2 ? { ...a, points: -2.5 } : a)),
    };
    const out = new Map(await downloadFiles(hostile));
    const csv = String(out.get("answers.csv"));
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv).toContain(",'-2+3,");
    expect(csv).not.toMatch(/,=HYPERLINK/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out.get("answers.xlsx") as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const noteCol = (ws.getRow(1).values as unknown[]).indexOf("note");
    expect(ws.getRow(2).getCell(noteCol).type).toBe(ExcelJS.ValueType.String);
    expect(ws.getRow(2).getCell(noteCol).value).toBe('=HYPERLINK("http://x","y")');
    // Negative points stay numbers.
    const pts = new ExcelJS.Workbook();
    await pts.xlsx.load(out.get("points.xlsx") as unknown as ArrayBuffer);
    const pws = pts.worksheets[0]!;
    const pointsCol = (pws.getRow(1).values as unknown[]).indexOf("points");
    expect(pws.getRow(4).getCell(pointsCol).type).toBe(ExcelJS.ValueType.Number);
    expect(pws.getRow(4).getCell(pointsCol).value).toBe(-2.5);
  });

  it("the build writes every file and one archive holding them all, byte for byte", async () => {
    const dist = mkdtempSync(path.join(tmpdir(), "pti-downloads-"));
    try {
      const written = await writeDownloads(result, dist);
      expect(written).toContain(ARCHIVE);
      // Packed from the written files, read back as it packs them: the same archive as packed from the bytes in memory.
      const archive = readFileSync(path.join(dist, DOWNLOADS_DIR, ARCHIVE));
      expect(archive.equals(await zipFiles([...files]))).toBe(true);
      const zip = await JSZip.loadAsync(archive);
      expect(Object.keys(zip.files).sort()).toEqual([...files.keys()].sort());
      for (const [name, content] of files) {
        expect(readFileSync(path.join(dist, DOWNLOADS_DIR, name)).equals(Buffer.from(content)), name).toBe(true);
        expect((await zip.file(name)!.async("nodebuffer")).equals(Buffer.from(content)), `${name} in the archive`).toBe(true);
      }
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
