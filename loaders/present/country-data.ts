// One country's page data, in either language: the country payload and its year-on-year changes.
// The build computes every country's at once from the one result (loaders/framework.ts runRoutes);
// the English and the Russian loaders (src/data/countries/[code].json.ts, src/data/ru/countries/…) share this.
import { once, type Routes, type Shared } from "../framework.ts";
import { countryPayload, countryRows } from "./pages.ts";
import type { ChangesPair } from "./changes.ts";
import { changesOf } from "./changes-data.ts";
import type { Locale } from "../shared/format.ts";

/** Every country's year-on-year pairs in `lang`, grouped once for all the country pages. */
const pairsOf = (shared: Shared, lang: Locale) =>
  once(shared, `changes pairs by country (${lang})`, () => {
    const by = new Map<string, ChangesPair[]>();
    for (const p of changesOf(shared, lang).pairs) {
      const list = by.get(p.country);
      if (list) list.push(p);
      else by.set(p.country, [p]);
    }
    return by;
  });

export const countryRoutes = (lang: Locale): Routes => ({
  routes: ({ result }) => [...new Set(result.index.map((r) => r.country))].sort(),
  payload: (shared, code) => ({
    ...countryPayload(shared.project, shared.result, code, lang, once(shared, "rows by country", () => countryRows(shared.result))),
    pairs: pairsOf(shared, lang).get(code) ?? [],
  }),
});
