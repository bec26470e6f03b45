// The columns of a sheet and a survey as the readers accept them: the format's own names, the
// template's headers in both languages (from the strings tables, so a header the template writes is
// always one the reader takes), and the few other names experts use.
import type { Columns } from "../read.ts";
import { normaliseHeader } from "../read.ts";
import type { Codebook } from "../schema.ts";
import { STRINGS, type StringKey } from "../shared/strings/index.ts";

/** Both languages' words of a strings key, normalised as headers are. */
const both = (key: StringKey) => Object.values(STRINGS).map((table) => normaliseHeader(table[key]));

/** Other names of each column, beyond the template's headers. */
const SYNONYMS: Record<string, string[]> = {
  indicator: ["code", "код", "индикатор"],
  value: ["answer", "ответ", "значение"],
  source: ["sources", "источник"],
  note: ["notes", "примечание", "комментарий"],
  change: ["изменение"],
  respondent: ["expert", "эксперт", "респондент"],
  role: ["роль"],
  question: ["вопрос"],
  rating: ["оценка"],
};

function aliases(columns: Record<string, StringKey>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [column, key] of Object.entries(columns)) for (const name of [...both(key), ...(SYNONYMS[column] ?? [])]) if (name !== column) out[name] = column;
  return out;
}

/** The template's read-only columns of the answers sheet: known, never read. */
const SHEET_IGNORED: StringKey[] = ["template.col.section", "template.col.title", "template.col.question", "template.col.allowed", "template.col.meaning", "template.col.last_answer", "template.col.last_points"];

export function sheetColumns(base: Columns): Columns {
  return {
    ...base,
    aliases: aliases({ indicator: "template.col.indicator", value: "template.col.value", source: "template.col.source", note: "template.col.note", change: "template.col.change" }),
    ignored: SHEET_IGNORED.flatMap(both),
    role: "answers",
  };
}

/** A question's header in the template: its id and text ("Q3. How impartial…"). */
export const questionHeader = (q: { id: string; text: string }) => `${q.id}. ${q.text}`;

export function surveyColumns(base: Columns, codebook: Codebook | undefined): Columns {
  const questions = codebook?.survey?.questions ?? [];
  return {
    ...base,
    aliases: aliases({ respondent: "template.col.respondent", role: "template.col.role", question: "template.col.question", rating: "template.col.rating" }),
    wide: questions.map((q) => ({
      id: q.id,
      names: [q.text, q.text_ru].filter((x): x is string => x !== undefined).map(normaliseHeader),
    })),
    role: "survey",
  };
}
