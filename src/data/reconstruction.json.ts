// The reconstruction's own account (data/reconstruction/README.md), shown on the report.
import { runLoader } from "../../loaders/framework.ts";
import { reconstructionPayload } from "../../loaders/present/reconstruction.ts";

await runLoader((root) => reconstructionPayload(root));
