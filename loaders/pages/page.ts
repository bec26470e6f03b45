// Pages are written once and emitted in each language by Framework page loaders: src/<page>.md.ts
// (English, at the site's root) and src/ru/<page>.md.ts (Russian, under /ru/) each call emitPage
// with the same render function. The render function returns the page's Markdown; headings and
// prose are plain text from the strings tables, so the table of contents reads as the page does.
import type { Locale } from "../shared/format.ts";
import { t, type StringKey } from "../shared/strings/index.ts";
import { linkGlossaryTerms } from "./glossary-links.ts";
import { collector } from "../collect.ts";
import { routeParam } from "./words.ts";

export interface PageContext {
  lang: Locale;
  /** The page's own address in its language, e.g. "/reconstruction" or "/ru/reconstruction". */
  path: string;
  /** Relative prefix from this page to the site root's files ("./", "../", "../../"). */
  base: string;
  t: (key: StringKey, vars?: Record<string, string | number>) => string;
  /** The address of an English-site path (e.g. "/methodology") in this page's language, relative to this page. */
  href: (sitePath: string) => string;
}

/** The English-site path of `path` ("/ru/x" → "/x"). */
export const sitePathOf = (path: string): string => (path === "/ru" || path.startsWith("/ru/") ? path.slice(3) || "/" : path);
/** `sitePath` in `lang` ("/x" → "/ru/x"; "/" → "/ru/"). */
export const pathIn = (lang: Locale, sitePath: string): string => (lang === "en" ? sitePath : sitePath === "/" ? "/ru/" : `/ru${sitePath}`);

/** A link from page `from` to `to` that works at any depth, also when the site is opened from disk. */
export function relative(from: string, to: string): string {
  const depth = from.split("/").length - 2;
  return (depth > 0 ? "../".repeat(depth) : "./") + to.replace(/^\//, "");
}

export function pageContext(lang: Locale, sitePath: string): PageContext {
  const path = pathIn(lang, sitePath);
  return {
    lang,
    path,
    base: relative(path, "/"),
    t: (key, vars) => t(lang, key, vars),
    href: (target) => relative(path, pathIn(lang, target)),
  };
}

export type RenderPage = (ctx: PageContext) => string | Promise<string>;

/**
 * The page's Markdown as a reader gets it: rendered in `lang`, with the first use of each glossary
 * term linked to the glossary in the same language (the glossary itself links none).
 */
export async function pageMarkdown(render: RenderPage, lang: Locale, sitePath: string): Promise<string> {
  const ctx = pageContext(lang, sitePath);
  const md = await render(ctx);
  return sitePath === "/glossary" ? md : linkGlossaryTerms(md, lang, ctx.href("/glossary"));
}

/** What a page loader (src/<page>.md.ts) hands the build: its render function, language and route ("/countries/[code]"). */
export interface PageRegistration {
  render: RenderPage;
  lang: Locale;
  /** The English-site path, with a [name] for each route parameter. */
  route: string;
}
const pages = collector<PageRegistration>();
/** What the page loader at `url` registers when the build imports it (null: it registers nothing, and Framework runs it). */
export const collectPage = (url: string) => pages.collect(url);

/** The route with each [name] filled in by `param(name)` (by default Framework's --name=value argument). */
export function fillRoute(route: string, param: (name: string) => string = (name) => routeParam(name)): string {
  return route.replace(/\[([^\]]+)\]/g, (_, name: string) => param(name));
}

/**
 * A page loader's one call. Run by Framework, it writes the page's Markdown to standard output, and
 * any error fails the build; imported by the build (loaders/payloads.ts writePageOutputs), it hands
 * over its render function, and the build writes every page of the route in its own process.
 */
export async function emitPage(render: RenderPage, lang: Locale, route: string): Promise<void> {
  if (pages.active) return pages.register({ render, lang, route });
  try {
    process.stdout.write(await pageMarkdown(render, lang, fillRoute(route)));
  } catch (e) {
    process.stderr.write(String((e as Error)?.stack ?? e) + "\n");
    process.exit(1);
  }
}
