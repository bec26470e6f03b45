import { emitPage } from "../../loaders/pages/page.ts";
import page from "../../loaders/pages/front.ts";
await emitPage(page, "ru", "/");
