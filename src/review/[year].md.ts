import { emitPage } from "../../loaders/pages/page.ts";
import { reviewPageOfRoute } from "../../loaders/pages/review.ts";
await emitPage(reviewPageOfRoute, "en", "/review/[year]");
