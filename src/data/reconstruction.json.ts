// The reconstruction's own account (data/reconstruction/README.md), shown on the report.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { runLoader } from "../../loaders/framework.ts";

await runLoader(async (root) => ({
  readme: await readFile(path.join(root, "data", "reconstruction", "README.md"), "utf8"),
  file: "data/reconstruction/README.md",
}));
