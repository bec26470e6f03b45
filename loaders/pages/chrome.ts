// The site's chrome in each page's language: navigation, the language switch and the reconstruction
// notice. Framework has one sidebar for all pages, so the site turns it off and writes its own
// navigation into the header, which Framework renders per page from the page's path.
import type { Locale } from "../shared/format.ts";
import { t, type StringKey } from "../shared/strings/index.ts";
import { pathIn, relative, sitePathOf } from "./page.ts";

export interface SiteMap {
  /** English-site paths of the pages that exist, with their string key, in reading order. */
  pages: { key: StringKey; path: string }[];
  countries: { code: string; name_en: string; name_ru: string }[];
  changeYears: number[];
  /** Whether the page at `sitePath` exists in `lang` (a page not yet written in one language is linked in the other). */
  exists: (lang: Locale, sitePath: string) => boolean;
}

export const langOf = (pagePath: string): Locale => (sitePathOf(pagePath) === pagePath ? "en" : "ru");

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Framework's page path ("/ru/index" for the Russian home page) as a site path ("/ru/"). */
const normal = (p: string) => p.replace(/(^|\/)index$/, "$1") || "/";

export function header(pagePath: string, site: SiteMap): string {
  const page = normal(pagePath);
  const lang = langOf(page);
  const other: Locale = lang === "en" ? "ru" : "en";
  const sitePath = sitePathOf(page);
  const linkLang = (target: string): Locale => (site.exists(lang, target) ? lang : other);
  const link = (target: string) => esc(relative(page, pathIn(linkLang(target), target)));
  const current = (target: string) => (target === sitePath ? ' aria-current="page"' : "");
  const hreflang = (target: string) => (linkLang(target) === lang ? "" : ` hreflang="${other}"`);
  const item = (key: StringKey, target: string) => `<li><a href="${link(target)}"${hreflang(target)}${current(target)}>${esc(t(lang, key))}</a></li>`;
  const group = (key: StringKey, items: { name: string; path: string }[], open: boolean) =>
    `<li><details${open ? " open" : ""}><summary>${esc(t(lang, key))}</summary><ul>${items.map((i) => `<li><a href="${link(i.path)}"${current(i.path)}>${esc(i.name)}</a></li>`).join("")}</ul></details></li>`;
  const items = site.pages.map((p) =>
    p.path === "/countries"
      ? group(p.key, site.countries.map((c) => ({ name: lang === "ru" ? c.name_ru : c.name_en, path: `/countries/${c.code}` })), false)
      : p.path === "/changes"
        ? group(p.key, site.changeYears.map((y) => ({ name: String(y), path: `/changes/${y}` })), false)
        : item(p.key, p.path),
  );
  const switchTo = esc(relative(page, pathIn(other, sitePath)));
  const languageSwitch = site.exists(other, sitePath)
    ? `<a class="language-switch" href="${switchTo}" hreflang="${other}" lang="${other}" title="${esc(t(lang, "site.switch_language_label"))}">${esc(t(lang, "site.switch_language"))}</a>`
    : "";
  return (
    `<nav class="site-nav" aria-label="${esc(t(lang, "site.nav.label"))}"><ul>${items.join("")}</ul>${languageSwitch}</nav>` +
    `<div class="reconstruction-notice" role="note"><strong>${esc(t(lang, "site.notice.label"))}</strong> ${esc(t(lang, "site.notice.text"))} <a href="${link("/reconstruction")}">${esc(t(lang, "site.notice.link"))}</a>.</div>`
  );
}

/**
 * The build's post-processing of one written page: `<html lang>`, and the two words Framework writes
 * from the one configuration for every page, the site title and the table of contents' label, in
 * the page's language.
 */
export function localiseHtml(relFile: string, html: string): string {
  const lang: Locale = relFile.split(/[\\/]/)[0] === "ru" ? "ru" : "en";
  let out = html.replace(/<html>/, `<html lang="${lang}">`);
  if (lang !== "en")
    out = out
      .replace(/(<title>[^<]*\| )[^<]*(<\/title>)/, `$1${esc(t(lang, "site.title"))}$2`)
      .replace(/(<aside id="observablehq-toc"[^>]*>\s*<nav>\s*<div>)Contents(<\/div>)/, `$1${esc(t(lang, "site.toc"))}$2`);
  return out;
}
