// The audit page's trace explorer data: the first view (src/data/audit-trace-index.json.ts) and one
// file per country (src/data/trace/[country].json.ts), so that the page loads only the country a
// reader picks and no file grows with the number of countries. The build makes every country's file
// from the one result, grouped once (traceLookup) for all of them.
import { once, type Routes, type Shared } from "../framework.ts";
import { methodTexts, traceCountryPayload, traceIndexPayload, traceLookup } from "./trace.ts";

const lookupOf = (shared: Shared) => once(shared, "trace lookup", () => traceLookup(shared.result, shared.project));

/** The countries the explorer lists, each with a file of its own traces. */
export const traceCountries = ({ result }: Pick<Shared, "result">): string[] => [...new Set(result.index.map((r) => r.country))].sort();

export const traceIndex = (shared: Shared) => traceIndexPayload(shared.project, shared.result, lookupOf(shared));

export const traceRoutes: Routes = {
  routes: traceCountries,
  payload: (shared, country) => traceCountryPayload(shared.project, shared.result, country, lookupOf(shared), once(shared, "trace method texts", () => methodTexts(shared.result))),
};
