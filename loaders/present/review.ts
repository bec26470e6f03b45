// The review of a new year (loaders/review.ts) as the `review` command's text and as the payload of
// the "Review YEAR" page, in either language. Numbers through the one formatter.
import { fmt, signed, type Locale } from "../shared/format.ts";
import { t, type StringKey } from "../shared/strings/index.ts";
import { formatProblem, isWarning, problemPlace, problemText, type Problem } from "../problems.ts";
import { pluralForm } from "../language.ts";
import { projectYears, reviewYear, unpublishedYears, type Review, type ReviewAnswer, type ReviewRow } from "../review.ts";
import type { Project } from "../project.ts";
import { answerWord } from "../score.ts";
import { changeIn } from "../workbook/words.ts";

const counted = (lang: Locale, x: number, noun: string): string =>
  t(lang, `check.noun.${noun}.${pluralForm(lang, x)}` as StringKey, { n: fmt(x, { locale: lang, digits: 0 }) });

/** An answer as the review shows it: the sheet's word in the reader's language, or a survey indicator's rating. */
export const answerText = (a: ReviewAnswer, lang: Locale): string =>
  a.rating !== null ? t(lang, "review.survey_answer", { rating: fmt(a.rating, { locale: lang }) }) : a.scale ? answerWord(a.scale, a.value, lang) : a.value;

const stated = (s: string | null, lang: Locale) => (s === null || s.trim() === "" ? t(lang, "review.none_stated") : s);
/** The sheet's kind of change in the reader's language ("law" → «закон»); free text as written. */
const reason = (change: string | null, lang: Locale) => stated(changeIn(change, lang), lang);

function line(r: ReviewRow, year: number, lang: Locale): string {
  const common = { indicator: r.indicator, new: answerText(r.now, lang), new_points: fmt(r.now.points, { locale: lang }), change: reason(r.change, lang), source: stated(r.source, lang), note: stated(r.note, lang) };
  if (!r.before) return t(lang, "review.line_new", { ...common, year });
  const delta = r.before.points !== null && r.now.points !== null ? signed(r.now.points - r.before.points, { locale: lang }) : "—";
  return t(lang, "review.line", { ...common, old: answerText(r.before, lang), old_points: fmt(r.before.points, { locale: lang }), delta });
}

/**
 * The command's text: the answers that differ, country by country, then every problem check finds in
 * the year's files (`problems`, from check: the year-on-year rules and any other), then a summary.
 */
export function formatReview(review: Review, problems: readonly Problem[], lang: Locale): string[] {
  const { year, previous: prev_year } = review;
  // A year whose files are there but unreadable: say so, and why, rather than that it has no sheet.
  if (review.countries.length === 0)
    return problems.length ? [t(lang, "review.no_readable_sheet", { year }), ...problems.map((p) => formatProblem(p, lang))] : [t(lang, "review.no_sheets", { year })];
  const out = [t(lang, "review.heading", { year, prev_year })];
  for (const c of review.countries) {
    if (c.previous_file === null) {
      out.push(t(lang, "review.country_new", { country: c.country, file: c.file, prev_year }));
      continue;
    }
    const rows = review.rows.filter((r) => r.country === c.country);
    out.push(t(lang, "review.country", { country: c.country, file: c.file }));
    out.push(...(rows.length ? rows.map((r) => "  " + line(r, year, lang)) : ["  " + t(lang, "review.no_change", { prev_year })]));
  }
  if (problems.length) out.push(t(lang, "review.problems", { year }), ...problems.map((p) => formatProblem(p, lang)));
  const warnings = problems.filter(isWarning).length;
  out.push(
    t(lang, "review.summary", {
      year,
      prev_year,
      changed: counted(lang, review.rows.length, "answer"),
      countries: counted(lang, review.countries.filter((c) => c.previous_file !== null).length, "country"),
      problems: counted(lang, problems.length - warnings, "problem"),
      warnings: counted(lang, warnings, "warning"),
    }),
  );
  return out;
}

export interface ReviewPagePayload {
  year: number;
  previous: number;
  rows: {
    country: string;
    indicator: string;
    where: string;
    before: string;
    now: string;
    points: string;
    change: string;
    source: string;
    note: string;
  }[];
  /** Warnings only: a build has no errors (it stops on them). */
  warnings: { where: string; message: string }[];
  new_countries: string[];
}

/**
 * The page's table rows, as text in the page's language (the page shows them with textContent): on a
 * Russian page the answers in the codebook's Russian words (each year's own codebook) and the kinds of
 * change in Russian, as the country pages and the command show them.
 */
export function reviewPayload(review: Review, lang: Locale): ReviewPagePayload {
  return {
    year: review.year,
    previous: review.previous,
    rows: review.rows.map((r) => ({
      country: r.country,
      indicator: r.indicator,
      where: `${r.file}:${r.line}`,
      before: r.before ? answerText(r.before, lang) : "—",
      now: answerText(r.now, lang),
      points: `${r.before ? fmt(r.before.points, { locale: lang }) : "—"} → ${fmt(r.now.points, { locale: lang })}`,
      change: reason(r.change, lang),
      source: r.source,
      note: r.note,
    })),
    warnings: review.problems.filter(isWarning).map((p) => ({ where: problemPlace(p), message: problemText(p, lang) })),
    new_countries: review.countries.filter((c) => c.previous_file === null).map((c) => c.country),
  };
}

/** src/data/review.json: the payload of every review page, by year and language. */
export function reviewData(project: Project): { years: Record<string, Record<Locale, ReviewPagePayload>> } {
  const years = projectYears(project);
  return {
    years: Object.fromEntries(
      unpublishedYears(project).map((y) => {
        const review = reviewYear(years, y);
        return [String(y), { en: reviewPayload(review, "en"), ru: reviewPayload(review, "ru") }];
      }),
    ),
  };
}
