// What drove each year's change (exact attribution, display figures that add up) and every release
// statement checked against it: one JSON for all years; the /changes/<year> pages filter by year.
import { runLoader } from "../../loaders/framework.ts";
import { runPipeline } from "../../loaders/pipeline.ts";
import { changesPayload } from "../../loaders/claims.ts";

await runLoader(async (root) => {
  // Survey scores do not depend on the bootstrap; its intervals are not used here.
  const { project, result } = await runPipeline(root, { replicates: 0 });
  return changesPayload(project, result);
});
