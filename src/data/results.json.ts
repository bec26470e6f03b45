// The results page: computed Index with ranks, the latest edition as published, the step log.
import { runLoader } from "../../loaders/framework.ts";
import { runPipeline } from "../../loaders/pipeline.ts";
import { resultsPayload } from "../../loaders/report.ts";

await runLoader(async (root) => {
  const { project, result } = await runPipeline(root);
  return resultsPayload(project, result);
});
