// The results page: the latest ranking, what changed in the latest year (each change as a short
// list, loaders/present/changes.ts explainPair), the Index as published, the series and the step log.
import type { PageContext } from "./page.ts";

export default function resultsPage({ t, base, lang, href }: PageContext): string {
  return `---
title: ${t("page.results.title")}
---

# ${t("page.results.heading")}

\`\`\`js
import { vlChart } from "${base}components/chart.js";
import { figuresTable } from "${base}components/table.js";
import { fmt, text } from "${base}components/format.js";
import { t } from "${base}components/engine.js";
import { seriesSpec, rankingSpec } from "${base}components/charts.js";
import { changeHref, explanationList } from "${base}components/waterfall.js";
const lang = ${JSON.stringify(lang)};
const results = await FileAttachment("${base}data/results.json").json();
const name = (code) => (lang === "ru" ? results.names[code]?.name_ru : results.names[code]?.name_en) ?? code;
const col = (key) => t(lang, "page.results.col_" + key);
\`\`\`

${t("page.results.intro")}

<!-- Headings name no year: the table of contents is written before cells run, and showed ": the ranking". -->

## ${t("page.results.ranking_heading")}

\`\`\`js
display(text("p", t(lang, "page.results.ranking_intro", { year: results.latest_year })));
display(vlChart(rankingSpec(results.ranking, { names: results.names }), {
  alt: t(lang, "page.results.ranking_alt", { year: results.latest_year, list: results.ranking.map((r) => r.rank + ". " + name(r.country) + " " + fmt(r.index, { locale: lang })).join("; ") }),
  caption: t(lang, "page.results.ranking_caption", { year: results.latest_year }),
  data: results.ranking,
  columns: [
    { key: "rank", label: col("rank") },
    { key: "country", label: col("country"), format: (c) => name(c) },
    { key: "index", label: col("index"), numeric: true },
    { key: "published", label: col("published"), numeric: true }
  ]
}));
\`\`\`

## ${t("page.results.changes_heading")}

\`\`\`js
display(text("p", t(lang, "page.results.changes_intro", { year: results.latest_year })));
const list = document.createElement("ul");
list.id = "latest-changes";
for (const c of results.changes) {
  const li = document.createElement("li");
  const a = document.createElement("a");
  a.href = changeHref({ to_year: c.year, country: c.country }, ${JSON.stringify(href("/"))});
  a.textContent = t(lang, "page.results.why");
  li.append(explanationList(c.explanation[lang]), a);
  list.append(li);
}
display(list);
\`\`\`

## ${t("page.results.published_heading")}

\`\`\`js
const byCountry = results.published_countries.map((country) => ({
  country,
  ...Object.fromEntries(results.published.filter((r) => r.country === country).map((r) => [r.year, r.index]))
}));
if (results.latest_edition === null) display(text("p", t(lang, "page.results.published_none")));
else display(figuresTable(byCountry, [
  { key: "country", label: col("country"), format: (c) => name(c) },
  ...results.published_years.map((y) => ({ key: y, label: String(y), numeric: true }))
], { caption: t(lang, "page.results.published_caption", { edition: results.latest_edition, published: results.latest_edition_published }), id: "published-table" }));
\`\`\`

## ${t("page.results.series_heading")}

\`\`\`js
display(vlChart(seriesSpec(results.computed, { names: results.names }), {
  alt: t(lang, "page.results.series_alt", { list: results.published_countries.map(name).join(", "), from: results.years[0], to: results.years.at(-1) }),
  caption: t(lang, "page.results.series_caption"),
  data: results.computed,
  columns: [
    { key: "country", label: col("country"), format: (c) => name(c) },
    { key: "year", label: col("year") },
    { key: "index", label: col("index"), numeric: true },
    { key: "rank", label: col("rank") }
  ]
}));
\`\`\`

## ${t("page.results.log_heading")}

\`\`\`js
display(figuresTable(results.log, [
  { key: "step", label: col("step"), format: (v, r) => r.name[lang] },
  { key: "count", label: col("items") },
  { key: "summary", label: col("done"), format: (v) => v[lang] }
], { caption: t(lang, "page.results.log_caption") }));
\`\`\`
`;
}
