import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { FIXTURE_ROOT, fixtureCopy } from "./fixtures/copy-fixture.ts";

const REPO = path.resolve(import.meta.dirname, "..");
// tsx by absolute URL, so the CLI also runs from a folder outside the repository
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

function cli(args: string[], cwd = REPO) {
  const env = { ...process.env };
  delete env.INIT_CWD; // set by `npm test`; the CLI would resolve PATHs against it
  const r = spawnSync(process.execPath, ["--import", TSX, path.join(REPO, "loaders/cli.ts"), ...args], { cwd, env, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const lines = (s: string) => s.split("\n").filter((l) => l !== "");

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe("npm run index -- check", () => {
  it("passes on the fixture project", () => {
    const r = cli(["check", "--root", FIXTURE_ROOT]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("checked 4 sheets, 2 surveys, 6 other files: 49 rows, 0 problems\n");
    expect(r.status).toBe(0);
  });

  it("lists every problem on stderr, one per line, and exits 1", async () => {
    const copy = await fixtureCopy([
      { name: "ordinal-partly.csv", as: "data/sheets/2020/KAZ.csv" },
      { name: "duplicate-respondent-question.csv", as: "data/surveys/2020/KAZ.csv" },
      { name: "year-not-governed.csv", as: "data/sheets/2031/KAZ.csv" },
    ]);
    cleanups.push(copy.remove);
    const r = cli(["--root", copy.root, "check"]);
    expect(lines(r.stderr)).toEqual([
      'data/sheets/2020/KAZ.csv:6:value: "partly" is not a level of RM-04 (expected: yes, partial, no)',
      "data/sheets/2031/KAZ.csv: no methodology governs the year 2031 (versions: 2019-pilot 2019–2019, 2020 2020–2024)",
      "data/surveys/2020/KAZ.csv:8:question: respondent R3 answered Q1 twice (first on row 6)",
    ]);
    expect(r.stdout).toBe("checked 5 sheets, 2 surveys, 6 other files: 54 rows, 3 problems\n");
    expect(r.status).toBe(1);

    // only the given paths (relative to the current directory), still against data/'s codebooks and countries
    const one = cli(["check", "data/sheets/2020/KAZ.csv"], copy.root);
    expect(lines(one.stderr)).toEqual(['data/sheets/2020/KAZ.csv:6:value: "partly" is not a level of RM-04 (expected: yes, partial, no)']);
    expect(one.stdout).toBe("checked 1 sheet, 0 surveys, 3 other files: 10 rows, 1 problem\n");
    expect(one.status).toBe(1);
    const fine = cli(["check", "--root", copy.root, path.join(copy.root, "data/sheets/2019")]);
    expect(fine.stdout).toBe("checked 1 sheet, 0 surveys, 3 other files: 7 rows, 0 problems\n");
    expect(fine.status).toBe(0);
  });

  it("answers an unknown command or option with usage and exit 2", () => {
    const r = cli(["frobnicate"]);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)[0]).toBe('unknown command "frobnicate"');
    expect(r.stderr).toContain("usage: npm run index -- <command>");
    expect(r.stderr).toMatch(/^  check +\[PATH…\] \[--lang ru\|en\]  validate every input file/m);
    expect(cli(["check", "--strict"]).status).toBe(2);
    expect(cli(["check", "--root"]).status).toBe(2);
    expect(cli([]).status).toBe(2);
    const help = cli(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("usage:");
  });
});
