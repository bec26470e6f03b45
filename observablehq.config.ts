// Observable Framework configuration. Private by construction: no third-party
// stylesheet, font, script or telemetry; every page carries the reconstruction notice.
import { readdirSync, existsSync } from "node:fs";
import { readTable, parseRows } from "./loaders/read.ts";
import { columnsOf } from "./loaders/project.ts";
import { CountryRow } from "./loaders/schema.ts";
import path from "node:path";
import { fileURLToPath } from "node:url";

// fileURLToPath, not URL.pathname: the pathname stays percent-encoded ("my%20project"), so a project in a
// folder whose name holds a space, a non-ASCII letter or "#" would find no sheets and build no country pages.
const root = path.dirname(fileURLToPath(import.meta.url));

/** Country codes and years that have a sheet in data/sheets/<year>/<CODE>.(csv|xlsx). */
function sheetsOnDisk(): { year: number; country: string }[] {
  const dir = path.join(root, "data", "sheets");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((y) => /^\d{4}$/.test(y))
    .flatMap((y) =>
      readdirSync(path.join(dir, y))
        .filter((f) => /^[A-Z]{3}\.(csv|xlsx)$/.test(f))
        .map((f) => ({ year: Number(y), country: f.slice(0, 3) })),
    );
}

/** Country names for the sidebar, read through the engine's own reader and schema; codes if unreadable
 * (the data loaders then report the problem and fail the build). */
async function countryNames(): Promise<Record<string, string>> {
  try {
    const table = await readTable(root, "data/countries.csv", columnsOf(CountryRow));
    return Object.fromEntries(parseRows(table, CountryRow).rows.map((c) => [c.code, c.name_en]));
  } catch {
    return {};
  }
}

const sheets = sheetsOnDisk();
const names = await countryNames();
const countries = [...new Set(sheets.map((s) => s.country))].sort();
const years = [...new Set(sheets.map((s) => s.year))].sort();
const changeYears = years.filter((y) => years.includes(y - 1));

/** A link that works from any page depth, also when the site is opened from disk. */
function relative(from: string, to: string): string {
  const depth = from.split("/").length - 2;
  return (depth > 0 ? "../".repeat(depth) : "./") + to.replace(/^\//, "");
}

/** Pages are listed only once their Markdown exists, so the sidebar never links to nothing. */
// A page is a Markdown file or a page loader (<page>.md.ts, emitted once per language: loaders/pages/page.ts).
const has = (file: string) => existsSync(path.join(root, "src", file)) || existsSync(path.join(root, "src", file + ".ts"));
const page = (name: string, p: string, file: string) => (has(file) ? [{ name, path: p }] : []);

export default {
  root: "src",
  title: "Prohibition of Torture Index",
  globalStylesheets: [],
  style: "style.css",
  search: false,
  interpreters: { ".ts": ["node", "--import", "tsx"] },
  dynamicPaths: [
    ...(has("countries/[code].md") ? countries.map((c) => `/countries/${c}`) : []),
    ...(has("changes/[year].md") ? changeYears.map((y) => `/changes/${y}`) : []),
  ],
  pages: [
    ...page("Results", "/results", "results.md"),
    ...page("Methodology", "/methodology", "methodology.md"),
    ...(has("countries/[code].md") ? [{ name: "Countries", pages: countries.map((c) => ({ name: names[c] ?? c, path: `/countries/${c}` })) }] : []),
    ...(has("changes/[year].md") ? [{ name: "What changed", pages: changeYears.map((y) => ({ name: String(y), path: `/changes/${y}` })) }] : []),
    ...page("Sensitivity", "/sensitivity", "sensitivity.md"),
    ...page("Audit", "/audit", "audit.md"),
    ...page("Downloads", "/downloads", "downloads.md"),
    ...page("How the data were reconstructed", "/reconstruction", "reconstruction.md"),
    ...page("Glossary", "/glossary", "glossary.md"),
  ],
  header: ({ path: page }: { path: string }) => `<div class="reconstruction-notice" role="note"><strong>Reconstructed example data.</strong> Only the Index totals and the release statements are published by the Working Group. The codebook and every indicator-level answer shown here are a reconstruction consistent with the public record, not the Working Group's data. <a href="${relative(page, "/reconstruction")}">How the reconstruction was made</a>.</div>`,
  footer: "Prohibition of Torture Index methodology notebook. Built offline from the files in <code>data/</code>; this site loads nothing from any third party.",
};
