// What a new year's sheets change: every answer that differs from the same country's answer the
// year before, with its points under each year's codebook, and the problems the year-on-year rules
// find (validate.ts validateChanges). Pure: it reads the country-years check already read
// (CheckResult.years) or a valid Project's sheets and surveys, and no file.
import type { Project } from "./project.ts";
import { sortProblems, type Problem } from "./problems.ts";
import { scoreAnswer } from "./score.ts";
import { codebookFor, surveyRating, validateChanges, type CountryYear } from "./validate.ts";
import { SURVEY_VALUE, type Scale } from "./schema.ts";
import { byText } from "./order.ts";

export interface ReviewAnswer {
  /** The sheet's answer as read ("partial", "0.35", "n/a", "survey"). */
  value: string;
  /** Its points under that year's codebook; null when excluded (n/a) or not scorable. */
  points: number | null;
  /** A survey-scored indicator's rating (0–10), else null. */
  rating: number | null;
  /** The indicator's scale in that year's codebook, to word the answer in the reader's language; null when the codebook has no such indicator. */
  scale: Scale | null;
}

export interface ReviewRow {
  country: string;
  indicator: string;
  file: string;
  line: number;
  /** Null when the indicator is new in this year's codebook. */
  before: ReviewAnswer | null;
  now: ReviewAnswer;
  change: string | null;
  source: string;
  note: string;
}

export interface Review {
  year: number;
  previous: number;
  /** Every country with a sheet this year, and its sheet of the year before (null: nothing to compare). */
  countries: { country: string; file: string; previous_file: string | null }[];
  rows: ReviewRow[];
  /** The year-on-year rules on this year's sheets (errors and warnings), sorted as check sorts them. */
  problems: Problem[];
}

function answerOf(cy: CountryYear, indicator: string, value: string): ReviewAnswer {
  const ind = cy.codebook.indicators.find((i) => i.id === indicator);
  const rating = value === SURVEY_VALUE ? surveyRating(cy, indicator) : null;
  if (!ind) return { value, points: null, rating, scale: null };
  try {
    return { value, points: scoreAnswer(ind, value, rating ?? undefined).points, rating, scale: ind.scale };
  } catch {
    return { value, points: null, rating, scale: ind.scale }; // check reports why (an invalid answer, a survey nobody rated)
  }
}

/** The review of `year` from the country-years read (keys "CODE/YEAR"). */
export function reviewYear(years: ReadonlyMap<string, CountryYear>, year: number): Review {
  const previous = year - 1;
  const now = [...years.values()].filter((cy) => cy.year === year).sort((a, b) => byText(a.country, b.country));
  const rows: ReviewRow[] = [];
  const problems: Problem[] = [];
  const countries: Review["countries"] = [];
  for (const cy of now) {
    const before = years.get(`${cy.country}/${previous}`) ?? null;
    countries.push({ country: cy.country, file: cy.file, previous_file: before?.file ?? null });
    if (!before) continue;
    problems.push(...validateChanges(cy, before));
    const old = new Map(before.answers.map((a) => [a.indicator, a]));
    for (const a of cy.answers) {
      const b = old.get(a.indicator);
      const was = b ? answerOf(before, b.indicator, b.value) : null;
      const is = answerOf(cy, a.indicator, a.value);
      const same = was !== null && was.value === is.value && was.rating === is.rating && was.points === is.points;
      if (same) continue;
      rows.push({ country: cy.country, indicator: a.indicator, file: cy.file, line: a.line, before: was, now: is, change: a.change, source: a.source, note: a.note });
    }
  }
  return { year, previous, countries, rows, problems: sortProblems(problems) };
}

/** The country-years of a valid project, as the review reads them. */
export function projectYears(project: Project): Map<string, CountryYear> {
  const surveys = new Map(project.surveys.map((s) => [`${s.country}/${s.year}`, s.responses]));
  const years = new Map<string, CountryYear>();
  for (const s of project.sheets) {
    const codebook = codebookFor(project.codebooks, s.year);
    if (codebook)
      years.set(`${s.country}/${s.year}`, { country: s.country, file: s.file, year: s.year, codebook, answers: s.answers, survey: surveys.get(`${s.country}/${s.year}`) ?? null });
  }
  return years;
}

/** Sheet years not yet in any published edition: the years a review page is built for. */
export function unpublishedYears(project: Pick<Project, "sheets" | "editions">): number[] {
  const published = new Set(project.editions.map((e) => e.year));
  return [...new Set(project.sheets.map((s) => s.year))].filter((y) => !published.has(y)).sort((a, b) => a - b);
}
