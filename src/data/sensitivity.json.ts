// The sensitivity page: Monte Carlo rank intervals, Sobol indices, leave-one-section-out and the
// points table for reweighting, with the seed and draws of data/methodology/sensitivity.yaml,
// from the build's one result (loaders/result.ts).
import { runLoader, buildResult } from "../../loaders/framework.ts";
import { sensitivityPayload } from "../../loaders/present/sensitivity.ts";

await runLoader(async (root) => {
  const { project, result } = await buildResult(root);
  return sensitivityPayload(project, result.sensitivity.config, result.sensitivity.analysis);
});
