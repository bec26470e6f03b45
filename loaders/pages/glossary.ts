// The glossary: every technical word the site uses, in plain language, each at its own anchor so a
// page can link `glossary#sobol` where the word first appears.
import type { PageContext } from "./page.ts";
import type { StringKey } from "../shared/strings/index.ts";

/** The terms, in reading order (from what the Index is to how it is checked); each id is its anchor. */
export const GLOSSARY_TERMS = [
  "index",
  "section",
  "indicator",
  "points",
  "weight",
  "maximum-attainable",
  "exclusion",
  "rank",
  "survey-score",
  "role-mean",
  "interval",
  "attribution",
  "shapley",
  "waterfall",
  "largest-remainder",
  "monte-carlo",
  "sobol",
  "codebook",
  "methodology",
  "sheet",
  "reconstruction",
  "data-year",
  "edition",
  "release",
  "claim",
  "reconciliation",
] as const;
export type GlossaryTerm = (typeof GLOSSARY_TERMS)[number];

export const termKey = (id: GlossaryTerm) => `page.glossary.term.${id}` as StringKey;
export const definitionKey = (id: GlossaryTerm) => `page.glossary.def.${id}` as StringKey;

export default function glossaryPage({ t }: PageContext): string {
  const entries = GLOSSARY_TERMS.map((id) => `<dt id="${id}">${t(termKey(id))}</dt>\n<dd>${t(definitionKey(id))}</dd>`).join("\n");
  return `---
title: ${t("page.glossary.title")}
---

# ${t("page.glossary.heading")}

${t("page.glossary.intro")}

<style>
.glossary dt { font-weight: 600; margin-top: 0.9em; }
.glossary dd { margin-left: 0; }
</style>

<dl class="glossary">
${entries}
</dl>
`;
}
