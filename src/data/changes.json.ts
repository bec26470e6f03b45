// What drove each year's change (exact attribution, display figures that add up) and every release
// statement checked against it: one JSON for all years; the /changes/<year> pages filter by year.
import { runLoader, buildResult, once } from "../../loaders/framework.ts";
import { changesPayload } from "../../loaders/present/changes.ts";

await runLoader(async (root) => {
  const shared = await buildResult(root);
  return once(shared, "changes", () => changesPayload(shared.project, shared.result));
});
