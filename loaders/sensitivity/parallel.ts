// The Sobol design shared between threads. Its A_B^(i) runs are independent per factor, so the
// factors are cut into shares: worker threads compute theirs while the main thread goes on with the
// rest of the one result (attribution, claims, the Monte Carlo), then computes its own. Each share
// draws the same rows and sums each factor in the same order (sobol.ts), so the indices are bit for
// bit those of one thread, whatever the number of cores: the output never depends on the machine.
import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import type { PointsMatrix } from "./matrix.ts";
import type { Ranges } from "./model.ts";
import type { SobolSums } from "./sobol.ts";
import { sobolRankFactors, sobolRankSums } from "./rank-design.ts";
import { analyseSensitivity, rangesFor, type SensitivityAnalysis, type SensitivityOptions } from "../sensitivity.ts";
import type { SensitivityConfig } from "../schema.ts";

export interface SobolShareTask {
  matrix: PointsMatrix;
  ranges: Ranges;
  opts: { samples: number; seed: number };
  from: number;
  to: number;
}

/**
 * The shares: the main thread keeps a quarter of the factors (at least one), the workers share the
 * rest evenly. The main thread has the rest of the result to compute meanwhile: attribution, claims,
 * the Monte Carlo took about as long as 4 to 5 of the design's runs per row at 57 and at 193
 * countries, against 2 + f for a share of f factors, so that with 9 factors 2 stay and 7 go.
 */
export function sobolShares(k: number, workers: number): { from: number; to: number }[] {
  if (k <= 1 || workers < 1) return [{ from: 0, to: k }];
  const split = k - Math.max(1, Math.round(k / 4));
  const n = Math.min(workers, split);
  const cuts = Array.from({ length: n + 1 }, (_, w) => Math.round((w * split) / n));
  return [...cuts.slice(0, -1).map((from, w) => ({ from, to: cuts[w + 1]! })), { from: split, to: k }];
}

/**
 * Below this many cell-runs (Sobol runs × country-years) a design is done in the main thread: a
 * worker takes some 0.3 s to start and load the engine, about what such a design takes in all
 * (the example: 10,000 samples × 11 runs × 42 country-years, 4.6 million, 0.35 s).
 */
export const THREAD_WORK = 20_000_000;

/**
 * The worker threads to use beside the main one for `work` cell-runs: one fewer than the cores
 * (PTI_THREADS: how many threads in all), none for a small design.
 */
export function workerThreads(work: number): number {
  const asked = process.env.PTI_THREADS;
  if (asked !== undefined && asked !== "") {
    const n = Number(asked);
    if (!Number.isInteger(n) || n < 1) throw new Error(`PTI_THREADS must be a whole number of threads, 1 or more, got "${asked}"`);
    return n - 1;
  }
  return work < THREAD_WORK ? 0 : Math.max(0, availableParallelism() - 1);
}

// The worker is TypeScript, as the engine is: it loads through tsx, as the build does. Node 20 does
// not apply the hooks of --import to a worker, so its first lines register tsx's, then import it.
const tsxApi = import.meta.resolve("tsx/esm/api");
const WORKER = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL("./sobol-worker.ts", import.meta.url).href)}); });`;

/** Only what a run of the model reads: the cells' names and the missing-data ledger stay here. */
const forWorker = (m: PointsMatrix): PointsMatrix => ({ ...m, cells: [], missing: [] });

function inWorker(task: SobolShareTask): Promise<SobolSums> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: task });
    let sums: SobolSums | null = null;
    worker.once("message", (m: SobolSums) => (sums = m));
    worker.once("error", (e) => reject(new Error(`sensitivity: the Sobol share of factors ${task.from} to ${task.to} failed in its thread: ${e.message}`)));
    worker.once("exit", (code) => (sums ? resolve(sums) : reject(new Error(`sensitivity: the thread computing the Sobol share of factors ${task.from} to ${task.to} stopped (exit code ${code}) without its sums`))));
  });
}

/**
 * Starts the workers' shares of the Sobol rank design now; `finish()` computes the main thread's
 * share (call it once the main thread has nothing else to do) and waits for the others.
 */
export function startSobolRanks(matrix: PointsMatrix, ranges: Ranges, opts: { samples: number; seed: number }, workers?: number): { finish: () => Promise<SobolSums[]> } {
  const k = sobolRankFactors(matrix, ranges);
  const shares = sobolShares(k, workers ?? workerThreads(opts.samples * (k + 2) * matrix.nCells));
  const own = shares.at(-1)!;
  const slim = shares.length > 1 ? forWorker(matrix) : matrix;
  const running = shares.slice(0, -1).map((s) => inWorker({ matrix: slim, ranges, opts, ...s }));
  // A worker that fails early is reported by finish(), not as an unhandled rejection meanwhile.
  running.forEach((p) => p.catch(() => {}));
  return {
    finish: async () => {
      const mine = sobolRankSums(matrix, ranges, opts, own.from, own.to);
      return [...(await Promise.all(running)), mine];
    },
  };
}

/**
 * The sensitivity analysis with its Sobol design shared between threads (startSobolRanks), begun
 * now; `finish()` does the main thread's part (the Monte Carlo, leave-one-out, its own share) and
 * gives what analyseSensitivity gives, bit for bit.
 */
export function startSensitivity(matrix: PointsMatrix, config: SensitivityConfig, opts: SensitivityOptions = {}, workers?: number): { finish: () => Promise<SensitivityAnalysis> } {
  const sobol = startSobolRanks(matrix, rangesFor(matrix, config), { samples: opts.samples ?? config.sobol_samples, seed: opts.seed ?? config.seed }, workers);
  return { finish: async () => analyseSensitivity(matrix, config, opts, await sobol.finish()) };
}
