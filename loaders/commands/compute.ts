// `compute --out DIR [--method FILE]`: every level of the Index as CSV and JSON, under the published
// method or another one (loaders/method.ts), with the method and the step log beside them.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Command, EXIT, parseCommandArgs, resolvePath, shownPath, usageError } from "../command.ts";
import { computeIndex } from "../pipeline.ts";
import { loadProject } from "../project.ts";
import { PUBLISHED_METHOD, loadMethod } from "../method.ts";
import { LEVELS, levelTable, type Level } from "../present/levels.ts";
import { toCsv, toJson } from "../present/csv.ts";
import { logRecord } from "../present/steps.ts";

const FILES: Record<string, Level> = { index: "index", sections: "sections", indicators: "indicators", survey: "survey" };

const ARGS = { name: "compute", usage: "compute --out DIR [--method FILE]", options: { out: { type: "string" }, method: { type: "string" } } } as const;

export const command: Command = {
  name: "compute",
  summary: "cli.summary.compute",
  usage: ARGS.usage,
  async run(args, ctx) {
    const parsed = parseCommandArgs(args, ARGS, ctx);
    if (!parsed) return EXIT.usage;
    const { out, method: methodFile } = parsed.values;
    if (!out) return usageError(ctx, ARGS, "--out DIR is required");
    const project = await loadProject(ctx.root);
    const method = methodFile ? await loadMethod(resolvePath(ctx, methodFile), methodFile, project.codebooks) : PUBLISHED_METHOD;
    const result = computeIndex(project, method);
    const dir = resolvePath(ctx, out);
    await mkdir(dir, { recursive: true });
    for (const [name, level] of Object.entries(FILES)) {
      const rows = levelTable(result, level);
      await writeFile(path.join(dir, `${name}.csv`), toCsv(rows, [...LEVELS[level]]));
      await writeFile(path.join(dir, `${name}.json`), toJson(rows));
    }
    await writeFile(path.join(dir, "method.json"), toJson(method));
    await writeFile(path.join(dir, "log.json"), toJson(logRecord(result.log)));
    ctx.out(`method: ${method.title}`);
    ctx.out(`computed ${result.index.length} Index values from ${result.answers.length} answers; wrote ${Object.keys(FILES).length * 2 + 2} files to ${shownPath(ctx, dir)}`);
    return EXIT.ok;
  },
};
