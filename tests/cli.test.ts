// Every command parses its arguments strictly (node:util parseArgs) and resolves --out and PATH
// arguments against the folder it was run from, never against the project root.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../loaders/cli.ts";
import { FIXTURE_ROOT } from "./fixtures/copy-fixture.ts";
import { loadProject } from "../loaders/project.ts";
import { computeIndex } from "../loaders/pipeline.ts";
import { PUBLISHED_METHOD } from "../loaders/method.ts";
import { plainNumber } from "../loaders/shared/format.ts";

const REPO = path.resolve(import.meta.dirname, "..");
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

async function run(argv: string[], cwd = REPO) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(argv, { cwd, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { status, out, err };
}

describe("paths are the caller's", () => {
  const here = mkdtempSync(path.join(tmpdir(), "pti-cwd-"));
  afterAll(() => rmSync(here, { recursive: true, force: true }));

  it("compute --out rel, run from another folder, writes into that folder's rel/", () => {
    const env = { ...process.env };
    delete env.INIT_CWD; // the CLI would take the caller's folder from it
    const r = spawnSync(process.execPath, ["--import", TSX, path.join(REPO, "loaders/cli.ts"), "--root", FIXTURE_ROOT, "compute", "--out", "rel"], { cwd: here, env, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/; wrote 10 files to rel\n$/);
    expect(readdirSync(path.join(here, "rel")).sort()).toEqual([
      "index.csv", "index.json", "indicators.csv", "indicators.json", "log.json", "method.json", "sections.csv", "sections.json", "survey.csv", "survey.json",
    ]);
    expect(existsSync(path.join(FIXTURE_ROOT, "rel"))).toBe(false);
  });

  it("check PATH is relative to the caller's folder, not the root", async () => {
    const r = await run(["--root", FIXTURE_ROOT, "check", "data/sheets/2019"], here);
    expect(r.err.join("\n")).toContain(`${path.join(here, "data/sheets/2019")}`);
    expect(r.status).toBe(1);
  });
});

describe("strict arguments: an unknown option, a missing value or a stray argument is a usage error (exit 2)", () => {
  const cases: [string[], string, string][] = [
    [["compute", "--methods", "x.yaml", "--out", "o"], "compute: unknown option '--methods'", "usage: npm run index -- compute --out DIR [--method FILE]"],
    [["compute", "--out", "o", "--method"], "compute: option '--method <value>' argument missing", "usage: npm run index -- compute --out DIR [--method FILE]"],
    [["compute", "--out"], "compute: option '--out <value>' argument missing", "usage: npm run index -- compute --out DIR [--method FILE]"],
    [["compute"], "compute: --out DIR is required", "usage: npm run index -- compute --out DIR [--method FILE]"],
    [["audit", "--out", "--json"], "audit: option '--out' argument is ambiguous: it starts with a dash, like an option (a value that starts with a dash is written --out=-XYZ)", "usage: npm run index -- audit --out DIR"],
    [["changes", "--out", "o", "extra"], "changes: expected no arguments besides options, got 1 (extra)", "usage: npm run index -- changes --out DIR [--claims FILE]"],
    [["changes", "--claims"], "changes: option '--claims <value>' argument missing", "usage: npm run index -- changes --out DIR [--claims FILE]"],
    [["explain", "KAZ"], "explain: expected 2 arguments besides options, got 1 (KAZ)", "usage: npm run index -- explain CODE YEAR [--json]"],
    [["explain", "KAZ", "2024", "--jsn"], "explain: unknown option '--jsn'", "usage: npm run index -- explain CODE YEAR [--json]"],
    [["explain", "KAZ", "24"], 'explain: YEAR is a four-digit year (e.g. explain UKR 2024), got "24"', "usage: npm run index -- explain CODE YEAR [--json]"],
    [["verify"], "verify: expected 1 argument besides options, got 0", "usage: npm run index -- verify MANIFEST"],
    [["check", "--strict"], "check: unknown option '--strict'", "usage: npm run index -- check [PATH…] [--lang ru|en]"],
    [["sensitivity", "--seed", "1.5", "--out", "o"], 'sensitivity: --seed needs a whole number ≥ 0, got "1.5"', "usage: npm run index -- sensitivity [--draws N] [--seed S] [--samples N] --out DIR"],
  ];
  for (const [argv, problem, usageLine] of cases)
    it(argv.join(" "), async () => {
      const r = await run(["--root", FIXTURE_ROOT, ...argv]);
      expect(r.err).toEqual([problem, usageLine]);
      expect(r.out).toEqual([]);
      expect(r.status).toBe(2);
    });

  it("--root without a folder, before or after the command", async () => {
    for (const argv of [["--root"], ["check", "--root"], ["--root", "--json", "check"]]) {
      const r = await run(argv);
      expect(r.err[0], argv.join(" ")).toBe("--root needs a folder: --root DIR");
      expect(r.err[1]!.split("\n")[0]).toBe("usage: npm run index -- <command> [--root DIR] [args]");
      expect(r.status).toBe(2);
    }
  });

  it("takes --root=DIR and --out=DIR inline", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pti-inline-"));
    try {
      const r = await run([`--root=${FIXTURE_ROOT}`, "compute", "--out=o"], dir);
      expect(r.err).toEqual([]);
      expect(r.status).toBe(0);
      expect(existsSync(path.join(dir, "o", "index.csv"))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("compute --method FILE", () => {
  const here = mkdtempSync(path.join(tmpdir(), "pti-method-"));
  afterAll(() => rmSync(here, { recursive: true, force: true }));

  it("computes every level under the method in the file (a path relative to the caller), the same as computeIndex", async () => {
    writeFileSync(path.join(here, "no-lp.yaml"), "# the Index without its legal section\nweights: { LP: 0 }\nmissing: worst\n");
    const r = await run(["--root", FIXTURE_ROOT, "compute", "--method", "no-lp.yaml", "--out", "alt"], here);
    expect(r.err).toEqual([]);
    expect(r.status).toBe(0);
    expect(r.out[0]).toBe("method: the method in no-lp.yaml");
    const project = await loadProject(FIXTURE_ROOT);
    const want = computeIndex(project, { ...PUBLISHED_METHOD, weights: { LP: 0 }, missing: "worst" }).index;
    const published = computeIndex(project).index;
    const rows = JSON.parse(readFileSync(path.join(here, "alt", "index.json"), "utf8")) as { country: string; year: number; index: number; rank: number }[];
    expect(rows.map((x) => [x.country, x.year, x.index, x.rank])).toEqual(want.map((x) => [x.country, x.year, plainNumber(x.index), x.rank]));
    expect(rows.some((x, i) => x.index !== plainNumber(published[i]!.index))).toBe(true); // LP carries points here: the method moved totals
    const sections = JSON.parse(readFileSync(path.join(here, "alt", "sections.json"), "utf8")) as { section: string; weight: number; weighted: number }[];
    expect(sections.filter((s) => s.section === "LP").every((s) => s.weight === 0 && s.weighted === 0)).toBe(true);
    expect(JSON.parse(readFileSync(path.join(here, "alt", "method.json"), "utf8"))).toMatchObject({ source: "no-lp.yaml", weights: { LP: 0 }, missing: "worst", survey: null });
  });

  it("a method file naming a section no codebook has: file, line, key and the sections there are; exit 1, nothing written", async () => {
    writeFileSync(path.join(here, "bad.yaml"), "survey: median\nweights:\n  PG: 2\n");
    const r = await run(["--root", FIXTURE_ROOT, "compute", "--method", "bad.yaml", "--out", "bad-out"], here);
    expect(r.err[0]).toBe('bad.yaml:3:weights.PG: "PG" is not a section of any codebook version (expected one of: JR, LP, RM)');
    expect(r.status).toBe(1);
    expect(existsSync(path.join(here, "bad-out"))).toBe(false);
  });
});
