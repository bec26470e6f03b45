// `check [PATH…]`: validates data/ (or only the given files or folders, still against the
// codebooks and countries in data/), prints every problem to stderr and a summary to stdout.
// A PATH is relative to the folder the command is run from, as in every command.
import { formatProblem } from "../problems.ts";
import { checkProject, type CheckStats } from "../project.ts";
import { EXIT, parseCommandArgs, resolvePath, type Command } from "../command.ts";
import { count } from "../shared/format.ts";

const n = (x: number, word: string, plural = `${word}s`) => `${count(x)} ${x === 1 ? word : plural}`;

const ARGS = { name: "check", usage: "check [PATH…]", options: {}, positionals: { min: 0, max: Infinity } } as const;

export function summaryLine(stats: CheckStats, problems: number): string {
  return `checked ${n(stats.sheets, "sheet")}, ${n(stats.surveys, "survey")}, ${n(stats.other, "other file")}: ${n(stats.rows, "row")}, ${n(problems, "problem")}`;
}

export const command: Command = {
  name: "check",
  summary: "validate every input file in data/ (or only PATHs) and list every problem",
  args: "[PATH…]",
  async run(args, ctx) {
    const parsed = parseCommandArgs(args, ARGS, ctx);
    if (!parsed) return EXIT.usage;
    const paths = parsed.positionals;
    const files = paths.length ? paths.map((a) => resolvePath(ctx, a)) : undefined;
    const result = await checkProject(ctx.root, { files });
    for (const p of result.problems) ctx.err(formatProblem(p));
    for (const p of result.notices) ctx.out(`note: ${formatProblem(p)}`);
    ctx.out(summaryLine(result.stats, result.total));
    return result.total ? EXIT.problems : EXIT.ok;
  },
};
