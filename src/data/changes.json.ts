// What drove each year's change (exact attribution, display figures that add up) and every release
// statement checked against it: one JSON for all years; the /changes/<year> pages filter by year.
import { runLoader, buildResult } from "../../loaders/framework.ts";
import { changesOf } from "../../loaders/present/changes-data.ts";

await runLoader(async (root) => changesOf(await buildResult(root)));
