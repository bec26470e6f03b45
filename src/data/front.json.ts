// The front page: one quotable line per country, the countries left out, where the record
// disagrees with itself, and the map's boundaries clipped to the region (loaders/present/front.ts).
import { runLoader, buildResult } from "../../loaders/framework.ts";
import { frontPayload } from "../../loaders/present/front.ts";
import { changesOf } from "../../loaders/present/changes-data.ts";
import { readBoundaries, regionShapes } from "../../loaders/present/map.ts";

await runLoader(async (root) => {
  const shared = await buildResult(root);
  return frontPayload(shared.project, shared.result, regionShapes(readBoundaries().topology), changesOf(shared).pairs);
});
