// The downloads page: every level of the Index as CSV, JSON and Excel, one ZIP, and the PDFs.
import type { PageContext } from "./page.ts";
import { dataDir, words } from "./words.ts";

export default function downloadsPage(ctx: PageContext): string {
  const { t, base, lang } = ctx;
  const { md, str } = words(ctx);
  const suffix = lang === "en" ? "" : `.${lang}`;
  return `---
title: ${t("page.downloads.title")}
---

# ${t("page.downloads.title")}

<style>
#downloads td:last-child { white-space: nowrap; }
</style>

\`\`\`js
import { text } from "${base}components/format.js";
const d = await FileAttachment("${dataDir(ctx)}downloads.json").json();
const href = (name) => \`${base}\${d.dir}/\${name}\`;
\`\`\`

${md("page.downloads.intro", { numbers: "d.numbers" })}

${t("page.downloads.reconstructed")}

\`\`\`js
const table = document.createElement("table");
table.className = "figures";
table.id = "downloads";
const head = table.createTHead().insertRow();
for (const h of [${str("page.downloads.col.level")}, ${str("page.downloads.col.holds")}, ${str("page.downloads.col.files")}]) head.append(text("th", h));
const body = table.createTBody();
for (const { file, title, description } of d.levels) {
  const row = body.insertRow();
  row.append(text("th", title), text("td", description));
  const cell = document.createElement("td");
  for (const ext of d.formats) {
    const a = document.createElement("a");
    a.href = href(\`\${file}.\${ext}\`);
    a.download = \`torture-index-\${file}.\${ext}\`;
    a.textContent = ext.toUpperCase();
    cell.append(a, " ");
  }
  row.append(cell);
}
display(table);
\`\`\`

\`\`\`js
const p = document.createElement("p");
const all = document.createElement("a");
all.href = href(d.archive);
all.download = d.archive;
all.textContent = ${str("page.downloads.zip")};
const readme = document.createElement("a");
readme.href = href("README.txt");
readme.textContent = "README.txt";
p.append(all, ${str("page.downloads.with_open")}, readme, ${str("page.downloads.with_close")});
display(p);
\`\`\`

\`\`\`js
const pdf = document.createElement("p");
const whole = document.createElement("a");
whole.href = "${base}pdf/report${suffix}.pdf";
whole.textContent = ${str("page.downloads.pdf")};
pdf.append(whole, ${str("page.downloads.pdf_rest")}, text("code", "npm run pdf"), ".");
display(pdf);
\`\`\`
`;
}
