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
  "template.sheet.instructions": "Instructions",
  "template.sheet.answers": "Answers",
  "template.sheet.survey": "Survey",
  "template.col.indicator": "Indicator",
  "template.col.section": "Section",
  "template.col.title": "Title",
  "template.col.question": "Question",
  "template.col.allowed": "Allowed answers",
  "template.col.meaning": "What each answer means",
  "template.col.last_answer": "Last year's answer",
  "template.col.last_points": "Last year's points",
  "template.col.value": "Answer",
  "template.col.source": "Source",
  "template.col.note": "Note",
  "template.col.change": "Change",
  "template.col.respondent": "Respondent",
  "template.col.role": "Role",
  "template.col.rating": "Rating",
  "template.title": "Prohibition of Torture Index {year}: workbook of {country} ({code})",
  "template.answers.title": "{country}, {year}: the answers (methodology {version}); type only into the white cells",
  "template.survey.title": "{country}, {year}: the expert survey, one row per respondent; ratings are whole numbers from 0 (worst) to 10 (best)",
  "template.instructions.methodology": "Methodology {version}: {title}.",
  "template.instructions.what": "On the sheet \"{answers}\", give this year's answer to every indicator in the column \"{value}\" (choose it from the drop-down), where it comes from in \"{source}\" and, where it helps, a note in \"{note}\". Only these cells and \"{change}\" can be typed into; the rest is protected.",
  "template.instructions.allowed": "The answers each indicator allows are in the column \"{allowed}\", and what each one means and how many points it gives in \"{meaning}\". A share is a number from 0 to 1 (0.49) or a percentage (49%).",
  "template.instructions.last": "The columns \"{last_answer}\" and \"{last_points}\" show last year's sheet ({previous}) for comparison; they are not read back.",
  "template.instructions.na": "Write \"{na}\" only where the indicator allows it and the data are missing, and say in the note why.",
  "template.instructions.survey_value": "An indicator scored from the expert survey already says \"{survey}\"; its ratings go on the sheet \"{survey_sheet}\".",
  "template.instructions.change": "When this year's answer differs from last year's, say why in \"{change}\" (drop-down): {kinds}. Leave \"{change}\" empty when the answer is the same, and write this year's note: last year's note is not this year's reason.",
  "template.instructions.source": "Cite a source for every answer: the law and its article, the report and its paragraph (e.g. CAT/C/KAZ/CO/4, para. 10), or the address of the publication.",
  "template.instructions.survey": "On the sheet \"{survey_sheet}\", one row per respondent: choose the respondent's role ({roles}) and rate each question with a whole number from 0 to 10; leave a cell empty where the respondent gave no answer.",
  "template.instructions.return": "Save the workbook as .xlsx, as it is (sheets may be renamed, not removed), and put it in data/sheets/{year}/{code}.xlsx; then run: npm run index -- check",
  "template.instructions.translation": "The Russian texts of this codebook are a reconstructed translation: {note}",
  "template.change.law": "{word}: a law or regulation changed",
  "template.change.practice": "{word}: practice changed",
  "template.change.reassessment": "{word}: the same facts assessed anew",
  "template.change.data": "{word}: new or corrected data",
  "template.meaning.level": "{answer}: {label} ({points} points)",
  "template.meaning.points": "{answer}: {points} points",
  "template.meaning.ratio": "a number from {min} to {max}: {at_min} points at {min}, {at_max} at {max}, in proportion between",
  "template.meaning.survey": "from the expert survey: {multiplier} × the survey score (0 to 10)",
  "template.meaning.na": "{answer}: excluded for lack of data (say why in the note)",
  "template.validation.title": "Not an allowed answer",
  "template.validation.list": "Choose one of: {answers}",
  "template.validation.ratio": "A number from {min} to {max}",
  "template.validation.rating": "A whole number from 0 to 10",
  "template.validation.role": "Choose one of: {roles}",
  "template.survey_source": "the expert survey (sheet \"{survey_sheet}\")",
  "template.last.none": "no sheet",
  "template.written": "wrote {count} workbooks for {year} to {dir}",
} as const;

export type StringKey = keyof typeof en;
