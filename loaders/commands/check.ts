// `check [PATH…] [--lang ru|en]`: validates data/ (or only the given files or folders, still against
// the codebooks and countries in data/), prints every problem to stderr and a summary to stdout, in
// the user's language (loaders/language.ts). A PATH is relative to the folder the command is run from.
// Exit 1 when any problem is an error; warnings alone are printed and exit 0.
import { formatProblem } from "../problems.ts";
import { checkProject, type CheckStats } from "../project.ts";
import { EXIT, parseCommandArgs, resolvePath, type Command } from "../command.ts";
import { count, type Locale } from "../shared/format.ts";
import { t, type StringKey } from "../shared/strings/index.ts";
import { commandLanguage, pluralForm } from "../language.ts";

/** "4 sheets", "1 problem"; ru "4 листа", "0 проблем". */
export const counted = (lang: Locale, x: number, noun: string): string =>
  t(lang, `check.noun.${noun}.${pluralForm(lang, x)}` as StringKey, { n: count(x, lang) });

const ARGS = {
  name: "check",
  usage: "check [PATH…] [--lang ru|en]",
  options: { lang: { type: "string" } },
  positionals: { min: 0, max: Infinity },
} as const;

/** `problems` counts the errors; warnings are named only when there are some. */
export function summaryLine(stats: CheckStats, problems: number, warnings = 0, lang: Locale = "en"): string {
  const vars = {
    sheets: counted(lang, stats.sheets, "sheet"),
    surveys: counted(lang, stats.surveys, "survey"),
    other: counted(lang, stats.other, "other"),
    rows: counted(lang, stats.rows, "row"),
    problems: counted(lang, problems, "problem"),
  };
  return warnings ? t(lang, "check.summary_warnings", { ...vars, warnings: counted(lang, warnings, "warning") }) : t(lang, "check.summary", vars);
}

export const command: Command = {
  name: "check",
  summary: "cli.summary.check",
  usage: ARGS.usage,
  speaks: true,
  args: "[PATH…] [--lang ru|en]",
  async run(args, ctx) {
    const parsed = parseCommandArgs(args, ARGS, ctx);
    if (!parsed) return EXIT.usage;
    const lang = commandLanguage(ctx, ARGS, parsed.values.lang);
    if (typeof lang === "number") return lang;
    const paths = parsed.positionals;
    const files = paths.length ? paths.map((a) => resolvePath(ctx, a)) : undefined;
    const result = await checkProject(ctx.root, { files });
    for (const p of result.problems) ctx.err(formatProblem(p, lang));
    for (const p of result.notices) ctx.out(`${t(lang, "check.note")}: ${formatProblem(p, lang)}`);
    const errors = result.total - result.warnings;
    ctx.out(summaryLine(result.stats, errors, result.warnings, lang));
    return errors ? EXIT.problems : EXIT.ok;
  },
};
