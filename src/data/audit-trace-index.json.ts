// The trace explorer's first view: every country-year it can show, and one trace; the rest
// (src/data/audit-trace.json) loads when a reader picks another country-year.
import { runLoader, buildResult } from "../../loaders/framework.ts";
import { traceIndexPayload } from "../../loaders/present/trace.ts";

await runLoader(async (root) => {
  const { project, result } = await buildResult(root);
  return traceIndexPayload(project, result);
});
