// The engine on the committed data: every published total reproduced (table-driven from
// editions.csv, never a second copy of the numbers), and one changed answer moves exactly
// its own points.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runPipeline, type PipelineResult } from "../loaders/pipeline.ts";
import type { Project } from "../loaders/project.ts";
import { repoRoot, copyProject } from "./helpers/project-copy.ts";

let project: Project;
let result: PipelineResult;
beforeAll(async () => {
  ({ project, result } = await runPipeline(repoRoot));
});

describe("pipeline on data/", () => {
  it("reproduces every published total of every edition to the cent (and exactly at full precision)", () => {
    expect(project.editions.length).toBeGreaterThan(0);
    for (const e of project.editions) {
      const computed = result.index.find((r) => r.country === e.country && r.year === e.year);
      expect(computed, `${e.country} ${e.year} (edition ${e.edition}) has no computed value`).toBeDefined();
      expect(Math.round(computed!.index * 100) / 100, `${e.country} ${e.year} edition ${e.edition}`).toBe(e.index);
      expect(Math.abs(computed!.index - e.index), `${e.country} ${e.year}`).toBeLessThan(1e-9);
    }
  });

  it("computes one Index per sheet and sums sections into it", () => {
    expect(result.index.length).toBe(project.sheets.length);
    for (const r of result.index) {
      const sum = result.sections.filter((s) => s.country === r.country && s.year === r.year).reduce((a, s) => a + s.weighted, 0);
      expect(sum).toBeCloseTo(r.index, 9);
      expect(Number.isFinite(r.index) && Number.isFinite(r.max_attainable)).toBe(true);
      expect(r.max_attainable).toBeGreaterThanOrEqual(r.index);
    }
  });

  it("logs every step that made the result", () => {
    expect(result.log.map((s) => s.step)).toEqual(["load", "method", "survey", "score", "missing", "sections", "index"]);
    expect(result.log.find((s) => s.step === "index")!.count).toBe(result.index.length);
  });

  it("removes an excluded indicator's best points from the maximum attainable", () => {
    const excluded = result.answers.filter((a) => a.excluded);
    expect(excluded.length).toBeGreaterThan(0);
    const a = excluded[0]!;
    const all = result.answers.filter((x) => x.country === a.country && x.year === a.year);
    const total = result.index.find((r) => r.country === a.country && r.year === a.year)!;
    expect(total.max_attainable).toBeCloseTo(all.filter((x) => !x.excluded).reduce((s, x) => s + x.best, 0), 9);
    expect(total.excluded).toBe(all.filter((x) => x.excluded).length);
  });
});

describe("changing one answer in a copy of the project", () => {
  const copy = copyProject();
  afterAll(() => copy.cleanup());

  it("moves that country-year's total by exactly the indicator's points difference and nothing else", async () => {
    // Pick a binary answer in the latest year and flip it.
    const target = result.answers.find((a) => a.scale === "binary" && a.year === 2024 && a.country === "KAZ" && !a.excluded)!;
    const flipped = target.value === "yes" ? "no" : "yes";
    const file = path.join(copy.root, target.file);
    const lines = readFileSync(file, "utf8").split("\n");
    const i = target.line - 1;
    expect(lines[i]!.startsWith(`${target.indicator},${target.value},`)).toBe(true);
    lines[i] = lines[i]!.replace(`${target.indicator},${target.value},`, `${target.indicator},${flipped},`);
    writeFileSync(file, lines.join("\n"));

    const after = (await runPipeline(copy.root)).result;
    const cb = project.codebooks.find((c) => c.version === target.methodology)!;
    const scale = cb.indicators.find((x) => x.id === target.indicator)!.scale as { type: "binary"; yes: number; no: number };
    const expected = (flipped === "yes" ? scale.yes : scale.no) - target.points!;
    expect(expected).not.toBe(0);
    for (const r of after.index) {
      const before = result.index.find((b) => b.country === r.country && b.year === r.year)!;
      const delta = r.index - before.index;
      if (r.country === target.country && r.year === target.year) expect(delta).toBeCloseTo(expected, 9);
      else expect(delta).toBe(0);
    }
  });
});
