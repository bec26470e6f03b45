// The methodology page's data in Russian (src/data/methodology.json.ts is the English).
import { runLoader, buildResult } from "../../../loaders/framework.ts";
import { methodologyPayload } from "../../../loaders/present/pages.ts";

await runLoader(async (root) => {
  const { project, result } = await buildResult(root);
  return methodologyPayload(project, result, "ru");
});
