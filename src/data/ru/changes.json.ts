// The What changed pages' data in Russian (src/data/changes.json.ts is the English).
import { runLoader, buildResult } from "../../../loaders/framework.ts";
import { changesOf } from "../../../loaders/present/changes-data.ts";

await runLoader(async (root) => changesOf(await buildResult(root), "ru"));
