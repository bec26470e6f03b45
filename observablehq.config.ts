// Observable Framework configuration. Private by construction: no third-party
// stylesheet, font, script or telemetry; every page carries the reconstruction notice.
import { readTable, parseRows } from "./loaders/read.ts";
import { columnsOf } from "./loaders/project.ts";
import { CountryRow } from "./loaders/schema.ts";
import { hasPage, pageRoutes } from "./loaders/pages/routes.ts";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gitState, snapshotInputs } from "./loaders/manifest.ts";
import { footerHtml, inputsDigest, repositoryLicences } from "./loaders/present/footer.ts";
import { header, type SiteMap } from "./loaders/pages/chrome.ts";

// fileURLToPath, not URL.pathname: the pathname stays percent-encoded ("my%20project"), so a project in a
// folder whose name holds a space, a non-ASCII letter or "#" would find no sheets and build no country pages.
const root = path.dirname(fileURLToPath(import.meta.url));

/** Country names for the sidebar, read through the engine's own reader and schema; codes if unreadable
 * (the data loaders then report the problem and fail the build). */
async function countryNames(): Promise<Record<string, { name_en: string; name_ru: string }>> {
  try {
    const table = await readTable(root, "data/countries.csv", columnsOf(CountryRow));
    return Object.fromEntries(parseRows(table, CountryRow).rows.map((c) => [c.code, { name_en: c.name_en, name_ru: c.name_ru }]));
  } catch {
    return {};
  }
}

const names = await countryNames();
const { countries, changeYears, dynamicPaths } = await pageRoutes(root);

/** A link that works from any page depth, also when the site is opened from disk. */
function relative(from: string, to: string): string {
  const depth = from.split("/").length - 2;
  return (depth > 0 ? "../".repeat(depth) : "./") + to.replace(/^\//, "");
}

/** The licence the repository states: package.json's `license`, else the first line of a LICENSE file; null if neither. */

// What every page says it was built from: the commit and the hash of the inputs, taken as the build takes
// them for the manifest (gitState, snapshotInputs), so the footer and dist/manifest.json agree.
const built = { commit: gitState(root), inputs: inputsDigest((await snapshotInputs(root)).values()), licence: repositoryLicences(root) };

/** Pages are listed only once their Markdown exists, so the navigation never links to nothing. */
// A page is a Markdown file or a page loader (<page>.md.ts, emitted once per language: loaders/pages/page.ts).
const has = (file: string) => hasPage(root, file);
const page = (key: SiteMap["pages"][number]["key"], p: string, file: string) => (has(file) ? [{ key, path: p }] : []);
// Once the results have their own page (/results), "/" is the front page.
const results = has("results.md");

const site: SiteMap = {
  pages: [
    ...(results ? [...page("site.nav.home", "/", "index.md"), ...page("site.nav.results", "/results", "results.md")] : page("site.nav.results", "/", "index.md")),
    ...page("site.nav.methodology", "/methodology", "methodology.md"),
    ...(has("countries/[code].md") ? [{ key: "site.nav.countries" as const, path: "/countries" }] : []),
    ...(has("changes/[year].md") ? [{ key: "site.nav.changes" as const, path: "/changes" }] : []),
    ...page("site.nav.sensitivity", "/sensitivity", "sensitivity.md"),
    ...page("site.nav.audit", "/audit", "audit.md"),
    ...page("site.nav.downloads", "/downloads", "downloads.md"),
    ...page("site.nav.glossary", "/glossary", "glossary.md"),
    ...page("site.nav.reconstruction", "/reconstruction", "reconstruction.md"),
  ],
  countries: countries.map((c) => ({ code: c, name_en: names[c]?.name_en ?? c, name_ru: names[c]?.name_ru ?? c })),
  changeYears,
  exists: (lang, sitePath) => {
    const file = sitePath === "/" ? "index.md" : sitePath.replace(/^\/countries\/[^/]+$/, "/countries/[code]").replace(/^\/changes\/\d+$/, "/changes/[year]").slice(1) + ".md";
    return has(lang === "en" ? file : `${lang}/${file}`);
  },
};

export default {
  root: "src",
  title: "Prohibition of Torture Index",
  globalStylesheets: [],
  style: "style.css",
  search: false,
  interpreters: { ".ts": ["node", "--import", "tsx"] },
  // Every country, "What changed" and review page (loaders/pages/routes.ts); the build writes the same list.
  dynamicPaths,
  // One sidebar serves every page in Framework, so there is none: each page's header carries the
  // navigation and the language switch in its own language (loaders/pages/chrome.ts).
  sidebar: false,
  pager: false,
  header: ({ path: p }: { path: string }) => header(p, site),
  footer: ({ path: page }: { path: string }) =>
    footerHtml({ lang: page.startsWith("/ru/") ? "ru" : "en", commit: built.commit, inputs: built.inputs, licence: built.licence, reconstructionHref: relative(page, page.startsWith("/ru/") ? "/ru/reconstruction" : "/reconstruction") }),
};
