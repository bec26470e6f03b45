// Fixes to the HTML Framework writes for every page, applied by scripts/build.ts after Framework has
// built them (Framework 1.13 hard-codes these parts of its page template):
//   - zoom allowed: its viewport meta says `maximum-scale=1`, which stops readers zooming on a phone;
//   - the page's language on <html> (when nothing has set one), so screen readers pronounce it right;
//   - the sidebar's list holds only list items: Framework puts its close button (a <label>) inside <ol>;
//   - a skip link to the page's content, first in the page.
import { t } from "../loaders/shared/strings/index.ts";
import type { Locale } from "../loaders/shared/format.ts";

/** The language of a built page from its path under dist/: the Russian edition is under ru/. */
export const pageLanguage = (relPath: string): Locale => (/^ru(\/|\\)/.test(relPath) ? "ru" : "en");

export function accessiblePage(html: string, lang: Locale): string {
  return html
    .replace(/(<meta name="viewport" content="[^"]*?),\s*maximum-scale=1(\.0)?/, "$1")
    .replace(/<html>/, `<html lang="${lang}">`)
    .replace(/(<nav id="observablehq-sidebar">\s*)<ol>(\s*)(<label id="observablehq-sidebar-close"[^>]*><\/label>)/, "$1$3$2<ol>")
    .replace(/<body>/, `<body>\n<a class="skip-link" href="#observablehq-main">${t(lang, "a11y.skip_to_content")}</a>`);
}
