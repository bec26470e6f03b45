// Every country-year's calculation trace, for the audit page's explorer (loaders/trace.ts; the same
// trace `npm run index -- explain CODE YEAR` prints).
import { runLoader, buildResult } from "../../loaders/framework.ts";
import { tracePayload } from "../../loaders/present/trace.ts";

await runLoader(async (root) => {
  const { project, result } = await buildResult(root);
  return tracePayload(project, result);
});
