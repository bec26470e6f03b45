// Pins of the reconstructed example data (data/ as committed): these tests hold only for the
// reconstruction. When data/ is replaced by the Working Group's files, delete or re-pin this folder;
// the engine's tests elsewhere in tests/ run on their own fixtures and stay meaningful.
//
// explain on the example data: Ukraine 2024 (the definition of torture the only change), a year
// and a country with no sheet. The same command on the fixture project: tests/trace.test.ts.
import { describe, it, expect } from "vitest";
import { commandContext } from "../../loaders/command.ts";
import { runPipeline } from "../../loaders/pipeline.ts";
import { traceCountryYear } from "../../loaders/present/trace.ts";
import { command as explain } from "../../loaders/commands/explain.ts";
import { repoRoot } from "../helpers/project-copy.ts";

describe("explain on the reconstructed data", async () => {
  const { project, result } = await runPipeline(repoRoot);
  const run = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const status = await explain.run(args, commandContext({ root: repoRoot, out: (l) => out.push(l), err: (l) => err.push(l) }));
    return { status, out: out.join("\n"), err: err.join("\n") };
  };

  it("explain UKR 2024 prints the whole calculation, the definition indicator the only change from 2023", async () => {
    const r = await run("UKR", "2024");
    expect(r.status, r.err).toBe(0);
    expect(r.out).toMatch(/^UKR \(Ukraine\) 2024: Prohibition of Torture Index 80\.77/);
    expect(r.out).toMatch(/Published: edition 6 \(2025-08-08\) 80\.77: matches/);
    expect(r.out).toContain("Survey score");
    const trace = traceCountryYear(result, project, "UKR", 2024)!;
    expect(trace.changes).toHaveLength(1);
    expect(trace.changes[0]!.change).toBe("reassessment");
  });

  it("explain says clearly when a country-year is unknown, and exits 1", async () => {
    const r = await run("UKR", "1999");
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/no computed Index for UKR 1999.*UKR has sheets for 2019/);
    const p = await run("TJK", "2022");
    expect(p.status).toBe(1);
    expect(p.err).toMatch(/TJK has no sheet at all/);
    expect((await run("UKR")).status).toBe(2);
  });
});
