// Every country-year's calculation trace, for the audit page's explorer (loaders/trace.ts; the same
// trace `npm run index -- explain CODE YEAR` prints).
import { runLoader } from "../../loaders/framework.ts";
import { runPipeline } from "../../loaders/pipeline.ts";
import { tracePayload } from "../../loaders/trace.ts";

await runLoader(async (root) => {
  const { project, result } = await runPipeline(root);
  return tracePayload(project, result);
});
