// All computed levels as CSV, JSON and XLSX; the downloads page links each member.
import { runLoader } from "../../loaders/framework.ts";
import { runPipeline } from "../../loaders/pipeline.ts";
import { downloadArchive } from "../../loaders/downloads.ts";

await runLoader(async (root) => {
  const { project, result } = await runPipeline(root);
  return downloadArchive(project, result);
});
