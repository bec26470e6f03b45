import { emitPage } from "../../loaders/pages/page.ts";
import page from "../../loaders/pages/results.ts";
await emitPage(page, "ru", "/results");
