// One year's "What changed" data in Russian (src/data/changes/[year].json.ts is the English).
import { runRoutes } from "../../../../loaders/framework.ts";
import { changesYearRoutes } from "../../../../loaders/present/changes-data.ts";

await runRoutes(changesYearRoutes("ru"));
