// `compute --out DIR`: every level of the Index as CSV and JSON.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Command, EXIT, option } from "../command.ts";
import { runPipeline } from "../pipeline.ts";
import { LEVELS, levelTable, type Level } from "../levels.ts";
import { toCsv, toJson } from "../csv.ts";

const FILES: Record<string, Level> = { index: "index", sections: "sections", indicators: "indicators", survey: "survey" };

export const command: Command = {
  name: "compute",
  summary: "compute every level of the Index and write it as CSV and JSON",
  usage: "compute --out DIR",
  async run(args, ctx) {
    const { root } = ctx;
    const out = option(args, "out");
    if (!out) {
      ctx.err("compute needs --out DIR");
      return EXIT.usage;
    }
    const { result } = await runPipeline(root);
    const dir = path.resolve(root, out);
    await mkdir(dir, { recursive: true });
    for (const [name, level] of Object.entries(FILES)) {
      const rows = levelTable(result, level);
      await writeFile(path.join(dir, `${name}.csv`), toCsv(rows, [...LEVELS[level]]));
      await writeFile(path.join(dir, `${name}.json`), toJson(rows));
    }
    await writeFile(path.join(dir, "log.json"), toJson(result.log));
    ctx.out(`computed ${result.index.length} Index values from ${result.answers.length} answers; wrote ${Object.keys(FILES).length * 2 + 1} files to ${path.relative(root, dir) || "."}`);
    return 0;
  },
};
