// A 2025 year for a copy of the project: sheets and surveys, no edition, so that "Review 2025" is built.
// Shared by the vitest review-page test and the browser check of that page, which expect its rows.
import { cpSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** 2024's sheets and surveys as 2025's, change cells emptied, KAZ RM-01 changed with its reason and last year's note on LP-02 kept while it changes. */
export function add2025(root: string): void {
  for (const kind of ["sheets", "surveys"]) cpSync(path.join(root, "data", kind, "2024"), path.join(root, "data", kind, "2025"), { recursive: true });
  const dir = path.join(root, "data/sheets/2025");
  for (const f of readdirSync(dir)) {
    const file = path.join(dir, f);
    let lines = readFileSync(file, "utf8").split("\n").map((l) => l.replace(/,(law|practice|reassessment|data)\r?$/, ","));
    if (f === "KAZ.csv")
      lines = lines.map((l) => (l.startsWith("RM-01,") ? "RM-01,no,https://example.org/2025,the body lost its independence,practice" : l.startsWith("LP-02,partial,") ? l.replace("LP-02,partial,", "LP-02,yes,").replace(/,$/, ",law") : l));
    writeFileSync(file, lines.join("\n"));
  }
}
