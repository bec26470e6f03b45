// `audit --out DIR`: the reconciliation of every published value with its computed twin, the
// revisions between editions, and the missing-data ledger, as CSV (and the whole report as JSON).
// Exit status: non-zero only when the data cannot be computed (input problems). A published value
// that differs from the computed one, or two editions that disagree, are findings: exit 0.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { EXIT, parseCommandArgs, resolvePath, shownPath, usageError, type Command, type CommandContext } from "../command.ts";
import { runPipeline } from "../pipeline.ts";
import { reconcile, AUDIT_CSV, type AuditReport } from "../reconcile.ts";
import { toCsv, toJson } from "../present/csv.ts";

/** The CSV files `audit --out` writes, name → rows and columns. */
export function auditFiles(report: AuditReport): Record<string, string> {
  return {
    "reconciliation.csv": toCsv(report.reconciliation, AUDIT_CSV.reconciliation),
    "revisions.csv": toCsv(report.revisions, AUDIT_CSV.revisions),
    "missing.csv": toCsv(report.missing, AUDIT_CSV.missing),
    "audit.json": toJson(report),
  };
}

const ARGS = { name: "audit", usage: "audit --out DIR", options: { out: { type: "string" } } } as const;

export const command: Command = {
  name: "audit",
  summary: "cli.summary.audit",
  usage: ARGS.usage,
  args: "--out DIR",
  async run(args: string[], io: CommandContext): Promise<number> {
    const { out } = io;
    const parsed = parseCommandArgs(args, ARGS, io);
    if (!parsed) return EXIT.usage;
    const dirArg = parsed.values.out;
    if (!dirArg) return usageError(io, ARGS, "--out DIR is required");
    // Input problems are reported by cli.ts (every one, file:row:column; exit 1).
    const { project, result } = await runPipeline(io.root);
    const report = reconcile(result, project.editions, project.claims);
    const dir = resolvePath(io, dirArg);
    await mkdir(dir, { recursive: true });
    const files = auditFiles(report);
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
    const s = report.summary;
    out(
      `${s.published} published values in ${report.editions.length} edition(s): ${s.matches} match, ${s.differs} differ, ${s.not_computed} not computed; ` +
        `${s.revisions} revision(s) between editions; ${s.excluded} excluded indicator(s) in ${s.country_years_with_exclusions} country-year(s)`,
    );
    for (const r of report.reconciliation.filter((r) => r.status !== "matches"))
      out(`  edition ${r.edition} ${r.country} ${r.year}: published ${r.published}, ${r.status === "not computed" ? "not computed (no sheet)" : `computed ${r.computed} (differs by ${r.difference})`}`);
    for (const v of report.revisions)
      out(`  revision ${v.country} ${v.year}: edition ${v.edition_a} printed ${v.value_a}, edition ${v.edition_b} printed ${v.value_b}`);
    out(`wrote ${Object.keys(files).join(", ")} to ${shownPath(io, dir)}`);
    return EXIT.ok;
  },
};
