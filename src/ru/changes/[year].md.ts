import { emitPage } from "../../../loaders/pages/page.ts";
import { routeParam } from "../../../loaders/pages/words.ts";
import page from "../../../loaders/pages/changes.ts";
await emitPage(page, "ru", `/changes/${routeParam("year")}`);
