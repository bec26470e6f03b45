// The "Review YEAR" pages' payload: for each sheet year no edition has published yet, every answer
// that differs from the year before and the warnings check has about them, in both languages.
import { runLoader, buildResult } from "../../loaders/framework.ts";
import { reviewData } from "../../loaders/present/review.ts";

await runLoader(async (root) => reviewData((await buildResult(root)).project));
