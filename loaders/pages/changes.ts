// "What changed in <year>" (/changes/<year>): each country's change split exactly by section,
// indicator and kind, beside what the Working Group's releases said about it.
import type { PageContext } from "./page.ts";
import { dataDir, words } from "./words.ts";
import { CLAIM_KINDS } from "../schema.ts";

export default function changesPage(ctx: PageContext): string {
  const { t, base, lang } = ctx;
  const { str, tpl, names } = words(ctx);
  const year = Number(ctx.path.split("/").at(-1));
  return `---
title: ${t("page.changes.title")}
---

\`\`\`js
import { changeBlock, claimList } from "${base}components/waterfall.js";
import { figuresTable } from "${base}components/table.js";
import { fmt, signed, text } from "${base}components/format.js";
const claimKind = ${names("claims.kind.", [...CLAIM_KINDS, "precision"])};
// This year's pairs and statements only (src/data/changes/[year].json.ts).
const changes = await FileAttachment("${dataDir(ctx)}changes/${year}.json").json();
const year = ${year};
const pairs = changes.pairs;
const claims = changes.claims;
const paired = new Set(pairs.map((p) => p.country));
const differs = claims.filter((c) => c.status === "differs");
\`\`\`

# ${t("page.changes.heading", { year })}

${t("page.changes.intro", { year, previous: year - 1 })}

\`\`\`js
display(text("p", ${tpl("page.changes.rounding", { policy: "changes.rounding_policy" })}, "muted"));
\`\`\`
${lang === "en" ? "" : `\n${t("page.changes.claims_in_english")}\n`}
## ${t("page.changes.claims")}

\`\`\`js
{
  const s = changes.claims_by_year[year];
  display(text("p", s
    ? ${tpl("page.changes.claims_summary", { checked: "s.checked", year: "year", differs: "s.differs", matches: "s.matches", not_checkable: "s.not_checkable" })}
    : ${str("page.changes.no_claims", { year })}));
  if (differs.length) {
    const box = document.createElement("div");
    box.className = "differs-summary";
    box.id = "differs";
    box.append(text("p", ${str("page.changes.differs_box")}));
    box.append(claimList(differs));
    display(box);
  }
}
\`\`\`

\`\`\`js
display(figuresTable(pairs.map((p) => ({ ...p, link: p.country, shown: p.display.change, kinds: p.kinds.filter((k) => k.contribution !== 0).map((k) => k.name).join(", "), status: p.claims.some((c) => c.status === "differs") ? "differs" : p.claims.length ? "checked" : "" })), [
  { key: "name", label: ${str("page.common.country")}, render: (v, r) => { const a = document.createElement("a"); a.href = \`#\${r.country}\`; a.textContent = v; return a; } },
  { key: "from_total", label: String(year - 1), numeric: true, format: (v, r) => fmt(r.display.from_total) },
  { key: "to_total", label: String(year), numeric: true, format: (v, r) => fmt(r.display.to_total) },
  { key: "shown", label: ${str("page.changes.col.change")}, numeric: true, format: (v) => signed(v) },
  { key: "kinds", label: ${str("page.changes.col.kinds")} },
  { key: "crosses_methodology", label: ${str("page.changes.col.method")}, format: (v, r) => v ? \`\${r.methodology_from} → \${r.methodology_to}\${r.comparable ? "" : ${str("page.changes.not_comparable")}}\` : "" },
  { key: "status", label: ${str("page.changes.col.statements")}, format: (v) => ({ differs: ${str("page.changes.status.differs")}, checked: ${str("page.changes.status.checked")} })[v] ?? "", className: (v) => v === "differs" ? "status-differs" : "" }
], { caption: ${str("page.changes.table_caption", { previous: year - 1, year })}, id: "changes-table" }));
\`\`\`

\`\`\`js
{
  // Pairs crossing a change of method: the method's share depends on the order of rescoring and
  // answer changes; the figures shown everywhere else are the mean of both orders (Shapley value).
  const crossing = pairs.filter((p) => p.display.method_orders);
  if (crossing.length) {
    const box = document.createElement("section");
    box.id = "method-orders";
    box.append(text("h2", ${str("page.changes.orders")}));
    // The command as code, between the sentence's two halves.
    const [before, after] = ${tpl("page.changes.orders_text", { method_first: "crossing[0].orders.method_first.text", answers_first: "crossing[0].orders.answers_first.text", command: JSON.stringify("{command}") })}.split("{command}");
    const command = document.createElement("code");
    command.textContent = "npm run index -- changes --out DIR";
    const orders = document.createElement("p");
    orders.append(before, command, after);
    box.append(orders);
    box.append(figuresTable(crossing.map((p) => ({ ...p, method_first: p.display.method_orders.method_first, answers_first: p.display.method_orders.answers_first, difference: p.display.method_orders.difference, shapley: p.display.method })), [
      { key: "name", label: ${str("page.common.country")} },
      { key: "method_first", label: ${str("page.changes.col.method_first")}, numeric: true, format: (v) => signed(v) },
      { key: "answers_first", label: ${str("page.changes.col.answers_first")}, numeric: true, format: (v) => signed(v) },
      { key: "difference", label: ${str("page.changes.col.orders_difference")}, numeric: true, format: (v) => signed(v) },
      { key: "shapley", label: ${str("page.changes.col.shapley")}, numeric: true, format: (v) => signed(v) },
      { key: "change", label: ${str("page.changes.col.change")}, numeric: true, format: (v, r) => signed(r.display.change) }
    ], { caption: ${str("page.changes.orders_caption", { previous: year - 1, year })}, id: "method-orders-table" }));
    display(box);
  }
}
\`\`\`
${lang === "en" ? "" : `\n${t("page.common.notes_as_written")}\n`}
\`\`\`js
for (const p of pairs) display(changeBlock(p));
// A link such as ../changes/2024#KAZ lands on its block once the blocks exist.
if (location.hash) requestAnimationFrame(() => document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView());
\`\`\`

\`\`\`js
{
  const other = claims.filter((c) => !c.country || !paired.has(c.country));
  if (other.length) {
    const box = document.createElement("section");
    box.id = "other-statements";
    box.append(text("h2", ${str("page.changes.other", { year })}));
    box.append(text("p", ${str("page.changes.other_text")}));
    box.append(claimList(other));
    display(box);
  }
}
\`\`\`

## ${t("page.changes.how_to_read")}

${t("page.changes.read_terms")}

\`\`\`js
display(figuresTable(changes.kinds, [
  { key: "name", label: ${str("page.changes.col.kind")} },
  { key: "text", label: ${str("page.changes.col.meaning")} }
], { caption: ${str("page.changes.kinds_caption")} }));
display(figuresTable(Object.entries(changes.rules).map(([kind, rule]) => ({ kind, rule })), [
  { key: "kind", label: ${str("page.changes.col.statement")}, format: (k) => claimKind[k] ?? k },
  { key: "rule", label: ${str("page.changes.col.rule")} }
], { caption: ${str("page.changes.rules_caption")} }));
\`\`\`
`;
}
