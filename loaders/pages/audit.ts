// The audit page: every published total beside its computed twin, revisions, the claims check,
// methodology breaks, the missing-data ledger, the calculation trace and the manifest.
import type { PageContext } from "./page.ts";
import { dataDir, words } from "./words.ts";
import { CLAIM_KINDS } from "../schema.ts";
import { projectRootOfPages, sheetCountries } from "./sheets.ts";

export default function auditPage(ctx: PageContext, countries: readonly string[] = sheetCountries(projectRootOfPages)): string {
  const { t, base, lang } = ctx;
  // Each country's traces in a file of its own, named here in full because Framework attaches only
  // files whose names it reads in the page; one is fetched when a reader picks its country.
  const traceFiles = `{ ${countries.map((c) => `${JSON.stringify(c)}: FileAttachment(${JSON.stringify(`${base}data/trace/${c}.json`)})`).join(", ")} }`;
  const { str, tpl, names } = words(ctx);
  const col = (key: Parameters<typeof str>[0]) => str(key);
  return `---
title: ${t("page.audit.title")}
---

# ${t("page.audit.title")}

<style>
/* Long notes wrap; keep every cell of a row aligned at the top. */
#observablehq-main table.figures th, #observablehq-main table.figures td { vertical-align: top; }
#observablehq-main table.figures small { font-size: 0.8em; }
.trace-explorer select, .filters select { margin-right: 0.3rem; }
</style>

\`\`\`js
import { vlChart } from "${base}components/chart.js";
import { figuresTable } from "${base}components/table.js";
import { count, dateText, figure, fmt, signed, text, sourceLink } from "${base}components/format.js";
import { filteredTable, traceExplorer } from "${base}components/trace.js";
const claimKind = ${names("claims.kind.", [...CLAIM_KINDS, "precision"])};
const audit = await FileAttachment("${dataDir(ctx)}audit.json").json();
const traceIndex = await FileAttachment("${base}data/audit-trace-index.json").json();
const traceFiles = ${traceFiles};
const names = Object.fromEntries(audit.countries.map((c) => [c.code, c.name]));
const onward = ${str("page.methodology.onward")};
const yesNo = (v) => (v ? ${str("page.common.yes")} : ${str("page.common.no")});
const statusName = { matches: ${str("page.audit.status.matches")}, differs: ${str("page.audit.status.differs")}, not_computed: ${str("page.audit.status.not_computed")}, not_checkable: ${str("page.audit.status.not_checkable")} };
const status = (v) => statusName[String(v).replace(" ", "_")] ?? v;
\`\`\`

${t("page.audit.intro")}

## ${t("page.audit.reconciliation")}

\`\`\`js
const s = audit.summary;
const editionList = audit.editions.map((e) => ${tpl("page.audit.edition_rows", { edition: "e.edition", date: "dateText(e.published_on)", rows: "e.rows" })}).join("; ");
display(text("p", ${tpl("page.audit.summary", { published: "s.published", editions: "audit.editions.length", list: "editionList", matches: "s.matches", differs: "s.differs", not_computed: "s.not_computed" })}, s.differs + s.not_computed ? "finding" : ""));
display(text("p", audit.rules.reconciliation));
\`\`\`

\`\`\`js
display(filteredTable(audit.reconciliation, [
  { key: "edition", label: ${col("page.audit.col.edition")} },
  { key: "country", label: ${col("page.common.country")} },
  { key: "year", label: ${col("page.common.year")} },
  { key: "published", label: ${col("page.common.published")}, numeric: true },
  { key: "computed", label: ${col("page.common.computed")}, numeric: true },
  // Full precision, without the negative-total marking: a difference of 1e-14 is float noise, not a finding.
  { key: "difference", label: ${col("page.audit.col.difference")}, format: (x) => (x === null ? "—" : String(x)), className: () => "num" },
  { key: "status", label: ${col("page.audit.col.status")}, format: status, className: (v) => (v === "matches" ? "status-matches" : "status-differs") },
  { key: "methodology", label: ${col("page.audit.col.methodology")} }
], {
  id: "reconciliation-table",
  caption: ${str("page.audit.reconciliation_caption")},
  filters: [{ key: "edition", label: ${col("page.audit.col.edition")} }, { key: "country", label: ${col("page.common.country")}, format: (c) => \`\${c} \${names[c] ?? ""}\`.trim() }, { key: "status", label: ${col("page.audit.col.status")}, format: status }]
}));
\`\`\`

\`\`\`js
const plotted = audit.reconciliation.filter((r) => r.computed !== null).map((r) => ({ ...r, status_text: status(r.status) }));
display(vlChart({
  width: "container",
  height: 320,
  data: { values: plotted },
  layer: [
    { mark: { type: "line", color: "#999", strokeDash: [4, 4] }, encoding: { x: { field: "published", type: "quantitative" }, y: { field: "published", type: "quantitative" } } },
    {
      mark: { type: "point", filled: true, size: 60 },
      encoding: {
        x: { field: "published", type: "quantitative", title: ${str("page.audit.axis_published")} },
        y: { field: "computed", type: "quantitative", title: ${str("page.audit.axis_computed")} },
        color: { field: "status_text", type: "nominal", scale: { domain: [status("matches"), status("differs")], range: ["#0072b2", "#d55e00"] }, title: ${col("page.audit.col.status")} },
        shape: { field: "status_text", type: "nominal", scale: { domain: [status("matches"), status("differs")], range: ["circle", "triangle"] } },
        tooltip: [{ field: "edition", title: ${col("page.audit.col.edition")} }, { field: "country", title: ${col("page.common.country")} }, { field: "year", title: ${col("page.common.year")} }, { field: "published", title: ${col("page.common.published")}, ...figure() }, { field: "computed", title: ${col("page.common.computed")}, ...figure() }, { field: "status_text", title: ${col("page.audit.col.status")} }]
      }
    }
  ]
}, {
  alt: ${tpl("page.audit.scatter_alt", { n: "plotted.length" })},
  caption: ${str("page.audit.scatter_caption")},
  data: plotted,
  columns: [{ key: "edition", label: ${col("page.audit.col.edition")} }, { key: "country", label: ${col("page.common.country")} }, { key: "year", label: ${col("page.common.year")} }, { key: "published", label: ${col("page.common.published")}, numeric: true }, { key: "computed", label: ${col("page.common.computed")}, numeric: true }, { key: "status_text", label: ${col("page.audit.col.status")} }]
}));
if (audit.unpublished.length)
  display(figuresTable(audit.unpublished, [
    { key: "country", label: ${col("page.common.country")} }, { key: "year", label: ${col("page.common.year")} }, { key: "methodology", label: ${col("page.audit.col.methodology")} }, { key: "computed", label: ${col("page.common.computed")}, numeric: true }
  ], { caption: ${str("page.audit.unpublished_caption")} }));
\`\`\`

## ${t("page.audit.revisions")}

\`\`\`js
display(text("p", audit.rules.revisions));
if (audit.revisions.length === 0)
  display(text("p", ${tpl("page.audit.no_revisions", { n: "audit.editions.length" })}));
else {
  display(figuresTable(audit.revisions, [
    { key: "country", label: ${col("page.common.country")} },
    { key: "year", label: ${col("page.common.year")} },
    { key: "edition_a", label: ${col("page.audit.col.edition_old")} },
    { key: "value_a", label: ${col("page.audit.col.value_old")}, numeric: true },
    { key: "edition_b", label: ${col("page.audit.col.edition_new")} },
    { key: "value_b", label: ${col("page.audit.col.value_new")}, numeric: true },
    { key: "difference", label: ${col("page.audit.col.new_minus_old")}, numeric: true, format: (x) => signed(x) },
    { key: "computed", label: ${col("page.common.computed")}, numeric: true },
    { key: "computed_matches", label: ${col("page.audit.col.agrees_with")}, format: (v, r) => ({ a: ${tpl("page.audit.edition_n", { edition: "r.edition_a" })}, b: ${tpl("page.audit.edition_n", { edition: "r.edition_b" })}, both: ${str("page.audit.both")}, neither: ${str("page.audit.neither")}, "not computed": status("not_computed") })[v] }
  ], { caption: ${str("page.audit.revisions_caption")}, id: "revisions-table" }));
  const statements = audit.revisions.flatMap((r) => r.claims.map((c) => ({ ...c, revision: \`\${r.country} \${r.year} (\${r.edition_a} → \${r.edition_b})\`, fits: { a: ${tpl("page.audit.fits_old", { edition: "r.edition_a" })}, b: ${tpl("page.audit.fits_new", { edition: "r.edition_b" })}, both: ${str("page.audit.fits_both")}, neither: ${str("page.audit.fits_neither")}, undecidable: ${str("page.audit.fits_undecidable")} }[c.consistent_with] })));
  if (statements.length)
    display(figuresTable(statements, [
      { key: "revision", label: ${col("page.audit.col.revision")} },
      { key: "id", label: ${col("page.audit.col.statement")} },
      { key: "text", label: ${col("page.audit.col.says")}, asWritten: true },
      { key: "fits", label: ${col("page.audit.col.consistent")} },
      { key: "reason", label: ${col("page.audit.col.why")} }
    ], { caption: ${str("page.audit.statements_caption")} }));
}
\`\`\`

## ${t("page.audit.claims")}
${lang === "en" ? "" : `\n${t("page.changes.claims_in_english")}\n`}
\`\`\`js
const cs = audit.claims_summary;
display(text("p", ${tpl("page.audit.claims_summary", { checked: "cs.checked", matches: "cs.matches", differs: "cs.differs", not_checkable: "cs.not_checkable", precision: "audit.claim_rules.precision" })}));
display(filteredTable(audit.claims, [
  { key: "id", label: ${col("page.audit.col.statement")} },
  { key: "edition", label: ${col("page.audit.col.edition")} },
  { key: "country", label: ${col("page.common.country")} },
  { key: "year", label: ${col("page.common.year")} },
  { key: "kind", label: ${col("page.audit.col.kind")}, format: (k) => claimKind[k] ?? k },
  { key: "component", label: ${col("page.audit.col.component")} },
  { key: "text", label: ${col("page.audit.col.says")}, asWritten: true },
  { key: "stated", label: ${col("page.audit.col.stated")}, numeric: true },
  { key: "computed", label: ${col("page.common.computed")}, numeric: true },
  { key: "status", label: ${col("page.audit.col.status")}, format: status, className: (v) => (v === "matches" ? "status-matches" : v === "differs" ? "status-differs" : "") },
  { key: "reason", label: ${col("page.audit.col.why")} }
], {
  id: "claims-table",
  caption: ${str("page.audit.claims_caption")},
  filters: [{ key: "edition", label: ${col("page.audit.col.edition")} }, { key: "country", label: ${col("page.common.country")} }, { key: "status", label: ${col("page.audit.col.status")}, format: status }]
}));
\`\`\`

## ${t("page.audit.breaks")}

\`\`\`js
display(text("p", audit.rules.breaks));
display(figuresTable(audit.breaks.periods, [
  { key: "version", label: ${col("page.audit.col.version")} },
  { key: "title", label: ${col("page.methodology.col.title")} },
  { key: "from", label: ${col("page.audit.col.from_year")} },
  { key: "to", label: ${col("page.audit.col.to_year")}, format: (v) => (v === null ? onward : String(v)) },
  { key: "years", label: ${col("page.audit.col.years_seen")}, format: (v) => v.join(", ") },
  { key: "previous", label: ${col("page.audit.col.replaces")}, format: (v) => v ?? "—" },
  { key: "changes", label: ${col("page.audit.col.recorded_changes")} }
], { caption: ${str("page.audit.periods_caption")} }));
display(figuresTable(audit.breaks.comparisons, [
  { key: "from_year", label: ${col("page.audit.col.from")} },
  { key: "to_year", label: ${col("page.audit.col.to")} },
  { key: "from_version", label: ${col("page.audit.col.method_before")} },
  { key: "to_version", label: ${col("page.audit.col.method_after")} },
  { key: "crosses_break", label: ${col("page.audit.col.crosses")}, format: (v) => (v ? ${str("page.audit.crosses_yes")} : ${str("page.common.no")}), className: (v) => (v ? "status-differs" : "") },
  { key: "claims", label: ${col("page.audit.col.statements_about")}, format: (v) => v.join(", ") }
], { caption: ${str("page.audit.comparisons_caption")}, id: "breaks-table" }));
\`\`\`

## ${t("page.audit.missing")}

\`\`\`js
display(text("p", audit.rules.missing));
if (audit.missing.length === 0) display(text("p", ${str("page.audit.no_missing")}));
else
  display(filteredTable(audit.missing, [
    { key: "country", label: ${col("page.common.country")} },
    { key: "year", label: ${col("page.common.year")} },
    { key: "indicator", label: ${col("page.common.indicator")} },
    { key: "note", label: ${col("page.audit.col.note")}, asWritten: true },
    { key: "weight", label: ${col("page.methodology.col.weight")}, numeric: true },
    { key: "could_lower", label: ${col("page.audit.col.could_lower")}, numeric: true },
    { key: "could_raise", label: ${col("page.audit.col.could_raise")}, numeric: true },
    { key: "index", label: ${col("page.common.index")}, numeric: true },
    { key: "max_attainable", label: ${col("page.audit.col.max")}, numeric: true },
    { key: "max_attainable_if_included", label: ${col("page.audit.col.max_if")}, numeric: true }
  ], {
    id: "missing-table",
    caption: ${tpl("page.audit.missing_caption", { excluded: "audit.summary.excluded", country_years: "audit.summary.country_years_with_exclusions" })},
    filters: [{ key: "country", label: ${col("page.common.country")} }, { key: "year", label: ${col("page.common.year")} }]
  }));
\`\`\`

## ${t("page.audit.trace")}

${t("page.audit.trace_text")}${lang === "en" ? "" : ` ${t("page.audit.trace_in_english")} ${t("page.common.notes_as_written")}`}

\`\`\`js
display(traceExplorer(traceIndex, { more: (code) => traceFiles[code]?.json() }));
\`\`\`

## ${t("page.audit.manifest")}

\`\`\`js
const m = audit.manifest;
display(text("p", audit.rules.manifest));
display(text("p", audit.outputs_rule));
display(figuresTable(m.methodology, [
  { key: "version", label: ${col("page.audit.col.codebook_version")} },
  { key: "from", label: ${col("page.audit.col.from_year")} },
  { key: "to", label: ${col("page.audit.col.to_year")}, format: (v) => (v === null ? onward : String(v)) },
  { key: "file", label: ${col("page.audit.col.file")} }
], { caption: ${str("page.audit.versions_caption")} }));
display(text("p", ${tpl("page.audit.seeds", { seeds: 'm.seeds.codebook.map((c) => `${c.seed} (${c.version})`).join(", ") || ' + str("page.sensitivity.none") })}));
display(figuresTable(m.inputs, [
  { key: "file", label: ${col("page.audit.col.input_file")} },
  { key: "pipeline", label: ${col("page.audit.col.read_by_pipeline")}, format: yesNo },
  { key: "bytes", label: ${col("page.audit.col.bytes")}, numeric: true, format: (v) => count(v) },
  { key: "sha256", label: "SHA-256", className: () => "hash" }
], { caption: ${tpl("page.audit.inputs_caption", { n: "m.inputs.length" })}, id: "manifest-inputs" }));
\`\`\`

\`\`\`js
// The build's own manifest (written after the pages, so not a page input): commit and output hashes.
const built = document.createElement("div");
built.id = "build-manifest";
built.append(text("p", ${str("page.audit.loading_manifest")}));
display(built);
fetch(new URL("${base}manifest.json", document.baseURI))
  .then((r) => (r.ok ? r.json() : Promise.reject(new Error(\`HTTP \${r.status}\`))))
  .then((b) => {
    built.replaceChildren(
      text("p", b.commit ? (b.commit.dirty ? ${tpl("page.audit.commit_dirty", { id: "b.commit.id" })} : ${tpl("page.audit.commit", { id: "b.commit.id" })}) : ${str("page.audit.no_commit")}),
      figuresTable(b.outputs, [
        { key: "file", label: ${col("page.audit.col.data_output")} },
        { key: "bytes", label: ${col("page.audit.col.bytes")}, numeric: true, format: (v) => count(v) },
        { key: "sha256", label: "SHA-256" }
      ], { caption: ${tpl("page.audit.outputs_caption", { n: "b.outputs.length" })}, id: "manifest-outputs" })
    );
  })
  .catch(() => built.replaceChildren(text("p", ${str("page.audit.manifest_unavailable")})));
\`\`\`
`;
}
