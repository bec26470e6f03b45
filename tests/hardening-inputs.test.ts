// Small hostile inputs, generated on the spot: each is refused by name, with the limit it passes,
// before the work it would make costly; none crashes, hangs, or prints a file from outside the project.
import { afterEach, describe, expect, it } from "vitest";
import { mkdtemp, rm, symlink, writeFile, readFile, mkdir, unlink } from "node:fs/promises";
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { FIXTURE_ROOT, fixtureCopy } from "./fixtures/copy-fixture.ts";
import { checkProject, loadProject } from "../loaders/project.ts";
import { InputError, capProblems, formatProblem, type Problem } from "../loaders/problems.ts";
import { readTableData } from "../loaders/read.ts";
import { MAX_FILE_BYTES, MAX_PROBLEMS_PER_FILE, MAX_ROWS } from "../loaders/limits.ts";
import { command as check } from "../loaders/commands/check.ts";
import { commandContext } from "../loaders/command.ts";

const SHEET = "data/sheets/2020/KAZ.csv";
const HEADER = "indicator,value,source,note,change\n";
// Every row has no source, every row after the first repeats LP-01, and the six other indicators of
// methodology 2020 are missing.
const TOTAL_DUPLICATES = 150_000 + 149_999 + 6;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function project(): Promise<string> {
  const { root, remove } = await fixtureCopy();
  cleanups.push(remove);
  return root;
}
async function withSheet(content: string | Buffer, as = SHEET): Promise<string> {
  const root = await project();
  await writeFile(path.join(root, as), content);
  return root;
}
const lines = async (root: string) => (await checkProject(root)).problems.map(formatProblem);
const sheetLines = async (root: string, file = SHEET) => (await lines(root)).filter((l) => l.startsWith(file + ":"));

describe("only regular files inside the project are read", () => {
  it("refuses a FIFO in place of a sheet without opening it (check does not hang)", async () => {
    const root = await project();
    await unlink(path.join(root, SHEET));
    expect(spawnSync("mkfifo", [path.join(root, SHEET)]).status).toBe(0);
    expect(await sheetLines(root)).toEqual([`${SHEET}: is a named pipe (FIFO), not a file; only regular files are read`]);
  });

  it("refuses a codebook linked to a system file, and prints none of it", async () => {
    const root = await project();
    await symlink("/etc/passwd", path.join(root, "data/methodology/2030.yaml"));
    const out = await lines(root);
    expect(out).toEqual(["data/methodology/2030.yaml: is a symbolic link to a file outside the project, which is not read; put the file itself here"]);
    expect(out.join("\n")).not.toContain("root:");
  });

  it("refuses a sheet and a sensitivity.yaml linked to files elsewhere, and follows a link that stays inside", async () => {
    const root = await project();
    const elsewhere = await mkdtemp(path.join(os.tmpdir(), "pti-elsewhere-"));
    cleanups.push(() => rm(elsewhere, { recursive: true, force: true }));
    const good = await readFile(path.join(root, SHEET));
    await writeFile(path.join(elsewhere, "KAZ.csv"), good);
    await writeFile(path.join(elsewhere, "sensitivity.yaml"), "seed: 1\n");
    await unlink(path.join(root, SHEET));
    await unlink(path.join(root, "data/methodology/sensitivity.yaml"));
    await symlink(path.join(elsewhere, "KAZ.csv"), path.join(root, SHEET));
    await symlink(path.join(elsewhere, "sensitivity.yaml"), path.join(root, "data/methodology/sensitivity.yaml"));
    expect(await lines(root)).toEqual([
      "data/methodology/sensitivity.yaml: is a symbolic link to a file outside the project, which is not read; put the file itself here",
      `${SHEET}: is a symbolic link to a file outside the project, which is not read; put the file itself here`,
    ]);
    // The same sheet linked from inside the project is read as the file it points to.
    await mkdir(path.join(root, "originals"));
    await writeFile(path.join(root, "originals/KAZ.csv"), good);
    await unlink(path.join(root, SHEET));
    await unlink(path.join(root, "data/methodology/sensitivity.yaml"));
    await writeFile(path.join(root, "data/methodology/sensitivity.yaml"), await readFile(path.join(import.meta.dirname, "fixtures/codebook/data/methodology/sensitivity.yaml")));
    await symlink("../../../originals/KAZ.csv", path.join(root, SHEET));
    const r = await checkProject(root);
    expect(r.problems.map(formatProblem)).toEqual([]);
    expect(r.project!.sheets.find((s) => s.file === SHEET)!.answers).toHaveLength(7);
  });
});

describe("stated limits, checked before the work", () => {
  it("refuses a file over the size limit by its size, without parsing it (20 MB of blank lines ran out of heap)", async () => {
    const root = await withSheet(Buffer.alloc(MAX_FILE_BYTES + 1, "\n"));
    expect(await sheetLines(root)).toEqual([`${SHEET}: is ${MAX_FILE_BYTES + 1} bytes, more than the limit of 5242880 bytes (5 MB) for one input file`]);
  });

  it("refuses a CSV with more lines than the row limit", async () => {
    const root = await withSheet(HEADER + "\n".repeat(MAX_ROWS));
    expect(await sheetLines(root)).toEqual([`${SHEET}: has ${MAX_ROWS + 2} lines, more than the limit of 200000 for one table`]);
  });

  it("refuses a header of 200,000 columns (it overflowed the stack)", async () => {
    const root = await withSheet(Array.from({ length: 200_000 }, (_, i) => `c${i}`).join(",") + "\n1\n");
    expect(await sheetLines(root)).toEqual([
      `${SHEET}:1: the header line has 200000 fields, more than the limit of 100 columns (expected: indicator, value, source, note, change)`,
    ]);
  });

  it("refuses a cell longer than the cell limit, naming row and column, without quoting it", async () => {
    const good = await readFile(path.join(FIXTURE_ROOT, SHEET), "utf8");
    const long = "x".repeat(10_001);
    const root = await withSheet(good.replace("LP-02,partial,reconstructed,", `LP-02,partial,reconstructed,${long}`));
    const out = await sheetLines(root);
    // The row is left out and not judged further (a file whose rows do not all read is not checked for missing indicators).
    expect(out).toEqual([`${SHEET}:3:note: the value is 10001 characters long, more than the limit of 10000 for one cell`]);
  });

  it("refuses a zip bomb by the sizes its zip declares, before exceljs expands it", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("xl/worksheets/sheet1.xml", Buffer.alloc(60 * 1024 * 1024, " "));
    const bomb = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const root = await project();
    await unlink(path.join(root, SHEET));
    await writeFile(path.join(root, "data/sheets/2020/KAZ.xlsx"), bomb);
    expect(await sheetLines(root, "data/sheets/2020/KAZ.xlsx")).toEqual([
      `data/sheets/2020/KAZ.xlsx: expands to ${60 * 1024 * 1024 + 8} bytes when unzipped, more than the limit of 52428800 bytes (50 MB) for one workbook`,
    ]);
  });
});

describe("check reads sensitivity.yaml", () => {
  it("when given as the PATH, and not when another file is", async () => {
    const root = await project();
    await writeFile(path.join(root, "data/methodology/sensitivity.yaml"), await readFile(path.join(FIXTURE_ROOT, "../bad/sensitivity-unknown-section.yaml")));
    const only = await checkProject(root, { files: ["data/methodology/sensitivity.yaml"] });
    expect(only.problems.map(formatProblem)).toEqual(["data/methodology/sensitivity.yaml:7:weights.sections.XX: section XX is in no methodology (sections: JR, LP, RM)"]);
    expect(only.stats.other).toBe(4); // countries and the two codebooks as context, and it
    expect((await checkProject(root, { files: [SHEET] })).problems).toEqual([]);
  });

  it("a whole-project check reports it missing (the build could not run without it); checking one file does not", async () => {
    const root = await project();
    await unlink(path.join(root, "data/methodology/sensitivity.yaml"));
    expect((await checkProject(root)).problems.map(formatProblem)).toEqual([
      "data/methodology/sensitivity.yaml: file not found (the build reads it: the ranges of the sensitivity analysis; see the README)",
    ]);
    expect((await checkProject(root, { files: [SHEET] })).problems).toEqual([]);
  });
});

describe("what the expert cannot see in a workbook", () => {
  it("refuses a value hidden by a ;;; number format", async () => {
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    ws.addRow(["indicator", "value"]);
    ws.addRow(["LP-01", "yes"]);
    ws.getCell("B2").numFmt = ";;;";
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const err = await readTableData("t.xlsx", data, { required: ["indicator", "value"] }).catch((e: unknown) => e);
    expect((err as InputError).problems.map(formatProblem)).toEqual(["t.xlsx:2: cell B2 holds a value its number format (;;;) hides; set the format to General or Text"]);
  });
});

describe("workbook limits", () => {
  it("refuses a worksheet with a value beyond the column limit", async () => {
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    ws.addRow(["indicator", "value"]);
    ws.addRow(["LP-01", "yes"]);
    ws.getCell(2, 150).value = "far right";
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const err = await readTableData("t.xlsx", data, { required: ["indicator", "value"] }).catch((e: unknown) => e);
    expect((err as InputError).problems.map(formatProblem)).toEqual(["t.xlsx: its worksheet \"Sheet1\" has cells up to column ET, beyond the limit of 100 columns (column CV)"]);
  });
});

describe("error output is bounded", () => {
  it("lists the first problems of a file and counts the rest; 150,000 duplicate rows do not overflow the stack", async () => {
    const root = await withSheet(HEADER + "LP-01,yes,,,\n".repeat(150_000));
    const r = await checkProject(root);
    const mine = r.problems.filter((p) => p.file === SHEET).map(formatProblem);
    expect(mine).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    expect(mine[0]).toBe(`${SHEET}: indicator LP-02 is missing (methodology 2020 requires every indicator once)`);
    expect(mine[MAX_PROBLEMS_PER_FILE]).toBe(`${SHEET}: ${r.total - MAX_PROBLEMS_PER_FILE} more problems in this file not listed (only the first 50 are)`);
    expect(r.total).toBe(TOTAL_DUPLICATES);
    const err = await loadProject(root).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(new RegExp(`^${TOTAL_DUPLICATES} problems in the input:\\n`));
    expect((err as InputError).problems).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
  });

  it("cuts a message quoting a long value, and readTableData caps its problems too", async () => {
    const p = (message: string): Problem => ({ file: "a.csv", row: 2, column: "value", message });
    expect(capProblems([p("y".repeat(1_500))])[0]!.message).toBe(`${"y".repeat(1_000)}… (500 more characters)`);
    const data = Buffer.from("indicator,value\n" + "x,1,2\n".repeat(60));
    const err = await readTableData("t.csv", data, { required: ["indicator", "value"] }).catch((e: unknown) => e);
    expect((err as InputError).total).toBe(60);
    expect((err as InputError).problems.map(formatProblem).slice(-2)).toEqual([
      "t.csv:51: has 3 fields, header has 2 (a decimal comma in a comma-separated file? quote the number or save with ;)",
      "t.csv: 10 more problems in this file not listed (only the first 50 are)",
    ]);
  });

  it("check prints the capped list but counts every problem in its summary", async () => {
    // 4,000 rows of a value that is not a level: 4,000 problems, 51 lines on stderr.
    const root = await withSheet(HEADER + "LP-02,partly,reconstructed,,\n".repeat(4_000));
    const out: string[] = [];
    const err: string[] = [];
    const status = await check.run([], commandContext({ root, out: (l) => out.push(l), err: (l) => err.push(l) }));
    expect(status).toBe(1);
    const mine = err.filter((l) => l.startsWith(SHEET + ":"));
    expect(mine).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    expect(mine.at(-1)).toBe(`${SHEET}: ${4_000 + 3_999 + 6 - MAX_PROBLEMS_PER_FILE} more problems in this file not listed (only the first 50 are)`);
    // 4,000 rows here and 42 in the fixture's other files; 4,000 "partly", 3,999 repeats, 6 missing indicators.
    expect(out).toEqual(["checked 4 sheets, 2 surveys, 6 other files: 4,042 rows, 8,005 problems"]);
  });
});
