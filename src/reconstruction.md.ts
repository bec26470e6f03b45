import { emitPage } from "../loaders/pages/page.ts";
import page from "../loaders/pages/reconstruction.ts";
await emitPage(page, "en", "/reconstruction");
