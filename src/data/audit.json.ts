// The audit page's findings: reconciliation with every edition, revisions, claims check,
// methodology breaks, missing-data ledger and the input part of the manifest (loaders/reconcile.ts).
import { runLoader } from "../../loaders/framework.ts";
import { runPipeline } from "../../loaders/pipeline.ts";
import { auditPayload } from "../../loaders/reconcile.ts";

await runLoader(async (root) => {
  const { project, result } = await runPipeline(root);
  return auditPayload(project, result);
});
