// One country's calculation traces, every year it has (loaders/present/trace-data.ts), for the audit
// page's explorer: fetched when a reader picks the country. Framework calls this once per country
// with --country=CODE; the build writes every country's at once from the one result.
import { runRoutes } from "../../../loaders/framework.ts";
import { traceRoutes } from "../../../loaders/present/trace-data.ts";

await runRoutes(traceRoutes);
