// The sensitivity page's data in Russian (src/data/sensitivity.json.ts is the English).
import { runLoader, buildResult } from "../../../loaders/framework.ts";
import { sensitivityPayload } from "../../../loaders/present/sensitivity.ts";

await runLoader(async (root) => {
  const { project, result } = await buildResult(root);
  return sensitivityPayload(project, result.sensitivity.config, result.sensitivity.analysis, "ru");
});
