// One country's page data; Framework calls this once per country route with --code=CODE, and the
// build computes every country's at once from the one result (loaders/framework.ts runRoutes).
import { runRoutes } from "../../../loaders/framework.ts";
import { countryRoutes } from "../../../loaders/present/country-data.ts";

await runRoutes(countryRoutes("en"));
