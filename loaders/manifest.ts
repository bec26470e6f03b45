// The build manifest: what went in, what came out, and how to check that they still agree.
//
//   inputs       SHA-256 and size of every input file the project read (Project.files: countries,
//                codebooks, sheets, surveys, published editions and claims; `pipeline: true`), and of
//                every other file under data/ (`pipeline: false`: e.g. the sensitivity settings, the
//                reconstruction's targets and generator), paths relative to the root. Dot-files and
//                Excel lock files (~$…) are not inputs and are left out. The build hashes data/ once,
//                before it reads anything (snapshotInputs), and records those hashes: a file edited
//                while the build runs stops the build instead of being certified beside older outputs.
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
//   site         SHA-256 and size of every other file under dist/: HTML pages, JavaScript and CSS
//                bundles, fonts, images. Together with `outputs` this is every byte of dist/ except
//                manifest.json itself and dist/pdf/ (the PDFs `npm run pdf` prints after the build,
//                from these very pages).
//   self         SHA-256 of this file's text without the `self` line (manifestText): any edit to the
//                manifest (a hash, a size, the commit, a space) no longer matches. It is a checksum, not a
//                signature: it catches careless and partial edits; a forger who rewrites it too is caught
//                by rebuilding from the commit and comparing (two builds of the same inputs are identical).
//
// The manifest has no timestamp, everything is sorted and its fields are in the schema's order
// (BuildManifest in schema.ts), so the same tree gives the same bytes.
// `verify MANIFEST` checks the manifest against its schema and its own hash, recomputes all of it and
// names every input or file that differs, is missing, or was added.
import { createHash } from "node:crypto";
import { readFile, readdir, writeFile, stat, open } from "node:fs/promises";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { loadProject, type Project } from "./project.ts";
import { computeIndex, type PipelineResult } from "./pipeline.ts";
import { PUBLISHED_METHOD } from "./method.ts";
import { BuildManifest } from "./schema.ts";
import { inTurn } from "./in-turn.ts";

export const MANIFEST_FORMAT = "prohibition-of-torture-index/manifest@2";
export const MANIFEST_NAME = "manifest.json";
/** Folders under dist/ whose files are data outputs. */
export const OUTPUT_FOLDERS = ["_file", "files"] as const;
/** Under dist/ but written after the manifest (by `npm run pdf`), so not in it. */
export const AFTER_MANIFEST = ["pdf"] as const;

export const OUTPUTS_RULE =
  "Data outputs are every file under dist/_file/ (data loader outputs and attached files, named without Framework's content-hash suffix) " +
  "and under dist/files/ (the downloads). Every other file of dist/ is under `site`.";
export const SITE_RULE =
  "Every file under dist/ that is not a data output: HTML pages, JavaScript and CSS bundles, fonts, images. " +
  "Not counted: manifest.json itself and dist/pdf/ (the PDFs printed after the build from these pages).";

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
export type Manifest = BuildManifest;
/** A manifest before its own hash is taken. */
export type UnsealedManifest = Omit<Manifest, "self">;

/** The input part: everything that does not need a build. */
export type InputManifest = Pick<Manifest, "format" | "commit" | "methodology" | "inputs"> & { seeds: Omit<Manifest["seeds"], "outputs"> };

export type ManifestProject = Pick<Project, "root" | "files" | "codebooks">;

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function sha256(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}

// Read in pieces into the hash, never whole: a large project's downloads are hundreds of megabytes.
const HASH_CHUNK = 1 << 20;
export async function hashFile(abs: string, file = abs): Promise<FileHash> {
  const hash = createHash("sha256");
  const handle = await open(abs, "r");
  let bytes = 0;
  try {
    // A buffer no larger than the file: thousands of small sheets each taking a whole chunk outside
    // the heap make the collector run again and again over a large heap.
    const size = Math.min(HASH_CHUNK, Math.max(1, (await handle.stat()).size));
    const buffer = Buffer.allocUnsafe(size);
    for (let n; (n = (await handle.read(buffer, 0, size, null)).bytesRead) > 0; bytes += n) hash.update(buffer.subarray(0, n));
  } finally {
    await handle.close();
  }
  return { file, sha256: hash.digest("hex"), bytes };
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
  const others = (await walk(project.root, "data")).files.filter((f) => !read.has(f) && !f.split("/").some(notInput));
  return [...[...read].map((file) => ({ file, pipeline: true })), ...others.map((file) => ({ file, pipeline: false }))].sort((a, b) => compare(a.file, b.file));
}

/** SHA-256 of every file under data/ (dot-files and Excel lock files aside), by path: what a build reads, taken once. */
export async function snapshotInputs(root: string): Promise<Map<string, FileHash>> {
  const files = (await walk(root, "data")).files.filter((f) => !f.split("/").some(notInput)).sort(compare);
  const out = new Map<string, FileHash>();
  for (const f of files) out.set(f, await hashFile(path.join(root, f), f));
  return out;
}

/** Files whose bytes differ between two snapshots, or that are in only one; sorted. */
export function snapshotChanges(before: ReadonlyMap<string, FileHash>, after: ReadonlyMap<string, FileHash>): { file: string; status: "changed" | "added" | "missing" }[] {
  const out: { file: string; status: "changed" | "added" | "missing" }[] = [];
  for (const [f, h] of before) {
    const a = after.get(f);
    if (!a) out.push({ file: f, status: "missing" });
    else if (a.sha256 !== h.sha256) out.push({ file: f, status: "changed" });
  }
  for (const f of after.keys()) if (!before.has(f)) out.push({ file: f, status: "added" });
  return out.sort((a, b) => compare(a.file, b.file));
}

export interface ManifestOptions {
  git?: boolean;
  /** The hashes taken before the project was read (snapshotInputs): used instead of reading data/ again. */
  snapshot?: ReadonlyMap<string, FileHash>;
  /** The commit and dirtiness as they were when the build began (instead of asking git now). */
  commit?: { id: string; dirty: boolean } | undefined;
}

/** Hashes every input (or takes them from the snapshot), with the methodology, seeds and git state. */
export async function inputManifest(project: ManifestProject, result: Pick<PipelineResult, "codebooks">, options: ManifestOptions = {}): Promise<InputManifest> {
  const files = await inputFiles(project);
  const inputs: InputHash[] = [];
  for (const { file, pipeline } of files) {
    const h = options.snapshot ? options.snapshot.get(file) : await hashFile(path.join(project.root, file), file);
    if (!h) throw new Error(`${file} was read but is not in the snapshot of data/ taken before the build: it appeared while the build ran`);
    inputs.push({ file, sha256: h.sha256, bytes: h.bytes, pipeline });
  }
  const listed = new Set(files.map((x) => x.file));
  if (options.snapshot) for (const f of options.snapshot.keys()) if (!listed.has(f)) throw new Error(`${f} was in data/ when the build began and is gone`);
  const commit = "commit" in options ? options.commit : options.git === false ? undefined : gitState(project.root);
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

/** Regular files under dir/rel (relative paths, `/`-separated), and every entry that is neither a file nor a folder (symlinks, FIFOs…). */
async function walk(dir: string, rel = ""): Promise<{ files: string[]; others: string[] }> {
  let entries;
  try {
    entries = await readdir(path.join(dir, rel), { withFileTypes: true });
  } catch {
    return { files: [], others: [] };
  }
  const files: string[] = [];
  const others: string[] = [];
  for (const e of entries) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      const sub = await walk(dir, r);
      files.push(...sub.files);
      others.push(...sub.others);
    } else if (e.isFile()) files.push(r);
    else others.push(r);
  }
  return { files, others };
}

/** `_file/data/audit.1a2b3c4d.json` → `_file/data/audit.json` (Framework's 8-hex content-hash suffix removed). */
export function logicalName(distPath: string): string {
  if (!distPath.startsWith("_file/")) return distPath;
  return distPath.replace(/\.[0-9a-f]{8}(\.[^./]+)?$/, "$1");
}

const isOutput = (p: string) => OUTPUT_FOLDERS.some((f) => p.startsWith(`${f}/`));
const afterManifest = (p: string) => p === MANIFEST_NAME || AFTER_MANIFEST.some((f) => p === f || p.startsWith(`${f}/`));

/** Everything under dist/ the manifest covers: regular files, and entries that are not regular files (never written by a build). */
async function distTree(dist: string): Promise<{ files: string[]; others: string[] }> {
  const { files, others } = await walk(dist);
  return { files: files.filter((f) => !afterManifest(f)), others: others.filter((f) => !afterManifest(f)).sort(compare) };
}

async function hashOutputs(dist: string, files: string[]): Promise<OutputHash[]> {
  const out = await inTurn(files.filter(isOutput), async (p) => {
    const h = await hashFile(path.join(dist, p), logicalName(p));
    return { file: h.file, sha256: h.sha256, bytes: h.bytes, path: p };
  });
  return out.sort((a, b) => compare(a.file, b.file) || compare(a.path, b.path));
}

async function hashSite(dist: string, files: string[]): Promise<FileHash[]> {
  const out = await inTurn(files.filter((f) => !isOutput(f)), (p) => hashFile(path.join(dist, p), p));
  return out.sort((a, b) => compare(a.file, b.file));
}

/** Hashes every data output under dist/ (see OUTPUTS_RULE). */
export async function outputHashes(dist: string): Promise<OutputHash[]> {
  return hashOutputs(dist, (await distTree(dist)).files);
}

/** Hashes every other file under dist/ (see SITE_RULE). */
export async function siteHashes(dist: string): Promise<FileHash[]> {
  return hashSite(dist, (await distTree(dist)).files);
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
    // Only an object's keys can name a seed: an array (a download's rows) is not parsed at all.
    if (await startsWithArray(path.join(dist, o.path))) continue;
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

/** Does the file's first character other than white space (or a byte-order mark) open a JSON array? */
async function startsWithArray(abs: string): Promise<boolean> {
  const handle = await open(abs, "r");
  try {
    const buffer = Buffer.alloc(256);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead).toString("utf8").replace(/^\uFEFF?\s*/, "");
    return head.startsWith("[");
  } finally {
    await handle.close();
  }
}

/** The manifest's text: two-space JSON, fields in the schema's order, one final newline. */
export const manifestJson = (m: Manifest) => JSON.stringify(BuildManifest.parse(m), null, 2) + "\n";

/** The text `self` is the hash of: the manifest without `self`, in the same form. */
function unsealedText(m: UnsealedManifest): string {
  return JSON.stringify(BuildManifest.omit({ self: true }).parse(m), null, 2) + "\n";
}

/** The manifest with its own hash. */
export function sealManifest(m: UnsealedManifest): Manifest {
  return BuildManifest.parse({ ...m, self: sha256(unsealedText(m)) });
}

/** The whole manifest of a built tree. A symlink or special file under dist/ stops it: a build writes none. */
export async function buildManifest(project: ManifestProject, result: Pick<PipelineResult, "codebooks">, dist: string, options: ManifestOptions = {}): Promise<Manifest> {
  const input = await inputManifest(project, result, options);
  const tree = await distTree(dist);
  if (tree.others.length) throw new Error(`${dist}: not regular files: ${tree.others.join(", ")}`);
  const outputs = await hashOutputs(dist, tree.files);
  return sealManifest({
    format: input.format,
    ...(input.commit ? { commit: input.commit } : {}),
    methodology: input.methodology,
    inputs: input.inputs,
    seeds: { ...input.seeds, outputs: await outputSeeds(dist, outputs) },
    outputs_rule: OUTPUTS_RULE,
    outputs,
    site_rule: SITE_RULE,
    site: await hashSite(dist, tree.files),
  });
}

/** Writes dist/manifest.json. */
export async function writeManifest(dist: string, manifest: Manifest): Promise<string> {
  const file = path.join(dist, MANIFEST_NAME);
  await writeFile(file, manifestJson(manifest));
  return file;
}

/**
 * A manifest for a tree built by other means (tests, by hand): loads the project, takes the seeds
 * from the codebooks (no intervals needed), hashes inputs and dist/, writes dist/manifest.json.
 * The build itself does not use it: it records the hashes it took before reading data/.
 */
export async function writeBuildManifest(root: string, dist = path.join(root, "dist")): Promise<{ file: string; manifest: Manifest }> {
  const project = await loadProject(root);
  const result = computeIndex(project, PUBLISHED_METHOD, { intervals: false });
  const manifest = await buildManifest(project, result, dist);
  return { file: await writeManifest(dist, manifest), manifest };
}

// ---------------------------------------------------------------------------------------------
// Verifying

export interface Difference {
  kind: "manifest" | "input" | "output" | "site" | "seed" | "methodology";
  file: string; // the input, output or site file (or, for a seed, what it belongs to)
  status: "changed" | "missing" | "added";
  expected: string | null;
  actual: string | null;
}
export interface Verification {
  ok: boolean;
  differences: Difference[];
  notes: string[]; // informational: commit, input problems, what was checked
  checked: { inputs: number; outputs: number; site: number; seeds: number };
}

/** Reads and validates a manifest: its format, then its schema (naming the first fields that fail). */
export async function readManifest(file: string): Promise<{ manifest: Manifest; text: string }> {
  const text = await readFile(file, "utf8");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file} is not JSON (${(e as Error).message})`);
  }
  const format = value && typeof value === "object" ? (value as { format?: unknown }).format : undefined;
  if (format !== MANIFEST_FORMAT) throw new Error(`${file} is not a build manifest (expected format ${MANIFEST_FORMAT}, found ${JSON.stringify(format ?? null)})`);
  const parsed = BuildManifest.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(top)"}: ${i.message}`);
    const more = parsed.error.issues.length - issues.length;
    throw new Error(`${file} does not follow the manifest schema: ${issues.join("; ")}${more > 0 ? `; and ${more} more` : ""}`);
  }
  return { manifest: parsed.data, text };
}

const short = (h: FileHash | undefined) => (h ? `sha256 ${h.sha256} (${h.bytes} bytes)` : null);

function diffFiles(kind: "input" | "output" | "site", expected: readonly FileHash[], actual: readonly FileHash[]): Difference[] {
  const now = new Map(actual.map((h) => [h.file, h]));
  const before = new Map(expected.map((h) => [h.file, h]));
  const out: Difference[] = [];
  for (const e of expected) {
    const a = now.get(e.file);
    if (!a) out.push({ kind, file: e.file, status: "missing", expected: short(e), actual: null });
    else if (a.sha256 !== e.sha256 || a.bytes !== e.bytes) out.push({ kind, file: e.file, status: "changed", expected: short(e), actual: short(a) });
  }
  for (const a of actual) if (!before.has(a.file)) out.push({ kind, file: a.file, status: "added", expected: null, actual: short(a) });
  return out;
}

/** The manifest's own integrity: its text is the canonical form of what it says, and `self` is that text's hash. */
function manifestDifferences(manifest: Manifest, text: string): Difference[] {
  const out: Difference[] = [];
  const canonical = manifestJson(manifest);
  if (text !== canonical) {
    const at = [...text].findIndex((ch, i) => ch !== canonical[i]);
    const line = text.slice(0, at < 0 ? Math.min(text.length, canonical.length) : at).split("\n").length;
    out.push({ kind: "manifest", file: MANIFEST_NAME, status: "changed", expected: "the canonical form of its own content", actual: `edited at line ${line}` });
  }
  const { self, ...rest } = manifest;
  const own = sha256(unsealedText(rest));
  if (own !== self) out.push({ kind: "manifest", file: `${MANIFEST_NAME} (self)`, status: "changed", expected: `sha256 ${self}`, actual: `sha256 ${own} of its content` });
  return out;
}

/**
 * Checks the manifest's schema and own hash, then recomputes every hash it records and compares.
 * Inputs are hashed from the files the manifest names (so a file that no longer validates is still
 * named); when the project still loads, the methodology and the seeds are compared too; a file added
 * under data/ is named as well. Every file under the manifest's own folder (dist/) is hashed, except
 * manifest.json and pdf/: changed, missing and added files are named, and anything there that is not a
 * regular file (a symlink, a FIFO) is reported as added. The commit is reported, not compared: the
 * same inputs and outputs under another commit are the same report.
 */
export async function verifyManifest(manifestFile: string, root: string): Promise<Verification> {
  const { manifest, text } = await readManifest(manifestFile);
  const dist = path.dirname(path.resolve(manifestFile));
  const differences: Difference[] = manifestDifferences(manifest, text);
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
  for (const f of (await walk(root, "data")).files)
    if (!listed.has(f) && !f.split("/").some(notInput)) nowInputs.push(await hashFile(path.join(root, f), f));
  const inputDiffs = diffFiles("input", manifest.inputs, nowInputs);
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
  differences.splice(differences.filter((d) => d.kind === "manifest").length, 0, ...inputDiffs);

  const tree = await distTree(dist);
  const nowOutputs = await hashOutputs(dist, tree.files);
  differences.push(...diffFiles("output", manifest.outputs, nowOutputs));
  differences.push(...diffFiles("site", manifest.site, await hashSite(dist, tree.files)));
  for (const o of tree.others) differences.push({ kind: isOutput(o) ? "output" : "site", file: o, status: "added", expected: null, actual: "not a regular file (a symlink or special file)" });
  seedsChecked += manifest.seeds.outputs.length;
  const outSeeds = await outputSeeds(dist, nowOutputs);
  const sk = (s: Manifest["seeds"]["outputs"][number]) => `${s.file} ${s.key}`;
  const nowOut = new Map(outSeeds.map((s) => [sk(s), s.seed]));
  for (const s of manifest.seeds.outputs) {
    const a = nowOut.get(sk(s));
    if (a !== s.seed) differences.push({ kind: "seed", file: `${s.file} (${s.key})`, status: a === undefined ? "missing" : "changed", expected: String(s.seed), actual: a === undefined ? null : String(a) });
  }

  if (await exists(path.join(dist, "pdf"))) notes.push("pdf/ is not covered: the PDFs are printed from the pages after the build (`npm run pdf`)");
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
    checked: { inputs: manifest.inputs.length, outputs: manifest.outputs.length, site: manifest.site.length, seeds: seedsChecked },
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
