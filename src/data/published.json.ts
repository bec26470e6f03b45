// Every published total, validated through loaders/ (a bad row fails the build with file:row:column).
import { loadPublished } from "../../loaders/published.ts";
import { runLoader } from "../../loaders/framework.ts";

await runLoader(async (root) => loadPublished(root));
