import { emitPage } from "../loaders/pages/page.ts";
import page from "../loaders/pages/methodology.ts";
await emitPage(page, "en", "/methodology");
