// One country's page data in Russian (src/data/countries/[code].json.ts is the English).
import { runRoutes } from "../../../../loaders/framework.ts";
import { countryRoutes } from "../../../../loaders/present/country-data.ts";

await runRoutes(countryRoutes("ru"));
