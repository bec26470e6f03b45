// `explain CODE YEAR`: the whole calculation of one country-year as readable text (loaders/trace.ts,
// the same trace the audit page shows). `--json` prints the structured trace instead.
import { runPipeline } from "../pipeline.ts";
import { EXIT, parseCommandArgs, usageError, type Command, type CommandContext } from "../command.ts";
import { traceCountryYear, formatTrace } from "../present/trace.ts";

const ARGS = { name: "explain", usage: "explain CODE YEAR [--json]", options: { json: { type: "boolean" } }, positionals: { min: 2, max: 2 } } as const;

export const command: Command = {
  name: "explain",
  summary: "cli.summary.explain",
  usage: ARGS.usage,
  args: "CODE YEAR [--json]",
  async run(args: string[], io: CommandContext): Promise<number> {
    const { out, err } = io;
    const parsed = parseCommandArgs(args, ARGS, io);
    if (!parsed) return EXIT.usage;
    const [code, yearText] = parsed.positionals as [string, string];
    if (!/^\d{4}$/.test(yearText.trim())) return usageError(io, ARGS, `YEAR is a four-digit year (e.g. explain UKR 2024), got ${JSON.stringify(yearText)}`);
    const country = code.trim().toUpperCase();
    const year = Number(yearText.trim());
    // Input problems are reported by cli.ts (every one, file:row:column; exit 1).
    const { project, result } = await runPipeline(io.root);
    const trace = traceCountryYear(result, project, country, year);
    if (!trace) {
      const years = result.index.filter((t) => t.country === country).map((t) => t.year);
      const countries = [...new Set(result.index.map((t) => t.country))];
      const published = project.editions.filter((e) => e.country === country && e.year === year);
      err(
        `no computed Index for ${country} ${year}: there is no sheet data/sheets/${year}/${country}.csv (or .xlsx).` +
          (published.length ? ` Edition(s) ${published.map((p) => p.edition).join(", ")} published ${published.map((p) => p.index).join(", ")} for it.` : "") +
          (years.length
            ? ` ${country} has sheets for ${years.join(", ")}.`
            : ` ${country} has no sheet at all; countries with sheets: ${countries.join(", ") || "none"}.`),
      );
      return EXIT.problems;
    }
    if (parsed.values.json) out(JSON.stringify(trace, null, 2));
    else out(formatTrace(trace).trimEnd());
    return EXIT.ok;
  },
};
