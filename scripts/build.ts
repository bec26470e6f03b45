// `npm run build`: computes everything from data/ and writes the report to dist/.
// Framework never reruns a data loader whose cached output exists, so the loader outputs are
// deleted whenever anything they depend on changed (see LOADER_INPUTS): every build reflects
// the current data/ and loaders/.
import { rmSync, readdirSync, existsSync, mkdirSync, mkdtempSync, writeFileSync, readFileSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cache = path.join(root, "src", ".observablehq", "cache");

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

function run(cmd: string, args: string[]): number {
  const r = spawnSync(cmd, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true" },
  });
  return r.status ?? 1;
}

// What every data loader's output depends on. When none of it changed since the last build,
// Framework's cached loader outputs are still exact and are kept (a warm build); any change
// to a byte of these clears them all, so no page can show stale data.
const LOADER_INPUTS = ["data", "loaders", "src/data", "package-lock.json", "observablehq.config.ts", "scripts/build.ts"];
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
const digestFile = path.join(cache, ".loader-inputs.sha256");
const digest = loaderInputsDigest();
const warm = existsSync(digestFile) && readFileSync(digestFile, "utf8") === digest;
if (!warm) clearLoaderCache();
console.log(warm ? "loader inputs unchanged since the last build: keeping cached loader outputs" : "loader inputs changed (or first build): recomputing every loader output");
pinBuiltinVersions();
rmSync(path.join(root, "dist"), { recursive: true, force: true });

// The pages' copy of the shared engine modules (src/components/engine.js), rebuilt every time from
// loaders/shared/ so it can never be staler than the loaders.
{
  const { bundleShared } = await import("./bundle-shared.ts");
  console.log(`shared modules → ${path.relative(root, await bundleShared(root))}`);
}

// The one result is computed once per build; every data loader reads it (PIPELINE_CACHE_ENV).
// A bad input stops the build here, with every problem listed.
const { sharedState, PIPELINE_CACHE_ENV } = await import("../loaders/framework.ts");
const { InputError, formatProblem } = await import("../loaders/problems.ts");
const pipeline = await sharedState(root).catch((e: unknown) => {
  if (!(e instanceof InputError)) throw e;
  for (const p of e.problems) console.error(formatProblem(p));
  console.error(`${e.problems.length} problem(s) in data/: nothing was built.`);
  process.exit(1);
});
const scratch = mkdtempSync(path.join(tmpdir(), "pti-build-"));
const resultFile = path.join(scratch, "pipeline.json");
writeFileSync(resultFile, JSON.stringify({ root, ...pipeline }));
process.env[PIPELINE_CACHE_ENV] = resultFile;
const status = run(process.execPath, [path.join(root, "node_modules", "@observablehq", "framework", "dist", "bin", "observable.js"), "build"]);
rmSync(scratch, { recursive: true, force: true });
if (status !== 0) {
  rmSync(digestFile, { force: true });
  process.exit(status);
}
mkdirSync(cache, { recursive: true });
writeFileSync(digestFile, digest);

// Framework writes each attached file's modification time (the moment its loader ran) into the
// pages. Nothing here reads it, and it would make two builds of the same inputs differ: it is
// set to a fixed instant so that every built file depends on the inputs alone.
export const FIXED_LAST_MODIFIED = Date.UTC(2000, 0, 1);
const pagesIn = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? pagesIn(path.join(dir, e.name)) : e.name.endsWith(".html") ? [path.join(dir, e.name)] : [],
  );
for (const page of pagesIn(path.join(root, "dist"))) {
  const html = readFileSync(page, "utf8");
  const fixed = html.replace(/"lastModified":\d+/g, `"lastModified":${FIXED_LAST_MODIFIED}`);
  if (fixed !== html) writeFileSync(page, fixed);
}

// ---- post-build: dist/files/ (downloads; loaders/downloads.ts) --------------------------------
// Written here, not by a data loader: attaching .csv/.xlsx/.zip files to a page makes Framework
// fetch their parsers from a CDN at build time.
{
  const { writeDownloads, DOWNLOADS_DIR } = await import("../loaders/present/downloads.ts");
  const written = await writeDownloads(pipeline.result, path.join(root, "dist"));
  console.log(`downloads: ${written.length} files → dist/${DOWNLOADS_DIR}/`);
}

// ---- post-build: dist/manifest.json (Audit; loaders/manifest.ts) -------------------------------
// SHA-256 of every input and data output, the codebook versions, the seeds and the commit, so that
// `npm run index -- verify dist/manifest.json` can later prove the report is what the inputs make.
{
  const { writeBuildManifest } = await import("../loaders/manifest.ts");
  const { file, manifest } = await writeBuildManifest(root);
  console.log(`manifest: ${manifest.inputs.length} inputs, ${manifest.outputs.length} data outputs → ${path.relative(root, file)}`);
}
// ---- end post-build ---------------------------------------------------------------------------
