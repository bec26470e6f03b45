// Pins of the reconstructed example data (data/ as committed): these tests hold only for the
// reconstruction. When data/ is replaced by the Working Group's files, delete or re-pin this folder;
// the engine's tests elsewhere in tests/ run on their own fixtures and stay meaningful.
//
// The uncertainty analysis of the example data: its excluded answers (so the missing-data
// alternatives act on it), ranks that move and ranks that do not. The same behaviours on a synthetic
// project of known shape: tests/sensitivity.test.ts.
import { describe, it, expect, beforeAll } from "vitest";
import { computeIndex, runPipeline, type PipelineResult } from "../../loaders/pipeline.ts";
import { PUBLISHED_METHOD } from "../../loaders/method.ts";
import type { Project } from "../../loaders/project.ts";
import type { SensitivityConfig } from "../../loaders/schema.ts";
import { analyseSensitivity, prepareMatrix, type PointsMatrix } from "../../loaders/sensitivity.ts";
import { loadSensitivityConfig } from "../../loaders/sensitivity/config.ts";
import { repoRoot } from "../helpers/project-copy.ts";

describe("sensitivity analysis of the reconstructed data", () => {
  let project: Project;
  let result: PipelineResult;
  let matrix: PointsMatrix;
  let config: SensitivityConfig;

  beforeAll(async () => {
    ({ project, result } = await runPipeline(repoRoot));
    matrix = prepareMatrix(project, result);
    config = await loadSensitivityConfig(repoRoot);
  });

  it("the example data have excluded answers, so the missing-data alternatives are exercised", () => {
    // 2019: ARM 2, BLR 1, KAZ 1, RUS 2; BLR 2020–2024: 2 each (data/sheets, value n/a).
    expect(result.answers.filter((a) => a.excluded).length).toBe(16);
    const worst = computeIndex(project, { ...PUBLISHED_METHOD, missing: "worst" }, { intervals: false });
    const blr = (r: PipelineResult) => r.index.find((x) => x.country === "BLR" && x.year === 2024)!.index;
    expect(blr(worst)).toBeLessThan(blr(result));
  });

  it("the wide ranges of sensitivity.yaml move some ranks", () => {
    const a = analyseSensitivity(matrix, config, { draws: 2000, samples: 200, seed: 3 });
    expect(a.ranks.some((r) => r.rank_p95 > r.rank_p05)).toBe(true);
  });

  it("has ranks that no draw moves and ranks that many do", () => {
    const a = analyseSensitivity(matrix, config, { draws: 10, samples: 2000, seed: 3 });
    const statuses = new Set(a.sobol.map((r) => r.status));
    expect(statuses.has("fixed")).toBe(true);
    expect(statuses.has("varies")).toBe(true);
  });
});
