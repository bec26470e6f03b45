// "Review YEAR": before a year is published, every answer of its sheets that differs from the year
// before and the warnings check has about them (loaders/review.ts, present/review.ts). Built only
// while YEAR has sheets and is in no edition of data/published/editions.csv (reviewYearsOnDisk,
// which observablehq.config.ts asks); the page reads src/data/review.json and shows notes and sources
// as text (table.js), never as HTML.
import { parseRows, readTable } from "../read.ts";
import { columnsOf } from "../project.ts";
import { EditionRow } from "../schema.ts";
import type { PageContext, RenderPage } from "./page.ts";

/** Years with sheets (`sheetYears`) that no published edition covers: the review pages to build. */
export async function reviewYearsOnDisk(root: string, sheetYears: readonly number[]): Promise<number[]> {
  let published: Set<number>;
  try {
    const table = await readTable(root, "data/published/editions.csv", columnsOf(EditionRow));
    published = new Set(parseRows(table, EditionRow).rows.map((e) => e.year));
  } catch {
    return []; // an unreadable editions file fails the build in its data loaders, with its problems
  }
  return [...new Set(sheetYears)].filter((y) => !published.has(y)).sort((a, b) => a - b);
}

const js = (x: unknown) => JSON.stringify(x);

/** The review page of the year its address names (/review/2025, /ru/review/2025): what its page loader emits. */
export const reviewPageOfRoute: RenderPage = (ctx) => reviewPage(Number(ctx.path.split("/").at(-1)))(ctx);

export default function reviewPage(year: number): RenderPage {
  return ({ t, base, lang }: PageContext) => {
    const prev_year = year - 1;
    const col = (key: string, label: string) => ({ key, label });
    // The experts' own words: each cell carries the language it is written in.
    const asWritten = (key: string, label: string) => ({ key, label, asWritten: true });
    const changes = [
      col("country", t("review.page.col.country")),
      col("indicator", t("review.page.col.indicator")),
      col("before", t("review.page.col.old", { prev_year })),
      col("now", t("review.page.col.new", { year })),
      col("points", t("review.page.col.points")),
      col("change", t("review.page.col.change")),
      asWritten("source", t("review.page.col.source")),
      asWritten("note", t("review.page.col.note")),
      col("where", t("review.page.col.where")),
    ];
    const warnings = [col("where", t("review.page.col.where")), col("message", t("review.page.col.message"))];
    return `---
title: ${t("review.page.title", { year })}
---

# ${t("review.page.heading", { year })}

\`\`\`js
import { figuresTable } from "${base}components/table.js";
import { text } from "${base}components/format.js";
const review = (await FileAttachment("${base}data/review.json").json()).years[${js(String(year))}][${js(lang)}];
\`\`\`

${t("review.page.intro", { year, prev_year })}

## ${t("review.page.changes", { prev_year })}
${lang === "en" ? "" : `\n${t("page.common.notes_as_written")}\n`}
\`\`\`js
display(figuresTable(review.rows, ${js(changes)}));
\`\`\`

## ${t("review.page.warnings")}

\`\`\`js
display(review.warnings.length ? figuresTable(review.warnings, ${js(warnings)}) : text("p", ${js(t("review.page.no_warnings", { year }))}));
\`\`\`
`;
  };
}
