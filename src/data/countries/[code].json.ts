// One country's page data; Framework calls this once per country route with --code CODE.
// The Russian edition's loader (src/data/ru/countries/[code].json.ts) calls the same function.
import { parseArgs } from "node:util";
import { runLoader } from "../../../loaders/framework.ts";
import { countryData } from "../../../loaders/present/country-data.ts";

const { values } = parseArgs({ options: { code: { type: "string" } } });
await runLoader((root) => countryData(root, values.code!, "en"));
