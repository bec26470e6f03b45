// Sensitivity analysis (loaders/sensitivity.ts) and the browser's reweighting (src/components/reweight.js).
// On the real data when data/sheets holds sheets; on a synthetic project (bench/synthetic.ts) otherwise.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { commandContext } from "../loaders/command.ts";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { computeIndex, runPipeline, type PipelineResult } from "../loaders/pipeline.ts";
import { PUBLISHED_METHOD, type Method } from "../loaders/method.ts";
import type { Project } from "../loaders/project.ts";
import { InputError } from "../loaders/problems.ts";
import type { SensitivityConfig } from "../loaders/schema.ts";
import {
  analyseSensitivity,
  evaluate,
  leaveOneOut,
  prepareMatrix,
  publishedChoice,
  rankInto,
  type PointsMatrix,
} from "../loaders/sensitivity.ts";
import { sobolJansen } from "../loaders/sensitivity/sobol.ts";
import { loadSensitivityConfig, parseSensitivityConfig } from "../loaders/sensitivity/config.ts";
import { command } from "../loaders/commands/sensitivity.ts";
import type { Command } from "../loaders/command.ts";
import { prepareTable, reweight } from "../src/components/reweight.js";
import { repoRoot } from "./helpers/project-copy.ts";


describe("Sobol indices (Saltelli design, Jansen estimators)", () => {
  // Ishigami function, x_i uniform on [−π, π], a = 7, b = 0.1 (Ishigami & Homma 1990); analytic
  // indices: V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2, V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V3 = 0,
  // V13 = 8b²π⁸/225 (the only interaction). S1 ≈ 0.3139, S2 ≈ 0.4424, S3 = 0;
  // ST1 ≈ 0.5576, ST2 ≈ 0.4424, ST3 ≈ 0.2437.
  const a = 7;
  const b = 0.1;
  const PI = Math.PI;
  const V = (a * a) / 8 + (b * PI ** 4) / 5 + (b * b * PI ** 8) / 18 + 0.5;
  const V1 = 0.5 * (1 + (b * PI ** 4) / 5) ** 2;
  const V2 = (a * a) / 8;
  const V13 = (8 * b * b * PI ** 8) / 225;
  const first = [V1 / V, V2 / V, 0];
  const total = [(V1 + V13) / V, V2 / V, V13 / V];
  const ishigami = (u: Float64Array, out: Float64Array) => {
    const x1 = -PI + 2 * PI * u[0]!;
    const x2 = -PI + 2 * PI * u[1]!;
    const x3 = -PI + 2 * PI * u[2]!;
    out[0] = Math.sin(x1) + a * Math.sin(x2) ** 2 + b * x3 ** 4 * Math.sin(x1);
  };

  // Tolerance: 0.02 absolute with N = 100,000 base samples (500,000 runs). Across seeds the
  // estimators' error at this N is below about 0.01; 0.02 leaves room without hiding a wrong formula
  // (e.g. swapping A and B in the first-order estimator gives errors above 0.1).
  it("recovers the Ishigami function's analytic first- and total-order indices within 0.02", () => {
    const r = sobolJansen(3, 1, 100_000, 20250808, ishigami);
    expect(r.runs).toBe(500_000);
    expect(r.variance[0]).toBeGreaterThan(V * 0.97);
    expect(r.variance[0]).toBeLessThan(V * 1.03);
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(r.first[i]! - first[i]!), `S${i + 1} = ${r.first[i]} vs ${first[i]}`).toBeLessThan(0.02);
      expect(Math.abs(r.total[i]! - total[i]!), `ST${i + 1} = ${r.total[i]} vs ${total[i]}`).toBeLessThan(0.02);
      // The reported standard errors are of the right size: small, and the errors within 4 of them.
      expect(r.firstSE[i]).toBeLessThan(0.01);
      expect(Math.abs(r.first[i]! - first[i]!)).toBeLessThan(4 * r.firstSE[i]! + 1e-3);
      expect(Math.abs(r.total[i]! - total[i]!)).toBeLessThan(4 * r.totalSE[i]! + 1e-3);
    }
  });

  it("gives no index (NaN) for an output that never varies", () => {
    const r = sobolJansen(2, 2, 100, 1, (u, out) => {
      out[0] = u[0]!;
      out[1] = 3;
    });
    expect(Number.isNaN(r.first[1])).toBe(true);
    expect(Number.isNaN(r.total[3])).toBe(true);
    expect(Number.isNaN(r.total[0])).toBe(false);
  });
});

describe("sensitivity.yaml", () => {
  it("is valid and beside the codebooks", async () => {
    const c = await loadSensitivityConfig(repoRoot);
    expect(c.draws).toBeGreaterThan(0);
    expect(c.weights.default.low).toBeLessThanOrEqual(c.weights.default.high);
  });

  it("reports a bad range with its line and key", () => {
    const text = "seed: 1\ndraws: 10\nsobol_samples: 10\nweights:\n  default: {low: 1.5, high: 0.5}\nsurvey_method: [role_mean]\nmissing_data: [drop, drop]\nnormalisation: [raw]\n";
    try {
      parseSensitivityConfig(text, "x.yaml");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const msgs = (e as InputError).problems.map((p) => `${p.file}:${p.row}:${p.column}: ${p.message}`);
      expect(msgs).toContain("x.yaml:5:weights.default: low must not exceed high");
      expect(msgs).toContain("x.yaml:7:missing_data: alternatives must be distinct");
    }
  });
});

describe("sensitivity analysis", () => {
  let project: Project;
  let result: PipelineResult;
  let matrix: PointsMatrix;
  let config: SensitivityConfig;

  beforeAll(async () => {
    ({ project, result } = await runPipeline(repoRoot));
    matrix = prepareMatrix(project, result);
    config = await loadSensitivityConfig(repoRoot);
  });

  it(`reproduces the pipeline's Index exactly under the published choices (real data)`, () => {
    const index = evaluate(matrix, publishedChoice(matrix), new Float64Array(matrix.nCells));
    const want = new Map(result.index.map((r) => [`${r.country}/${r.year}`, r.index]));
    expect(matrix.nCells).toBe(result.index.length);
    matrix.cells.forEach((c, i) => expect(index[i], `${c.country} ${c.year}`).toBe(want.get(`${c.country}/${c.year}`)));
    const rank = rankInto(index, matrix.years, new Int32Array(matrix.nCells));
    const ranked = new Map(result.index.map((r) => [`${r.country}/${r.year}`, r.rank]));
    matrix.cells.forEach((c, i) => expect(rank[i], `${c.country} ${c.year}`).toBe(ranked.get(`${c.country}/${c.year}`)));
  });

  it("Monte Carlo: identical with the same seed, different with another", () => {
    const run = (seed: number) => analyseSensitivity(matrix, config, { draws: 2000, samples: 200, seed });
    const x = run(7);
    const y = run(7);
    const z = run(8);
    expect(JSON.stringify(y)).toBe(JSON.stringify(x));
    expect(JSON.stringify(z.ranks)).not.toBe(JSON.stringify(x.ranks));
    expect(JSON.stringify(z.sobol)).not.toBe(JSON.stringify(x.sobol));
  });

  it("all ranges zero: every interval collapses to the published point", () => {
    const cb = project.codebooks[project.codebooks.length - 1]!;
    const fixed: SensitivityConfig = {
      ...config,
      weights: { default: { low: 1, high: 1 }, sections: {} },
      survey_method: [cb.survey?.aggregation ?? "role_mean"],
      missing_data: [cb.missing_data.rule],
      normalisation: ["raw"],
    };
    const a = analyseSensitivity(matrix, fixed, { draws: 500, samples: 50, seed: 1 });
    const want = new Map(result.index.map((r) => [`${r.country}/${r.year}`, r.index]));
    expect(a.ranks.length).toBe(result.index.length);
    for (const r of a.ranks) {
      const at = `${r.country} ${r.year}`;
      expect(r.index, at).toBe(want.get(`${r.country}/${r.year}`));
      expect([r.median_rank, r.rank_p05, r.rank_p95], at).toEqual([r.rank, r.rank, r.rank]);
      expect([r.index_p05, r.index_median, r.index_p95], at).toEqual([r.index, r.index, r.index]);
      expect(r.share_same_rank, at).toBe(1);
    }
    expect(a.shift).toEqual({ mean: 0, p05: 0, p95: 0 });
    expect(a.sobol).toEqual([]); // no uncertain choice, nothing to apportion
  });

  it("the wide ranges do move some ranks, and shares and intervals are consistent", () => {
    const a = analyseSensitivity(matrix, config, { draws: 2000, samples: 200, seed: 3 });
    expect(a.ranks.some((r) => r.rank_p95 > r.rank_p05)).toBe(true);
    for (const r of a.ranks) {
      expect(r.rank_p05).toBeLessThanOrEqual(r.median_rank);
      expect(r.median_rank).toBeLessThanOrEqual(r.rank_p95);
      expect(r.index_p05).toBeLessThanOrEqual(r.index_p95);
      expect(r.rank_counts.reduce((x, y) => x + y, 0)).toBe(2000);
      expect(r.same_rank).toBe(r.rank_counts[r.rank - 1]);
    }
    const summary = a.sobol.filter((s) => s.output === "mean_abs_rank_shift");
    expect(summary.map((s) => s.factor)).toEqual(a.factors.filter((f) => f.uncertain).map((f) => f.id));
  });

  it("leave-one-out of a section equals the Index minus that section's points", () => {
    const rows = leaveOneOut(matrix);
    const index = new Map(result.index.map((r) => [`${r.country}/${r.year}`, r.index]));
    const weighted = new Map(result.sections.map((s) => [`${s.country}/${s.year}/${s.section}`, s.weighted]));
    expect(rows.length).toBe(result.sections.length);
    for (const r of rows) {
      const key = `${r.country}/${r.year}`;
      const w = weighted.get(`${key}/${r.section}`)!;
      expect(r.index).toBe(index.get(key));
      expect(r.section_contribution, `${key} ${r.section}`).toBeCloseTo(w, 9);
      expect(r.index_without, `${key} ${r.section}`).toBeCloseTo(index.get(key)! - w, 9);
    }
    // Leaving a section out is the method with that section's weight 0: computeIndex gives the same totals and ranks.
    for (const section of new Set(rows.map((r) => r.section))) {
      const without = computeIndex(project, { ...PUBLISHED_METHOD, weights: { [section]: 0 } }, { intervals: false });
      const want = new Map(without.index.map((r) => [`${r.country}/${r.year}`, r]));
      for (const r of rows.filter((x) => x.section === section)) {
        const w = want.get(`${r.country}/${r.year}`)!;
        expect(r.index_without, `${r.country} ${r.year} without ${section}`).toBe(w.index);
        expect(r.rank_without, `${r.country} ${r.year} without ${section}`).toBe(w.rank);
      }
    }
  });

  it("every alternative of the matrix is computeIndex under that method, to the last bit", () => {
    const cells = (m: Method) => new Map(computeIndex(project, m, { intervals: false }).index.map((r) => [`${r.country}/${r.year}`, r]));
    for (const survey of matrix.methods)
      for (const missing of matrix.rules)
        for (const normalisation of matrix.norms) {
          const want = cells({ ...PUBLISHED_METHOD, survey, missing, normalisation });
          const choice = { ...publishedChoice(matrix), method: matrix.methods.indexOf(survey), rule: matrix.rules.indexOf(missing), norm: matrix.norms.indexOf(normalisation) };
          const index = evaluate(matrix, choice, new Float64Array(matrix.nCells));
          matrix.cells.forEach((c, i) => expect(index[i], `${c.country} ${c.year} ${survey}/${missing}/${normalisation}`).toBe(want.get(`${c.country}/${c.year}`)!.index));
        }
  });

  it("the example data have excluded answers, so the missing-data alternatives are exercised", () => {
    // 2019: ARM 2, BLR 1, KAZ 1, RUS 2; BLR 2020–2024: 2 each (data/sheets, value n/a).
    expect(result.answers.filter((a) => a.excluded).length).toBe(16);
    const worst = computeIndex(project, { ...PUBLISHED_METHOD, missing: "worst" }, { intervals: false });
    const blr = (r: PipelineResult) => r.index.find((x) => x.country === "BLR" && x.year === 2024)!.index;
    expect(blr(worst)).toBeLessThan(blr(result));
  });
});

describe("reweighting in the browser (src/components/reweight.js) agrees with the engine", () => {
  let project: Project;
  let result: PipelineResult;
  let table: ReturnType<typeof analyseSensitivity>["table"];

  beforeAll(async () => {
    ({ project, result } = await runPipeline(repoRoot));
    const config = await loadSensitivityConfig(repoRoot);
    table = analyseSensitivity(prepareMatrix(project, result), config, { draws: 10, samples: 10 }).table;
  });

  it("published weights: the engine's totals and ranks, to the last bit", () => {
    const prepared = prepareTable(table);
    reweight(prepared, new Float64Array(prepared.S).fill(1));
    const want = new Map(result.index.map((r) => [`${r.country}/${r.year}`, r]));
    prepared.cells.forEach((c: { country: string; year: number }, i: number) => {
      const w = want.get(`${c.country}/${c.year}`)!;
      expect(prepared.index[i], `${c.country} ${c.year}`).toBe(w.index);
      expect(prepared.rank[i], `${c.country} ${c.year}`).toBe(w.rank);
    });
  });

  it("other weights: computeIndex's totals and ranks under those weights, to the last bit", () => {
    const prepared = prepareTable(table);
    for (const trial of [0, 1, 2]) {
      const weights = Object.fromEntries(prepared.sections.map((s: string, i: number) => [s, [0.5, 2, 0, 1.25, 3, 0.75][(i + trial) % 6]!]));
      reweight(prepared, prepared.sections.map((s: string) => weights[s]), { absolute: true });
      const engine = computeIndex(project, { ...PUBLISHED_METHOD, weights }, { intervals: false }).index;
      const want = new Map(engine.map((r) => [`${r.country}/${r.year}`, r]));
      prepared.cells.forEach((c: { country: string; year: number }, i: number) => {
        const w = want.get(`${c.country}/${c.year}`)!;
        expect(prepared.index[i], `${c.country} ${c.year}`).toBe(w.index);
        expect(prepared.rank[i], `${c.country} ${c.year}`).toBe(w.rank);
      });
    }
  });
});

// cli.ts discovers the command: it must be a Command (checked by tsc).
const asCommand: Command = command;

describe("npm run index -- sensitivity", () => {
  const out = mkdtempSync(path.join(tmpdir(), "pti-sens-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("writes ranks.csv, sobol.csv and leave-one-out.csv, byte-identical for the same seed", async () => {
    const lines: string[] = [];
    const io = commandContext({ root: repoRoot, stdout: (s: string) => lines.push(s), stderr: (s: string) => lines.push(s) });
    expect(await command.run(["--draws", "1000", "--seed", "5", "--samples", "100", "--out", path.join(out, "a")], io)).toBe(0);
    expect(await command.run(["--draws=1000", "--seed=5", "--samples=100", "--out", path.join(out, "b")], io)).toBe(0);
    for (const f of ["ranks.csv", "sobol.csv", "leave-one-out.csv"])
      expect(readFileSync(path.join(out, "b", f), "utf8")).toBe(readFileSync(path.join(out, "a", f), "utf8"));
    const ranks = readFileSync(path.join(out, "a", "ranks.csv"), "utf8").split("\n");
    expect(ranks[0]).toBe("country,year,rank,median_rank,rank_p05,rank_p95,index_p05,index_p95,share_same_rank");
    expect(ranks.filter(Boolean).length - 1).toBe((await runPipeline(repoRoot)).result.index.length);
    expect(readFileSync(path.join(out, "a", "sobol.csv"), "utf8").split("\n")[0]).toBe("output,country,year,factor,kind,first_order,total_order,first_order_se,total_order_se,variance");
    expect(lines.join("")).toMatch(/ranks 1st in \d{4} in [\d,]+ of 1,000 draws/);
  });

  it("is found by the CLI under its name", () => {
    expect(asCommand.name).toBe("sensitivity");
  });

  it("refuses a bad option with a usage message", async () => {
    const err: string[] = [];
    expect(await command.run(["--draws", "ten", "--out", out], commandContext({ root: repoRoot, stdout: () => {}, stderr: (s) => err.push(s) }))).toBe(2);
    expect(err.join("")).toMatch(/--draws needs a whole number/);
  });
});
