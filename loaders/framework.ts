// Shared by the thin Framework data loaders in src/data: find the project root,
// print one JSON document, and fail the build with every input problem listed.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { InputError, formatProblem } from "./problems.ts";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function runLoader(make: (root: string) => Promise<unknown>): Promise<void> {
  try {
    const value = await make(projectRoot);
    // Archives and other binary outputs go out as bytes; everything else as one JSON document.
    process.stdout.write(value instanceof Uint8Array ? value : JSON.stringify(value));
  } catch (e) {
    if (e instanceof InputError) {
      for (const p of e.problems) process.stderr.write(formatProblem(p) + "\n");
      process.stderr.write(`${e.problems.length} problem(s) in data/: nothing was built.\n`);
    } else process.stderr.write(String((e as Error)?.stack ?? e) + "\n");
    process.exit(1);
  }
}
