// The trace explorer's first view: every country-year it can show, each codebook's survey texts, and
// one trace; a country's other traces (src/data/trace/<CODE>.json) load when a reader picks it.
import { runLoader, buildResult } from "../../loaders/framework.ts";
import { traceIndex } from "../../loaders/present/trace-data.ts";

await runLoader(async (root) => traceIndex(await buildResult(root)));
