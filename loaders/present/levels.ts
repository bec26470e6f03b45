// Every level of the Index as flat tables with a fixed column order: what `compute`
// writes, what the downloads offer, and what an auditor opens in a spreadsheet.
import type { PipelineResult } from "../pipeline.ts";

export const LEVELS = {
  index: ["country", "year", "methodology", "index", "rank", "countries", "max_attainable", "min_attainable", "indicators", "excluded"],
  sections: ["country", "year", "methodology", "section", "weight", "points", "slope", "offset", "weighted", "max_attainable", "min_attainable", "indicators", "excluded"],
  indicators: ["country", "year", "methodology", "section", "indicator", "value", "points", "excluded", "imputed", "worst", "best", "rule", "survey_score", "source", "note", "change", "file", "line"],
  answers: ["country", "year", "methodology", "indicator", "value", "source", "note", "change", "file", "line"],
  survey: ["country", "year", "methodology", "indicator", "questions", "method", "multiplier", "value", "lo", "hi", "level", "interval", "df", "confidence", "respondents", "answered", "missing", "role_means", "file"],
} as const;
export type Level = keyof typeof LEVELS;

export function levelRows(result: PipelineResult, level: Level): Record<string, unknown>[] {
  switch (level) {
    case "index":
      return result.index as unknown as Record<string, unknown>[];
    case "sections":
      return result.sections as unknown as Record<string, unknown>[];
    case "indicators":
    case "answers":
      return result.answers as unknown as Record<string, unknown>[];
    case "survey":
      return result.surveys.map((s) => ({
        ...s,
        questions: s.questions.join(" "),
        role_means: s.roles.map((r) => `${r.role}=${r.mean}`).join(" "),
      }));
  }
}

export function levelTable(result: PipelineResult, level: Level): Record<string, unknown>[] {
  const cols = LEVELS[level] as readonly string[];
  return levelRows(result, level).map((r) => Object.fromEntries(cols.map((c) => [c, r[c] ?? null])));
}
