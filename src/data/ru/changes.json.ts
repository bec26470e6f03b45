// The What changed pages' data in Russian (src/data/changes.json.ts is the English).
import { runLoader, buildResult } from "../../../loaders/framework.ts";
import { changesPayload } from "../../../loaders/present/changes.ts";

await runLoader(async (root) => {
  const { project, result } = await buildResult(root);
  return changesPayload(project, result, "ru");
});
