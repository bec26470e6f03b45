// The results page: computed Index with ranks, the latest edition as published, what changed
// in the latest year (from the exact attribution), and the step log.
import { runLoader, buildResult, once } from "../../loaders/framework.ts";
import { resultsPayload, latestChanges } from "../../loaders/present/pages.ts";
import { changesPayload } from "../../loaders/present/changes.ts";

await runLoader(async (root) => {
  const shared = await buildResult(root);
  const { project, result } = shared;
  const results = resultsPayload(project, result);
  return { ...results, changes: latestChanges(once(shared, "changes", () => changesPayload(project, result)).pairs, results.latest_year) };
});
