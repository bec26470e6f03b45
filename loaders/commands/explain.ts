// `explain CODE YEAR`: the whole calculation of one country-year as readable text (loaders/trace.ts,
// the same trace the audit page shows). `--json` prints the structured trace instead.
import { runPipeline } from "../pipeline.ts";
import { positional, type Command, type CommandContext } from "../command.ts";
import { traceCountryYear, formatTrace } from "../trace.ts";

export const command: Command = {
  name: "explain",
  summary: "print the whole calculation of one country-year: answers, rules, points, sections, survey, total, published values",
  usage: "explain CODE YEAR [--json]",
  args: "CODE YEAR [--json]",
  async run(args: string[], io: CommandContext): Promise<number> {
    const { out, err } = io;
    const [code, yearText, ...extra] = positional(args);
    const unknown = args.find((a) => a.startsWith("--") && a !== "--json");
    if (!code || !yearText || extra.length || unknown || !/^\d{4}$/.test(yearText.trim())) {
      err(unknown ? `explain: unknown option ${unknown}` : "usage: explain CODE YEAR   (e.g. explain UKR 2024)");
      return 2;
    }
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
      return 1;
    }
    if (args.includes("--json")) out(JSON.stringify(trace, null, 2));
    else out(formatTrace(trace).trimEnd());
    return 0;
  },
};
