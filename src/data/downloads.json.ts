// What the downloads page lists; the files themselves are written into dist/files/ by the build.
import { runLoader } from "../../loaders/framework.ts";
import { ARCHIVE, DOWNLOADS, DOWNLOADS_DIR, NUMBERS_NOTE, README } from "../../loaders/present/downloads.ts";

await runLoader(async () => ({
  dir: DOWNLOADS_DIR,
  readme: README,
  numbers: NUMBERS_NOTE,
  levels: DOWNLOADS.map(({ file, title, description }) => ({ file, title, description })),
  formats: ["csv", "json", "xlsx"],
  archive: ARCHIVE,
}));
