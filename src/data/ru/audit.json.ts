// The audit page's findings in Russian (src/data/audit.json.ts is the English).
import { runLoader, buildResult } from "../../../loaders/framework.ts";
import { auditPayload } from "../../../loaders/present/audit.ts";

await runLoader(async (root) => {
  const { project, result, inputs } = await buildResult(root);
  return auditPayload(project, result, inputs, "ru");
});
