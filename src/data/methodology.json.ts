// The methodology page, generated from the codebook versions so it cannot drift from them.
import { runLoader } from "../../loaders/framework.ts";
import { loadProject } from "../../loaders/project.ts";
import { methodologyPayload } from "../../loaders/present/pages.ts";

await runLoader(async (root) => methodologyPayload(await loadProject(root)));
