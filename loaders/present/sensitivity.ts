// The sensitivity page's payload and the Sobol summaries it shows: the analysis of the one result
// with section titles, country names, the published choices and the ranges drawn.
import type { Project } from "../project.ts";
import type { SensitivityConfig } from "../schema.ts";
import { MAX_VARIANCE_CV, SENSITIVITY_FILE, type Factor, type SensitivityAnalysis, type SobolRow } from "../sensitivity.ts";
import { byText } from "../order.ts";
import { count, ordinal, type Locale } from "../shared/format.ts";
import { t, type StringKey } from "../shared/strings/index.ts";
import { countryName, methodName, sectionTitle, type MethodKind } from "./lang.ts";

export interface Headline {
  kind: "leader" | "least_certain" | "most_influential";
  country: string | null;
  year: number | null;
  factor: string | null;
  share: number | null;
  text: string;
}

const FACTOR_WORDS: Record<Factor["kind"], string> = {
  weight: "the weight of section",
  survey_method: "the survey aggregation",
  missing_data: "the missing-data treatment",
  normalisation: "the normalisation",
};
export const factorLabel = (f: Pick<Factor, "kind" | "section">, lang: Locale = "en") =>
  lang === "en" ? (f.kind === "weight" ? `${FACTOR_WORDS.weight} ${f.section}` : FACTOR_WORDS[f.kind]) : t(lang, `page.sensitivity.factor.${f.kind}` as StringKey, { section: f.section ?? "" });
/** The label of a choice in the page's charts and tables ("weight of RM", "survey aggregation"). */
const shortFactorLabel = (f: Pick<Factor, "kind" | "section">, lang: Locale) => t(lang, `page.sensitivity.factor_short.${f.kind}` as StringKey, { section: f.section ?? "" });

/** The sentences the page and the CLI lead with: each year's leader, the least certain rank, the most influential choice. */
export function headlinesOf(a: Pick<SensitivityAnalysis, "ranks" | "sobol" | "factors" | "draws">, names: Record<string, string>, lang: Locale = "en"): Headline[] {
  const { ranks, sobol, factors, draws } = a;
  const name = (c: string) => names[c] ?? c;
  const out: Headline[] = [];
  const years = [...new Set(ranks.map((r) => r.year))].sort((a, b) => b - a);
  for (const year of years) {
    const leaders = ranks.filter((r) => r.year === year && r.rank === 1).sort((a, b) => byText(a.country, b.country));
    for (const r of leaders)
      out.push({
        kind: "leader",
        country: r.country,
        year,
        factor: null,
        share: r.share_same_rank,
        text:
          lang === "en"
            ? `${name(r.country)} ranks 1st in ${year} in ${count(r.same_rank)} of ${count(draws)} draws (median rank ${ordinal(r.median_rank)}; 5–95% interval ${ordinal(r.rank_p05)} to ${ordinal(r.rank_p95)}).`
            : t(lang, "page.sensitivity.headline.leader", { name: name(r.country), year, same: count(r.same_rank, lang), draws: count(draws, lang), median: ordinal(r.median_rank, lang), p05: ordinal(r.rank_p05, lang), p95: ordinal(r.rank_p95, lang) }),
      });
  }
  const latest = years[0];
  if (latest !== undefined) {
    const widest = ranks
      .filter((r) => r.year === latest)
      .sort((a, b) => b.rank_p95 - b.rank_p05 - (a.rank_p95 - a.rank_p05) || a.share_same_rank - b.share_same_rank || byText(a.country, b.country))[0];
    if (widest && widest.rank_p95 > widest.rank_p05)
      out.push({
        kind: "least_certain",
        country: widest.country,
        year: latest,
        factor: null,
        share: widest.share_same_rank,
        text:
          lang === "en"
            ? `The least certain rank in ${latest} is ${name(widest.country)}'s: published ${ordinal(widest.rank)}, anywhere from ${ordinal(widest.rank_p05)} to ${ordinal(widest.rank_p95)} in 90% of draws, and ${ordinal(widest.rank)} in ${count(widest.same_rank)} of ${count(draws)}.`
            : t(lang, "page.sensitivity.headline.least_certain", { name: name(widest.country), year: latest, rank: ordinal(widest.rank, lang), p05: ordinal(widest.rank_p05, lang), p95: ordinal(widest.rank_p95, lang), same: count(widest.same_rank, lang), draws: count(draws, lang) }),
      });
  }
  // Only an output whose status is "varies" has indices (the others have one row, factor null).
  const summary = sobol
    .filter((s) => s.output === "mean_abs_rank_shift" && s.factor !== null && s.total_order !== null)
    .sort((a, b) => b.total_order! - a.total_order! || byText(a.factor!, b.factor!));
  if (summary.length) {
    const [top, second] = summary;
    const f = factors.find((x) => x.id === top!.factor)!;
    const next = second ? factors.find((x) => x.id === second.factor)! : null;
    // The page draws ±2 standard errors around each index; when the two largest bands overlap the
    // sentence must not rank them.
    const apart = second ? top!.total_order! - 2 * (top!.total_order_se ?? 0) > second.total_order! + 2 * (second.total_order_se ?? 0) : true;
    const tail = !next
      ? ""
      : lang === "en"
        ? apart ? `, followed by ${factorLabel(next)}` : `, with ${factorLabel(next)} within two standard errors of it`
        : t(lang, apart ? "page.sensitivity.headline.followed_by" : "page.sensitivity.headline.within_se", { factor: factorLabel(next, lang) });
    out.push({
      kind: "most_influential",
      country: null,
      year: null,
      factor: f.id,
      share: top!.total_order,
      text:
        lang === "en"
          ? `Of the uncertain choices, ${factorLabel(f)} moves the ranks most (largest total-order Sobol index on the mean absolute rank shift)${tail}.`
          : t(lang, "page.sensitivity.headline.most_influential", { factor: factorLabel(f, lang), tail }),
    });
  }
  return out;
}



/**
 * The Sobol indices on the mean absolute rank shift, with ±2 standard-error bounds, for the page's
 * bars (no rows unless that output's status is "varies").
 */
export function sobolSummary(sobol: SobolRow[]) {
  const all = sobol.filter((r) => r.output === "mean_abs_rank_shift");
  const rows = all
    .filter((r) => r.factor !== null)
    .map((r) => {
      const band = (x: number | null, se: number | null) => (x === null || se === null ? [null, null] : [x - 2 * se, x + 2 * se]);
      const [first_lo, first_hi] = band(r.first_order, r.first_order_se);
      const [total_lo, total_hi] = band(r.total_order, r.total_order_se);
      return { factor: r.factor, kind: r.kind, first_order: r.first_order, first_order_se: r.first_order_se, first_lo, first_hi, total_order: r.total_order, total_order_se: r.total_order_se, total_lo, total_hi };
    });
  return {
    status: all[0]?.status ?? null,
    rows,
    max_first_se: Math.max(0, ...rows.map((r) => r.first_order_se ?? 0)),
    max_total_se: Math.max(0, ...rows.map((r) => r.total_order_se ?? 0)),
  };
}

/** One line per country-year rank output: whether its rank varies enough for Sobol indices, and how often it moved. */
export function sobolOutputs(sobol: SobolRow[]) {
  const seen = new Set<string>();
  return sobol.flatMap((r) => {
    const key = `${r.country}/${r.year}`;
    if (r.output !== "rank" || seen.has(key)) return [];
    seen.add(key);
    return [{ country: r.country!, year: r.year!, status: r.status, draws_moved: r.draws_moved, share_moved: r.share_moved, variance: r.variance, variance_se: r.variance_se }];
  });
}

/** The names of the choices a kind of method offers, by id, in the page's language (in English the ids themselves). */
const methodNames = (lang: Locale, kind: MethodKind, ids: readonly (string | null)[]) =>
  Object.fromEntries([...new Set(ids.filter((id): id is string => id !== null))].map((id) => [id, methodName(lang, kind, id)]));

/** What the page shows (src/data/sensitivity.json.ts prints it): the analysis plus names, titles and ranges. */
export function sensitivityPayload(project: Project, config: SensitivityConfig, a: SensitivityAnalysis, lang: Locale = "en") {
  const latest = project.codebooks[project.codebooks.length - 1];
  const title = new Map<string, string>();
  for (const cb of project.codebooks) for (const s of cb.sections) title.set(s.id, sectionTitle(lang, s)); // latest version's title wins
  const names = Object.fromEntries(project.countries.map((c) => [c.code, countryName(lang, c)]));
  const years = [...new Set(a.ranks.map((r) => r.year))].sort((x, y) => x - y);
  const carried = a.missing.filter((m) => m.carried_from !== null && m.reason === null).length;
  const published = { survey_method: latest?.survey?.aggregation ?? null, missing_data: latest?.missing_data.rule ?? null, normalisation: "raw" as const };
  return {
    seed: a.seed,
    draws: a.draws,
    samples: a.samples,
    runs: a.runs,
    streams: a.streams,
    config_file: SENSITIVITY_FILE,
    years,
    latest_year: years[years.length - 1] ?? null,
    names,
    sections: a.table.sections.map((id) => ({ id, title: title.get(id) ?? id })),
    published,
    config: {
      weights: config.weights,
      survey_method: config.survey_method,
      missing_data: config.missing_data,
      normalisation: config.normalisation,
    },
    method_names: {
      survey_method: methodNames(lang, "survey", [published.survey_method, ...config.survey_method]),
      missing_data: methodNames(lang, "missing", [published.missing_data, ...config.missing_data]),
      normalisation: methodNames(lang, "normalisation", [published.normalisation, ...config.normalisation]),
    },
    factors: a.factors.map((f) => ({ ...f, label: factorLabel(f, lang), short_label: shortFactorLabel(f, lang) })),
    shift: a.shift,
    sobol_summary: sobolSummary(a.sobol),
    sobol_outputs: sobolOutputs(a.sobol),
    sobol_draws: 2 * a.samples, // the independent runs (A and B) draws_moved counts among
    sobol_reliability: {
      max_variance_cv: MAX_VARIANCE_CV,
      // For a rank that moves by one place in m of the 2N draws, the variance's CV is about 1/√m.
      draws_moved_needed: Math.round(1 / MAX_VARIANCE_CV ** 2),
    },
    headlines: headlinesOf(a, names, lang),
    ranks: a.ranks,
    sobol: a.sobol,
    leave_one_out: a.leaveOneOut,
    table: a.table,
    section_spans: a.sectionSpans,
    section_weights: project.codebooks.flatMap((cb) => cb.sections.map((s) => ({ methodology: cb.version, section: s.id, weight: s.weight }))),
    missing: { excluded: a.missing.length, carried, dropped: a.missing.length - carried, rows: a.missing },
  };
}
