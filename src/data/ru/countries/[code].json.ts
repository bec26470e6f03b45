// One country's page data in Russian (src/data/countries/[code].json.ts is the English).
import { parseArgs } from "node:util";
import { runLoader } from "../../../../loaders/framework.ts";
import { countryData } from "../../../../loaders/present/country-data.ts";

const { values } = parseArgs({ options: { code: { type: "string" } } });
await runLoader((root) => countryData(root, values.code!, "ru"));
