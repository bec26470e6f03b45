import { parseArgs } from "node:util";
import { emitPage } from "../../loaders/pages/page.ts";
import page from "../../loaders/pages/review.ts";
const { year } = parseArgs({ options: { year: { type: "string" } }, strict: false }).values as { year: string };
await emitPage(page(Number(year)), "en", `/review/${year}`);
