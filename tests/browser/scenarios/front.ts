// The front page in both languages: the map drawn, the country picker, one quotable line per
// country measured, and the Kyrgyzstan 2024 statement that disagrees with its own table.
import type { Scenario } from "../scenarios.ts";

const FRONT: Record<string, { lang: "en" | "ru"; ukraine: string; picker: string; countries: string }> = {
  "/": { lang: "en", ukraine: "Ukraine: Index 80.77 of a maximum attainable 196.25 (2024), rank 4 of 7; −11.25 since 2023", picker: "Country pages", countries: "countries/" },
  "/ru/": { lang: "ru", ukraine: "Украина: Индекс 80,77 из максимально достижимых 196,25 (2024), 4-е место из 7; −11,25", picker: "Страницы стран", countries: "ru/countries/" },
};

export const scenarios: Scenario[] = [
  {
    name: "front page: map, quotable lines, picker and the record's disagreement",
    applies: (p) => p in FRONT,
    async run(page, { pagePath }) {
      const want = FRONT[pagePath]!;
      const figure = await page.waitForSelector("figure.chart .chart-canvas svg", { timeout: 15000 });
      const shapes = await figure.$$eval("path", (ps) => ps.length);
      // 48 countries in the window, grey under the 7 coloured ones.
      if (shapes < 48 + 7) throw new Error(`map has ${shapes} paths, expected at least 55 (the region's countries and the measured ones)`);
      const lines = await page.$$eval("#front-lines li", (lis) => lis.map((li) => [(li as HTMLElement).dataset.country ?? "", li.querySelector(".quote-line")?.textContent ?? ""]));
      if (lines.map((l) => l[0]).join(" ") !== "KAZ MDA ARM UKR KGZ RUS BLR") throw new Error(`quotable lines in rank order expected, got ${lines.map((l) => l[0]).join(" ")}`);
      const ukr = lines.find((l) => l[0] === "UKR")![1]!;
      if (!ukr.startsWith(want.ukraine)) throw new Error(`Ukraine's line: ${ukr}`);
      const nav = await page.$eval("#country-picker", (n) => ({ label: n.getAttribute("aria-label"), links: [...n.querySelectorAll("a")].map((a) => a.getAttribute("href") ?? "") }));
      if (nav.label !== want.picker) throw new Error(`picker labelled ${nav.label}`);
      if (nav.links.length !== 8 || !nav.links.every((h) => h.endsWith(want.countries + h.slice(-3)))) throw new Error(`picker links: ${nav.links.join(", ")}`);
      // Keyboard: the first picker link takes focus by Tab like any link.
      await page.focus("#country-picker a");
      const focused = await page.evaluate(() => document.activeElement?.closest("#country-picker") !== null);
      if (!focused) throw new Error("the picker's first link cannot take focus");
      const disagree = await page.$eval("#front-disagreements li", (li) => li.textContent ?? "");
      if (!disagree.includes("11.29") || !disagree.includes(want.lang === "ru" ? "−15,87" : "−15.87")) throw new Error(`Kyrgyzstan disagreement: ${disagree}`);
      return [`front ${pagePath}: ${shapes} map paths, ${lines.length} lines, ${nav.links.length} country links`];
    },
  },
];
