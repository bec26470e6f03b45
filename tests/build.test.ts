// The built report reflects the current data/ (no stale loader output) and is private.
import { describe, it, expect, afterAll } from "vitest";
import { readFileSync, writeFileSync, readdirSync, statSync, copyFileSync, existsSync } from "node:fs";
import path from "node:path";
import { copyProject, npmRun } from "./helpers/project-copy.ts";

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}
const grepDist = (root: string, needle: string | RegExp) =>
  filesUnder(path.join(root, "dist")).filter((f) => {
    const s = readFileSync(f, "latin1");
    return typeof needle === "string" ? s.includes(needle) : needle.test(s);
  });

describe("npm run build", () => {
  const project = copyProject();
  afterAll(() => project.cleanup());

  it("rebuilds from edited data, never from a stale cache, gives a newly added country its page, and references no third party", () => {
    const first = npmRun(project.root, "build");
    expect(first.status, first.stderr).toBe(0);
    expect(grepDist(project.root, '"index":134.65').length).toBeGreaterThan(0);
    expect(grepDist(project.root, '"index":134.66')).toEqual([]);

    const file = path.join(project.root, "data/published/editions.csv");
    const edited = readFileSync(file, "utf8").replace(/^6,2025-08-08,2024,KAZ,134\.65,/m, "6,2025-08-08,2024,KAZ,134.66,");
    expect(edited).not.toEqual(readFileSync(file, "utf8"));
    writeFileSync(file, edited);
    // A country with no sheets so far (Tajikistan is in countries.csv) gets 2024 sheets.
    expect(existsSync(path.join(project.root, "dist/countries/TJK.html"))).toBe(false);
    copyFileSync(path.join(project.root, "data/sheets/2024/KAZ.csv"), path.join(project.root, "data/sheets/2024/TJK.csv"));
    copyFileSync(path.join(project.root, "data/surveys/2024/KAZ.csv"), path.join(project.root, "data/surveys/2024/TJK.csv"));

    const second = npmRun(project.root, "build");
    expect(second.status, second.stderr).toBe(0);
    expect(grepDist(project.root, '"index":134.66').length).toBeGreaterThan(0);
    expect(existsSync(path.join(project.root, "dist/countries/TJK.html"))).toBe(true);
    const results = grepDist(project.root, /"ranking":/).find((f) => f.includes("results"))!;
    const ranking = JSON.parse(readFileSync(results, "utf8")).ranking as { country: string }[];
    expect(ranking.map((r) => r.country)).toContain("TJK");
    expect(grepDist(project.root, /cdn\.jsdelivr|unpkg\.com|fonts\.googleapis|fonts\.gstatic/)).toEqual([]);
  }, 600_000);

  it("fails with file, row and column when a published total is not a number", () => {
    const file = path.join(project.root, "data/published/editions.csv");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^(6,2025-08-08,2023,ARM,)131\.53,/m, "$1abc,"));
    const r = npmRun(project.root, "build");
    expect(r.status).not.toBe(0);
    expect(r.stderr + r.stdout).toMatch(/data\/published\/editions\.csv:\d+:index: "abc" is not a number/);
  }, 300_000);
});
