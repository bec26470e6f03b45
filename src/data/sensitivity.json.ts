// The sensitivity page: Monte Carlo rank intervals, Sobol indices, leave-one-section-out and the
// points table for reweighting, with the seed and draws of data/methodology/sensitivity.yaml.
import { runLoader } from "../../loaders/framework.ts";
import { runSensitivity, sensitivityPayload } from "../../loaders/sensitivity.ts";

await runLoader(async (root) => {
  const { project, config, analysis } = await runSensitivity(root);
  return sensitivityPayload(project, config, analysis);
});
