// One table of interface strings per language (./en.ts, ./ru.ts); pages, charts and commands look
// words up here, never write them inline. Browser-safe (bundled into src/components/engine.js).
import { en, type StringKey } from "./en.ts";
import { ru } from "./ru.ts";
import type { Locale } from "../format.ts";

export type { StringKey };
export const LANGS: readonly Locale[] = ["en", "ru"];
export const STRINGS: Record<Locale, Record<StringKey, string>> = { en, ru };

// Each string split once into its text and its {name}s (text at even places, names at odd): the
// engine words hundreds of thousands of sentences in a large project's build, and a regular
// expression run over the template every time was a tenth of the audit trace's cost.
const compiled: Record<Locale, Map<StringKey, string[]>> = { en: new Map(), ru: new Map() };
function partsOf(lang: Locale, key: StringKey): string[] {
  let parts = compiled[lang].get(key);
  if (!parts) compiled[lang].set(key, (parts = STRINGS[lang][key].split(/\{(\w+)\}/)));
  return parts;
}

/** The string `key` in `lang`, with each {name} replaced by vars[name]; an unknown placeholder is an error, not a blank. */
export function t(lang: Locale, key: StringKey, vars: Record<string, string | number> = {}): string {
  const parts = partsOf(lang, key);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    if (!(name in vars)) throw new Error(`string "${key}" (${lang}) needs a value for {${name}}`);
    out += String(vars[name]) + parts[i + 1]!;
  }
  return out;
}
