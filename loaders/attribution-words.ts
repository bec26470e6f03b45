// The attribution's sentences ("how a contribution was computed") kept as words-to-be: a key of the
// strings tables with its values, numbers still numbers. The attribution says what happened once;
// whoever shows it picks the language (English for the engine's own `detail`, the page's language
// in loaders/present/), so the analysis never depends on a page.
import { fmt, type Locale } from "./shared/format.ts";
import { t, type StringKey } from "./shared/strings/index.ts";
import { CHANGE_KINDS } from "./schema.ts";
import { changeWord, type ChangeKind } from "./workbook/words.ts";
import type { AttributionKind } from "./attribution.ts";

/** A number (quoted exactly: up to six decimals), a text shown as written (ids, versions), a word in each language (an answer), a phrase, or phrases joined. */
export type Term = number | string | Words | Phrase | Joined;
export interface Words {
  words: Record<Locale, string>;
}
export interface Phrase {
  key: StringKey;
  vars?: Record<string, Term>;
}
export interface Joined {
  join: Term[];
  sep: string;
}

export const phrase = (key: StringKey, vars?: Record<string, Term>): Phrase => (vars ? { key, vars } : { key });

/**
 * Numbers as said, per language: every detail quotes the same weights, points and years, and there
 * are detail sentences for every indicator that moved in every pair. Bounded: emptied when full.
 */
const NUMBERS_SAID = 100_000;
const numbersSaid: Record<Locale, Map<number, string>> = { en: new Map(), ru: new Map() };
function sayNumber(x: number, lang: Locale): string {
  const said = numbersSaid[lang];
  // −0 is a key of 0 in a Map: said on its own.
  let text = Object.is(x, -0) ? undefined : said.get(x);
  if (text === undefined) {
    text = fmt(x, { locale: lang, digits: 6, trim: true, group: false });
    if (!Object.is(x, -0)) {
      if (said.size >= NUMBERS_SAID) said.clear();
      said.set(x, text);
    }
  }
  return text;
}

/** A term in words: numbers in the language's format (decimal comma and minus sign in Russian), nested phrases in the same language. */
export function say(term: Term, lang: Locale = "en"): string {
  if (typeof term === "number") return sayNumber(term, lang);
  if (typeof term === "string") return term;
  if ("join" in term) return term.join.map((x) => say(x, lang)).join(term.sep);
  if ("words" in term) return term.words[lang];
  const vars = Object.fromEntries(Object.entries(term.vars ?? {}).map(([k, v]) => [k, say(v, lang)]));
  return t(lang, term.key, vars);
}

/**
 * A kind of change by its name in `lang`: the sheet's own kinds in the workbook's words (words.ts,
 * what an expert writes in the change column), the attribution's other kinds from the strings
 * tables. English names are the ids, as changes.csv writes them.
 */
export function kindName(kind: AttributionKind, lang: Locale = "en"): string {
  return (CHANGE_KINDS as readonly string[]).includes(kind) ? changeWord(kind as ChangeKind, lang) : t(lang, `attribution.kind.${kind as Exclude<AttributionKind, ChangeKind>}`);
}
