import { emitPage } from "../../../loaders/pages/page.ts";
import page from "../../../loaders/pages/country.ts";
await emitPage(page, "ru", "/countries/[code]");
