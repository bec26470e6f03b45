// One country's page data, in either language: the country payload and its year-on-year changes.
// The build computes every country's at once from the one result (loaders/framework.ts runRoutes);
// the English and the Russian loaders (src/data/countries/[code].json.ts, src/data/ru/countries/…) share this.
import { once, type Routes, type Shared } from "../framework.ts";
import { countryPayload, countryRows } from "./pages.ts";
import { changesOf } from "./changes-data.ts";
import type { Locale } from "../shared/format.ts";
import { groupBy } from "../group.ts";

/** Every country's year-on-year pairs in `lang`, grouped once for all the country pages. */
const pairsOf = (shared: Shared, lang: Locale) =>
  once(shared, `changes pairs by country (${lang})`, () => groupBy(changesOf(shared, lang).pairs, (p) => p.country));

export const countryRoutes = (lang: Locale): Routes => ({
  routes: ({ result }) => [...new Set(result.index.map((r) => r.country))].sort(),
  payload: (shared, code) => ({
    ...countryPayload(shared.project, shared.result, code, lang, once(shared, "rows by country", () => countryRows(shared.result))),
    pairs: pairsOf(shared, lang).get(code) ?? [],
  }),
});
