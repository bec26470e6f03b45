// The sensitivity page: how much the ranks depend on the method's choices (Monte Carlo rank
// intervals, Sobol indices, leave one section out) and a live reweighting in the browser.
import type { PageContext } from "./page.ts";
import { dataDir, words } from "./words.ts";
import { methodName, type MethodKind } from "../present/lang.ts";

export default function sensitivityPage(ctx: PageContext): string {
  const { t, base } = ctx;
  const { md, str, tpl } = words(ctx);
  // The method choices the explanations name, in the page's language (the ids themselves in English).
  const names = (kind: MethodKind, ids: string[]) => Object.fromEntries(ids.map((id) => [id, methodName(ctx.lang, kind, id)]));
  return `---
title: ${t("page.sensitivity.title")}
---

# ${t("page.sensitivity.heading")}

<style>
.reweight-sliders { display: grid; gap: 0.3rem; max-width: 760px; margin-bottom: 0.8rem; }
.reweight-sliders > form { --label-width: min(22rem, 40vw); max-width: none; }
#reweight-reset { justify-self: start; margin-top: 0.3rem; }
.headlines li { margin-bottom: 0.3rem; }
#reweight .table-scroll { contain: layout paint; }
</style>

\`\`\`js
import { vlChart } from "${base}components/chart.js";
import { figuresTable, yearsInPrint } from "${base}components/table.js";
import { count, figure, fmt, percent, text } from "${base}components/format.js";
import { reweightPanel } from "${base}components/reweight-panel.js";
const s = await FileAttachment("${dataDir(ctx)}sensitivity.json").json();
const name = (code) => s.names[code] ?? code;
const pct = (x) => percent(x);
const factorLabel = new Map(s.factors.map((f) => [f.id, f.short_label]));
const FIRST = ${str("page.sensitivity.first_order")};
const TOTAL = ${str("page.sensitivity.total_order")};
const SE = ${str("page.sensitivity.col.se")};
// A method choice by its name in the page's language (payload's method_names), the id where it has none.
const methodName = (kind, id) => (id === null ? "—" : (s.method_names[kind][id] ?? id));
const methodList = (kind) => s.config[kind].map((id) => methodName(kind, id)).join(", ");
\`\`\`

${md("page.sensitivity.intro", { draws: "count(s.draws)" })}

\`\`\`js
const ul = document.createElement("ul");
ul.className = "headlines";
for (const h of s.headlines) {
  const li = text("li", h.text + (h.kind === "leader" ? " " + ${tpl("page.sensitivity.share_of_draws", { share: "pct(h.share)" })} : ""));
  ul.append(li);
}
display(ul);
\`\`\`

${md("page.sensitivity.seed", { seed: "s.seed", mc: "s.streams.monte_carlo", sobol: "s.streams.sobol", draws: "count(s.draws)", samples: "count(s.samples)", runs: "count(s.runs)", command: 'text("code", `npm run index -- sensitivity --draws ${s.draws} --seed ${s.seed} --samples ${s.samples} --out DIR`)' })}

## ${t("page.sensitivity.choices")}

\`\`\`js
const published = { survey_method: s.published.survey_method, missing_data: s.published.missing_data, normalisation: s.published.normalisation };
const choiceRows = [
  ...s.sections.map((sec) => {
    const r = s.config.weights.sections[sec.id] ?? s.config.weights.default;
    const w = [...new Set(s.section_weights.filter((x) => x.section === sec.id).map((x) => fmt(x.weight)))].join(" / ");
    return { choice: ${tpl("page.sensitivity.weight_of", { id: "sec.id", title: "sec.title" })}, published: w, varied: ${tpl("page.sensitivity.uniform", { low: "fmt(r.low)", high: "fmt(r.high)" })} };
  }),
  { choice: ${str("page.sensitivity.survey_aggregation")}, published: methodName("survey_method", published.survey_method), varied: methodList("survey_method") },
  { choice: ${str("page.sensitivity.missing_data")}, published: methodName("missing_data", published.missing_data), varied: methodList("missing_data") },
  { choice: ${str("page.sensitivity.normalisation")}, published: methodName("normalisation", published.normalisation), varied: methodList("normalisation") }
];
display(figuresTable(choiceRows, [
  { key: "choice", label: ${str("page.sensitivity.col.choice")} },
  { key: "published", label: ${str("page.sensitivity.col.published_method")} },
  { key: "varied", label: ${str("page.sensitivity.col.drawn_from")} }
], { caption: ${tpl("page.sensitivity.ranges_caption", { file: "s.config_file" })} }));
\`\`\`

- ${t("page.sensitivity.explain_weights")}
- ${t("page.sensitivity.explain_survey", names("survey", ["role_mean", "pooled_mean", "median"]))}
- ${md("page.sensitivity.explain_missing", { excluded: "s.missing.excluded", carried: "s.missing.carried", dropped: "s.missing.dropped" }, names("missing", ["drop", "carry_forward", "worst"]))}
- ${t("page.sensitivity.explain_normalisation", names("normalisation", ["raw", "minmax"]))}

## ${t("page.sensitivity.intervals")}

${t("page.sensitivity.intervals_text")}

\`\`\`js
const rankRows = s.ranks.map((r) => ({ ...r, name: name(r.country), interval: \`\${r.rank_p05}–\${r.rank_p95}\`, share: pct(r.share_same_rank) }));
const maxRank = Math.max(...s.ranks.map((r) => r.countries));
const chart = vlChart({
  data: { values: rankRows },
  facet: { field: "year", type: "ordinal", title: null, header: { labelFontSize: 13, labelFontWeight: "bold" } },
  columns: 3,
  resolve: { scale: { y: "independent" } },
  spec: {
    // Three columns of 210 px were wider than the page's column and the third year was cut off.
    width: 165,
    height: { step: 20 },
    encoding: {
      y: { field: "name", type: "nominal", sort: { field: "rank" }, title: null },
      tooltip: [
        { field: "name", title: ${str("page.common.country")} }, { field: "year", title: ${str("page.common.year")} },
        { field: "rank", title: ${str("page.sensitivity.col.published_rank")} }, { field: "median_rank", title: ${str("page.sensitivity.col.median_rank")} },
        { field: "interval", title: ${str("page.sensitivity.col.interval")} }, { field: "share", title: ${str("page.sensitivity.col.keeps_long")} }
      ]
    },
    layer: [
      { mark: { type: "rule", strokeWidth: 4, color: "#0072B2" }, encoding: { x: { field: "rank_p05", type: "quantitative", scale: { domain: [1, maxRank] }, axis: { tickMinStep: 1, ...figure({ kind: "count" }) }, title: ${str("page.sensitivity.rank_axis")} }, x2: { field: "rank_p95" } } },
      { mark: { type: "tick", color: "#000", thickness: 2, size: 14 }, encoding: { x: { field: "rank", type: "quantitative" } } },
      { mark: { type: "point", filled: true, color: "#D55E00", size: 50 }, encoding: { x: { field: "median_rank", type: "quantitative" } } }
    ]
  }
}, {
  print: yearsInPrint(s.years),
  alt: ${tpl("page.sensitivity.intervals_alt", { from: "s.years[0]", to: "s.latest_year", draws: "s.draws" })},
  caption: ${tpl("page.sensitivity.intervals_caption", { draws: "count(s.draws)", seed: "s.seed" })},
  data: rankRows,
  columns: [
    { key: "name", label: ${str("page.common.country")} }, { key: "year", label: ${str("page.common.year")} }, { key: "rank", label: ${str("page.sensitivity.col.published_rank")} },
    { key: "median_rank", label: ${str("page.sensitivity.col.median_rank")} }, { key: "interval", label: ${str("page.sensitivity.col.interval")} },
    { key: "share_same_rank", label: ${str("page.sensitivity.col.keeps")}, format: (v) => pct(v) },
    { key: "index", label: ${str("page.sensitivity.col.published_index")}, numeric: true },
    { key: "index_p05", label: ${str("page.sensitivity.col.index_p05")}, numeric: true }, { key: "index_p95", label: ${str("page.sensitivity.col.index_p95")}, numeric: true }
  ]
});
display(chart);
\`\`\`

## ${t("page.sensitivity.sobol")}

${md("page.sensitivity.sobol_text", { samples: "count(s.samples)", first_se: "fmt(s.sobol_summary.max_first_se, 3)", total_se: "fmt(s.sobol_summary.max_total_se, 3)" })}

\`\`\`js
const summary = s.sobol_summary.rows;
if (s.sobol_summary.status !== "varies") display(text("p", s.sobol_summary.status === "fixed" ? ${str("page.sensitivity.shift_fixed")} : ${str("page.sensitivity.shift_rare")}, "muted"));
// The indices and their standard errors, as the bars' table and the per-rank table list them.
const sobolColumns = [
  { key: "first_order", label: FIRST, numeric: true, format: (v) => fmt(v, 3) },
  { key: "first_order_se", label: SE, numeric: true, format: (v) => fmt(v, 3) },
  { key: "total_order", label: TOTAL, numeric: true, format: (v) => fmt(v, 3) },
  { key: "total_order_se", label: SE, numeric: true, format: (v) => fmt(v, 3) }
];
const bars = summary.flatMap((r) => [
  { factor: factorLabel.get(r.factor), measure: FIRST, value: r.first_order, lo: r.first_lo, hi: r.first_hi },
  { factor: factorLabel.get(r.factor), measure: TOTAL, value: r.total_order, lo: r.total_lo, hi: r.total_hi }
]);
display(vlChart({
  width: "container",
  height: { step: 14 },
  data: { values: bars },
  encoding: {
    y: { field: "factor", type: "nominal", sort: null, title: null },
    yOffset: { field: "measure", type: "nominal", sort: [FIRST, TOTAL] },
    tooltip: [{ field: "factor", title: ${str("page.sensitivity.col.choice")} }, { field: "measure", title: ${str("page.sensitivity.col.index_kind")} }, { field: "value", title: ${str("page.sensitivity.col.value")}, ...figure({ digits: 3 }) }, { field: "lo", title: ${str("page.sensitivity.col.minus_2se")}, ...figure({ digits: 3 }) }, { field: "hi", title: ${str("page.sensitivity.col.plus_2se")}, ...figure({ digits: 3 }) }]
  },
  layer: [
    {
      mark: { type: "bar" },
      encoding: {
        x: { field: "value", type: "quantitative", title: ${str("page.sensitivity.sobol_axis")} },
        color: { field: "measure", type: "nominal", scale: { domain: [FIRST, TOTAL], range: ["#D55E00", "#0072B2"] }, title: null }
      }
    },
    { mark: { type: "rule", color: "#000" }, encoding: { x: { field: "lo", type: "quantitative" }, x2: { field: "hi" } } }
  ]
}, {
  alt: ${str("page.sensitivity.sobol_alt")},
  caption: ${tpl("page.sensitivity.sobol_caption", { samples: "count(s.samples)" })},
  data: summary.map((r) => ({ ...r, factor: factorLabel.get(r.factor) })),
  columns: [
    { key: "factor", label: ${str("page.sensitivity.col.choice")} },
    ...sobolColumns
  ]
}));
\`\`\`

\`\`\`js
const perCell = s.sobol.filter((r) => r.output === "rank" && r.status === "varies").map((r) => ({ ...r, label: \`\${name(r.country)} \${r.year}\`, factor: factorLabel.get(r.factor) }));
const fixedRanks = s.sobol_outputs.filter((r) => r.status === "fixed");
const rareRanks = s.sobol_outputs.filter((r) => r.status === "rarely varies");
const sobolDraws = count(s.sobol_draws);
const listed = (rows, f) => rows.map(f).join(", ") || ${str("page.sensitivity.none")};
const fixedList = listed(fixedRanks, (r) => \`\${name(r.country)} \${r.year}\`);
const rareList = listed(rareRanks, (r) => ${tpl("page.sensitivity.rare_item", { name: "name(r.country)", year: "r.year", moved: "count(r.draws_moved)", draws: "sobolDraws", share: "percent(r.share_moved, 2)" })});
\`\`\`

${md("page.sensitivity.per_rank", { varying: 's.sobol_outputs.filter((r) => r.status === "varies").length', all: "s.sobol_outputs.length" })}

- ${md("page.sensitivity.fixed_ranks", { n: "fixedRanks.length", list: "fixedList" })}
- ${md("page.sensitivity.rare_ranks", { n: "rareRanks.length", cv: "percent(s.sobol_reliability.max_variance_cv)", needed: "s.sobol_reliability.draws_moved_needed", draws: "sobolDraws", list: "rareList" })}

\`\`\`js
display(vlChart({
  width: "container",
  height: { step: 12 },
  data: { values: perCell },
  mark: { type: "rect" },
  encoding: {
    y: { field: "label", type: "nominal", sort: null, title: null, axis: { labelFontSize: 10 } },
    x: { field: "factor", type: "nominal", sort: null, title: null, axis: { labelAngle: -35, labelLimit: 220 } },
    color: { field: "total_order", type: "quantitative", scale: { scheme: "blues", domain: [0, 1] }, title: TOTAL },
    tooltip: [
      { field: "label", title: ${str("page.sensitivity.col.country_year")} }, { field: "factor", title: ${str("page.sensitivity.col.choice")} },
      { field: "first_order", title: FIRST, ...figure({ digits: 3 }) }, { field: "first_order_se", title: SE, ...figure({ digits: 3 }) },
      { field: "total_order", title: TOTAL, ...figure({ digits: 3 }) }, { field: "total_order_se", title: SE, ...figure({ digits: 3 }) }
    ]
  }
}, {
  print: yearsInPrint(s.years),
  alt: ${str("page.sensitivity.heat_alt")},
  caption: ${str("page.sensitivity.heat_caption")},
  // The spec's rows hold every field of the analysis; the table lists what the cells and tooltips show.
  data: perCell,
  columns: [
    { key: "label", label: ${str("page.sensitivity.col.country_year")} },
    { key: "factor", label: ${str("page.sensitivity.col.choice")} },
    ...sobolColumns
  ]
}));
\`\`\`

## ${t("page.sensitivity.loo")}

${t("page.sensitivity.loo_text")}

\`\`\`js
const loo = s.leave_one_out;
const byCell = new Map();
for (const r of loo) {
  const k = \`\${r.country}/\${r.year}\`;
  if (!byCell.has(k)) byCell.set(k, { country: name(r.country), year: r.year, rank: r.rank, index: r.index });
  byCell.get(k)[r.section] = r.rank_without;
  byCell.get(k)[\`\${r.section}_change\`] = r.rank_change;
}
const looRows = [...byCell.values()].sort((a, b) => b.year - a.year || a.rank - b.rank);
const rankWithChange = (section) => (v, row) => {
  if (v === undefined) return "—";
  const d = row[\`\${section}_change\`];
  return d === 0 ? String(v) : \`\${v} (\${d < 0 ? "▲" : "▼"}\${Math.abs(d)})\`;
};
const looPrint = yearsInPrint(s.years);
display(looPrint.noted(figuresTable(looRows, [
  { key: "year", label: ${str("page.common.year")} },
  { key: "country", label: ${str("page.common.country")} },
  { key: "rank", label: ${str("page.common.rank")}, numeric: true, format: (v) => String(v) },
  { key: "index", label: ${str("page.common.index")}, numeric: true },
  ...s.sections.map((sec) => ({ key: sec.id, label: ${tpl("page.sensitivity.without", { id: "sec.id" })}, numeric: true, format: rankWithChange(sec.id), className: (v, row) => (row[\`\${sec.id}_change\`] ? "changed" : "") }))
], { caption: ${str("page.sensitivity.loo_caption")}, id: "leave-one-out-table", rowClass: looPrint.rowClass })));
\`\`\`

## ${t("page.sensitivity.reweight")}

${t("page.sensitivity.reweight_text")}

\`\`\`js
display(reweightPanel(s.table, { sections: s.sections, names: s.names }));
\`\`\`

## ${t("page.sensitivity.how")}

- ${t("page.sensitivity.how_points")}
- ${t("page.sensitivity.how_percentiles")}
- ${md("page.sensitivity.how_sobol", { draws: "sobolDraws" })}
- ${md("page.sensitivity.how_shift", { mean: "fmt(s.shift.mean)", p05: "fmt(s.shift.p05)", p95: "fmt(s.shift.p95)" })}
`;
}
