// Page-specific browser checks, run by check.ts after the generic ones on matching pages.
import type { Page } from "playwright-core";

export interface Scenario {
  name: string;
  applies: (pagePath: string) => boolean;
  /** Throws to fail; returns lines to print (measurements). */
  run: (page: Page, ctx: { base: string; pagePath: string }) => Promise<string[] | void>;
}

export const scenarios: Scenario[] = [
  {
    name: "published table",
    applies: (p) => p === "/",
    async run(page) {
      const cells = await page.$$eval("#published-table td.negative", (tds) => tds.length);
      if (cells === 0) throw new Error("no negative totals marked in the published table");
    },
  },
];
