// The reconstruction's own account in Russian (data/reconstruction/README.ru.md); src/data/reconstruction.json.ts is the English.
import { runLoader } from "../../../loaders/framework.ts";
import { reconstructionPayload } from "../../../loaders/present/reconstruction.ts";

await runLoader((root) => reconstructionPayload(root, "ru"));
