// Shared by the thin Framework data loaders in src/data: find the project root,
// print one JSON document, and fail the build with every input problem listed.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";
import { InputError, formatProblem } from "./problems.ts";
import { runAll, type Result } from "./result.ts";
import { inputManifest, type InputManifest } from "./manifest.ts";
import type { Project } from "./project.ts";

/**
 * The environment variable through which `npm run build` hands every data loader the one result it
 * computed for this build (loaders/result.ts; a JSON file in a temporary folder, deleted after the
 * build). Without it (Framework preview, a loader run by hand) each loader computes its own.
 */
export const PIPELINE_CACHE_ENV = "PTI_PIPELINE_RESULT";

/** What the build shares with every loader: the project, the one result, and the manifest's input part. */
export interface Shared {
  project: Project;
  result: Result;
  inputs: Omit<InputManifest, "commit">;
}

/** The build's shared state for a project root (computed here when no build shares it). */
export async function sharedState(root: string): Promise<Shared> {
  const { project, result } = await runAll(root);
  // The commit is left out (it is in dist/manifest.json): the same inputs give the same pages.
  const { commit: _commit, ...inputs } = await inputManifest(project, result, { git: false });
  return { project, result, inputs };
}

export async function buildResult(root: string): Promise<Shared> {
  const cached = process.env[PIPELINE_CACHE_ENV];
  if (cached) {
    const value = JSON.parse(readFileSync(cached, "utf8")) as Shared & { root: string };
    // Only this project's own result: a copy of the project built elsewhere must compute its own.
    if (path.resolve(value.root) === path.resolve(root)) return { project: value.project, result: value.result, inputs: value.inputs };
  }
  return sharedState(root);
}

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function runLoader(make: (root: string) => Promise<unknown>): Promise<void> {
  try {
    const value = await make(projectRoot);
    // Archives and other binary outputs go out as bytes; everything else as one JSON document.
    process.stdout.write(value instanceof Uint8Array ? value : JSON.stringify(value));
  } catch (e) {
    if (e instanceof InputError) {
      for (const p of e.problems) process.stderr.write(formatProblem(p) + "\n");
      process.stderr.write(`${e.total} problem(s) in data/: nothing was built.\n`);
    } else process.stderr.write(String((e as Error)?.stack ?? e) + "\n");
    process.exit(1);
  }
}
