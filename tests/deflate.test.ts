// The downloads' files deflated in a thread of their own as they are written (loaders/present/zip.ts
// startDeflating) make the archive jszip makes from the files themselves, byte for byte.
import { describe, it, expect, afterAll } from "vitest";
import { mkdtempSync, rmSync, writeFileSync, createReadStream } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inflateRawSync } from "node:zlib";
import { startDeflating, zipFiles, deflatedInArchive } from "../loaders/present/zip.ts";

const dir = mkdtempSync(path.join(tmpdir(), "pti-deflate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Text over the thread's 1 MB reads, with Cyrillic, and a small file: several reads and one.
const big = Array.from({ length: 60_000 }, (_, i) => `KAZ,${2000 + (i % 25)},Ёлка «${i}»,${(i * 0.37).toFixed(3)}\n`).join("");
const files: [string, string][] = [
  ["points.csv", big],
  ["README.txt", "Numbers are written to 12 significant digits.\n"],
];

describe("deflating beside the main thread", () => {
  it("gives the archive jszip gives from the files, byte for byte", async () => {
    for (const [name, text] of files) writeFileSync(path.join(dir, name), text);
    expect(Buffer.byteLength(big)).toBeGreaterThan(2 * (1 << 20));
    const deflating = startDeflating();
    for (const [name] of files) deflating.add(name, path.join(dir, name));
    const deflated = await deflating.done();
    expect([...deflated.keys()].sort()).toEqual(["README.txt", "points.csv"]);
    const points = deflated.get("points.csv")!;
    expect(points.size).toBe(Buffer.byteLength(big));
    expect(inflateRawSync(points.deflated).toString("utf8")).toBe(big);
    const threaded = await zipFiles(files.map(([n]) => [n, deflated.get(n)!]));
    const here = await zipFiles(files.map(([n]) => [n, createReadStream(path.join(dir, n))]));
    expect(threaded.equals(here)).toBe(true);
  });

  it("names the file it could not read, and refuses a deflated workbook", async () => {
    const deflating = startDeflating();
    deflating.add("gone.csv", path.join(dir, "gone.csv"));
    await expect(deflating.done()).rejects.toThrow(/^deflating gone\.csv for the archive: ENOENT: no such file or directory/);
    expect(deflatedInArchive("points.xlsx")).toBe(false);
    expect(deflatedInArchive("points.json")).toBe(true);
    await expect(zipFiles([["points.xlsx", { deflated: new Uint8Array(2), crc32: 0, size: 0 }]])).rejects.toThrow("zip: points.xlsx is stored as it is, not deflated");
  });
});
