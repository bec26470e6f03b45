// `npm run bench`: performance figures, each printed beside its target (issue 8). Not asserted.
//   sensitivity  10,000 Monte Carlo draws over all country-years including ranks   ≤ 1 s
//                Sobol indices with 10,000 base samples over all choices            ≤ 5 s
//   scale        57 countries × 20 years × 200 indicators × 50 respondents each,
//                generated in memory, through the whole pipeline (own process)      ≤ 10 s, ≤ 1 GB peak
//   build        cold `npm run build` ≤ 30 s, warm ≤ 10 s (in a throwaway copy of the tree)
//   browser      per page: bytes loaded ≤ 2 MB, compressed bytes (brotli as served: the HTML and every
//                script, stylesheet and data file it loads) ≤ 600 kB, charts drawn ≤ 2 s; reweighting ≤ 5 ms per
//                slider change (tests/browser/check.ts on that copy's dist/)
// Options: --no-build (skip build and browser), --no-scale, --draws N, --samples N.
// The sensitivity figures use the real data/ when it loads, else a synthetic project of the
// same shape (7 countries × 6 years × 40 indicators), and say which.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runPipeline, type PipelineResult } from "../loaders/pipeline.ts";
import type { Project } from "../loaders/project.ts";
import { loadSensitivityConfig } from "../loaders/sensitivity/config.ts";
import { monteCarlo } from "../loaders/sensitivity/model.ts";
import { prepareMatrix, rangesFor, sobolRanks } from "../loaders/sensitivity.ts";
import { computeIndex } from "../loaders/pipeline.ts";
import { syntheticProject } from "./synthetic.ts";
import { copyProject } from "../tests/helpers/project-copy.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const num = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};

const rows: { what: string; value: string; target: string; ok: boolean | null }[] = [];
function figure(what: string, value: string, target: string, ok: boolean | null) {
  rows.push({ what, value, target, ok });
  console.log(`${ok === null ? "  " : ok ? "ok" : "!!"}  ${what}: ${value}   (target ${target})`);
}
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

// ---------------------------------------------------------------------------------------------
// Sensitivity: Monte Carlo and Sobol on the points matrix
async function sensitivity(): Promise<void> {
  const draws = num("draws", 10_000);
  const samples = num("samples", 10_000);
  let project: Project;
  let result: PipelineResult;
  let source: string;
  try {
    ({ project, result } = await runPipeline(root));
    source = "real data/";
    if (result.index.length === 0) throw new Error("no sheets in data/sheets yet");
  } catch (e) {
    project = syntheticProject({ countries: 7, years: 6, indicators: 40, respondents: 25, twoVersions: true });
    result = computeIndex(project);
    source = `synthetic 7 × 6 × 40 (data/ did not load: ${String((e as Error).message).split("\n")[0]})`;
  }
  const config = await loadSensitivityConfig(root);
  let t = performance.now();
  const matrix = prepareMatrix(project, result);
  const prepMs = performance.now() - t;
  const ranges = rangesFor(matrix, config);
  console.log(`sensitivity on ${source}: ${matrix.nCells} country-years × ${matrix.nSections} sections × ${matrix.methods.length * matrix.rules.length * matrix.norms.length} alternatives`);
  figure("points matrix (computeIndex under each survey × missing-data alternative)", sec(prepMs), "—", null);
  monteCarlo(matrix, ranges, { draws: 200, seed: 1 }); // warm-up (JIT)
  t = performance.now();
  monteCarlo(matrix, ranges, { draws, seed: config.seed });
  const mcMs = performance.now() - t;
  figure(`Monte Carlo, ${draws.toLocaleString("en-US")} draws incl. ranks and percentiles`, sec(mcMs), "≤ 1 s", mcMs <= 1000);
  t = performance.now();
  const sob = sobolRanks(matrix, ranges, { samples, seed: config.seed });
  const sobMs = performance.now() - t;
  figure(`Sobol, ${samples.toLocaleString("en-US")} base samples (${sob.runs.toLocaleString("en-US")} runs, ${sob.factors.filter((f) => f.uncertain).length} factors, ${matrix.nCells + 1} outputs)`, sec(sobMs), "≤ 5 s", sobMs <= 5000);
}

// ---------------------------------------------------------------------------------------------
// Scale: the whole pipeline on a synthetic project, in its own process (its own peak memory)
function scale(): void {
  const run = (extra: string[]) => {
    const r = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "bench", "scale.ts"), ...extra], { cwd: root, encoding: "utf8", maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error(`bench/scale.ts failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split("\n").pop()!) as Record<string, number>;
  };
  const s = run(["57", "20", "200", "50"]);
  console.log(
    `scale case: ${s.countries} countries × ${s.years} years × ${s.indicators} indicators, ${s.respondents} respondents each: ${s.answers!.toLocaleString("en-US")} answers, ${s.responses!.toLocaleString("en-US")} survey responses, ${s.surveys!.toLocaleString("en-US")} survey scores, each with its interval (generated in ${sec(s.generate_ms!)})`,
  );
  figure("scale case, whole pipeline (computeIndex)", sec(s.pipeline_ms!), "≤ 10 s", s.pipeline_ms! <= 10_000);
  figure("scale case, peak memory (maxRSS of its process)", mb(s.max_rss_bytes!), "≤ 1 GB", s.max_rss_bytes! <= 1024 ** 3);
  const n = run(["57", "20", "200", "50", "0"]);
  figure("  of which without the survey intervals", sec(n.pipeline_ms!), "—", null);
}

// ---------------------------------------------------------------------------------------------
// Build (cold, warm) and browser figures, in a throwaway copy
function buildAndBrowser(): void {
  const { root: copy, cleanup } = copyProject();
  const env = { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", FORCE_COLOR: "0" };
  try {
    rmSync(path.join(copy, "src", ".observablehq", "cache"), { recursive: true, force: true }); // cold: no bundle cache either
    const build = () => {
      const t = performance.now();
      const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts"], { cwd: copy, encoding: "utf8", env, maxBuffer: 1 << 26 });
      return { ms: performance.now() - t, ok: r.status === 0, out: r.stdout + r.stderr };
    };
    const cold = build();
    if (!cold.ok) {
      figure("cold build", "FAILED", "≤ 30 s", false);
      console.log(cold.out.split("\n").slice(-20).join("\n"));
      return;
    }
    figure("cold npm run build", sec(cold.ms), "≤ 30 s", cold.ms <= 30_000);
    const warm = build();
    figure("warm npm run build", warm.ok ? sec(warm.ms) : "FAILED", "≤ 10 s", warm.ok && warm.ms <= 10_000);
    if (!warm.ok || !existsSync(path.join(copy, "dist", "index.html"))) return;

    const shots = mkdtempSync(path.join(tmpdir(), "pti-bench-shots-"));
    const r = spawnSync(process.execPath, ["--import", "tsx", "tests/browser/check.ts"], { cwd: copy, encoding: "utf8", env: { ...env, SCREENSHOTS: shots }, maxBuffer: 1 << 26 });
    rmSync(shots, { recursive: true, force: true });
    const lines = (r.stdout ?? "").split("\n");
    let reweighting = false;
    for (const line of lines) {
      const m = /^(ok|FAIL)\s+(\S+)\s+\((\d+) kB loaded, (\d+) kB compressed, charts drawn in (\d+|—) ms\)/.exec(line);
      if (m) {
        const kb = Number(m[3]);
        figure(`page ${m[2]}: bytes loaded`, `${(kb / 1024).toFixed(2)} MB`, "≤ 2 MB", kb <= 2048);
        const packed = Number(m[4]);
        figure(`page ${m[2]}: compressed bytes (page weight)`, `${packed} kB`, "≤ 600 kB", packed <= 600);
        const ms = m[5] === "—" ? null : Number(m[5]);
        figure(`page ${m[2]}: time until charts are drawn`, ms === null ? "—" : sec(ms), "≤ 2 s", ms !== null && ms <= 2000);
        if (m[1] === "FAIL") console.log(`    (browser check failed on ${m[2]}; see below)`);
        continue;
      }
      const w = /reweighting: ([\d.]+) ms per slider change/.exec(line);
      if (w) {
        reweighting = true;
        figure("browser reweighting, per slider change", `${w[1]} ms`, "≤ 5 ms", Number(w[1]) <= 5);
      }
    }
    if (!reweighting) figure("browser reweighting, per slider change", "not measured (no /sensitivity page or its check failed)", "≤ 5 ms", false);
    if (r.status !== 0) console.log(lines.filter((l) => /^\s{7}|^FAIL|^browser/.test(l)).join("\n"));
  } finally {
    cleanup();
  }
}

const os = await import("node:os");
// The load average matters: on a shared machine, other processes' work inflates every figure.
console.log(`bench: ${new Date().toISOString()}, node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(" / ")} (1 / 5 / 15 min)\n`);
await sensitivity();
if (!flag("no-scale")) scale();
if (!flag("no-build")) buildAndBrowser();
const over = rows.filter((r) => r.ok === false);
console.log(`load average at the end: ${os.loadavg().map((x) => x.toFixed(1)).join(" / ")}`);
console.log(`\n${rows.filter((r) => r.ok !== null).length} figures with a target, ${over.length} over it${over.length ? ": " + over.map((r) => r.what).join("; ") : ""}`);
