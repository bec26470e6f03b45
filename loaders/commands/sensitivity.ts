// `sensitivity [--draws N] [--seed S] [--samples N] --out DIR`: Monte Carlo rank intervals, Sobol
// indices and the leave-one-section-out table (loaders/sensitivity.ts), written as
//   DIR/ranks.csv          country,year,rank,median_rank,rank_p05,rank_p95,index_p05,index_p95,share_same_rank
//   DIR/sobol.csv          output,country,year,status,draws_moved,share_moved,variance,variance_se,factor,kind,
//                          first_order,total_order,first_order_se,total_order_se
//   DIR/leave-one-out.csv  country,year,section,index,rank,section_contribution,index_without,rank_without,rank_change
// at full precision, sorted by country and year (sobol.csv: the mean absolute rank shift first,
// then each country-year; factors in their declared order: section weights by id, survey method,
// missing data, normalisation; an output whose status is "fixed" or "rarely varies" has one row,
// with no factor and no index, see loaders/sensitivity/sobol.ts). Defaults for draws, seed and samples: data/methodology/sensitivity.yaml.
// The headline sentences and the seed are printed. Same inputs and seed: byte-identical files.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { EXIT, parseCommandArgs, resolvePath, shownPath, usageError, type Command, type CommandContext } from "../command.ts";
import { count, fmt } from "../shared/format.ts";
import { toCsv } from "../present/csv.ts";
import { runAll } from "../result.ts";
import { PUBLISHED_METHOD } from "../method.ts";
import { headlinesOf, sobolOutputs } from "../present/sensitivity.ts";

const RANK_COLUMNS = ["country", "year", "rank", "median_rank", "rank_p05", "rank_p95", "index_p05", "index_p95", "share_same_rank"] as const;
const SOBOL_COLUMNS = [
  "output",
  "country",
  "year",
  "status",
  "draws_moved",
  "share_moved",
  "variance",
  "variance_se",
  "factor",
  "kind",
  "first_order",
  "total_order",
  "first_order_se",
  "total_order_se",
] as const;
const LOO_COLUMNS = ["country", "year", "section", "index", "rank", "section_contribution", "index_without", "rank_without", "rank_change"] as const;

const ARGS = {
  name: "sensitivity",
  usage: "sensitivity [--draws N] [--seed S] [--samples N] --out DIR",
  options: { draws: { type: "string" }, seed: { type: "string" }, samples: { type: "string" }, out: { type: "string" } },
} as const;

/** A whole-number option ≥ min; undefined when absent; a message when it is not one. */
function integerOption(raw: string | undefined, name: string, min: number): number | undefined | string {
  if (raw === undefined) return undefined;
  if (!/^-?\d+$/.test(raw.trim()) || Number(raw) < min) return `--${name} needs a whole number ≥ ${min}, got ${JSON.stringify(raw)}`;
  return Number(raw);
}

export const command: Command = {
  name: "sensitivity",
  summary: "cli.summary.sensitivity",
  usage: ARGS.usage,
  args: "[--draws N] [--seed S] [--samples N] --out DIR",
  async run(args: string[], io: CommandContext): Promise<number> {
    const { out } = io;
    const parsed = parseCommandArgs(args, ARGS, io);
    if (!parsed) return EXIT.usage;
    const { values } = parsed;
    const dirArg = values.out;
    if (!dirArg) return usageError(io, ARGS, "--out DIR is required");
    const draws = integerOption(values.draws, "draws", 1);
    const seed = integerOption(values.seed, "seed", 0);
    const samples = integerOption(values.samples, "samples", 2);
    for (const v of [draws, seed, samples]) if (typeof v === "string") return usageError(io, ARGS, v);
    const started = performance.now();
    const { project, result } = await runAll(io.root, PUBLISHED_METHOD, {
      draws: draws as number | undefined,
      seed: seed as number | undefined,
      samples: samples as number | undefined,
    });
    const a = result.sensitivity.analysis;
    const dir = resolvePath(io, dirArg);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "ranks.csv"), toCsv(a.ranks, [...RANK_COLUMNS]));
    await writeFile(path.join(dir, "sobol.csv"), toCsv(a.sobol, [...SOBOL_COLUMNS]));
    await writeFile(path.join(dir, "leave-one-out.csv"), toCsv(a.leaveOneOut, [...LOO_COLUMNS]));
    for (const h of headlinesOf(a, Object.fromEntries(project.countries.map((c) => [c.code, c.name_en])))) out(h.text);
    const ranked = sobolOutputs(a.sobol);
    const withStatus = (status: string) => ranked.filter((r) => r.status === status).length;
    const of = count(2 * a.samples);
    const rare = ranked.filter((r) => r.status === "rarely varies").map((r) => `${r.country} ${r.year} in ${count(r.draws_moved)} of ${of} draws`);
    out(
      `Sobol indices on ${withStatus("varies")} of ${ranked.length} country-year ranks; ${withStatus("fixed")} fixed under every draw; ` +
        `${withStatus("rarely varies")} moved too rarely for indices${rare.length ? ` (${rare.join(", ")})` : ""}.`,
    );
    out(
      `seed ${a.seed} (streams: Monte Carlo ${a.streams.monte_carlo}, Sobol ${a.streams.sobol}); ${a.draws} draws; Sobol ${a.samples} base samples, ${a.runs} runs; ` +
        `${a.ranks.length} country-years; wrote ranks.csv, sobol.csv, leave-one-out.csv to ${shownPath(io, dir)} in ${fmt((performance.now() - started) / 1000, 1)} s`,
    );
    return EXIT.ok;
  },
};
