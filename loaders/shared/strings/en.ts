// The English table of interface strings: every word a page, chart, download description or
// command prints comes from here or from ./ru.ts (same keys; a missing key fails the type check
// and tests/strings.test.ts). Placeholders are {name}; t() fills them.
// Keys are grouped by where they appear: site.*, nav.*, page.<page>.*, chart.*, table.*, ...
export const en = {
  "site.title": "Prohibition of Torture Index",
  "site.language_name": "English",
  "site.switch_language": "Русская версия",
  // ---- site chrome: header, navigation, language switch, footer --------------------------------
  // ---- pages (page.<page>.*) --------------------------------------------------------------------
  "page.reconstruction.title": "How the data were reconstructed",
  "page.reconstruction.heading": "How the example data were reconstructed",
  "page.reconstruction.intro":
    "The Working Group publishes the Index totals and a narrative of what drove each year's changes; its codebook and indicator sheets are not public. To build and test an engine that computes the Index from sheets, this repository ships a **reconstructed** codebook and reconstructed sheets and surveys that reproduce every published total exactly and put each year's change where the releases say it came from. Real public facts (a ratification, a law) cite their source; every other cell says `reconstructed`. The generator is committed beside its targets and is never part of the pipeline, which reads only the sheets. Below is its own account, from `{file}`.",
  // ---- charts and tables (chart.*, table.*) ------------------------------------------------------

  // ---- input problems and the check/review commands (problem.*, check.*, review.*) ---------------

  // ---- workbook template (template.*) -----------------------------------------------------------
} as const;

export type StringKey = keyof typeof en;
