// One stage after another of what `npm run build` computes, on a project folder, each timed, with
// the process's resident memory after it and its peak so far; run by bench/run.ts in its own
// process so that the peak is this run's alone. Prints one JSON line.
//   node --import tsx bench/stages.ts ROOT
import { loadProject } from "../loaders/project.ts";
import { loadSensitivityConfig } from "../loaders/sensitivity/config.ts";
import { computeIndex } from "../loaders/pipeline.ts";
import { PUBLISHED_METHOD } from "../loaders/method.ts";
import { attributeChanges } from "../loaders/attribution.ts";
import { checkClaims } from "../loaders/claims.ts";
import { reconcile } from "../loaders/reconcile.ts";
import { prepareMatrix } from "../loaders/sensitivity.ts";
import { startSensitivity } from "../loaders/sensitivity/parallel.ts";
import { intervalCheck } from "../loaders/survey-coverage.ts";
import { deepFreeze, type Result } from "../loaders/result.ts";
import { inputManifest } from "../loaders/manifest.ts";
import { writeLoaderOutputs, writePageOutputs } from "../loaders/payloads.ts";
import { pageRoutes } from "../loaders/pages/routes.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = process.argv[2]!;
// CPU time beside wall time: on a shared machine the wall time also counts the other processes' turns.
const stages: { stage: string; ms: number; cpu_ms: number; rss: number; peak: number; bytes?: number }[] = [];
let t = performance.now();
let cpu = process.cpuUsage();
function done(stage: string, bytes?: number) {
  const now = performance.now();
  const used = process.cpuUsage(cpu);
  stages.push({ stage, ms: now - t, cpu_ms: (used.user + used.system) / 1000, rss: process.memoryUsage().rss, peak: process.resourceUsage().maxRSS * 1024, ...(bytes === undefined ? {} : { bytes }) });
  // As it goes, so that a run stopped half-way still says how far it got.
  const x = stages.at(-1)!;
  process.stderr.write(`stage ${stage}: ${(x.ms / 1000).toFixed(2)} s (CPU ${(x.cpu_ms / 1000).toFixed(2)} s), resident ${(x.rss / 2 ** 20).toFixed(0)} MB, peak ${(x.peak / 2 ** 20).toFixed(0)} MB\n`);
  t = performance.now();
  cpu = process.cpuUsage();
}

const [project, config] = await Promise.all([loadProject(root), loadSensitivityConfig(root)]);
done("read + validate");
const run = computeIndex(project, PUBLISHED_METHOD);
done("computeIndex");
// In the build's order (loaders/result.ts analyse): the Sobol design's shares begin in other
// threads, the rest is computed meanwhile, then the main thread's part of the sensitivity analysis.
const matrix = prepareMatrix(project, run);
done("sensitivity points matrix");
const sensitivity = startSensitivity(matrix, config);
const attribution = attributeChanges(run, { surveyFiles: project.surveys });
const claims = checkClaims(project.claims, run, attribution);
const reconciliation = reconcile(run, project.editions, project.claims);
const interval_check = intervalCheck(project.codebooks.at(-1));
done("attribution + claims + reconciliation + interval check (the Sobol shares of other threads running)");
const analysis = await sensitivity.finish();
const result = deepFreeze({ ...run, attribution, claims, reconciliation, sensitivity: { config, analysis }, interval_check }) as Result;
done("Monte Carlo + leave-one-out + this thread's Sobol share, then the other threads'");
const { commit: _c, ...inputs } = await inputManifest(project, result, { git: false });
done("input manifest (hashes)");
const shared = { project, result, inputs };
// Every loader's output, as the build writes it (loaders/payloads.ts), into a throwaway folder.
const out = mkdtempSync(path.join(tmpdir(), "pti-bench-outputs-"));
try {
  const { skipped } = await writeLoaderOutputs(root, shared, out, (w) => {
    done(`output ${w.loader}${w.files.length > 1 ? ` (${w.files.length} files)` : ""}`, w.files.reduce((n, f) => n + f.bytes, 0));
  });
  if (skipped.length) console.error(`not written by the build (Framework runs them): ${skipped.join(", ")}`);
  const pages = await writePageOutputs(root, out, (await pageRoutes(root)).dynamicPaths);
  done(`pages (${pages.written.reduce((n, w) => n + w.files.length, 0)} files)`, pages.written.reduce((n, w) => n + w.files.reduce((m, f) => m + f.bytes, 0), 0));
} finally {
  rmSync(out, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify({ cells: result.index.length, stages }) + "\n");
