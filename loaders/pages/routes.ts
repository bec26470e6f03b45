// Which pages of a parametrised route exist (the country, "What changed" and review pages), from the
// sheets on disk: observablehq.config.ts lists them to Framework as its dynamic paths, and the build
// writes exactly those pages (loaders/payloads.ts writePageOutputs), so the two cannot disagree.
import { existsSync } from "node:fs";
import path from "node:path";
import { sheetsOnDisk } from "./sheets.ts";
import { reviewYearsOnDisk } from "./review.ts";

export interface PageRoutes {
  countries: string[];
  years: number[];
  /** Years with a year before them: the "What changed" pages. */
  changeYears: number[];
  /** Years with sheets and no published edition: the review pages. */
  reviewYears: number[];
  /** Every page of a parametrised route, in both languages ("/countries/ARM", "/ru/changes/2024"…). */
  dynamicPaths: string[];
}

/** Whether src/ holds the page `file` ("countries/[code].md"), as Markdown or as a page loader. */
export const hasPage = (root: string, file: string): boolean => existsSync(path.join(root, "src", file)) || existsSync(path.join(root, "src", file + ".ts"));

/** The years with a "What changed" page: every year with the year before it (the data loaders' years too). */
export const changeYearsOf = (rows: readonly { year: number }[]): number[] => {
  const years = new Set(rows.map((r) => r.year));
  return [...years].filter((y) => years.has(y - 1)).sort((a, b) => a - b);
};

export async function pageRoutes(root: string): Promise<PageRoutes> {
  const sheets = sheetsOnDisk(root);
  const countries = [...new Set(sheets.map((s) => s.country))].sort();
  const years = [...new Set(sheets.map((s) => s.year))].sort();
  const changeYears = changeYearsOf(sheets);
  const has = (file: string) => hasPage(root, file);
  const reviewYears = has("review/[year].md") ? await reviewYearsOnDisk(root, years) : [];
  const dynamicPaths = [
    ...(has("countries/[code].md") ? countries.map((c) => `/countries/${c}`) : []),
    ...(has("changes/[year].md") ? changeYears.map((y) => `/changes/${y}`) : []),
    ...reviewYears.flatMap((y) => [`/review/${y}`, `/ru/review/${y}`]),
    ...(has("ru/countries/[code].md") ? countries.map((c) => `/ru/countries/${c}`) : []),
    ...(has("ru/changes/[year].md") ? changeYears.map((y) => `/ru/changes/${y}`) : []),
  ];
  return { countries, years, changeYears, reviewYears, dynamicPaths };
}
