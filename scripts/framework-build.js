// `observable build`, but into the folder given as the one argument instead of the config's `output`
// (dist/): scripts/build.ts builds into a fresh folder and swaps it into dist/ only when complete.
// Plain JavaScript, run by plain node, as Framework's own command is (it loads the TypeScript config itself).
import path from "node:path";
import { readConfig } from "@observablehq/framework/dist/config.js";
import { build } from "@observablehq/framework/dist/build.js";
import { CliError } from "@observablehq/framework/dist/error.js";

const output = process.argv[2];
if (!output) {
  console.error("usage: node scripts/framework-build.js OUTPUT");
  process.exit(2);
}
try {
  const config = await readConfig(undefined, undefined);
  // Set in place: the config's methods read their own object (`this`).
  config.output = path.relative(process.cwd(), path.resolve(output));
  await build({ config });
} catch (error) {
  console.error(error instanceof CliError ? error.message : (error?.stack ?? String(error)));
  process.exit(1);
}
