// The one result of a run: the Index under a method (computeIndex) and every analysis of it —
// attribution of each change, the claims check, reconciliation with every edition, the missing-data
// ledger and the sensitivity analysis — computed once, from inputs already read, and frozen. The
// build computes it once and every page, download and CLI command presents it (loaders/present/).
// Analyses are pure functions of the project and the run; the only file reading is in runAll.
import { computeIndex, type PipelineResult } from "./pipeline.ts";
import { loadProject, type Project } from "./project.ts";
import { PUBLISHED_METHOD, type Method } from "./method.ts";
import { attributeChanges, type Attribution } from "./attribution.ts";
import { checkClaims, type ClaimCheck } from "./claims.ts";
import { reconcile, type AuditReport } from "./reconcile.ts";
import { prepareMatrix, type SensitivityAnalysis } from "./sensitivity.ts";
import { startSensitivity } from "./sensitivity/parallel.ts";
import { loadSensitivityConfig } from "./sensitivity/config.ts";
import type { SensitivityConfig } from "./schema.ts";
import { intervalCheck, type IntervalCheck } from "./survey-coverage.ts";

export interface Result extends PipelineResult {
  attribution: Attribution;
  claims: ClaimCheck[];
  reconciliation: AuditReport;
  sensitivity: { config: SensitivityConfig; analysis: SensitivityAnalysis };
  /** The latest codebook's survey interval checked on simulated panels (the methodology page states it). */
  interval_check: IntervalCheck | null;
}

export interface AnalyseOptions {
  /** Sensitivity draws and Sobol samples instead of the configuration's (tests, quick runs). */
  draws?: number;
  samples?: number;
  seed?: number;
}

/**
 * Everything, from a loaded project and its sensitivity configuration. The Sobol design, the
 * longest part, is begun first in other threads on a large project (sensitivity/parallel.ts), and
 * the rest is computed meanwhile; the result is the same on any number of cores.
 */
export async function analyse(project: Project, config: SensitivityConfig, method: Method = PUBLISHED_METHOD, options: AnalyseOptions = {}): Promise<Result> {
  const run = computeIndex(project, method);
  const matrix = prepareMatrix(project, run);
  const sensitivity = startSensitivity(matrix, config, options);
  const attribution = attributeChanges(run, { surveyFiles: project.surveys });
  const claims = checkClaims(project.claims, run, attribution);
  const reconciliation = reconcile(run, project.editions, project.claims);
  const interval_check = intervalCheck(project.codebooks.at(-1));
  const analysis = await sensitivity.finish();
  return deepFreeze({ ...run, attribution, claims, reconciliation, sensitivity: { config, analysis }, interval_check });
}

/** Reads data/ and the sensitivity configuration, then analyse(). */
export async function runAll(root: string, method: Method = PUBLISHED_METHOD, options: AnalyseOptions = {}): Promise<{ project: Project; result: Result }> {
  const [project, config] = await Promise.all([loadProject(root), loadSensitivityConfig(root)]);
  return { project, result: await analyse(project, config, method, options) };
}

/** Frozen all the way down, so no presenter can change what another one shows. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value) || ArrayBuffer.isView(value)) return value;
  for (const v of Object.values(value as object)) deepFreeze(v);
  return Object.freeze(value);
}
