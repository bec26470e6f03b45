// `review YEAR [--lang ru|en]`: before YEAR is published, every answer of its sheets that differs
// from the year before (answer, points, the reason, source and note the sheet states), then every
// problem check finds in the files of YEAR (the year-on-year rules among them). Exit 1 when one of
// them is an error; warnings alone exit 0. Reads what check reads, so it works on data with errors.
import { checkProject } from "../project.ts";
import { EXIT, parseCommandArgs, usageError, type Command } from "../command.ts";
import { t } from "../shared/strings/index.ts";
import { commandLanguage } from "../language.ts";
import { isWarning } from "../problems.ts";
import { reviewYear } from "../review.ts";
import { formatReview } from "../present/review.ts";

const ARGS = { name: "review", usage: "review YEAR [--lang ru|en]", options: { lang: { type: "string" } }, positionals: { min: 1, max: 1 } } as const;

/** Is `file` one of the year's own inputs (its sheets and surveys)? */
const ofYear = (file: string, year: number) => file.startsWith(`data/sheets/${year}/`) || file.startsWith(`data/surveys/${year}/`);

export const command: Command = {
  name: "review",
  summary: "cli.summary.review",
  usage: ARGS.usage,
  speaks: true,
  args: "YEAR [--lang ru|en]",
  async run(args, ctx) {
    const parsed = parseCommandArgs(args, ARGS, ctx);
    if (!parsed) return EXIT.usage;
    const lang = commandLanguage(ctx, ARGS, parsed.values.lang);
    if (typeof lang === "number") return lang;
    const text = parsed.positionals[0]!.trim();
    if (!/^\d{4}$/.test(text)) return usageError(ctx, ARGS, t(lang, "review.bad_year", { got: JSON.stringify(parsed.positionals[0]) }), lang);
    const year = Number(text);
    const checked = await checkProject(ctx.root);
    const review = reviewYear(checked.years, year);
    const problems = checked.problems.filter((p) => ofYear(p.file, year));
    for (const l of formatReview(review, problems, lang)) ctx.out(l);
    if (review.countries.length === 0) return EXIT.problems;
    return problems.some((p) => !isWarning(p)) ? EXIT.problems : EXIT.ok;
  },
};
