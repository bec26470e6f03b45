// The front page, for the public: the map of the countries measured, one quotable line per country,
// a country picker, what the Index measures in the releases' words, where the published record
// disagrees with itself, and how to cite. Audit-level detail is behind the links.
import type { PageContext } from "./page.ts";

export default function frontPage({ t, base, lang, href }: PageContext): string {
  const links = {
    results: href("/results"),
    changes: href("/results"),
    methodology: href("/methodology"),
    sensitivity: href("/sensitivity"),
    audit: href("/audit"),
    downloads: href("/downloads"),
    glossary: href("/glossary"),
  };
  return `---
title: ${t("page.front.title")}
toc: false
---

# ${t("page.front.heading")}

${t("page.front.lede")}

\`\`\`js
import { vlChart } from "${base}components/chart.js";
import { mapSpec } from "${base}components/map.js";
import { asWritten, text, fmt } from "${base}components/format.js";
import { t } from "${base}components/engine.js";
const lang = ${JSON.stringify(lang)};
const front = await FileAttachment("${base}data/front.json").json();
const countryHref = (code) => ${JSON.stringify(href("/countries/"))} + code;
const changesHref = (year, code) => ${JSON.stringify(href("/changes/"))} + year + "#" + code;
const name = (l) => l.name[lang];
// A line that quotes a release: its own words in a span of their language, the lead-in in the page's.
const quoting = (tag, line, quote, className) => {
  const at = quote ? line.indexOf(quote) : -1;
  if (at < 0) return text(tag, line, className);
  const el = text(tag, line.slice(0, at), className);
  el.append(asWritten("span", quote, undefined, lang), document.createTextNode(line.slice(at + quote.length)));
  return el;
};
\`\`\`

## ${t("page.front.map_heading")}

\`\`\`js
// The region is wider than tall: on a phone a fixed height would leave half the box empty.
const mapWidth = document.querySelector("#observablehq-main")?.clientWidth ?? 640;
display(vlChart(mapSpec(front, lang, { height: Math.round(Math.min(440, Math.max(220, 0.62 * mapWidth))) }), {
  alt: t(lang, "page.front.map_alt", { year: front.year, list: front.lines.map((l) => name(l) + " " + fmt(l.index, { locale: lang })).join(t(lang, "page.front.list_and")) }),
  caption: t(lang, "page.front.map_caption", { year: front.year, max: fmt(front.max_attainable, { locale: lang }) }),
  data: front.lines,
  columns: [
    { key: "rank", label: t(lang, "page.results.col_rank") },
    { key: "name", label: t(lang, "page.results.col_country"), format: (n) => n[lang] },
    { key: "index", label: t(lang, "page.results.col_index"), numeric: true },
    { key: "max_attainable", label: t(lang, "page.front.col_max"), numeric: true }
  ]
}));
\`\`\`

\`\`\`js
if (front.map.unmapped_line) display(text("p", front.map.unmapped_line[lang], "unmapped-line"));
\`\`\`

## ${t("page.front.lines_heading")}

${t("page.front.lines_intro")}

\`\`\`js
const lines = document.createElement("ul");
lines.id = "front-lines";
lines.className = "quotable";
for (const l of front.lines) {
  const li = document.createElement("li");
  li.dataset.country = l.country;
  li.append(text("p", l.line[lang], "quote-line"));
  if (l.release) li.append(quoting("p", l.release.line[lang], l.release.text, "quote-release"));
  lines.append(li);
}
display(lines);
for (const a of front.absent) display(text("p", a.line[lang], "absent-line"));
\`\`\`

## ${t("page.front.picker_heading")}

\`\`\`js
const nav = document.createElement("nav");
nav.id = "country-picker";
nav.setAttribute("aria-label", t(lang, "page.front.picker_label"));
const picker = document.createElement("ul");
for (const p of front.pages) {
  const li = document.createElement("li");
  const a = document.createElement("a");
  a.href = countryHref(p.country);
  a.textContent = p.name[lang];
  li.append(a);
  picker.append(li);
}
nav.append(picker);
display(nav);
\`\`\`

## ${t("page.front.measures_heading")}

<blockquote id="what-it-measures">
<p>${t("page.front.measures_1")} ${t("page.front.measures_2")} ${t("page.front.measures_3")}</p>
</blockquote>

${t("page.front.measures_source", { glossary: links.glossary })}

## ${t("page.front.disagree_heading")}

\`\`\`js
const disagree = document.createElement("ul");
disagree.id = "front-disagreements";
for (const d of front.disagreements) {
  const li = document.createElement("li");
  const a = document.createElement("a");
  a.href = changesHref(d.year, d.country);
  a.textContent = t(lang, "page.front.disagree_link", { year: d.year });
  li.append(quoting("span", d.line[lang] + " ", d.text), a);
  disagree.append(li);
}
display(front.disagreements.length ? disagree : text("p", t(lang, "page.front.disagree_none")));
\`\`\`

${t("page.front.disagree_more", { audit: links.audit, changes: links.changes })}

## ${t("page.front.more_heading")}

${t("page.front.more", links)}

## ${t("page.front.cite_heading")}

<div id="cite" class="cite">

\`\`\`js
display(text("p", front.edition ? t(lang, "page.front.cite_index", { edition: front.edition.edition, published: front.edition.published }) : ""));
\`\`\`

${t("page.front.cite_report")}

${t("page.front.cite_source")}

</div>
`;
}
