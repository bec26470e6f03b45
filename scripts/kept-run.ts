// What a build keeps of its run for the next one: the downloads it wrote and what the manifest needs
// of the project (the files read, the codebooks with their seeds). When nothing a loader output
// depends on changed (scripts/build.ts LOADER_INPUTS: data/, loaders/, …), the next build takes
// these instead of reading, validating and computing the one result again: the same inputs give the
// same bytes (tests/reproducible.test.ts), and they were valid, since the build that kept them
// succeeded. Kept inside Framework's cache of loader outputs, so that whatever clears those (a change
// to any loader input, a cold build) clears this with them.
import { copyFileSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ManifestProject } from "../loaders/manifest.ts";
import type { PipelineResult } from "../loaders/pipeline.ts";

export const KEPT_RUN = ".kept-run";
const RUN_FILE = "run.json";
const DOWNLOADS = "downloads";

export interface ForManifest {
  project: ManifestProject;
  result: Pick<PipelineResult, "codebooks">;
}

/** Copies each file, as a reflink where the file system has them. */
function copyFiles(from: string, to: string): string[] {
  mkdirSync(to, { recursive: true });
  const files = readdirSync(from).sort();
  for (const f of files) copyFileSync(path.join(from, f), path.join(to, f), constants.COPYFILE_FICLONE);
  return files;
}

/** Keeps `downloads` (a folder of files) and `run` in `cache`, replacing what an earlier build kept. */
export function keepRun(cache: string, downloads: string, run: ForManifest): void {
  const dir = path.join(cache, KEPT_RUN);
  const aside = `${dir}.tmp-${process.pid}`;
  rmSync(aside, { recursive: true, force: true });
  copyFiles(downloads, path.join(aside, DOWNLOADS));
  const { root: _root, ...project } = run.project; // the tree may move: the root is the next build's
  writeFileSync(path.join(aside, RUN_FILE), JSON.stringify({ project, result: run.result }));
  rmSync(dir, { recursive: true, force: true });
  renameSync(aside, dir);
}

/** What the last build kept, for the tree at `root`; null when it kept nothing readable (then compute). */
export function keptRun(cache: string, root: string): { run: ForManifest; copyDownloads: (to: string) => string[] } | null {
  const dir = path.join(cache, KEPT_RUN);
  if (!existsSync(path.join(dir, RUN_FILE)) || !existsSync(path.join(dir, DOWNLOADS))) return null;
  try {
    const kept = JSON.parse(readFileSync(path.join(dir, RUN_FILE), "utf8")) as { project: Omit<ManifestProject, "root">; result: ForManifest["result"] };
    return { run: { project: { ...kept.project, root }, result: kept.result }, copyDownloads: (to) => copyFiles(path.join(dir, DOWNLOADS), to) };
  } catch {
    return null;
  }
}
