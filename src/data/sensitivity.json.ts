// The sensitivity page: Monte Carlo rank intervals, Sobol indices, leave-one-section-out and the
// points table for reweighting, with the seed and draws of data/methodology/sensitivity.yaml.
// The pipeline result is the build's shared one (buildPipeline); the analysis reruns computeIndex
// once per survey method on that project (loaders/sensitivity.ts).
import { runLoader, buildPipeline } from "../../loaders/framework.ts";
import { analyseProject, loadSensitivityConfig, sensitivityPayload } from "../../loaders/sensitivity.ts";

await runLoader(async (root) => {
  const [{ project, result }, config] = await Promise.all([buildPipeline(root), loadSensitivityConfig(root)]);
  const { analysis } = analyseProject(project, result, config);
  return sensitivityPayload(project, config, analysis);
});
