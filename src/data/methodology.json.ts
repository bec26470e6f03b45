// The methodology page, generated from the codebook versions so it cannot drift from them, with the
// survey interval's coverage check from the build's one result.
import { runLoader, buildResult } from "../../loaders/framework.ts";
import { methodologyPayload } from "../../loaders/present/pages.ts";

await runLoader(async (root) => {
  const { project, result } = await buildResult(root);
  return methodologyPayload(project, result);
});
