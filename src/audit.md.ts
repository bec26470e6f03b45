import { emitPage } from "../loaders/pages/page.ts";
import page from "../loaders/pages/audit.ts";
await emitPage(page, "en", "/audit");
