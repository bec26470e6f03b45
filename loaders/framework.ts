// Shared by the thin Framework data loaders in src/data: find the project root, print one JSON
// document, and fail the build with every input problem listed.
//
// How the build avoids recomputing: `npm run build` computes the one result once, then imports every
// loader in its own process (loaders/payloads.ts). There `runLoader` and `runRoutes` do not run:
// they hand the build their function, which the build calls with the result it holds in memory and
// writes straight into Framework's cache of loader outputs, one file per page's data. Framework then
// finds every output fresh and runs no loader process at all. Outside the build (Framework preview,
// a loader run by hand) a loader computes its own result, as before.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { InputError, formatProblem } from "./problems.ts";
import { collector } from "./collect.ts";
import { runAll, type Result } from "./result.ts";
import { inputManifest, type InputManifest } from "./manifest.ts";
import type { Project } from "./project.ts";

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

// The state the build holds in memory for its own root (provideShared); a loader run in another
// process, or asking for another root, computes its own.
let provided: { root: string; shared: Shared } | null = null;
export function provideShared(root: string, shared: Shared | null): void {
  provided = shared === null ? null : { root: path.resolve(root), shared };
}

export async function buildResult(root: string): Promise<Shared> {
  if (provided && provided.root === path.resolve(root)) return provided.shared;
  return sharedState(root);
}

/**
 * A value computed once per shared state and reused by every payload that needs it (the changes
 * page's pairs feed the results page and every country page): without it, each country page would
 * redo the whole attribution presentation.
 */
const memo = new WeakMap<Shared, Map<string, unknown>>();
export function once<T>(shared: Shared, key: string, make: () => T): T {
  let m = memo.get(shared);
  if (!m) memo.set(shared, (m = new Map()));
  if (!m.has(key)) m.set(key, make());
  return m.get(key) as T;
}
/**
 * Lets go of what `once` kept for `shared`: every value, or only those made for one language's pages
 * (their keys end in " (<lang>)"). The build calls it once no loader left needs them: the changes
 * payload of one language alone holds some 300 MB at 57 countries.
 */
export function forget(shared: Shared, lang?: string): void {
  const m = memo.get(shared);
  if (!m) return;
  if (lang === undefined) return void memo.delete(shared);
  for (const key of [...m.keys()]) if (key.endsWith(` (${lang})`)) m.delete(key);
}

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export type Make = (root: string) => Promise<unknown> | unknown;
/** A loader of a parametrised route (src/data/countries/[code].json.ts): every value of its one parameter, and the payload of each. */
export interface Routes {
  routes: (shared: Shared) => readonly string[];
  payload: (shared: Shared, value: string) => unknown;
}
export type Registration = { kind: "make"; make: Make } | ({ kind: "routes" } & Routes);

const loaders = collector<Registration>();
/** What the data loader at `url` registers when the build imports it (null: it registers nothing, and Framework runs it). */
export const collectLoader = (url: string) => loaders.collect(url);

export async function runLoader(make: Make): Promise<void> {
  if (loaders.active) return loaders.register({ kind: "make", make });
  await emit(() => make(projectRoot));
}

/** A parametrised loader: Framework runs it with --NAME=VALUE for the NAME in its file name ([NAME]). */
export async function runRoutes(spec: Routes): Promise<void> {
  if (loaders.active) return loaders.register({ kind: "routes", ...spec });
  await emit(async () => {
    const name = /\[([^\]]+)\]/.exec(path.basename(process.argv[1] ?? ""))?.[1];
    if (!name) throw new Error(`runRoutes: ${process.argv[1]} has no [parameter] in its name`);
    const { values } = parseArgs({ options: { [name]: { type: "string" } }, strict: false });
    const value = values[name];
    if (typeof value !== "string") throw new Error(`runRoutes: no --${name}=VALUE given`);
    const shared = await buildResult(projectRoot);
    if (!spec.routes(shared).includes(value)) throw new Error(`no page for ${name} ${value}`);
    return spec.payload(shared, value);
  });
}

async function emit(make: () => Promise<unknown> | unknown): Promise<void> {
  try {
    const value = await make();
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
