// A worker thread running one of the engine's TypeScript modules. The engine is TypeScript loaded
// through tsx, and Node 20 does not apply the hooks of --import to a worker's first module: the
// worker's first lines register tsx's hooks, then import the module.
import { Worker } from "node:worker_threads";

const tsxApi = import.meta.resolve("tsx/esm/api");

/** A worker running `module` (a file URL of a .ts module) with `workerData`. */
export function tsWorker(module: URL, workerData: unknown): Worker {
  const start = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); });`;
  return new Worker(start, { eval: true, workerData });
}
