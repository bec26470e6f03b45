// One year's "What changed" data (exact attribution, display figures that add up, and every release
// statement of that year checked against it; loaders/present/changes-data.ts). Framework calls this
// once per year with --year=YEAR; the build writes every year's at once from the one result.
import { runRoutes } from "../../../loaders/framework.ts";
import { changesYearRoutes } from "../../../loaders/present/changes-data.ts";

await runRoutes(changesYearRoutes("en"));
