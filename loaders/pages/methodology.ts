// The methodology page: generated from the codebook versions (src/data/methodology.json), so it cannot
// drift from the rules the engine applies.
import type { PageContext } from "./page.ts";
import { dataDir, words } from "./words.ts";
import { METHOD_CHANGE_KINDS } from "../schema.ts";

export default function methodologyPage(ctx: PageContext): string {
  const { t, base, lang } = ctx;
  const { md, str, tpl, names } = words(ctx);
  return `---
title: ${t("page.methodology.title")}
---

# ${t("page.methodology.title")}

\`\`\`js
import { figuresTable } from "${base}components/table.js";
import { count, fmt, percent, text } from "${base}components/format.js";
const m = await FileAttachment("${dataDir(ctx)}methodology.json").json();
const latest = m.versions.at(-1);
const onward = ${str("page.methodology.onward")};
const changeKind = ${names("page.methodology.change_kind.", METHOD_CHANGE_KINDS)};
\`\`\`

${md("page.methodology.intro", { n: "m.versions.length", list: 'm.versions.map((v) => `${v.version} (' + t("page.methodology.data_years") + ' ${v.years.from}–${v.years.to ?? onward})`).join(", ")' })}

\`\`\`js
for (const v of m.versions) if (v.reconstructed) display(text("p", v.notice, "reconstruction-notice"));
for (const v of m.versions.slice(-1)) if (v.translation_note) display(text("p", v.translation_note, "muted translation-note"));
${lang === "en" ? "" : 'for (const v of m.versions.filter((v) => v.english_note).slice(0, 1)) display(text("p", v.english_note, "muted translation-note"));\n'}\`\`\`
${lang === "ru" ? wordingBlock(ctx) : ""}
## ${t("page.methodology.how")}

${t("page.methodology.how_text")}

\`\`\`js
display(figuresTable(latest.sections, [
  { key: "id", label: ${str("page.methodology.col.section")} },
  { key: "title", label: ${str("page.methodology.col.title")} },
  { key: "weight", label: ${str("page.methodology.col.weight")}, numeric: true },
  { key: "indicators", label: ${str("page.methodology.col.indicators")} },
  { key: "min", label: ${str("page.methodology.col.lowest")}, numeric: true },
  { key: "max", label: ${str("page.methodology.col.highest")}, numeric: true }
], { caption: ${tpl("page.methodology.sections_caption", { version: "latest.version", max: "fmt(latest.max_attainable)", min: "fmt(latest.min_attainable)" })} }));
\`\`\`

## ${t("page.methodology.missing")}

\`\`\`js
display(text("p", latest.missing_data.text));
\`\`\`

${t("page.methodology.missing_text")}

## ${t("page.methodology.survey")}

\`\`\`js
if (latest.survey) {
  display(text("p", ${tpl("page.methodology.survey_roles", { roles: 'latest.survey.role_names.join(", ")', aggregation: "latest.survey.aggregation_text" })}));
  const iv = m.interval;
  display(text("p", ${tpl("page.methodology.survey_interval", { level: "percent(iv.level)", method: "iv.method" })}));
  const sizes = iv.coverage.map((c) => ${tpl("page.methodology.survey_coverage_size", { n: "c.per_role", coverage: "percent(c.coverage, 1)", se: "percent(c.standard_error, 1)" })}).join("; ");
  display(text("p", ${tpl("page.methodology.survey_coverage", { panels: "count(iv.panels)", seed: "iv.seed", sizes: "sizes", level: "percent(iv.level)", model: "iv.model" })}));
  display(figuresTable(latest.survey.questions, [{ key: "id", label: ${str("page.methodology.col.question")} }, { key: "text", label: ${str("page.methodology.col.question_text")} }], { caption: ${str("page.methodology.questions_caption")} }));
}
\`\`\`

## ${t("page.methodology.rounding")}

\`\`\`js
display(text("p", m.rounding));
\`\`\`

## ${t("page.methodology.versions")}

${t("page.methodology.versions_text")}

\`\`\`js
for (const v of m.versions.slice(1)) {
  display(figuresTable(v.changes, [{ key: "kind", label: ${str("page.methodology.col.change")}, format: (k) => changeKind[k] ?? k }, { key: "indicator", label: ${str("page.methodology.col.indicator")}, format: (x) => x ?? "—" }, { key: "text", label: ${str("page.methodology.col.what_changed")} }], { caption: ${tpl("page.methodology.changes_caption", { version: "v.version", previous: "v.previous" })} }));
}
\`\`\`

## ${t("page.methodology.indicators")}

\`\`\`js
const yesNo = { true: ${str("page.common.yes")}, false: ${str("page.common.no")} };
const dimension = { law: ${str("page.methodology.law")}, practice: ${str("page.methodology.practice")} };
for (const v of [...m.versions].reverse()) {
  const sectionTitle = Object.fromEntries(v.sections.map((s) => [s.id, s.title]));
  display(figuresTable(v.indicators, [
    { key: "id", label: ${str("page.methodology.col.indicator")} },
    { key: "section", label: ${str("page.methodology.col.section")}, format: (s) => \`\${s} · \${sectionTitle[s]}\` },
    { key: "title", label: ${str("page.methodology.col.title")} },
    { key: "question", label: ${str("page.methodology.col.expert_question")} },
    { key: "dimension", label: ${str("page.methodology.col.dimension")}, format: (d) => dimension[d] ?? d },
    { key: "rule", label: ${str("page.methodology.col.rule")} },
    { key: "worst", label: ${str("page.methodology.col.worst")}, numeric: true },
    { key: "best", label: ${str("page.methodology.col.best")}, numeric: true },
    { key: "excludable", label: ${str("page.methodology.col.excludable")}, format: (x) => yesNo[Boolean(x)] }
  ], { caption: ${tpl("page.methodology.indicators_caption", { version: "v.version", from: "v.years.from", to: "v.years.to ?? onward", n: "v.indicators.length" })}, id: \`indicators-\${v.version}\` }));
}
\`\`\`
`;
}

/** The Working Group's own Russian words for the Index, its sections and the survey block, quoted with their sources. */
function wordingBlock({ t }: PageContext): string {
  return `
## ${t("page.methodology.wording")}

${t("page.methodology.wording_intro")}

> ${t("page.methodology.wording_index")}
>
> ${t("page.methodology.wording_sections")}
>
> 1. ${t("page.common.section_genitive.RM")},
> 2. ${t("page.common.section_genitive.JR")},
> 3. ${t("page.common.section_genitive.LP")},
> 4. ${t("page.common.section_genitive.PG")},
> 5. ${t("page.common.section_genitive.PI")},
> 6. ${t("page.common.section_genitive.IS")}.
>
> ${t("page.methodology.wording_survey")}
>
> ${t("page.methodology.wording_change")}

${t("page.methodology.wording_sources")}
`;
}
