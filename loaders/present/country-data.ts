// One country's page data, in either language: the country payload and its year-on-year changes.
import { buildResult } from "../framework.ts";
import { countryPayload } from "./pages.ts";
import { changesPayload } from "./changes.ts";
import type { Locale } from "../shared/format.ts";

export async function countryData(root: string, code: string, lang: Locale) {
  const { project, result } = await buildResult(root);
  if (!result.index.some((r) => r.country === code)) throw new Error(`no sheets for country ${code}`);
  const pairs = changesPayload(project, result, lang).pairs.filter((p) => p.country === code);
  return { ...countryPayload(project, result, code, lang), pairs };
}
