// The What changed pages' payload of one language, made once per build and shared by every loader that
// shows it (the changes pages, the country pages, the results page, the front page): each of them
// made it again before, a whole attribution presentation per loader.
import { once, type Routes, type Shared } from "../framework.ts";
import { changesPayload, type ChangesPayload } from "./changes.ts";
import type { Locale } from "../shared/format.ts";
import { groupBy } from "../group.ts";
import { changeYearsOf } from "../pages/routes.ts";

export const changesOf = (shared: Shared, lang: Locale = "en"): ChangesPayload => once(shared, `changes (${lang})`, () => changesPayload(shared.project, shared.result, lang));

/**
 * One year's page data (src/data/changes/[year].json.ts): that year's pairs and statements, its
 * statements' summary, and what every year's page shows alike. One file per year, so that a page
 * loads only its own year, and no file holds every year (at 193 countries × 30 years that one file
 * would be longer than a JavaScript string can be).
 */
export function changesYear(payload: ChangesPayload, year: number, ofYear: { pairs: ChangesPayload["pairs"]; claims: ChangesPayload["claims"] }) {
  const { pairs: _pairs, claims: _claims, claims_by_year, ...common } = payload;
  return { ...common, ...ofYear, claims_by_year: Object.hasOwn(claims_by_year, year) ? { [year]: claims_by_year[year]! } : {} };
}
export type ChangesYear = ReturnType<typeof changesYear>;

export const changesYearRoutes = (lang: Locale): Routes => ({
  routes: ({ result }) => changeYearsOf(result.index).map(String),
  payload: (shared, year) => {
    const payload = changesOf(shared, lang);
    // Grouped once for every year's file.
    const byYear = once(shared, `changes by year (${lang})`, () => ({ pairs: groupBy(payload.pairs, (p) => p.to_year), claims: groupBy(payload.claims, (c) => c.year) }));
    const y = Number(year);
    return changesYear(payload, y, { pairs: byYear.pairs.get(y) ?? [], claims: byYear.claims.get(y) ?? [] });
  },
});
