import { emitPage } from "../../loaders/pages/page.ts";
import page from "../../loaders/pages/sensitivity.ts";
await emitPage(page, "ru", "/sensitivity");
