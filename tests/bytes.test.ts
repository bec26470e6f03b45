// The downloads' tables are written piece by piece into bytes (loaders/present/bytes.ts), never as one
// string, since at the scale of a global index one table is longer than a string can be; the bytes
// are those the one-string forms give.
import { describe, it, expect } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { byteWriter, piecesToBytes, writePieces } from "../loaders/present/bytes.ts";
import { csvLines, jsonRows, toCsv, toJson } from "../loaders/present/csv.ts";

const rows = [
  { country: "KAZ", year: 2024, index: 134.65000000000001, note: "says \"yes\",\nthen no", ok: true, none: null },
  { country: "UKR", year: 2024, index: -3.04, note: "=SUM(A1)", ok: false, none: null },
  { country: "Қазақстан", year: 2023, index: 0.1 + 0.2, note: "Ёлка, «кавычки»", ok: true, none: null },
];
const columns = ["country", "year", "index", "note", "ok", "none"] as const;

describe("tables as bytes", () => {
  it("a CSV's lines are the CSV, and an array's JSON pieces are its JSON, character for character", () => {
    expect(piecesToBytes(csvLines(rows, [...columns])).toString("utf8")).toBe(toCsv(rows, [...columns]));
    expect(piecesToBytes(jsonRows(rows)).toString("utf8")).toBe(toJson(rows));
    expect(piecesToBytes(jsonRows([])).toString("utf8")).toBe("[]\n");
    expect(piecesToBytes(jsonRows([{ nested: { a: [1, 0.30000000000000004] } }])).toString("utf8")).toBe(toJson([{ nested: { a: [1, 0.30000000000000004] } }]));
    expect(piecesToBytes(jsonRows(rows)).toString("utf8")).toContain('"index": 0.3,');
  });

  it("pieces past the writer's flush size come out whole and in order, multi-byte characters included", () => {
    const w = byteWriter();
    const piece = "ж".repeat(1000) + "x"; // 2,001 bytes of UTF-8 in 1,001 characters
    for (let i = 0; i < 20_000; i++) w.write(piece); // 20 million characters: nineteen flushes of 1,048,576 characters and a remainder
    const bytes = w.bytes();
    expect(bytes.length).toBe(20_000 * 2001);
    expect(bytes.subarray(0, 2001).toString("utf8")).toBe(piece);
    expect(bytes.subarray(bytes.length - 2001).toString("utf8")).toBe(piece);
    expect(bytes.equals(Buffer.from(piece.repeat(20_000), "utf8"))).toBe(true);
  });

  it("written to a file about a megabyte at a time, the pieces are the same bytes", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pti-pieces-"));
    try {
      const piece = "ж".repeat(1000) + "x";
      const pieces = () => Array.from({ length: 20_000 }, () => piece); // past two chunks
      writePieces(path.join(dir, "big.txt"), pieces());
      expect(readFileSync(path.join(dir, "big.txt")).equals(piecesToBytes(pieces()))).toBe(true);
      writePieces(path.join(dir, "empty.txt"), []);
      expect(readFileSync(path.join(dir, "empty.txt")).length).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
