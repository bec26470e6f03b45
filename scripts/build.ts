// `npm run build`: computes everything from data/ and writes the report to dist/.
// Framework never reruns a data loader whose cached output exists, so the loader outputs are
// deleted whenever anything they depend on changed (see LOADER_INPUTS): every build reflects
// the current data/ and loaders/.
//
// All or nothing. data/ is hashed once before it is read, and those hashes go into the manifest;
// a file that changes while the build runs stops it. The report is built into a fresh folder
// (dist.tmp-<pid>) and swapped into dist/ only when pages, downloads and manifest are complete, so a
// failed, interrupted or killed build leaves the last good dist/ as it was. One build at a time per
// tree (.build.lock holds the builder's pid). Temporary files go on every exit path.
import { rmSync, readdirSync, existsSync, mkdirSync, mkdtempSync, writeFileSync, readFileSync, statSync, renameSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cache = path.join(root, "src", ".observablehq", "cache");
const dist = path.join(root, "dist");
const staging = path.join(root, `dist.tmp-${process.pid}`);
const previous = path.join(root, `dist.old-${process.pid}`);
export const LOCK_NAME = ".build.lock";
const lockFile = path.join(root, LOCK_NAME);

/** Removes cached loader outputs; keeps Framework's `_`-prefixed bundle caches (npm, node, import). */
export function clearLoaderCache(dir = cache): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith("_")) continue;
    rmSync(path.join(dir, entry), { recursive: true, force: true });
  }
}

// Framework's client bundle names a few optional libraries (React for JSX pages) whose
// version it looks up on the npm registry at build time, even though no page here uses
// them. A version folder in its npm cache answers the look-up, so a build needs no network.
// Nothing is downloaded and no page loads these.
const BUILTIN_VERSIONS = [
  "@duckdb/duckdb-wasm@1.29.0", "@observablehq/duckdb@0.0.0", "@observablehq/inputs@0.12.0", "@observablehq/plot@0.6.17",
  "@observablehq/sample-datasets@1.0.1", "@uwdata/vgplot@0.16.2", "@viz-js/viz@3.14.0", "apache-arrow@17.0.0",
  "arquero@8.0.3", "d3@7.9.0", "d3-dsv@3.0.1", "echarts@5.6.0", "exceljs@4.4.0", "htl@0.3.1", "jszip@3.10.1",
  "katex@0.16.22", "leaflet@1.9.4", "lodash@4.17.21", "mapbox-gl@3.13.0", "mermaid@11.9.0", "parquet-wasm@0.6.1",
  "react@19.1.0", "react-dom@19.1.0", "sql.js@1.13.0", "topojson-client@3.1.0", "vega@6.4.0", "vega-lite@6.4.1",
  "vega-lite-api@5.6.0",
];
export function pinBuiltinVersions(dir = cache): void {
  for (const spec of BUILTIN_VERSIONS) mkdirSync(path.join(dir, "_npm", spec), { recursive: true });
}

// What every data loader's output depends on. When none of it changed since the last build,
// Framework's cached loader outputs are still exact and are kept (a warm build); any change
// to a byte of these clears them all, so no page can show stale data. One changed sheet recomputes
// everything, on purpose: the one result depends on every sheet (ranks within each year, the
// attribution of the years on both sides, the sensitivity draws over all country-years, the
// audit's reconciliation), so no output can be known unchanged without computing it.
const LOADER_INPUTS = ["data", "loaders", "src/data", "package-lock.json", "observablehq.config.ts", "scripts/build.ts", "scripts/framework-build.js"];
export function loaderInputsDigest(): string {
  const hash = createHash("sha256");
  const visit = (rel: string): void => {
    const abs = path.join(root, rel);
    if (!existsSync(abs)) return;
    if (statSync(abs).isDirectory()) {
      for (const entry of readdirSync(abs).sort()) visit(path.join(rel, entry));
    } else {
      hash.update(rel).update("\0").update(readFileSync(abs)).update("\0");
    }
  };
  LOADER_INPUTS.forEach(visit);
  return hash.digest("hex");
}
// ---- one build at a time, and nothing left behind ------------------------------------------------
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};
let locked = false;
function acquireLock(): void {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(lockFile, `${process.pid}\n`, { flag: "wx" });
      locked = true;
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    let holder = NaN;
    try {
      holder = Number.parseInt(readFileSync(lockFile, "utf8"), 10);
    } catch {
      continue; // released meanwhile
    }
    if (Number.isInteger(holder) && holder > 0 && alive(holder)) {
      console.error(`another build (pid ${holder}) is running in this tree (${LOCK_NAME}): this build did not start; wait for that one to finish. If no build is running, delete ${LOCK_NAME} and build again.`);
      process.exit(1);
    }
    console.log(`taking over ${LOCK_NAME} from build ${Number.isInteger(holder) ? holder : "(unreadable pid)"}, which is no longer running`);
    rmSync(lockFile, { force: true });
  }
  console.error(`could not take ${LOCK_NAME}: this build did not start`);
  process.exit(1);
}

let child: ChildProcess | undefined;
let scratch: string | undefined;
let swapped = false;
let said = false; // the reason for stopping was printed
const kept = () => (existsSync(path.join(dist, "index.html")) ? "nothing was built; dist/ still holds the last good report" : "nothing was built; dist/ holds no report");

/** Synchronous: runs on every exit, normal or not (signals go through process.exit). */
function cleanUp(code: number): void {
  if (code !== 0 && !said && !swapped) console.error(`the build failed: ${kept()}.`);
  if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  rmSync(staging, { recursive: true, force: true });
  // A kill between the two renames of the swap: the previous report goes back.
  if (existsSync(previous)) {
    if (!existsSync(dist)) renameSync(previous, dist);
    else rmSync(previous, { recursive: true, force: true });
  }
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  if (locked) {
    try {
      if (Number.parseInt(readFileSync(lockFile, "utf8"), 10) === process.pid) rmSync(lockFile, { force: true });
    } catch {
      // already gone
    }
  }
}

function fail(message: string): never {
  said = true;
  console.error(`${message}: ${kept()}.`);
  process.exit(1);
}

acquireLock();
process.on("exit", cleanUp);
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129]] as const)
  process.on(signal, () => {
    said = true;
    console.error(swapped ? `build stopped (${signal}) after the new report was in place` : `build stopped (${signal}): ${kept()}.`);
    // Framework first, so that it writes nothing into the fresh folder after cleanUp removed it.
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) process.exit(code);
    running.once("close", () => process.exit(code));
    running.kill("SIGTERM");
    setTimeout(() => (running.kill("SIGKILL"), process.exit(code)), 5000).unref();
  });

// What a build killed outright (SIGKILL, power loss) left: its fresh folder, or the previous report
// set aside during the swap. Holding the lock, no other build is using them.
for (const entry of readdirSync(root)) {
  const m = /^dist\.(tmp|old)-(\d+)$/.exec(entry);
  if (!m) continue;
  const abs = path.join(root, entry);
  if (m[1] === "old" && !existsSync(dist)) {
    renameSync(abs, dist);
    console.log(`restored dist/ from ${entry}, which an interrupted build had set aside`);
  } else rmSync(abs, { recursive: true, force: true });
}

// The commit and every input as they are now, before anything is read.
const { snapshotInputs, snapshotChanges, gitState, buildManifest, writeManifest } = await import("../loaders/manifest.ts");
const commit = gitState(root);
const snapshot = await snapshotInputs(root);
async function unchangedSince(when: string): Promise<void> {
  const changes = snapshotChanges(snapshot, await snapshotInputs(root));
  if (changes.length === 0) return;
  for (const c of changes) console.error(`${c.file}: ${c.status === "changed" ? "changed" : c.status === "added" ? "appeared" : "disappeared"} ${when}`);
  fail(`${changes.length} file(s) in data/ changed while the build ran (build again when the edits are done)`);
}

const digestFile = path.join(cache, ".loader-inputs.sha256");
const digest = loaderInputsDigest();
const warm = existsSync(digestFile) && readFileSync(digestFile, "utf8") === digest;
if (!warm) {
  // The old digest goes first: a build stopped half-way must not leave new outputs under it.
  rmSync(digestFile, { force: true });
  clearLoaderCache();
}
console.log(warm ? "loader inputs unchanged since the last build: keeping cached loader outputs" : "loader inputs changed (or first build): recomputing every loader output");
pinBuiltinVersions();

// The pages' copy of the shared engine modules (src/components/engine.js), rebuilt every time from
// loaders/shared/ so it can never be staler than the loaders.
{
  const { bundleShared } = await import("./bundle-shared.ts");
  console.log(`shared modules → ${path.relative(root, await bundleShared(root))}`);
}

// The one result is computed once per build, and every data loader's output from it, here, into
// Framework's cache of loader outputs (loaders/payloads.ts): one file per page's data, never the
// whole project in one, and no loader process recomputing what another already did. Every page's
// Markdown is written there too, so that Framework starts no process per page.
// A bad input stops the build here, with every problem listed.
const { sharedState } = await import("../loaders/framework.ts");
const { InputError, formatProblem } = await import("../loaders/problems.ts");
const stopOnInputError = (e: unknown) => {
  if (!(e instanceof InputError)) throw e;
  for (const p of e.problems) console.error(formatProblem(p));
  return fail(`${e.total} problem(s) in data/`);
};
const timed = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
  const t = performance.now();
  const value = await work();
  console.log(`${what}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return value;
};
// With the loader outputs kept, the last build's downloads and manifest inputs are too (scripts/kept-run.ts):
// nothing is read or computed again.
const { keepRun, keptRun } = await import("./kept-run.ts");
const lastRun = warm ? keptRun(cache, root) : null;
if (lastRun) console.log("loader inputs unchanged: the one result is not computed again; the downloads and the manifest's inputs are the last build's");
let pipeline: Awaited<ReturnType<typeof sharedState>> | null = lastRun ? null : await timed("read, validate and compute the one result", () => sharedState(root)).catch(stopOnInputError);
await unchangedSince("while the build read data/");
if (!warm && pipeline) {
  const { writeLoaderOutputs } = await import("../loaders/payloads.ts");
  const shared = pipeline;
  const { written, skipped } = await timed("data loader outputs", () => writeLoaderOutputs(root, shared, cache)).catch(stopOnInputError);
  const files = written.reduce((n, w) => n + w.files.length, 0);
  console.log(`data loader outputs: ${files} files from ${written.length} loaders → ${path.relative(root, cache)}/${skipped.length ? `; left to Framework (they register no output): ${skipped.join(", ")}` : ""}`);
  // The pages' Markdown too, from the same list of pages Framework is given (loaders/pages/routes.ts).
  const { writePageOutputs } = await import("../loaders/payloads.ts");
  const { pageRoutes } = await import("../loaders/pages/routes.ts");
  const { dynamicPaths } = await pageRoutes(root);
  const pages = await timed("pages", () => writePageOutputs(root, cache, dynamicPaths));
  console.log(`pages: ${pages.written.reduce((n, w) => n + w.files.length, 0)} files from ${pages.written.length} page loaders → ${path.relative(root, cache)}/${pages.skipped.length ? `; left to Framework (they register no page): ${pages.skipped.join(", ")}` : ""}`);
}
scratch = mkdtempSync(path.join(tmpdir(), "pti-build-"));

// ---- files/ (downloads; loaders/downloads.ts) ----------------------------------------------------
// Written here, not by a data loader: attaching .csv/.xlsx/.zip files to a page makes Framework
// fetch their parsers from a CDN at build time. Written while Framework builds the pages in its own
// process (the two cores each have one), into the scratch folder (Framework empties its output
// folder first), and moved in after.
const { writeDownloads, DOWNLOADS_DIR } = await import("../loaders/present/downloads.ts");
const { collectGarbage } = await import("../loaders/gc.ts");
// Its time is printed after Framework's, so that the two logs do not run into each other.
const downloadsStart = performance.now();
const written = pipeline ? writeDownloads(pipeline.result, scratch) : Promise.resolve(lastRun!.copyDownloads(path.join(scratch, DOWNLOADS_DIR)));
const writing = written.then((files) => ({ files, ms: performance.now() - downloadsStart }));
writing.catch(() => {}); // awaited below, after Framework; a failure there fails the build
// What the manifest needs of the run (loaders/manifest.ts ManifestProject, the codebooks' seeds).
const forManifest = pipeline
  ? {
      project: { root: pipeline.project.root, files: pipeline.project.files, codebooks: pipeline.project.codebooks },
      result: { codebooks: pipeline.result.codebooks },
    }
  : lastRun!.run;

// Framework writes the pages into the fresh folder (scripts/framework-build.js), never into dist/.
const framework = performance.now();
const status = await new Promise<number>((resolve) => {
  child = spawn(process.execPath, [path.join(root, "scripts", "framework-build.js"), staging], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true" },
  });
  child.on("error", () => resolve(1));
  child.on("close", (code) => resolve(code ?? 1));
});
child = undefined;
console.log(`Framework built the pages: ${((performance.now() - framework) / 1000).toFixed(1)} s`);
if (status !== 0) {
  rmSync(digestFile, { force: true });
  fail(`Framework could not build the pages (exit status ${status})`);
}
const { files: downloads, ms: downloadsMs } = await writing;
console.log(`downloads (${pipeline ? "written" : "copied from the last build"} while Framework ran): ${(downloadsMs / 1000).toFixed(1)} s`);
pipeline = null;
collectGarbage(); // the one result is let go before the PDFs, which need little of this process
mkdirSync(cache, { recursive: true });
if (!lastRun) keepRun(cache, path.join(scratch, DOWNLOADS_DIR), forManifest);
writeFileSync(digestFile, digest);

// Framework writes each attached file's modification time (the moment its loader ran) into the
// pages. Nothing here reads it, and it would make two builds of the same inputs differ: it is
// set to a fixed instant so that every built file depends on the inputs alone.
export const FIXED_LAST_MODIFIED = Date.UTC(2000, 0, 1);
const pagesIn = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? pagesIn(path.join(dir, e.name)) : e.name.endsWith(".html") ? [path.join(dir, e.name)] : [],
  );
// Framework's page template names no language, blocks zoom and lists no skip link: each page gets its
// language, title and labels (loaders/pages/chrome.ts) and the accessibility fixes (scripts/page-html.ts).
const { localiseHtml } = await import("../loaders/pages/chrome.ts");
const { accessiblePage, pageLanguage } = await import("./page-html.ts");
for (const page of pagesIn(staging)) {
  const html = readFileSync(page, "utf8");
  const rel = path.relative(staging, page);
  const fixed = accessiblePage(localiseHtml(rel, html).replace(/"lastModified":\d+/g, `"lastModified":${FIXED_LAST_MODIFIED}`), pageLanguage(rel));
  if (fixed !== html) writeFileSync(page, fixed);
}

renameSync(path.join(scratch, DOWNLOADS_DIR), path.join(staging, DOWNLOADS_DIR));
console.log(`downloads: ${downloads.length} files → dist/${DOWNLOADS_DIR}/`);
rmSync(scratch, { recursive: true, force: true });

// ---- post-build: manifest.json (Audit; loaders/manifest.ts) -------------------------------------
// The hashes of the inputs as they were read (the snapshot), the codebook versions, the seeds, the
// commit, and every file of the fresh folder, so that `npm run index -- verify dist/manifest.json`
// can later prove the report is what the inputs make.
{
  const manifest = await buildManifest(forManifest.project, forManifest.result, staging, { snapshot, commit });
  await writeManifest(staging, manifest);
  console.log(`manifest: ${manifest.inputs.length} inputs, ${manifest.outputs.length} data outputs, ${manifest.site.length} site files → dist/manifest.json`);
}
// ---- post-build: pdf/ (scripts/pdf.ts), printed from the fresh folder so every "as PDF" link works
// once it is swapped in. After the manifest, which leaves pdf/ out. PTI_PDF=0 skips it (the tests' builds).
if (process.env.PTI_PDF !== "0") {
  const { printPdfs } = await import("./pdf.ts");
  await timed("PDFs", () => printPdfs(staging)).catch((e: unknown) => fail(`the PDFs could not be printed (${(e as Error).message})`));
}
await unchangedSince("while the build ran");

// ---- the swap: the fresh folder becomes dist/ ------------------------------------------------------
// Two renames (a folder cannot replace a non-empty one in one step); cleanUp puts the previous
// report back if the process dies between them, and the next build does if it was killed outright.
if (existsSync(dist)) renameSync(dist, previous);
renameSync(staging, dist);
swapped = true;
rmSync(previous, { recursive: true, force: true });
console.log(`report → dist/ (peak memory of the build's own process ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)`);
