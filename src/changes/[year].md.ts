import { emitPage } from "../../loaders/pages/page.ts";
import page from "../../loaders/pages/changes.ts";
await emitPage(page, "en", "/changes/[year]");
