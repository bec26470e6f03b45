// What the downloads page lists, in Russian (src/data/downloads.json.ts is the English).
import { runLoader } from "../../../loaders/framework.ts";
import { downloadsListing } from "../../../loaders/present/downloads.ts";

await runLoader(async () => downloadsListing("ru"));
