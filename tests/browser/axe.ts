// Accessibility check of a page with axe-core (WCAG 2.1 A and AA), run by tests/browser/check.ts at
// desktop and phone width. Any violation fails the page, named by rule, element and page.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

/** The WCAG levels checked: 2.0 and 2.1, A and AA. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] as const;

/** The parts of an axe result the report reads (axe-core's AxeResults). */
export interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}
export interface AxeOutcome {
  violations: AxeViolation[];
}

let source: string | undefined;
/** axe.min.js from the installed axe-core package (nothing is fetched). */
export function axeSource(): string {
  if (source !== undefined) return source;
  const require = createRequire(import.meta.url);
  source = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  return source;
}

/** One line per element that violates a rule: `axe <rule> (<impact>) at <width> px on <page>: <selector>: <help>`. */
export function axeFailures(outcome: AxeOutcome, where: { page: string; width: number }): string[] {
  return outcome.violations.flatMap((v) =>
    v.nodes.map((n) => {
      const target = n.target.map((t) => (Array.isArray(t) ? t.join(" >>> ") : String(t))).join(" ");
      return `axe ${v.id}${v.impact ? ` (${v.impact})` : ""} at ${where.width} px on ${where.page}: ${target}: ${v.help}`;
    }),
  );
}

/** Runs axe in the page as it is now and returns its failures (empty when the page passes). */
export async function checkAccessibility(page: Page, where: { page: string; width: number }): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource() });
  const outcome = (await page.evaluate(
    (tags) => (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<unknown> } }).axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
    [...AXE_TAGS],
  )) as AxeOutcome;
  return axeFailures(outcome, where);
}
