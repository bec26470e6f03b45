// `template --year YEAR [--country CODE…] [--lang ru|en] --out DIR`: one workbook per country-year for
// the experts to fill (loaders/workbook/template.ts), with last year's answers and points beside the
// empty cells. The filled workbook goes to data/sheets/<year>/<CODE>.xlsx as it is.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Command, EXIT, parseCommandArgs, resolvePath, shownPath, usageError, usageLanguage } from "../command.ts";
import { loadProject, codebookFor } from "../project.ts";
import { computeIndex } from "../pipeline.ts";
import { t } from "../shared/strings/index.ts";
import { templateWorkbook, type PreviousAnswer } from "../workbook/template.ts";
import type { Lang } from "../workbook/words.ts";

const ARGS = {
  name: "template",
  usage: "template --year YEAR [--country CODE…] [--lang ru|en] --out DIR",
  options: { year: { type: "string" }, country: { type: "string", multiple: true }, lang: { type: "string" }, out: { type: "string" } },
} as const;

export const command: Command = {
  name: "template",
  summary: "cli.summary.template",
  usage: ARGS.usage,
  async run(args, ctx) {
    const parsed = parseCommandArgs(args, ARGS, ctx);
    if (!parsed) return EXIT.usage;
    const { year: yearText, country, lang: langText = "en", out } = parsed.values;
    // The workbook's language is --lang (English by default); the command speaks --lang, else the environment's.
    const says = usageLanguage(args, ARGS);
    const refuse = (message: string) => usageError(ctx, ARGS, message, says);
    if (!out) return refuse(t(says, "template.need_out"));
    if (!yearText || !/^\d{4}$/.test(yearText)) return refuse(yearText ? t(says, "template.bad_year_got", { got: yearText }) : t(says, "template.bad_year"));
    if (langText !== "en" && langText !== "ru") return refuse(t(says, "template.bad_lang", { got: langText }));
    const year = Number(yearText);
    const lang: Lang = langText;
    const project = await loadProject(ctx.root);
    const codebook = codebookFor(project.codebooks, year);
    if (!codebook) return refuse(t(says, "template.no_codebook", { year, versions: project.codebooks.map((c) => c.version).join(", ") }));
    const known = new Map(project.countries.map((c) => [c.code, c]));
    const codes = (country ?? []).flatMap((c) => c.split(",")).map((c) => c.trim().toUpperCase()).filter(Boolean);
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length) return refuse(t(says, "template.unknown_country", { codes: unknown.join(", "), known: [...known.keys()].join(", ") }));
    // By default, every country with a sheet in the year before (the countries of the last edition).
    const chosen = codes.length ? codes : [...new Set(project.sheets.filter((s) => s.year === year - 1).map((s) => s.country))];
    if (!chosen.length) return refuse(t(says, "template.no_countries", { year: year - 1 }));
    const result = computeIndex(project, undefined, { intervals: false });
    const dir = resolvePath(ctx, out);
    await mkdir(dir, { recursive: true });
    for (const code of chosen) {
      const c = known.get(code)!;
      const sheet = project.sheets.find((s) => s.country === code && s.year === year - 1);
      const points = new Map(result.answers.filter((a) => a.country === code && a.year === year - 1).map((a) => [a.indicator, a.points]));
      const previous = sheet
        ? { year: year - 1, answers: new Map<string, PreviousAnswer>(sheet.answers.map((a) => [a.indicator, { value: a.value, points: points.get(a.indicator) ?? null }])) }
        : null;
      const data = await templateWorkbook({ codebook, year, lang, country: { code, name: lang === "ru" ? c.name_ru : c.name_en }, previous });
      await writeFile(path.join(dir, `${code}-${year}.xlsx`), data);
    }
    ctx.out(t(says, "template.written", { count: chosen.length, year, dir: shownPath(ctx, dir) }));
    return EXIT.ok;
  },
};
