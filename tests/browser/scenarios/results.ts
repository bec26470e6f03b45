import type { Scenario } from "../scenarios.ts";

export const scenarios: Scenario[] = [
  {
    name: "published table marks negative totals without colour",
    applies: (p) => p === "/results",
    async run(page) {
      const marked = await page.$$eval("#published-table td.negative", (tds) => tds.map((td) => td.textContent ?? ""));
      if (marked.length === 0) throw new Error("no negative totals marked in the published table");
      const unsigned = marked.filter((t) => !t.includes("−"));
      if (unsigned.length) throw new Error(`negative totals shown without a minus sign: ${unsigned.join(", ")}`);
    },
  },
];
