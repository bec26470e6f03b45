// Page-specific browser checks: every module in scenarios/ exports `scenarios: Scenario[]`,
// so a page's author adds its checks beside the others without editing a shared list.
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Page } from "playwright-core";

export interface Scenario {
  name: string;
  /** Given the page's English-site path ("/audit" for /audit and /ru/audit): scenarios run on both languages. */
  applies: (sitePath: string) => boolean;
  /** Throws to fail; returns lines to print (measurements). `lang` is the page's language. */
  run: (page: Page, ctx: { base: string; pagePath: string; lang: "en" | "ru" }) => Promise<string[] | void>;
}

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "scenarios");
const modules = readdirSync(dir).filter((f) => f.endsWith(".ts")).sort();
export const scenarios: Scenario[] = (
  await Promise.all(modules.map(async (f) => ((await import(pathToFileURL(path.join(dir, f)).href)) as { scenarios: Scenario[] }).scenarios))
).flat();
