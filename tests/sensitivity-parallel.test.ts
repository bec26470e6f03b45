// The Sobol design cut into shares of its factors and computed in several threads
// (loaders/sensitivity/parallel.ts) gives, bit for bit, what one thread gives: the published
// sensitivity figures cannot depend on the machine's cores.
import { describe, it, expect, beforeAll, afterEach } from "vitest";
import { isDeepStrictEqual } from "node:util";
import { runPipeline } from "../loaders/pipeline.ts";
import { analyseSensitivity, prepareMatrix, rangesFor, sobolRanks, type PointsMatrix } from "../loaders/sensitivity.ts";
import { loadSensitivityConfig } from "../loaders/sensitivity/config.ts";
import { sobolFinish, sobolJansen, sobolSums } from "../loaders/sensitivity/sobol.ts";
import { sobolShares, startSensitivity, startSobolRanks, workerThreads, THREAD_WORK } from "../loaders/sensitivity/parallel.ts";
import type { SensitivityConfig } from "../loaders/schema.ts";
import { repoRoot } from "./helpers/project-copy.ts";

// Ishigami's function of three factors, with a second output: a model of several outputs.
const model = (u: Float64Array, out: Float64Array) => {
  const x = (i: number) => -Math.PI + 2 * Math.PI * u[i]!;
  out[0] = Math.sin(x(0)) + 7 * Math.sin(x(1)) ** 2 + 0.1 * x(2) ** 4 * Math.sin(x(0));
  out[1] = u[0]! < 0.3 ? 1 : 2;
};

describe("shares of the Sobol design", () => {
  it("cut the factors: the main thread keeps a quarter (at least one), the workers share the rest evenly", () => {
    expect(sobolShares(9, 1)).toEqual([{ from: 0, to: 7 }, { from: 7, to: 9 }]);
    expect(sobolShares(9, 3)).toEqual([{ from: 0, to: 2 }, { from: 2, to: 5 }, { from: 5, to: 7 }, { from: 7, to: 9 }]);
    // More workers than factors to give them: one factor each.
    expect(sobolShares(3, 5)).toEqual([{ from: 0, to: 1 }, { from: 1, to: 2 }, { from: 2, to: 3 }]);
    expect(sobolShares(9, 0)).toEqual([{ from: 0, to: 9 }]);
    expect(sobolShares(1, 4)).toEqual([{ from: 0, to: 1 }]);
  });

  it("finish to exactly the indices of one share of all, however they are cut", () => {
    const whole = sobolJansen(3, 2, 500, 7, model, { baseline: [0, 1] });
    for (const cut of [[0, 3], [0, 1, 3], [0, 2, 3], [0, 1, 2, 3]]) {
      const shares = cut.slice(0, -1).map((from, i) => sobolSums(3, 2, 500, 7, model, { baseline: [0, 1], from, to: cut[i + 1]! }));
      // In any order.
      const r = sobolFinish(shares.reverse());
      expect(isDeepStrictEqual(r, whole), `cut at ${cut.join(", ")}`).toBe(true);
    }
    expect(whole.status).toEqual(["varies", "varies"]);
  });

  it("refuse shares that leave a factor out or count one twice", () => {
    const share = (from: number, to: number) => sobolSums(3, 1, 10, 1, model, { from, to });
    expect(() => sobolFinish([share(0, 1), share(2, 3)])).toThrow("sobol: shares cover the factors 1 0 1 times, not once each");
    expect(() => sobolFinish([share(0, 2), share(1, 3)])).toThrow("sobol: shares cover the factors 1 2 1 times, not once each");
    expect(() => sobolFinish([share(0, 3), sobolSums(3, 1, 20, 1, model, { from: 0, to: 0 })])).toThrow("sobol: shares of different designs");
    expect(() => share(2, 4)).toThrow("sobol: factors 2 to 4 are not a share of 3");
  });
});

describe("the threads", () => {
  let matrix: PointsMatrix;
  let config: SensitivityConfig;
  beforeAll(async () => {
    const { project, result } = await runPipeline(repoRoot);
    matrix = prepareMatrix(project, result);
    config = await loadSensitivityConfig(repoRoot);
  });
  afterEach(() => {
    delete process.env.PTI_THREADS;
  });

  it("a worker thread's share and the main thread's give the one thread's Sobol rows", async () => {
    const ranges = rangesFor(matrix, config);
    const opts = { samples: 300, seed: 11 };
    const shares = await startSobolRanks(matrix, ranges, opts, 2).finish();
    expect(shares.map((s) => [s.from, s.to])).toEqual([[0, 4], [4, 7], [7, 9]]);
    const alone = sobolRanks(matrix, ranges, opts);
    expect(alone.rows.length).toBeGreaterThan(100);
    expect(isDeepStrictEqual(sobolRanks(matrix, ranges, opts, shares), alone)).toBe(true);
  });

  it("the whole analysis begun in threads is the one thread's, bit for bit", async () => {
    const opts = { draws: 500, samples: 200, seed: 5 };
    const threaded = await startSensitivity(matrix, config, opts, 1).finish();
    expect(isDeepStrictEqual(threaded, analyseSensitivity(matrix, config, opts))).toBe(true);
  });

  it("how many: none for a small design, one fewer than the cores, or PTI_THREADS in all", () => {
    expect(workerThreads(THREAD_WORK - 1)).toBe(0);
    process.env.PTI_THREADS = "3";
    expect(workerThreads(1)).toBe(2);
    process.env.PTI_THREADS = "1";
    expect(workerThreads(THREAD_WORK * 10)).toBe(0);
    process.env.PTI_THREADS = "two";
    expect(() => workerThreads(1)).toThrow('PTI_THREADS must be a whole number of threads, 1 or more, got "two"');
    process.env.PTI_THREADS = "0";
    expect(() => workerThreads(1)).toThrow('PTI_THREADS must be a whole number of threads, 1 or more, got "0"');
  });
});
