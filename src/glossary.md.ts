import { emitPage } from "../loaders/pages/page.ts";
import page from "../loaders/pages/glossary.ts";
await emitPage(page, "en", "/glossary");
