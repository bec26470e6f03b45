import { emitPage } from "../../loaders/pages/page.ts";
import { routeParam } from "../../loaders/pages/words.ts";
import page from "../../loaders/pages/country.ts";
await emitPage(page, "en", `/countries/${routeParam("code")}`);
