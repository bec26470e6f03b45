// One share of the Sobol rank design, computed in a worker thread (parallel.ts): the matrix, ranges
// and options come in as workerData, the sums go back as typed arrays, moved rather than copied.
import { parentPort, workerData } from "node:worker_threads";
import { sobolRankSums } from "./rank-design.ts";
import type { SobolShareTask } from "./parallel.ts";

const { matrix, ranges, opts, from, to } = workerData as SobolShareTask;
const sums = sobolRankSums(matrix, ranges, opts, from, to);
const moved = Object.values(sums).filter(ArrayBuffer.isView).map((a) => (a as Float64Array).buffer as ArrayBuffer);
parentPort!.postMessage(sums, moved);
