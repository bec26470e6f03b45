// Every page of the site with a representative address for its routes, for the tests that render
// each page in both languages.
import type { RenderPage } from "../../loaders/pages/page.ts";
import front from "../../loaders/pages/front.ts";
import results from "../../loaders/pages/results.ts";
import reconstruction from "../../loaders/pages/reconstruction.ts";
import methodology from "../../loaders/pages/methodology.ts";
import country from "../../loaders/pages/country.ts";
import changes from "../../loaders/pages/changes.ts";
import sensitivity from "../../loaders/pages/sensitivity.ts";
import audit from "../../loaders/pages/audit.ts";
import downloads from "../../loaders/pages/downloads.ts";
import review from "../../loaders/pages/review.ts";

export const SITE_PAGES: [string, RenderPage][] = [
  ["/", front],
  ["/results", results],
  ["/reconstruction", reconstruction],
  ["/methodology", methodology],
  ["/countries/KAZ", country],
  ["/changes/2024", changes],
  ["/sensitivity", sensitivity],
  ["/audit", audit],
  ["/downloads", downloads],
  ["/review/2025", review(2025)],
];
