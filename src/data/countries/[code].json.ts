// One country's page data; Framework calls this once per country route with --code CODE.
import { parseArgs } from "node:util";
import { runLoader, buildResult } from "../../../loaders/framework.ts";
import { countryPayload } from "../../../loaders/present/pages.ts";
import { changesPayload } from "../../../loaders/present/changes.ts";

const { values } = parseArgs({ options: { code: { type: "string" } } });

await runLoader(async (root) => {
  const { project, result } = await buildResult(root);
  const code = values.code!;
  if (!result.index.some((r) => r.country === code)) throw new Error(`no sheets for country ${code}`);
  const pairs = changesPayload(project, result).pairs.filter((p) => p.country === code);
  return { ...countryPayload(project, result, code), pairs };
});
