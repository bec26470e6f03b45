// `changes --out DIR`: what drove each year's change, and the release statements checked against it.
//   DIR/changes.csv               country,from_year,to_year,change,section,indicator,kind,contribution
//                                 (a pair crossing codebook versions split by the Shapley value of {method, answers})
//   DIR/changes-method-first.csv  the same columns, crossing pairs split method first (the earlier answers
//                                 rescored first); every other pair as in changes.csv
//   DIR/claims-check.csv          id,edition,country,year,kind,stated,computed,difference,status,reason
// Full precision, sorted (changes: country, from_year, section, indicator, kind; claims: edition,
// year, country, kind, id). Exits 0 whatever the claims' statuses: a mismatch is a finding, not an error.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Command, EXIT, parseCommandArgs, resolvePath, shownPath, usageError } from "../command.ts";
import { runPipeline } from "../pipeline.ts";
import { EXACTNESS_TOLERANCE, ORDERS } from "../attribution.ts";
import { CHANGES_COLUMNS, changesTable } from "../present/changes.ts";
import { CLAIMS_CHECK_COLUMNS, analyseChanges, claimsTable } from "../claims.ts";
import { readClaims } from "../project.ts";
import { toCsv } from "../present/csv.ts";

const ARGS = { name: "changes", usage: "changes --out DIR [--claims FILE]", options: { out: { type: "string" }, claims: { type: "string" } } } as const;

export const command: Command = {
  name: "changes",
  summary: "cli.summary.changes",
  usage: ARGS.usage,
  async run(args, ctx) {
    const { root } = ctx;
    const parsed = parseCommandArgs(args, ARGS, ctx);
    if (!parsed) return EXIT.usage;
    const { out, claims: claimsFile } = parsed.values;
    if (!out) return usageError(ctx, ARGS, "--out DIR is required");
    // readClaims takes a path inside the project root.
    const claimsPath = claimsFile ? path.relative(root, resolvePath(ctx, claimsFile)) : undefined;
    const { project, result } = await runPipeline(root);
    const claims = claimsPath ? await readClaims(root, claimsPath) : undefined;
    const { attribution, checks } = analyseChanges(project, result, { claims });
    const inexact = attribution.pairs.flatMap((p) =>
      [{ split: "", residual: p.residual }, ...ORDERS.flatMap((o) => (p.orders ? [{ split: `, ${o}`, residual: p.orders[o].residual }] : []))]
        .filter((s) => Math.abs(s.residual) > EXACTNESS_TOLERANCE)
        .map((s) => `${p.country} ${p.from_year}→${p.to_year}${s.split} (residual ${s.residual})`),
    );
    if (inexact.length) {
      ctx.err(`contributions do not add up to the change for ${inexact.join(", ")}`);
      return EXIT.internal;
    }
    const dir = resolvePath(ctx, out);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "changes.csv"), toCsv(changesTable(attribution), [...CHANGES_COLUMNS]));
    await writeFile(path.join(dir, "changes-method-first.csv"), toCsv(changesTable(attribution, "method_first"), [...CHANGES_COLUMNS]));
    await writeFile(path.join(dir, "claims-check.csv"), toCsv(claimsTable(checks), [...CLAIMS_CHECK_COLUMNS]));
    const n = (s: string) => checks.filter((c) => c.status === s).length;
    const crossing = attribution.pairs.filter((p) => p.crosses_methodology).length;
    ctx.out(
      `attributed ${attribution.pairs.length} year-over-year changes (${crossing} crossing a change of method) in ${attribution.rows.length} contributions; ` +
        `checked ${checks.length} statements: ${n("matches")} match, ${n("differs")} differ, ${n("not checkable")} not checkable; ` +
        `wrote changes.csv, changes-method-first.csv and claims-check.csv to ${shownPath(ctx, dir)}`,
    );
    for (const c of checks.filter((c) => c.status === "differs")) ctx.out(`  differs: ${c.id} (${c.country || "all"} ${c.year} ${c.kind}${c.component ? " " + c.component : ""}): ${c.reason}`);
    return EXIT.ok;
  },
};
