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
import { option, type Command, type CommandContext } from "../command.ts";
import { toCsv } from "../csv.ts";
import { runSensitivity, sobolOutputs } from "../sensitivity.ts";

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

function integerOption(args: string[], name: string, min: number): number | undefined | string {
  const raw = option(args, name);
  if (raw === undefined) return undefined;
  if (!/^-?\d+$/.test(raw.trim()) || Number(raw) < min) return `--${name} needs a whole number ≥ ${min}, got ${JSON.stringify(raw)}`;
  return Number(raw);
}

const USAGE = "sensitivity [--draws N] [--seed S] [--samples N] --out DIR";

export const command: Command = {
  name: "sensitivity",
  summary: "rank intervals (Monte Carlo), Sobol indices and leave-one-section-out, as CSV",
  usage: "sensitivity [--draws N] [--seed S] [--samples N] --out DIR",
  args: "[--draws N] [--seed S] [--samples N] --out DIR",
  async run(args: string[], io: CommandContext): Promise<number> {
    const { out, err } = io;
    const known = new Set(["draws", "seed", "samples", "out"]);
    const unknown = args.find((a) => a.startsWith("--") && !known.has(a.slice(2).split("=")[0]!));
    if (unknown) {
      err(`sensitivity: unknown option ${unknown}\nusage: ${USAGE}`);
      return 2;
    }
    const dirArg = option(args, "out");
    if (!dirArg) {
      err(`sensitivity: --out DIR is required\nusage: ${USAGE}`);
      return 2;
    }
    const draws = integerOption(args, "draws", 1);
    const seed = integerOption(args, "seed", 0);
    const samples = integerOption(args, "samples", 2);
    for (const v of [draws, seed, samples])
      if (typeof v === "string") {
        err(`sensitivity: ${v}`);
        return 2;
      }
    const started = performance.now();
    const { analysis: a } = await runSensitivity(io.root, {
      draws: draws as number | undefined,
      seed: seed as number | undefined,
      samples: samples as number | undefined,
    });
    const dir = path.resolve(io.cwd ?? io.root, dirArg);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "ranks.csv"), toCsv(a.ranks, [...RANK_COLUMNS]));
    await writeFile(path.join(dir, "sobol.csv"), toCsv(a.sobol, [...SOBOL_COLUMNS]));
    await writeFile(path.join(dir, "leave-one-out.csv"), toCsv(a.leaveOneOut, [...LOO_COLUMNS]));
    for (const h of a.headlines) out(h.text);
    const ranked = sobolOutputs(a.sobol);
    const count = (status: string) => ranked.filter((r) => r.status === status).length;
    const of = (2 * a.samples).toLocaleString("en-US");
    const rare = ranked.filter((r) => r.status === "rarely varies").map((r) => `${r.country} ${r.year} in ${r.draws_moved.toLocaleString("en-US")} of ${of} draws`);
    out(
      `Sobol indices on ${count("varies")} of ${ranked.length} country-year ranks; ${count("fixed")} fixed under every draw; ` +
        `${count("rarely varies")} moved too rarely for indices${rare.length ? ` (${rare.join(", ")})` : ""}.`,
    );
    out(
      `seed ${a.seed} (streams: Monte Carlo ${a.streams.monte_carlo}, Sobol ${a.streams.sobol}); ${a.draws} draws; Sobol ${a.samples} base samples, ${a.runs} runs; ` +
        `${a.ranks.length} country-years; wrote ranks.csv, sobol.csv, leave-one-out.csv to ${path.relative(io.cwd ?? io.root, dir) || "."} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return 0;
  },
};
