// Every Russian page as its reader sees it, once drawn: no English sentence is left in the page's own
// text. English that belongs there (a release quoted in English, a national expert's note, a source's
// title) is marked lang="en", so a screen reader reads it in English (WCAG 3.1.2) and this check
// leaves it alone. Codes, names and addresses are not sentences: only runs of four or more English
// words count.
import type { Scenario } from "../scenarios.ts";

const IN_PAGE = `(() => {
  const runs = [];
  // A lower-case Latin word of three letters or more: codes (RM-08, KGZ), names (Sobol) and
  // abbreviations (CSV) are capitalised; file names, addresses and code are taken out first.
  const english = /(?<![\\p{L}\\d_-])[a-z]{3,}(?![\\p{L}\\d_-])/gu;
  const notWords = /\\S*(?:[\\/#_@]|\\.[a-z])\\S*|\x60[^\x60]*\x60/g;
  const isEnglish = (el) => (el.closest("[lang]")?.getAttribute("lang") ?? "ru").startsWith("en");
  const roots = ["#observablehq-header", "#observablehq-main", "#observablehq-footer"].flatMap((s) => [...document.querySelectorAll(s)]);
  const texts = [];
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || parent.closest("script, style, code, pre, [hidden], [aria-hidden=true]") || isEnglish(parent)) continue;
      texts.push(n.textContent ?? "");
    }
    // Attribute text a reader meets too: chart summaries and accessible names.
    for (const el of root.querySelectorAll("[aria-label], [title], [alt]"))
      if (!isEnglish(el) && !el.closest("[aria-hidden=true]")) for (const a of ["aria-label", "title", "alt"]) texts.push(el.getAttribute(a) ?? "");
  }
  for (const text of texts) for (const m of text.replace(notWords, " ").matchAll(english)) runs.push(m[0]);
  return [...new Set(runs)];
})()`;

export const scenarios: Scenario[] = [
  {
    name: "Russian page: no English sentence outside text marked as English",
    applies: () => true,
    async run(page, { lang }) {
      if (lang !== "ru") return;
      // A string, not a function: tsx would wrap named inner functions in a helper (__name) that
      // does not exist in the page.
      const found = (await page.evaluate(IN_PAGE)) as string[];
      if (found.length) throw new Error(`${found.length} English run(s) on the Russian page: ${found.slice(0, 6).map((s) => `"${s.slice(0, 70)}"`).join(", ")}`);
    },
  },
];
