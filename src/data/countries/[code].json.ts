// One country's page data; Framework calls this once per country route with --code CODE.
import { parseArgs } from "node:util";
import { runLoader } from "../../../loaders/framework.ts";
import { runPipeline } from "../../../loaders/pipeline.ts";
import { countryPayload } from "../../../loaders/report.ts";

const { values } = parseArgs({ options: { code: { type: "string" } } });

await runLoader(async (root) => {
  const { project, result } = await runPipeline(root);
  if (!result.index.some((r) => r.country === values.code)) throw new Error(`no sheets for country ${values.code}`);
  return countryPayload(project, result, values.code!);
});
