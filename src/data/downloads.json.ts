// What the downloads page lists; the files themselves are written into dist/files/ by the build.
import { runLoader } from "../../loaders/framework.ts";
import { downloadsListing } from "../../loaders/present/downloads.ts";

await runLoader(async () => downloadsListing("en"));
