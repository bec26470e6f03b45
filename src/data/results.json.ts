// The results page: computed Index with ranks, the latest edition as published, what changed
// in the latest year (from the exact attribution), and the step log.
import { runLoader, buildResult } from "../../loaders/framework.ts";
import { resultsPayload, latestChanges } from "../../loaders/present/pages.ts";
import { changesOf } from "../../loaders/present/changes-data.ts";

await runLoader(async (root) => {
  const shared = await buildResult(root);
  const results = resultsPayload(shared.project, shared.result);
  return { ...results, changes: latestChanges(changesOf(shared).pairs, results.latest_year) };
});
