import { emitPage } from "../loaders/pages/page.ts";
import page from "../loaders/pages/downloads.ts";
await emitPage(page, "en", "/downloads");
