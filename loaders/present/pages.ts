// What each report page shows, computed here so pages only display (house rule).
// Every payload carries full-precision numbers; pages round for display.
import * as aq from "arquero";
import type { Project } from "../project.ts";
import type { PipelineResult } from "../pipeline.ts";
import { answerWord, describeRule, pointsRange } from "../score.ts";
import { changeIn } from "../workbook/words.ts";
import { intervalText, INTERVAL_METHOD } from "../survey.ts";
import { COVERAGE_MODEL, type IntervalCheck } from "../survey-coverage.ts";
import type { Codebook } from "../schema.ts";
import { ROUNDING_POLICY } from "../rounding.ts";
import { byText } from "../order.ts";
import type { Locale } from "../shared/format.ts";
import { t } from "../shared/strings/index.ts";
import { aggregationText, codebookNotice, codebookText, codebookTitle, countryName, hasEnglishTexts, indicatorQuestion, indicatorTitle, missingDataText, roleName, sectionTitle, translationNote } from "./lang.ts";
import { logRows } from "./steps.ts";

/** Rounding on pages: display only; contributions use the sum-keeping policy of rounding.ts. */
export const DISPLAY_ROUNDING =
  "The engine computes at full precision (IEEE 754 double) and never rounds inside. Pages, PDFs and tables round for display only, to two decimals as the Working Group publishes; comparisons with published figures round the computed value to the published precision first. Negative figures carry a true minus sign (−). The downloads keep every digit the computation determines: each number is written to 12 significant digits in its shortest form. " +
  ROUNDING_POLICY.replace(/^Figures are computed at full precision and rounded only for display\. The /, "On the What changed pages, the ");

export function countryNames(project: Project): Record<string, { name_en: string; name_ru: string }> {
  return Object.fromEntries(project.countries.map((c) => [c.code, { name_en: c.name_en, name_ru: c.name_ru }]));
}

/** Published values keyed `COUNTRY:YEAR`, every edition, oldest first. */
function publishedByCountryYear(project: Project) {
  const map = new Map<string, { edition: number; published: string; index: number; source: string }[]>();
  for (const e of [...project.editions].sort((a, b) => a.edition - b.edition)) {
    const key = `${e.country}:${e.year}`;
    map.set(key, [...(map.get(key) ?? []), { edition: e.edition, published: e.published, index: e.index, source: e.source }]);
  }
  return map;
}

export function resultsPayload(project: Project, result: PipelineResult) {
  const published = publishedByCountryYear(project);
  const latestEdition = project.editions.length ? project.editions.reduce((m, e) => Math.max(m, e.edition), -Infinity) : null; // none yet: a new project
  const editionRows = project.editions.filter((e) => e.edition === latestEdition);
  const computed = result.index
    .map((r) => {
      const pubs = published.get(`${r.country}:${r.year}`) ?? [];
      const latest = pubs.at(-1) ?? null;
      return {
        country: r.country,
        year: r.year,
        methodology: r.methodology,
        index: r.index,
        max_attainable: r.max_attainable,
        published: latest?.index ?? null,
        published_edition: latest?.edition ?? null,
        difference: latest ? r.index - latest.index : null,
        rank: r.rank,
      };
    })
    .sort((a, b) => a.year - b.year || a.rank - b.rank || byText(a.country, b.country));
  const years = [...new Set(computed.map((r) => r.year))].sort((a, b) => a - b);
  const latestYear = years.at(-1) ?? null;
  return {
    names: countryNames(project),
    latest_year: latestYear,
    latest_edition: latestEdition,
    latest_edition_published: editionRows[0]?.published ?? null,
    published_years: [...new Set(editionRows.map((r) => r.year))].sort((a, b) => a - b),
    published_countries: [...new Set(editionRows.map((r) => r.country))].sort(),
    published: editionRows.map(({ year, country, index, source }) => ({ year, country, index, source })),
    years,
    computed,
    ranking: computed.filter((r) => r.year === latestYear).sort((a, b) => a.rank - b.rank),
    log: logRows(result.log),
  };
}

function indicatorRows(cb: Codebook, lang: Locale) {
  return cb.indicators.map((ind) => {
    const { worst, best } = pointsRange(ind);
    return {
      id: ind.id,
      section: ind.section,
      title: indicatorTitle(lang, ind),
      title_ru: ind.title_ru ?? null,
      question: indicatorQuestion(lang, ind),
      dimension: ind.dimension,
      scale: ind.scale.type,
      rule: describeRule(ind, lang),
      worst,
      best,
      excludable: ind.excludable,
      guidance: ind.guidance,
    };
  });
}

/** How the survey intervals are made, with the coverage check the result measured. */
function intervalPayload(check: IntervalCheck | null, lang: Locale) {
  return check && { ...check, method: lang === "en" ? INTERVAL_METHOD : t(lang, "page.methodology.interval_method"), model: lang === "en" ? COVERAGE_MODEL : t(lang, "page.methodology.coverage_model") };
}

/** The survey block as shown: questions, roles and the aggregation in the page's language. */
function surveyPayload(cb: Codebook, lang: Locale) {
  if (!cb.survey) return cb.survey;
  const { aggregation_text_ru: _, ...survey } = cb.survey;
  return {
    ...survey,
    aggregation_text: aggregationText(lang, cb.survey),
    role_names: cb.survey.roles.map((r) => roleName(lang, cb, r)),
    questions: cb.survey.questions.map((q) => ({ id: q.id, text: lang === "ru" ? (q.text_ru ?? q.text) : q.text })),
  };
}

export function methodologyPayload(project: Project, result: { interval_check: IntervalCheck | null }, lang: Locale = "en") {
  return {
    rounding: lang === "en" ? DISPLAY_ROUNDING : t(lang, "page.methodology.rounding_text"),
    interval: intervalPayload(result.interval_check, lang),
    versions: project.codebooks.map((cb) => {
      const indicators = indicatorRows(cb, lang);
      const weight = new Map(cb.sections.map((s) => [s.id, s.weight]));
      const bySection = aq
        .from(indicators.map((i) => ({ section: i.section, best: i.best * weight.get(i.section)!, worst: i.worst * weight.get(i.section)! })))
        .groupby("section")
        .rollup({ max: (d: any) => aq.op.sum(d.best), min: (d: any) => aq.op.sum(d.worst), indicators: aq.op.count() })
        .objects() as { section: string; max: number; min: number; indicators: number }[];
      const range = new Map(bySection.map((s) => [s.section, s]));
      return {
        version: cb.version,
        title: codebookTitle(lang, cb),
        reconstructed: cb.reconstructed,
        notice: codebookNotice(lang, cb),
        years: cb.years,
        previous: cb.previous,
        // The page's language in place of the English; the *_ru twins themselves stay out of the payload.
        changes: cb.changes.map(({ text_ru, ...c }) => ({ ...c, text: codebookText(lang, c.text, text_ru) })),
        missing_data: { rule: cb.missing_data.rule, text: missingDataText(lang, cb) },
        survey: surveyPayload(cb, lang),
        translation_note: translationNote(lang, cb),
        // Said on the Russian page when some of the codebook's texts have no Russian twin and are shown in English.
        ...(lang === "en" ? {} : { english_note: hasEnglishTexts(cb) ? t(lang, "page.methodology.codebook_in_english") : null }),
        sections: cb.sections.map((s) => ({ ...s, title: sectionTitle(lang, s), title_ru: s.title_ru ?? null, max: range.get(s.id)?.max ?? 0, min: range.get(s.id)?.min ?? 0, indicators: range.get(s.id)?.indicators ?? 0 })),
        indicators,
        max_attainable: bySection.reduce((a, s) => a + s.max, 0),
        min_attainable: bySection.reduce((a, s) => a + s.min, 0),
      };
    }),
  };
}

/** The run's rows of each country, in the run's order: grouped once for all the country pages, not filtered per page. */
export type CountryRows = Map<string, { index: PipelineResult["index"]; answers: PipelineResult["answers"]; sections: PipelineResult["sections"]; surveys: PipelineResult["surveys"] }>;
export function countryRows(result: PipelineResult): CountryRows {
  const rows: CountryRows = new Map();
  const of = (code: string) => {
    let r = rows.get(code);
    if (!r) rows.set(code, (r = { index: [], answers: [], sections: [], surveys: [] }));
    return r;
  };
  for (const r of result.index) of(r.country).index.push(r);
  for (const a of result.answers) of(a.country).answers.push(a);
  for (const s of result.sections) of(s.country).sections.push(s);
  for (const s of result.surveys) of(s.country).surveys.push(s);
  return rows;
}

/** One country's page: series with sections, indicator × year answers with what changed, surveys, sources. */
export function countryPayload(project: Project, result: PipelineResult, code: string, lang: Locale = "en", rows: CountryRows = countryRows(result)) {
  const published = publishedByCountryYear(project);
  const names = countryNames(project);
  const own = rows.get(code) ?? { index: [], answers: [], sections: [], surveys: [] };
  const index = own.index;
  const answers = [...own.answers].sort((a, b) => a.year - b.year);
  // The codebook a year was scored under names its survey's roles (role_labels) and its answers' Russian words.
  // Each year's codebook and its indicators by id found once, not searched again for every answer.
  const find = (year: number) => project.codebooks.find((cb) => cb.version === index.find((r) => r.year === year)?.methodology) ?? project.codebooks[project.codebooks.length - 1] ?? {};
  const codebookOfYear = new Map<number, { cb: ReturnType<typeof find>; indicators: Map<string, Codebook["indicators"][number]> }>();
  const codebookEntry = (year: number) => {
    let hit = codebookOfYear.get(year);
    if (!hit) {
      const cb = find(year);
      const indicators = new Map<string, Codebook["indicators"][number]>();
      for (const i of (cb as Partial<Codebook>).indicators ?? []) if (!indicators.has(i.id)) indicators.set(i.id, i);
      codebookOfYear.set(year, (hit = { cb, indicators }));
    }
    return hit;
  };
  const codebookOf = (year: number) => codebookEntry(year).cb;
  // On a Russian page the answer and the kind of change in Russian words (the sheets' own words stay in `value`, `change`).
  const inWords = (a: (typeof answers)[number]) => {
    if (lang === "en") return {};
    const def = codebookEntry(a.year).indicators.get(a.indicator);
    return { value_shown: def ? answerWord(def.scale, a.value, lang) : a.value, change_shown: changeIn(a.change, lang) };
  };
  const previous = new Map<string, string>();
  const cells = answers.map((a) => {
    const before = previous.get(a.indicator);
    previous.set(a.indicator, a.value);
    return {
      year: a.year,
      indicator: a.indicator,
      section: a.section,
      value: a.value,
      points: a.points,
      excluded: a.excluded,
      change: a.change,
      note: a.note,
      source: a.source,
      survey_score: a.survey_score,
      changed: before !== undefined && (before !== a.value || a.change !== null),
      ...inWords(a),
    };
  });
  const titles = new Map<string, { title: string; section: string }>();
  const order: string[] = [];
  for (const cb of project.codebooks)
    for (const ind of cb.indicators)
      if (!titles.has(ind.id)) {
        titles.set(ind.id, { title: indicatorTitle(lang, ind), section: ind.section });
        order.push(ind.id);
      }
  const shown = new Set(cells.map((c) => c.indicator));
  const sectionTitles = Object.fromEntries(project.codebooks.flatMap((cb) => cb.sections.map((s) => [s.id, sectionTitle(lang, s)])));
  const sources = aq
    .from(answers.filter((a) => a.source.trim().toLowerCase() !== "reconstructed").map((a) => ({ source: a.source, indicator: a.indicator, year: a.year })))
    .groupby("source")
    .rollup({ indicators: (d: any) => aq.op.array_agg_distinct(d.indicator), years: (d: any) => aq.op.array_agg_distinct(d.year) })
    .orderby("source")
    .objects() as { source: string; indicators: string[]; years: number[] }[];
  return {
    code,
    name_en: names[code]?.name_en ?? code,
    name_ru: names[code]?.name_ru ?? code,
    name: names[code] ? countryName(lang, names[code]) : code,
    translation_note: translationNote(lang, project.codebooks[project.codebooks.length - 1] ?? {}),
    years: index.map((r) => r.year),
    series: index.map((r) => ({
      year: r.year,
      methodology: r.methodology,
      index: r.index,
      max_attainable: r.max_attainable,
      published: (published.get(`${code}:${r.year}`) ?? []).map((p) => ({ edition: p.edition, index: p.index })),
    })),
    sections: own.sections.map((s) => ({ year: s.year, section: s.section, title: sectionTitles[s.section] ?? s.section, points: s.points, weighted: s.weighted, max_attainable: s.max_attainable })),
    section_titles: sectionTitles,
    indicators: order.filter((id) => shown.has(id)).map((id) => ({ id, ...titles.get(id)! })),
    cells,
    surveys: own.surveys.map((s) => ({ year: s.year, indicator: s.indicator, title: titles.get(s.indicator)?.title ?? s.indicator, value: s.value, lo: s.lo, hi: s.hi, level: s.level, interval: intervalText(s.interval, s.df, s.confidence, lang), respondents: s.respondents, roles: s.roles.map((r) => ({ ...r, role_ru: roleName("ru", codebookOf(s.year), r.role) })), multiplier: s.multiplier })),
    sources: sources.map((s) => ({ ...s, indicators: [...s.indicators].sort(), years: [...s.years].sort() })),
  };
}

/** The latest year's change per country, as the results page links it to its explanation (both languages: the page picks its own). */
export function latestChanges<E>(pairs: { country: string; to_year: number; change: number; explanation: { en: E; ru: E }; display: { change: number } }[], year: number | null) {
  return pairs
    .filter((p) => p.to_year === year)
    .map((p) => ({ country: p.country, year: p.to_year, change: p.change, shown: p.display.change, explanation: p.explanation }))
    .sort((a, b) => byText(a.country, b.country));
}
