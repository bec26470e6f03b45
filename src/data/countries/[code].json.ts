// One country's page data; Framework calls this once per country route with --code=CODE, and the
// build computes every country's at once from the one result (loaders/framework.ts runRoutes).
import { runRoutes, once, type Shared } from "../../../loaders/framework.ts";
import { countryPayload, countryRows } from "../../../loaders/present/pages.ts";
import { changesPayload, type ChangesPair } from "../../../loaders/present/changes.ts";

/** Every country's year-on-year pairs, grouped once for all the country pages. */
const pairsOf = (shared: Shared) =>
  once(shared, "changes pairs by country", () => {
    const by = new Map<string, ChangesPair[]>();
    for (const p of once(shared, "changes", () => changesPayload(shared.project, shared.result)).pairs) {
      const list = by.get(p.country);
      if (list) list.push(p);
      else by.set(p.country, [p]);
    }
    return by;
  });

await runRoutes({
  routes: ({ result }) => [...new Set(result.index.map((r) => r.country))].sort(),
  payload: (shared, code) => ({ ...countryPayload(shared.project, shared.result, code, once(shared, "rows by country", () => countryRows(shared.result))), pairs: pairsOf(shared).get(code) ?? [] }),
});
