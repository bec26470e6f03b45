// The build manifest: what went in, what came out, and how to check that they still agree.
//
//   inputs       SHA-256 and size of every input file the project read (Project.files: countries,
//                codebooks, sheets, surveys, published editions and claims; `pipeline: true`), and of
//                every other file under data/ (`pipeline: false`: e.g. the sensitivity settings, the
//                reconstruction's targets and generator), paths relative to the root. Dot-files and
//                Excel lock files (~$…) are not inputs and are left out.
//   methodology  the codebook versions, the data years each governs, and their files.
//   commit       `git rev-parse HEAD` and whether the work tree has uncommitted changes
//                (`git status --porcelain`), when the root is inside a git checkout; absent otherwise.
//   seeds        every seed used: each codebook's survey-interval check seed (the coverage simulation
//                the methodology page states; survey intervals themselves draw nothing), and any `seed`
//                recorded in a data output (e.g. the sensitivity analysis), with the output it is in.
//   outputs      SHA-256 and size of every data output of the build, paths relative to dist/:
//                  - every file under dist/_file/ (the data loaders' outputs and the files pages
//                    attach: JSON, CSV, ZIP…), named without Framework's content-hash suffix
//                    (`_file/data/audit.json`; `path` keeps the real name `_file/data/audit.1a2b3c4d.json`);
//                  - every file under dist/files/ (the downloads).
//                Not counted: dist/manifest.json itself; HTML pages and the JavaScript/CSS bundles under
//                _node, _npm, _import, _observablehq (they are code, not data, and their names and bytes
//                follow Framework's bundler, not the inputs).
//
// The manifest has no timestamp, and everything is sorted, so the same tree gives the same file.
// `verify MANIFEST` recomputes all of it and names every input or output that differs.
import { createHash } from "node:crypto";
import { readFile, readdir, writeFile, stat } from "node:fs/promises";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { loadProject, type Project } from "./project.ts";
import { computeIndex, type PipelineResult } from "./pipeline.ts";
import { PUBLISHED_METHOD } from "./method.ts";

export const MANIFEST_FORMAT = "prohibition-of-torture-index/manifest@1";
export const MANIFEST_NAME = "manifest.json";
/** Folders under dist/ whose files are data outputs. */
export const OUTPUT_FOLDERS = ["_file", "files"] as const;

export const OUTPUTS_RULE =
  "Data outputs are every file under dist/_file/ (data loader outputs and attached files, named without Framework's content-hash suffix) " +
  "and under dist/files/ (the downloads). Not counted: manifest.json itself, HTML pages and the code bundles (_node, _npm, _import, _observablehq).";

export interface FileHash {
  file: string;
  sha256: string;
  bytes: number;
}
export interface InputHash extends FileHash {
  pipeline: boolean; // read by loadProject (Project.files); false: another file under data/
}
export interface OutputHash extends FileHash {
  path: string; // the real path under dist/ (with Framework's hash suffix)
}
export interface Manifest {
  format: string;
  commit?: { id: string; dirty: boolean };
  methodology: { version: string; from: number; to: number | null; file: string | null }[];
  inputs: InputHash[];
  seeds: {
    codebook: { version: string; seed: number }[];
    outputs: { file: string; key: string; seed: number }[];
  };
  outputs_rule: string;
  outputs: OutputHash[];
}

/** The input part: everything that does not need a build. */
export type InputManifest = Omit<Manifest, "outputs" | "outputs_rule" | "seeds"> & { seeds: Omit<Manifest["seeds"], "outputs"> };

export type ManifestProject = Pick<Project, "root" | "files" | "codebooks">;

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function sha256(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}

export async function hashFile(abs: string, file = abs): Promise<FileHash> {
  const data = await readFile(abs);
  return { file, sha256: sha256(data), bytes: data.length };
}

/** Commit and dirtiness when `root` is inside a git checkout; undefined otherwise (or without git). */
export function gitState(root: string): { id: string; dirty: boolean } | undefined {
  const git = (args: string[]) => spawnSync("git", args, { cwd: root, encoding: "utf8", env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" } });
  const head = git(["rev-parse", "--verify", "--quiet", "HEAD"]);
  if (head.error || head.status !== 0) return undefined;
  const id = head.stdout.trim();
  if (!/^[0-9a-f]{40,64}$/.test(id)) return undefined;
  const status = git(["status", "--porcelain"]);
  return { id, dirty: status.status !== 0 || status.stdout.trim() !== "" };
}

/** The codebooks' seeds (the survey-interval coverage check of each version with a survey). */
export function pipelineSeeds(result: Pick<PipelineResult, "codebooks">): InputManifest["seeds"] {
  return {
    codebook: result.codebooks
      .filter((c) => c.survey)
      .map((c) => ({ version: c.version, seed: c.survey!.interval.check_seed }))
      .sort((a, b) => compare(a.version, b.version)),
  };
}

/** The file a codebook version was read from (data/methodology/<version>.yaml or .yml). */
function codebookFile(files: readonly string[], version: string): string | null {
  return files.find((f) => f.startsWith("data/methodology/") && f.replace(/^.*\//, "").replace(/\.ya?ml$/i, "") === version) ?? null;
}

/** Files under data/ that are not inputs: dot-files, Excel lock files. */
const notInput = (name: string) => name.startsWith(".") || name.startsWith("~$");

/** Every input file: those the project read, and every other file under data/. Sorted, relative to root. */
export async function inputFiles(project: Pick<ManifestProject, "root" | "files">): Promise<{ file: string; pipeline: boolean }[]> {
  const read = new Set(project.files);
  const others = (await walk(project.root, "data")).filter((f) => !read.has(f) && !f.split("/").some(notInput));
  return [...[...read].map((file) => ({ file, pipeline: true })), ...others.map((file) => ({ file, pipeline: false }))].sort((a, b) => compare(a.file, b.file));
}

/** Hashes every input, with the methodology, seeds and git state. */
export async function inputManifest(project: ManifestProject, result: Pick<PipelineResult, "codebooks">, options: { git?: boolean } = {}): Promise<InputManifest> {
  const inputs = await Promise.all(
    (await inputFiles(project)).map(async ({ file, pipeline }) => ({ ...(await hashFile(path.join(project.root, file), file)), pipeline })),
  );
  const commit = options.git === false ? undefined : gitState(project.root);
  return {
    format: MANIFEST_FORMAT,
    ...(commit ? { commit } : {}),
    methodology: [...project.codebooks]
      .sort((a, b) => a.years.from - b.years.from)
      .map((c) => ({ version: c.version, from: c.years.from, to: c.years.to, file: codebookFile(project.files, c.version) })),
    inputs,
    seeds: pipelineSeeds(result),
  };
}

async function walk(dir: string, rel = ""): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(path.join(dir, rel), { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await walk(dir, r)));
    else if (e.isFile()) out.push(r);
  }
  return out;
}

/** `_file/data/audit.1a2b3c4d.json` → `_file/data/audit.json` (Framework's 8-hex content-hash suffix removed). */
export function logicalName(distPath: string): string {
  if (!distPath.startsWith("_file/")) return distPath;
  return distPath.replace(/\.[0-9a-f]{8}(\.[^./]+)?$/, "$1");
}

/** Hashes every data output under dist/ (see OUTPUTS_RULE). */
export async function outputHashes(dist: string): Promise<OutputHash[]> {
  const files = (await Promise.all(OUTPUT_FOLDERS.map((f) => walk(dist, f)))).flat().filter((f) => f !== MANIFEST_NAME);
  const out = await Promise.all(
    files.map(async (p) => {
      const h = await hashFile(path.join(dist, p), logicalName(p));
      return { file: h.file, path: p, sha256: h.sha256, bytes: h.bytes };
    }),
  );
  return out.sort((a, b) => compare(a.file, b.file) || compare(a.path, b.path));
}

const SEED_KEY = /(^|_)seed$/i;
const SEED_GROUP = /^(seeds|streams)$/i;

/**
 * Seeds recorded in JSON data outputs, e.g. a sensitivity run's: a number under a key named `seed`
 * (or ending in `_seed`) at the top level or one level down, and every number in a top-level
 * `seeds` or `streams` object (random streams derived from a seed).
 */
export async function outputSeeds(dist: string, outputs: readonly OutputHash[]): Promise<Manifest["seeds"]["outputs"]> {
  const found: Manifest["seeds"]["outputs"] = [];
  for (const o of outputs) {
    if (!o.path.endsWith(".json")) continue;
    let value: unknown;
    try {
      value = JSON.parse(await readFile(path.join(dist, o.path), "utf8"));
    } catch {
      continue;
    }
    if (!value || typeof value !== "object" || Array.isArray(value)) continue;
    for (const [k, v] of Object.entries(value)) {
      if (SEED_KEY.test(k) && typeof v === "number") found.push({ file: o.file, key: k, seed: v });
      else if (v && typeof v === "object" && !Array.isArray(v))
        for (const [k2, v2] of Object.entries(v))
          if (typeof v2 === "number" && (SEED_KEY.test(k2) || SEED_GROUP.test(k))) found.push({ file: o.file, key: `${k}.${k2}`, seed: v2 });
    }
  }
  return found.sort((a, b) => compare(a.file, b.file) || compare(a.key, b.key));
}

/** The whole manifest of a built tree. */
export async function buildManifest(project: ManifestProject, result: Pick<PipelineResult, "codebooks">, dist: string, options: { git?: boolean } = {}): Promise<Manifest> {
  const input = await inputManifest(project, result, options);
  const outputs = await outputHashes(dist);
  return {
    format: input.format,
    ...(input.commit ? { commit: input.commit } : {}),
    methodology: input.methodology,
    inputs: input.inputs,
    seeds: { ...input.seeds, outputs: await outputSeeds(dist, outputs) },
    outputs_rule: OUTPUTS_RULE,
    outputs,
  };
}

export const manifestJson = (m: Manifest) => JSON.stringify(m, null, 2) + "\n";

/**
 * The post-build step: loads the project, takes the seeds from the codebooks (no intervals needed:
 * seeds do not depend on it), hashes inputs and dist/ outputs, writes dist/manifest.json.
 */
export async function writeBuildManifest(root: string, dist = path.join(root, "dist")): Promise<{ file: string; manifest: Manifest }> {
  const project = await loadProject(root);
  const result = computeIndex(project, PUBLISHED_METHOD, { intervals: false });
  const manifest = await buildManifest(project, result, dist);
  const file = path.join(dist, MANIFEST_NAME);
  await writeFile(file, manifestJson(manifest));
  return { file, manifest };
}

// ---------------------------------------------------------------------------------------------
// Verifying

export interface Difference {
  kind: "input" | "output" | "seed" | "methodology";
  file: string; // the input or output (or, for a seed, what it belongs to)
  status: "changed" | "missing" | "added";
  expected: string | null;
  actual: string | null;
}
export interface Verification {
  ok: boolean;
  differences: Difference[];
  notes: string[]; // informational: commit, input problems, what was checked
  checked: { inputs: number; outputs: number; seeds: number };
}

const isManifest = (m: unknown): m is Manifest =>
  !!m && typeof m === "object" && (m as Manifest).format === MANIFEST_FORMAT && Array.isArray((m as Manifest).inputs) && Array.isArray((m as Manifest).outputs);

export async function readManifest(file: string): Promise<Manifest> {
  const value = JSON.parse(await readFile(file, "utf8"));
  if (!isManifest(value)) throw new Error(`${file} is not a build manifest (expected format ${MANIFEST_FORMAT})`);
  return value;
}

const short = (h: FileHash | undefined) => (h ? `sha256 ${h.sha256} (${h.bytes} bytes)` : null);

function diffFiles(kind: "input" | "output", expected: readonly FileHash[], actual: readonly FileHash[]): Difference[] {
  const now = new Map(actual.map((h) => [h.file, h]));
  const before = new Map(expected.map((h) => [h.file, h]));
  const out: Difference[] = [];
  for (const e of expected) {
    const a = now.get(e.file);
    if (!a) out.push({ kind, file: e.file, status: "missing", expected: short(e), actual: null });
    else if (a.sha256 !== e.sha256) out.push({ kind, file: e.file, status: "changed", expected: short(e), actual: short(a) });
  }
  for (const a of actual) if (!before.has(a.file)) out.push({ kind, file: a.file, status: "added", expected: null, actual: short(a) });
  return out;
}

/**
 * Recomputes every hash the manifest records and compares. Inputs are hashed from the files the
 * manifest names (so a file that no longer validates is still named); when the project still loads,
 * the methodology and the seeds are compared too; a file added under data/ is named as well. Outputs are hashed under the
 * manifest's own folder (dist/). The commit is reported, not compared: the same inputs and outputs
 * under another commit are the same report.
 */
export async function verifyManifest(manifestFile: string, root: string): Promise<Verification> {
  const manifest = await readManifest(manifestFile);
  const dist = path.dirname(path.resolve(manifestFile));
  const differences: Difference[] = [];
  const notes: string[] = [];

  // Inputs named by the manifest, hashed as they are now.
  const nowInputs: FileHash[] = [];
  for (const e of manifest.inputs) {
    try {
      nowInputs.push(await hashFile(path.join(root, e.file), e.file));
    } catch {
      // missing: diffFiles reports it
    }
  }
  const listed = new Set(manifest.inputs.map((i) => i.file));
  for (const f of await walk(root, "data"))
    if (!listed.has(f) && !f.split("/").some(notInput)) nowInputs.push(await hashFile(path.join(root, f), f));
  let seedsChecked = 0;
  try {
    const project = await loadProject(root);
    const result = computeIndex(project, PUBLISHED_METHOD, { intervals: false });
    const now = await inputManifest(project, result, { git: false });
    const m = (x: Manifest["methodology"][number]) => `${x.version} ${x.from}–${x.to ?? ""} ${x.file ?? ""}`;
    const before = new Set(manifest.methodology.map(m));
    const after = new Set(now.methodology.map(m));
    for (const x of manifest.methodology) if (!after.has(m(x))) differences.push({ kind: "methodology", file: x.file ?? x.version, status: "changed", expected: m(x), actual: null });
    for (const x of now.methodology) if (!before.has(m(x))) differences.push({ kind: "methodology", file: x.file ?? x.version, status: "added", expected: null, actual: m(x) });
    for (const c of manifest.seeds.codebook) {
      const a = now.seeds.codebook.find((x) => x.version === c.version);
      if (a?.seed !== c.seed) differences.push({ kind: "seed", file: `codebook ${c.version}`, status: a ? "changed" : "missing", expected: String(c.seed), actual: a ? String(a.seed) : null });
    }
    seedsChecked = manifest.seeds.codebook.length;
  } catch (e) {
    const problems = (e as { problems?: unknown[] }).problems;
    notes.push(
      problems
        ? `the inputs no longer validate (${problems.length} problem${problems.length === 1 ? "" : "s"}; run \`npm run index -- check\`): methodology, seeds and new inputs were not compared`
        : `the project could not be computed (${(e as Error).message}): methodology, seeds and new inputs were not compared`,
    );
  }
  differences.unshift(...diffFiles("input", manifest.inputs, nowInputs));

  const nowOutputs = await outputHashes(dist);
  differences.push(...diffFiles("output", manifest.outputs, nowOutputs));
  seedsChecked += (manifest.seeds.outputs ?? []).length;
  const outSeeds = await outputSeeds(dist, nowOutputs);
  const sk = (s: Manifest["seeds"]["outputs"][number]) => `${s.file} ${s.key}`;
  const nowOut = new Map(outSeeds.map((s) => [sk(s), s.seed]));
  for (const s of manifest.seeds.outputs ?? []) {
    const a = nowOut.get(sk(s));
    if (a !== s.seed) differences.push({ kind: "seed", file: `${s.file} (${s.key})`, status: a === undefined ? "missing" : "changed", expected: String(s.seed), actual: a === undefined ? null : String(a) });
  }

  const git = gitState(root);
  if (manifest.commit && git) {
    if (git.id !== manifest.commit.id) notes.push(`built at commit ${manifest.commit.id}${manifest.commit.dirty ? " (with uncommitted changes)" : ""}; the tree is now at ${git.id}`);
    else notes.push(`commit ${git.id}${manifest.commit.dirty ? " (the build had uncommitted changes)" : ""}`);
  } else if (manifest.commit) notes.push(`built at commit ${manifest.commit.id}; ${root} is not a git checkout`);
  else notes.push("the build was not made in a git checkout: no commit recorded");

  return {
    ok: differences.length === 0,
    differences,
    notes,
    checked: { inputs: manifest.inputs.length, outputs: manifest.outputs.length, seeds: seedsChecked },
  };
}

/** Does a path exist (file or folder)? */
export async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}
