// The audit page's findings: reconciliation with every edition, revisions, claims check,
// methodology breaks, missing-data ledger and the input part of the manifest (loaders/reconcile.ts).
import { runLoader, buildResult } from "../../loaders/framework.ts";
import { auditPayload } from "../../loaders/present/audit.ts";

await runLoader(async (root) => {
  const { project, result, inputs } = await buildResult(root);
  return auditPayload(project, result, inputs);
});
