// The built report reflects the current data/ (no stale loader output) and is private. The edits are
// made to a copy of data/ in terms of what it holds (its latest sheet, a new edition row, a new
// country), so the test means the same whatever data/ holds.
import { describe, it, expect, afterAll } from "vitest";
import { readFileSync, writeFileSync, readdirSync, statSync, copyFileSync, existsSync, appendFileSync } from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { copyProject, npmRun } from "./helpers/project-copy.ts";
import { loadProject } from "../loaders/project.ts";

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}
/** Every file under `dir` by its path there, with its SHA-256. */
const digests = (dir: string) =>
  Object.fromEntries(filesUnder(dir).map((f) => [path.relative(dir, f), createHash("sha256").update(readFileSync(f)).digest("hex")]).sort(([a], [b]) => (a < b ? -1 : 1)));
const grepDist = (root: string, needle: string | RegExp) =>
  filesUnder(path.join(root, "dist")).filter((f) => {
    const s = readFileSync(f, "latin1");
    return typeof needle === "string" ? s.includes(needle) : needle.test(s);
  });

/** Appends a row to a CSV file of the copy, in its header's column order and delimiter; returns the row's line number. */
function appendRow(file: string, cells: Record<string, string>): number {
  const text = readFileSync(file, "utf8").replace(/^\ufeff/, "");
  const header = text.split(/\r?\n/)[0]!;
  const delimiter = header.includes(";") && !header.includes(",") ? ";" : ",";
  const columns = header.split(delimiter).map((c) => c.trim().toLowerCase().replace(/\s+/g, "_"));
  expect(Object.keys(cells).every((k) => columns.includes(k)), `${file}: columns ${columns.join(", ")}`).toBe(true);
  const lines = text.split(/\r?\n/);
  const last = lines.length - (lines.at(-1) === "" ? 1 : 0); // lines so far
  appendFileSync(file, `${text.endsWith("\n") ? "" : "\n"}${columns.map((c) => cells[c] ?? "").join(delimiter)}\n`);
  return last + 1;
}

describe("npm run build", () => {
  const project = copyProject();
  afterAll(() => project.cleanup());
  const editions = path.join(project.root, "data/published/editions.csv");
  // A published value no edition and no computed total has: it can only come from the edited file.
  const FRESH = "9876.54";

  it("rebuilds from edited data, never from a stale cache, gives a newly added country its page, and references no third party", async () => {
    const first = npmRun(project.root, "build");
    expect(first.status, first.stderr).toBe(0);
    // The build wrote every page and every loader output itself: Framework found each fresh and started no loader process.
    const plain = (out: string) => out.replace(/\x1b\[[0-9;]*m/g, ""); // Framework colours its log even with FORCE_COLOR=0
    const started = (out: string) => plain(out).split("\n").filter((l) => /\[(missing|stale)\]/.test(l));
    expect(started(first.stdout)).toEqual([]);
    expect(plain(first.stdout)).toContain("load /countries/KAZ.md → [fresh]");
    expect(grepDist(project.root, `"index":${FRESH}`)).toEqual([]);
    expect(existsSync(path.join(project.root, "dist/countries/XTS.html"))).toBe(false);

    // Nothing changed: the one result is not computed again (scripts/kept-run.ts), and the report is the same, byte for byte.
    const before = digests(path.join(project.root, "dist"));
    const again = npmRun(project.root, "build");
    expect(again.status, again.stderr).toBe(0);
    expect(plain(again.stdout)).toContain("loader inputs unchanged: the one result is not computed again");
    expect(plain(again.stdout)).not.toContain("read, validate and compute the one result");
    expect(plain(again.stdout)).toContain("downloads (copied from the last build while Framework ran)");
    expect(digests(path.join(project.root, "dist"))).toEqual(before);

    // A later edition publishes a value for the latest sheet's country-year, and a new country (XTS)
    // gets a copy of that sheet and its survey.
    const data = await loadProject(project.root);
    expect(data.sheets.length, "data/sheets holds sheets").toBeGreaterThan(0);
    const latest = [...data.sheets].sort((a, b) => a.year - b.year || (a.file < b.file ? -1 : 1)).at(-1)!;
    const edition = Math.max(0, ...data.editions.map((e) => e.edition)) + 1;
    appendRow(editions, { edition: String(edition), published: "2099-01-01", year: String(latest.year), country: latest.country, index: FRESH, source: "https://example.org/ test edition" });
    appendRow(path.join(project.root, "data/countries.csv"), { code: "XTS", name_en: "Testland", name_ru: "Тестландия" });
    copyFileSync(path.join(project.root, latest.file), path.join(project.root, latest.file.replace(new RegExp(`/${latest.country}(\\.[a-z]+)$`, "i"), "/XTS$1")));
    const survey = data.surveys.find((s) => s.country === latest.country && s.year === latest.year);
    if (survey) copyFileSync(path.join(project.root, survey.file), path.join(project.root, survey.file.replace(new RegExp(`/${latest.country}(\\.[a-z]+)$`, "i"), "/XTS$1")));

    const second = npmRun(project.root, "build");
    expect(second.status, second.stderr).toBe(0);
    expect(plain(second.stdout)).toContain("read, validate and compute the one result");
    expect(started(second.stdout)).toEqual([]);
    expect(plain(second.stdout)).toContain("load /ru/countries/XTS.md → [fresh]");
    expect(grepDist(project.root, `"index":${FRESH}`).length).toBeGreaterThan(0);
    expect(existsSync(path.join(project.root, "dist/countries/XTS.html"))).toBe(true);
    const results = grepDist(project.root, /"ranking":/).find((f) => f.includes("results"))!;
    const ranking = JSON.parse(readFileSync(results, "utf8")).ranking as { country: string }[];
    expect(ranking.map((r) => r.country)).toContain("XTS");
    expect(grepDist(project.root, /cdn\.jsdelivr|unpkg\.com|fonts\.googleapis|fonts\.gstatic/)).toEqual([]);
  }, 1_500_000); // three builds of the site in both languages, on a shared machine

  it("fails with file, row and column when a published total is not a number", () => {
    const line = appendRow(editions, { edition: "1", published: "2099-01-01", year: "2099", country: "XTS", index: "abc", source: "x" });
    const r = npmRun(project.root, "build");
    expect(r.status).not.toBe(0);
    expect(r.stderr + r.stdout).toContain(`data/published/editions.csv:${line}:index: "abc" is not a number`);
  }, 300_000);
});
