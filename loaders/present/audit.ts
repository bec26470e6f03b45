// The audit page's payload: the reconciliation, revisions, methodology breaks, missing-data ledger
// and claims check of the one result, with the rules that decided them and the manifest's input
// part. Reads no file: the caller hands it the manifest inputs.
import type { Project } from "../project.ts";
import type { PipelineResult } from "../pipeline.ts";
import { CLAIM_RULES, claimsIn, type ClaimCheck } from "../claims.ts";
import { revisionsIn, type AuditReport } from "../reconcile.ts";
import { OUTPUTS_RULE, type InputManifest } from "../manifest.ts";
import type { Locale } from "../shared/format.ts";
import { t, type StringKey } from "../shared/strings/index.ts";
import { codebookTitle, countryName } from "./lang.ts";


export const AUDIT_RULES = {
  reconciliation:
    "Every total in data/published/editions.csv beside the Index computed from the sheets. It matches when the computed value, rounded to two decimals (the published precision, half away from zero), equals the published one; the difference shown is computed − published at full precision. Not computed: there is no sheet for that country-year.",
  revisions:
    "Where editions print different totals for the same country-year: each change between consecutive editions that printed it. Statements of the releases about that total (its change from the year before or into the year after, a rise, a decline, no change, first place) are tested against each printed value with the claims check's thresholds.",
  breaks:
    "Each codebook version governs a range of data years. A comparison between consecutive years governed by different versions crosses a methodology break: its change mixes real change with the change of method.",
  missing:
    "An excluded indicator (answered n/a for lack of data) adds no points and its best points leave the maximum attainable score. The most it could have moved the total is its worst and its best points times its section weight.",
  manifest:
    "SHA-256 of every input file, taken once before the build read it. The build writes the full manifest to manifest.json at the root of the site: the commit, the seeds, the SHA-256 of every data output and of every other file of the site (pages, scripts, styles), and a hash of the manifest itself; `npm run index -- verify dist/manifest.json` recomputes all of it and names any file that changed, appeared or disappeared, and any edit to the manifest.",
};

/**
 * `manifest`: the input part of the build manifest (manifest.ts inputManifest, read by the caller:
 * this function reads no file). The commit is left out (it is in dist/manifest.json), so the same
 * inputs give the same page.
 */
export function auditPayload(
  project: Project,
  result: PipelineResult & { reconciliation: AuditReport; claims: ClaimCheck[] },
  manifest: Omit<InputManifest, "commit">,
  lang: Locale = "en",
) {
  const report = result.reconciliation;
  const checks = result.claims;
  const inputs = manifest;
  const count = (s: string) => checks.filter((c) => c.status === s).length;
  // The rules in the page's language; English is the engine's own wording.
  const rules = lang === "en" ? AUDIT_RULES : (Object.fromEntries(Object.keys(AUDIT_RULES).map((k) => [k, t(lang, `page.audit.rule.${k}` as StringKey)])) as typeof AUDIT_RULES);
  return {
    rules,
    claim_rules: lang === "en" ? CLAIM_RULES : { ...CLAIM_RULES, precision: t(lang, "page.changes.rule.precision") },
    outputs_rule: lang === "en" ? OUTPUTS_RULE : t(lang, "page.audit.outputs_rule"),
    countries: project.countries.map((c) => ({ code: c.code, name: countryName(lang, c) })),
    ...report,
    // The codebook versions' titles in the page's language (the break table names them).
    ...(lang === "en" ? {} : { breaks: { ...report.breaks, periods: report.breaks.periods.map((p) => ({ ...p, title: codebookTitle(lang, project.codebooks.find((cb) => cb.version === p.version) ?? p) })) } }),
    revisions: revisionsIn(lang, report.revisions),
    claims: claimsIn(lang, checks),
    claims_summary: { checked: checks.length, matches: count("matches"), differs: count("differs"), not_checkable: count("not checkable") },
    manifest: inputs,
  };
}
export type AuditPayload = ReturnType<typeof auditPayload>;
