// One country's page (/countries/<CODE>): its Index by year beside every published value, section
// subtotals, each year's change, the answers, the expert survey and the sources.
import type { PageContext } from "./page.ts";
import { dataDir, words } from "./words.ts";

export default function countryPage(ctx: PageContext): string {
  const { t, base, lang } = ctx;
  const { str, tpl } = words(ctx);
  const code = ctx.path.split("/").at(-1)!;
  // The other language's name beside the page's own (Russian beside English, and the reverse).
  const other = lang === "en" ? "ru" : "en";
  return `---
title: ${t("page.country.title")}
---

\`\`\`js
import { vlChart } from "${base}components/chart.js";
import { figuresTable, yearsInPrint } from "${base}components/table.js";
import { fmt, percent, text } from "${base}components/format.js";
import { seriesSpec } from "${base}components/charts.js";
import { sectionStackSpec, answerGrid, changeBlocks, changeList, surveySpec, sourceList } from "${base}components/country.js";
const c = await FileAttachment("${dataDir(ctx)}countries/${code}.json").json();
\`\`\`

# \${c.name} <span lang="${other}" class="muted">\${c.name_${other}}</span>

\`\`\`js
const pdfLink = document.createElement("p");
pdfLink.className = "no-print";
const pdfA = document.createElement("a");
pdfA.href = \`${base}pdf/\${c.code}${lang === "en" ? "" : "." + lang}.pdf\`;
pdfA.textContent = ${tpl("page.country.pdf", { name: "c.name" })};
pdfLink.append(pdfA, " · ");
const all = document.createElement("a");
all.href = "${base}pdf/report${lang === "en" ? "" : "." + lang}.pdf";
all.textContent = ${str("page.country.pdf_all")};
pdfLink.append(all);
display(pdfLink);
\`\`\`

\`\`\`js
const last = c.series.at(-1);
display(text("p", ${tpl("page.country.summary", { name: "c.name", n: "c.years.length", from: "c.years[0]", to: "c.years.at(-1)", year: "last.year", index: "fmt(last.index)", max: "fmt(last.max_attainable)" })}));
if (c.translation_note) display(text("p", c.translation_note, "muted translation-note"));
\`\`\`

## ${t("page.country.series")}

\`\`\`js
display(vlChart(seriesSpec(c.series.map((s) => ({ ...s, country: c.code })), { names: { [c.code]: { name_en: c.name } }, height: 220 }), {
  alt: ${tpl("page.country.series_alt", { name: "c.name", values: 'c.series.map((s) => `${s.year} ${fmt(s.index)}`).join(", ")' })},
  caption: ${tpl("page.country.series_caption", { name: "c.name" })},
  // One country: its name would repeat on every row (the spec's rows carry it for the line's label).
  data: c.series,
  columns: [
    { key: "year", label: ${str("page.common.year")} },
    { key: "index", label: ${str("page.common.index")}, numeric: true },
    { key: "methodology", label: ${str("page.country.col.method")} }
  ]
}));
display(figuresTable(c.series.map((s) => ({ ...s, published_values: s.published.map((p) => ${tpl("page.country.published_value", { index: "fmt(p.index)", edition: "p.edition" })}).join("; ") || ${str("page.country.not_published")} })), [
  { key: "year", label: ${str("page.common.year")} },
  { key: "methodology", label: ${str("page.country.col.method")} },
  { key: "index", label: ${str("page.common.computed")}, numeric: true },
  { key: "published_values", label: ${str("page.common.published")} },
  { key: "max_attainable", label: ${str("page.country.col.max")}, numeric: true }
], { caption: ${str("page.country.series_table")}, id: "series-table" }));
\`\`\`

## ${t("page.country.sections")}

\`\`\`js
display(vlChart(sectionStackSpec(c.sections), {
  print: yearsInPrint(c.years),
  alt: ${tpl("page.country.sections_alt", { name: "c.name" })},
  caption: ${str("page.country.sections_caption")},
  data: c.sections,
  columns: [{ key: "year", label: ${str("page.common.year")} }, { key: "title", label: ${str("page.common.section")} }, { key: "weighted", label: ${str("page.common.points")}, numeric: true }]
}));
\`\`\`

## ${t("page.country.changes")}

${t("page.country.changes_text")}

\`\`\`js
display(changeBlocks(c));
\`\`\`

## ${t("page.country.answers")}

${t("page.country.answers_text")}${lang === "en" ? "" : ` ${t("page.common.notes_as_written")}`}

\`\`\`js
display(answerGrid(c));
display(changeList(c));
\`\`\`

## ${t("page.country.survey")}

\`\`\`js
if (c.surveys.length) {
  display(vlChart(surveySpec(c.surveys), {
    alt: ${tpl("page.country.survey_alt", { name: "c.name", values: 'c.surveys.map((s) => `${s.year} ${s.indicator} ${fmt(s.value)} (${fmt(s.lo)}–${fmt(s.hi)})`).join("; ")' })},
    caption: ${tpl("page.country.survey_caption", { level: "percent(c.surveys[0].level)" })},
    data: c.surveys,
    columns: [
      { key: "year", label: ${str("page.common.year")} }, { key: "indicator", label: ${str("page.common.indicator")} }, { key: "value", label: ${str("page.country.col.score")}, numeric: true },
      { key: "lo", label: ${str("page.country.col.low")}, numeric: true }, { key: "hi", label: ${str("page.country.col.high")}, numeric: true }, { key: "respondents", label: ${str("page.country.col.respondents")} }, { key: "seed", label: ${str("page.country.col.seed")} }
    ]
  }));
} else display(text("p", ${str("page.country.no_survey")}));
\`\`\`

## ${t("page.country.sources")}

\`\`\`js
display(sourceList(c));
\`\`\`
`;
}
