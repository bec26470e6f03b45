// A page's first use of each glossary term, linked to the term's entry in the glossary of the page's
// language, so a reader meets every technical word one click from its explanation. Which words count
// as a term's use is data (the strings tables' page.glossary.forms.* keys, per language, Russian case
// forms included); this function only finds them, and only in running text: never in the front
// matter, code, inline expressions, headings, tables, block quotes (the Working Group's own words),
// HTML blocks (styles, scripts, the notice), links or HTML tags.
import type { Locale } from "../shared/format.ts";
import { t, type StringKey } from "../shared/strings/index.ts";
import { GLOSSARY_TERMS, type GlossaryTerm } from "./glossary.ts";

/**
 * The glossary's terms that are also everyday words here (an index of an array, "this section", an
 * English or Russian edition of the site, a weight or a rank in passing): never linked as such, only
 * where a glossary-worthy form of them is listed under another term. A page links every other term.
 */
const EVERYDAY_TERMS = ["index", "section", "indicator", "points", "weight", "rank", "edition"] as const satisfies readonly GlossaryTerm[];
export type LinkedTerm = Exclude<GlossaryTerm, (typeof EVERYDAY_TERMS)[number]>;
export const LINKED_TERMS: readonly LinkedTerm[] = GLOSSARY_TERMS.filter((id): id is LinkedTerm => !(EVERYDAY_TERMS as readonly string[]).includes(id));

export const formsKey = (id: LinkedTerm) => `page.glossary.forms.${id}` as StringKey;

/** The words that count as a use of `id` in `lang`, as the strings table lists them ("a | b | c"). */
export const formsOf = (lang: Locale, id: LinkedTerm): string[] =>
  t(lang, formsKey(id)).split("|").map((f) => f.trim()).filter(Boolean);

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One pattern for all forms of all terms, longest first, so "Sobol indices" wins over "Sobol". */
function matcher(lang: Locale): { re: RegExp; termOf: Map<string, LinkedTerm> } {
  const termOf = new Map<string, LinkedTerm>();
  for (const id of LINKED_TERMS)
    for (const form of formsOf(lang, id)) {
      const prior = termOf.get(form);
      if (prior && prior !== id) throw new Error(`glossary form "${form}" (${lang}) is listed for both ${prior} and ${id}`);
      termOf.set(form, id);
      // A form written in lower case is also its use at the start of a sentence.
      const capital = form[0]!.toLocaleUpperCase(lang) + form.slice(1);
      if (capital !== form && !termOf.has(capital)) termOf.set(capital, id);
    }
  const forms = [...termOf.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const re = new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${forms.map(escapeRe).join("|")})(?![\\p{L}\\p{N}_])`, "gu");
  return { re, termOf };
}

/** Elements whose content is not running text: skipped with the element. */
const OPAQUE = /^<(a|code|kbd|samp|pre|script|style|textarea|abbr)\b/i;

/**
 * A prose line cut into text (to search) and kept pieces (code spans, inline expressions, links,
 * HTML tags, addresses), in order.
 */
function pieces(line: string): { text: boolean; s: string }[] {
  const out: { text: boolean; s: string }[] = [];
  let text = "";
  const keep = (s: string) => {
    if (text) out.push({ text: true, s: text });
    text = "";
    out.push({ text: false, s });
  };
  let i = 0;
  while (i < line.length) {
    const rest = line.slice(i);
    let m: RegExpExecArray | null;
    if (rest.startsWith("${")) {
      // A Framework inline expression: up to its matching brace.
      let depth = 0;
      let j = i;
      for (; j < line.length; j++) {
        if (line[j] === "{") depth++;
        else if (line[j] === "}" && --depth === 0) break;
      }
      keep(line.slice(i, j + 1));
      i = j + 1;
    } else if ((m = /^`+/.exec(rest))) {
      const close = line.indexOf(m[0], i + m[0].length);
      const end = close < 0 ? line.length : close + m[0].length;
      keep(line.slice(i, end));
      i = end;
    } else if ((m = /^!?\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])?/.exec(rest))) {
      keep(m[0]);
      i += m[0].length;
    } else if ((m = /^<\/?[A-Za-z][^>]*>/.exec(rest))) {
      const opaque = OPAQUE.exec(m[0]);
      const close = opaque ? line.toLowerCase().indexOf(`</${opaque[1]!.toLowerCase()}>`, i) : -1;
      const end = close < 0 ? i + m[0].length : close + opaque![1]!.length + 3;
      keep(line.slice(i, end));
      i = end;
    } else if ((m = /^(?:https?:\/\/|www\.)\S+/.exec(rest)) || (m = /^<!--.*?(?:-->|$)/.exec(rest))) {
      keep(m[0]);
      i += m[0].length;
    } else {
      text += line[i];
      i++;
    }
  }
  if (text) out.push({ text: true, s: text });
  return out;
}

const HEADING = /^ {0,3}#{1,6}(\s|$)/;
const SETEXT = /^ {0,3}(=+|-+)\s*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const RAW_HTML = /^ {0,3}<(script|style|pre|textarea)\b/i;

/**
 * The page's Markdown with the first use of each linked term in its running text made a link to
 * `glossaryHref#<term>` (the glossary in the page's language, relative to the page). Every other
 * byte is left as it was.
 */
export function linkGlossaryTerms(markdown: string, lang: Locale, glossaryHref: string): string {
  const { re, termOf } = matcher(lang);
  const linked = new Set<LinkedTerm>();
  const lines = markdown.split("\n");
  let fence: string | null = null; // the open code fence
  let html: string | null = null; // the open HTML block: its closing tag, or "" (ends at a blank line)
  let frontMatter = lines[0] === "---";
  // A row of a pipe table: in a run of lines with "|" that has a delimiter row under its first.
  const isTableRow = (i: number): boolean => {
    let first = i;
    while (first > 0 && lines[first - 1]!.includes("|") && !HEADING.test(lines[first - 1]!)) first--;
    return /^\s*\|/.test(lines[i]!) || TABLE_DELIMITER.test(lines[first + 1] ?? "") || TABLE_DELIMITER.test(lines[i]!);
  };
  return lines
    .map((line, i) => {
      if (frontMatter) {
        if (i > 0 && line === "---") frontMatter = false;
        return line;
      }
      if (fence !== null) {
        if (new RegExp(`^ {0,3}${escapeRe(fence[0]!)}{${fence.length},}\\s*$`).test(line)) fence = null;
        return line;
      }
      if (html !== null) {
        if (html === "" ? line.trim() === "" : line.toLowerCase().includes(html)) html = null;
        return line;
      }
      const f = FENCE.exec(line);
      if (f) {
        fence = f[1]!;
        return line;
      }
      if (/^ {0,3}</.test(line)) {
        const raw = RAW_HTML.exec(line);
        const closing = raw ? `</${raw[1]!.toLowerCase()}>` : "";
        if (!(raw && line.toLowerCase().includes(closing)) && !(line.trim() === "")) html = closing;
        return line;
      }
      if (line.trim() === "" || HEADING.test(line) || /^ {0,3}>/.test(line) || /^( {4}|\t)/.test(line)) return line;
      if (SETEXT.test(line) || (SETEXT.test(lines[i + 1] ?? "") && lines[i + 1]!.trim() !== "")) return line;
      if (line.includes("|") && isTableRow(i)) return line;
      return pieces(line)
        .map(({ text, s }) =>
          !text
            ? s
            : s.replace(re, (form) => {
                const id = termOf.get(form)!;
                if (linked.has(id)) return form;
                linked.add(id);
                return `[${form}](${glossaryHref}#${id})`;
              }),
        )
        .join("");
    })
    .join("\n");
}
