// `check [PATH…]`: validates data/ (or only the given files or folders, still against the
// codebooks and countries in data/), prints every problem to stderr and a summary to stdout.
import { existsSync } from "node:fs";
import path from "node:path";
import { formatProblem } from "../problems.ts";
import { checkProject, type CheckStats } from "../project.ts";
import { EXIT, type Command } from "../command.ts";

const n = (x: number, word: string, plural = `${word}s`) => `${x.toLocaleString("en-US")} ${x === 1 ? word : plural}`;

export function summaryLine(stats: CheckStats, problems: number): string {
  return `checked ${n(stats.sheets, "sheet")}, ${n(stats.surveys, "survey")}, ${n(stats.other, "other file")}: ${n(stats.rows, "row")}, ${n(problems, "problem")}`;
}

export const command: Command = {
  name: "check",
  summary: "validate every input file in data/ (or only PATHs) and list every problem",
  args: "[PATH…]",
  async run(args, ctx) {
    const bad = args.find((a) => a.startsWith("-"));
    if (bad) {
      ctx.err(`check: unknown option ${bad}`);
      return EXIT.usage;
    }
    // A PATH is relative to the current folder, or else to the project root.
    const files = args.length
      ? args.map((a) => {
          const here = path.resolve(ctx.cwd, a);
          const inRoot = path.resolve(ctx.root, a);
          return existsSync(here) || !existsSync(inRoot) ? here : inRoot;
        })
      : undefined;
    const result = await checkProject(ctx.root, { files });
    for (const p of result.problems) ctx.err(formatProblem(p));
    ctx.out(summaryLine(result.stats, result.problems.length));
    return result.problems.length ? EXIT.problems : EXIT.ok;
  },
};
