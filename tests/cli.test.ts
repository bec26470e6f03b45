// Every command parses its arguments strictly (node:util parseArgs) and resolves --out and PATH
// arguments against the folder it was run from, never against the project root.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../loaders/cli.ts";
import { FIXTURE_ROOT } from "./fixtures/copy-fixture.ts";

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
    expect(r.stdout).toMatch(/; wrote 9 files to rel\n$/);
    expect(readdirSync(path.join(here, "rel")).sort()).toEqual([
      "index.csv", "index.json", "indicators.csv", "indicators.json", "log.json", "sections.csv", "sections.json", "survey.csv", "survey.json",
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
    [["compute", "--method", "x.yaml", "--out", "o"], "compute: unknown option '--method'", "usage: npm run index -- compute --out DIR"],
    [["compute", "--out"], "compute: option '--out <value>' argument missing", "usage: npm run index -- compute --out DIR"],
    [["compute"], "compute: --out DIR is required", "usage: npm run index -- compute --out DIR"],
    [["audit", "--out", "--json"], "audit: option '--out' argument is ambiguous", "usage: npm run index -- audit --out DIR"],
    [["changes", "--out", "o", "extra"], "changes: expected no arguments besides options, got 1 (extra)", "usage: npm run index -- changes --out DIR [--claims FILE]"],
    [["changes", "--claims"], "changes: option '--claims <value>' argument missing", "usage: npm run index -- changes --out DIR [--claims FILE]"],
    [["explain", "KAZ"], "explain: expected 2 arguments besides options, got 1 (KAZ)", "usage: npm run index -- explain CODE YEAR [--json]"],
    [["explain", "KAZ", "2024", "--jsn"], "explain: unknown option '--jsn'", "usage: npm run index -- explain CODE YEAR [--json]"],
    [["explain", "KAZ", "24"], 'explain: YEAR is a four-digit year (e.g. explain UKR 2024), got "24"', "usage: npm run index -- explain CODE YEAR [--json]"],
    [["verify"], "verify: expected 1 argument besides options, got 0", "usage: npm run index -- verify MANIFEST"],
    [["check", "--strict"], "check: unknown option '--strict'", "usage: npm run index -- check [PATH…]"],
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
