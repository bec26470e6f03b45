// Every country-year's calculation trace, for the audit page's explorer (loaders/trace.ts; the same
// trace `npm run index -- explain CODE YEAR` prints).
import { runLoader, buildPipeline } from "../../loaders/framework.ts";
import { tracePayload } from "../../loaders/trace.ts";

await runLoader(async (root) => {
  const { project, result } = await buildPipeline(root);
  return tracePayload(project, result);
});
