// `compute --out DIR`: every level of the Index as CSV and JSON.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Command, EXIT, parseCommandArgs, resolvePath, shownPath, usageError } from "../command.ts";
import { runPipeline } from "../pipeline.ts";
import { LEVELS, levelTable, type Level } from "../levels.ts";
import { toCsv, toJson } from "../csv.ts";

const FILES: Record<string, Level> = { index: "index", sections: "sections", indicators: "indicators", survey: "survey" };

const ARGS = { name: "compute", usage: "compute --out DIR", options: { out: { type: "string" } } } as const;

export const command: Command = {
  name: "compute",
  summary: "compute every level of the Index and write it as CSV and JSON",
  usage: ARGS.usage,
  async run(args, ctx) {
    const parsed = parseCommandArgs(args, ARGS, ctx);
    if (!parsed) return EXIT.usage;
    const out = parsed.values.out;
    if (!out) return usageError(ctx, ARGS, "--out DIR is required");
    const { result } = await runPipeline(ctx.root);
    const dir = resolvePath(ctx, out);
    await mkdir(dir, { recursive: true });
    for (const [name, level] of Object.entries(FILES)) {
      const rows = levelTable(result, level);
      await writeFile(path.join(dir, `${name}.csv`), toCsv(rows, [...LEVELS[level]]));
      await writeFile(path.join(dir, `${name}.json`), toJson(rows));
    }
    await writeFile(path.join(dir, "log.json"), toJson(result.log));
    ctx.out(`computed ${result.index.length} Index values from ${result.answers.length} answers; wrote ${Object.keys(FILES).length * 2 + 1} files to ${shownPath(ctx, dir)}`);
    return EXIT.ok;
  },
};
