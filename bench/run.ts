// `npm run bench`: performance figures, each printed beside its target (issue 8). Not asserted.
//   sensitivity  10,000 Monte Carlo draws over all country-years including ranks   ≤ 1 s
//                Sobol indices with 10,000 base samples over all choices            ≤ 5 s
//   scale        57 countries × 20 years × 200 indicators × 50 respondents each,
//                generated in memory, through the whole pipeline (own process)      ≤ 10 s, ≤ 1 GB peak
//   end to end   the project's generator (bench/synthetic.ts) written out as a real data/ tree in a
//                throwaway copy, then each stage of the build timed in its own process (wall
//                time, resident memory, peak) and `npm run build` itself (wall time, peak of its
//                largest process), and a rebuild after one sheet changed:
//                  57 × 20 × 200 × 50    whole build ≤ 60 s, ≤ 1 GB
//                  193 × 30 × 300 × 50   whole build ≤ 5 min, ≤ 2 GB (only with --big; slow)
//                and the growth between the two (work ~14×, time ≤ ~16×); the rebuilds (nothing
//                changed, with the PDFs; one sheet changed, without) on the small case only
//   build        cold `npm run build` ≤ 30 s, warm ≤ 10 s (in a throwaway copy of the tree)
//   browser      per page: bytes loaded ≤ 2 MB, compressed bytes (brotli as served: the HTML and every
//                script, stylesheet and data file it loads) ≤ 600 kB, charts drawn ≤ 1 s; reweighting ≤ 5 ms per
//                slider change (tests/browser/check.ts on that copy's dist/)
// Options: --no-build (skip build and browser), --no-scale, --no-e2e, --big (also the 193-country
// case), --case small|big (that end-to-end case alone), --quick (only the end-to-end 57-country case: no sensitivity, scale, build or browser),
// --draws N, --samples N.
// The sensitivity figures use the real data/ when it loads, else a synthetic project of the
// same shape (7 countries × 6 years × 40 indicators), and say which.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
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
import { writeSyntheticProject } from "./write-project.ts";

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
  figure("points matrix (computeIndex's points under each survey × missing-data alternative)", sec(prepMs), "—", null);
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
      const [node, ...buildArgs] = buildCommand();
      const r = spawnSync(node!, buildArgs, { cwd: copy, encoding: "utf8", env, maxBuffer: 1 << 26 });
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
        figure(`page ${m[2]}: time until charts are drawn`, ms === null ? "—" : sec(ms), "≤ 1 s", ms !== null && ms <= 1000);
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

// ---------------------------------------------------------------------------------------------
// End to end: a generated project written to disk in a throwaway copy of the tree, its stages
// timed one by one (bench/stages.ts, own process), then `npm run build` cold and after one sheet changed.
interface EndToEnd {
  label: string;
  answers: number;
  buildMs: number | null;
  buildRss: number | null;
}
const CASES = {
  small: { countries: 57, years: 20, indicators: 200, respondents: 50, seconds: 60, bytes: 1024 ** 3 },
  big: { countries: 193, years: 30, indicators: 300, respondents: 50, seconds: 300, bytes: 2 * 1024 ** 3 },
} as const;

/**
 * `npm run build` as package.json states it (its Node flags: the young generation's size and the heap's
 * ceiling), run with this Node without npm in between, so that the bench times the README's command.
 */
function buildCommand(): string[] {
  const script = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.build!;
  const [node, ...rest] = script.split(/\s+/);
  if (node !== "node") throw new Error(`package.json's build script does not start with node: ${script}`);
  return [process.execPath, ...rest];
}

/** `cmd` under /usr/bin/time: wall time, and the peak resident memory of the largest process of its tree. */
function timedRun(cwd: string, cmd: string[], env: NodeJS.ProcessEnv) {
  const gnuTime = existsSync("/usr/bin/time");
  const t = performance.now();
  const r = gnuTime
    ? spawnSync("/usr/bin/time", ["-f", "MAXRSS_KB %M CPU_S %U %S", ...cmd], { cwd, encoding: "utf8", env, maxBuffer: 1 << 28 })
    : spawnSync(cmd[0]!, cmd.slice(1), { cwd, encoding: "utf8", env, maxBuffer: 1 << 28 });
  const ms = performance.now() - t;
  const m = /MAXRSS_KB (\d+) CPU_S ([\d.]+) ([\d.]+)/.exec(r.stderr ?? "");
  return { ms, ok: r.status === 0, out: (r.stdout ?? "") + (r.stderr ?? ""), rss: m ? Number(m[1]) * 1024 : null, cpuMs: m ? (Number(m[2]) + Number(m[3])) * 1000 : null };
}

function endToEnd(which: keyof typeof CASES): EndToEnd {
  const c = CASES[which];
  const label = `${c.countries}×${c.years}×${c.indicators}×${c.respondents}`;
  const { root: copy, cleanup } = copyProject();
  const env = { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", FORCE_COLOR: "0" };
  try {
    let t = performance.now();
    const written = writeSyntheticProject(copy, root, { ...c, seed: 57 });
    const answers = c.countries * c.years * c.indicators;
    console.log(`\nend to end, ${label}: ${written.sheets.toLocaleString("en-US")} sheets and ${written.surveys.toLocaleString("en-US")} survey files written to disk in ${sec(performance.now() - t)} (${answers.toLocaleString("en-US")} answers)`);

    // With the build's Node flags, so that each stage's memory is what it is in the build.
    const heapFlags = buildCommand().filter((a) => a.startsWith("--max-"));
    const st = timedRun(copy, [process.execPath, ...heapFlags, "--import", "tsx", path.join(copy, "bench", "stages.ts"), copy], env);
    const line = st.out.split("\n").find((l) => l.startsWith('{"cells"'));
    if (!st.ok || !line) {
      figure(`${label}: stages`, "FAILED", "—", false);
      console.log(st.out.split("\n").slice(-15).join("\n"));
    } else {
      const { stages } = JSON.parse(line) as { stages: { stage: string; ms: number; cpu_ms: number; rss: number; peak: number; bytes?: number }[] };
      for (const x of stages)
        figure(`${label}: ${x.stage}`, `${sec(x.ms)} (CPU ${sec(x.cpu_ms)}), resident ${mb(x.rss)}, peak so far ${mb(x.peak)}${x.bytes === undefined ? "" : `, ${mb(x.bytes)} written`}`, "—", null);
      const total = stages.reduce((n, x) => n + x.ms, 0);
      const cpuTotal = stages.reduce((n, x) => n + x.cpu_ms, 0);
      figure(`${label}: all stages in one process`, `${sec(total)} (CPU ${sec(cpuTotal)}), peak ${mb(Math.max(...stages.map((x) => x.peak)))}`, "—", null);
    }

    rmSync(path.join(copy, "src", ".observablehq", "cache"), { recursive: true, force: true });
    const build = (extra: NodeJS.ProcessEnv = {}) => timedRun(copy, buildCommand(), { ...env, ...extra });
    const cold = build();
    const okTime = cold.ok && cold.ms <= c.seconds * 1000;
    figure(`${label}: cold npm run build`, cold.ok ? `${sec(cold.ms)}${cold.cpuMs === null ? "" : ` (CPU of all its processes ${sec(cold.cpuMs)})`}` : "FAILED", `≤ ${c.seconds} s`, okTime);
    figure(`${label}: peak memory of the build (its largest process)`, cold.rss === null ? "not measured (no /usr/bin/time)" : mb(cold.rss), `≤ ${mb(c.bytes)}`, cold.rss === null ? null : cold.rss <= c.bytes);
    for (const l of cold.out.split("\n")) if (/^(read, validate|data loader outputs|pages|downloads|Framework built|PDFs|report →)/.test(l)) console.log(`      ${l}`);
    if (!cold.ok) {
      console.log(cold.out.split("\n").slice(-20).join("\n"));
      return { label, answers, buildMs: null, buildRss: cold.rss };
    }
    const pages = (function count(dir: string): number {
      return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? count(path.join(dir, e.name)) : e.name.endsWith(".html") ? 1 : 0), 0);
    })(path.join(copy, "dist"));
    figure(`${label}: pages built`, `${pages} (${c.countries} country pages, ${c.years - 1} What changed pages)`, "—", null);

    if (which === "big") return { label, answers, buildMs: cold.ms, buildRss: cold.rss }; // the rebuilds are timed on the small case
    // Nothing changed, with the PDFs: the loader outputs, the one result's downloads and every print
    // are the cold build's (scripts/kept-run.ts, scripts/print-cache.ts); Framework builds the pages again.
    const warm = build();
    figure(`${label}: rebuild with nothing changed, with the PDFs (nothing computed or printed again)`, warm.ok ? `${sec(warm.ms)}${warm.cpuMs === null ? "" : ` (CPU ${sec(warm.cpuMs)})`}` : "FAILED", "—", null);
    for (const l of warm.out.split("\n")) if (/^(loader inputs unchanged:|Framework built|pdf \(|PDFs)/.test(l)) console.log(`      ${l}`);
    if (!warm.ok) console.log(warm.out.split("\n").slice(-10).join("\n"));
    // One sheet changes (one answer flips): the one result depends on every sheet (ranks within a
    // year, the sensitivity over all country-years), so the build recomputes it and every output.
    const sheet = path.join(copy, "data", "sheets", String(2001 + c.years - 1), "XAA.csv");
    // The first yes/no answer the same as the year before (no kind of change stated) flips, and says
    // why (a change with no kind is refused by the check, as the Working Group's would be).
    const lines = readFileSync(sheet, "utf8").split("\n");
    const at = lines.findIndex((l) => /^[^,]+,(yes|no),.*,$/.test(l));
    if (at < 0) throw new Error(`${sheet}: no yes/no answer without a stated change to flip`);
    lines[at] = lines[at]!.replace(/^([^,]+),(yes|no),(.*),$/, (_, id: string, v: string, rest: string) => `${id},${v === "yes" ? "no" : "yes"},${rest},practice`);
    writeFileSync(sheet, lines.join("\n"));
    // Without the PDFs (PTI_PDF=0): every page's footer states the inputs' hash, so a changed sheet
    // prints every page again, as long as the cold build's "PDFs" line; this rebuild is about what is recomputed.
    const again = build({ PTI_PDF: "0" });
    figure(`${label}: rebuild after one sheet changed, without the PDFs (recomputes the one result: see below)`, again.ok ? `${sec(again.ms)}${again.cpuMs === null ? "" : ` (CPU ${sec(again.cpuMs)})`}` : "FAILED", "—", null);
    if (!again.ok) console.log(again.out.split("\n").slice(-10).join("\n"));
    return { label, answers, buildMs: cold.ms, buildRss: cold.rss };
  } finally {
    cleanup();
  }
}

function growth(a: EndToEnd, b: EndToEnd): void {
  if (a.buildMs === null || b.buildMs === null) return figure("growth of the cold build between the cases", "not measured (a build failed)", "≤ ~16×", false);
  const work = b.answers / a.answers;
  const ratio = b.buildMs / a.buildMs;
  figure(`growth of the cold build, ${a.label} → ${b.label} (${work.toFixed(1)}× the answers)`, `${ratio.toFixed(1)}×`, "≤ ~16×", ratio <= 16);
}

const os = await import("node:os");
// The load average matters: on a shared machine, other processes' work inflates every figure.
console.log(`bench: ${new Date().toISOString()}, node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(" / ")} (1 / 5 / 15 min)\n`);
const quick = flag("quick");
if (!quick) await sensitivity();
if (!quick && !flag("no-scale")) scale();
if (!flag("no-e2e")) {
  // --case big: the 193-country case alone (e.g. beside a --quick run in another shell).
  const only = args.includes("--case") ? (args[args.indexOf("--case") + 1] as keyof typeof CASES) : null;
  if (only) endToEnd(only);
  else {
    const small = endToEnd("small");
    if (flag("big")) growth(small, endToEnd("big"));
  }
}
if (!quick && !flag("no-build")) buildAndBrowser();
const over = rows.filter((r) => r.ok === false);
console.log(`load average at the end: ${os.loadavg().map((x) => x.toFixed(1)).join(" / ")}`);
console.log(`\n${rows.filter((r) => r.ok !== null).length} figures with a target, ${over.length} over it${over.length ? ": " + over.map((r) => r.what).join("; ") : ""}`);
