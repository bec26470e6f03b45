// One table of interface strings per language (./en.ts, ./ru.ts); pages, charts and commands look
// words up here, never write them inline. Browser-safe (bundled into src/components/engine.js).
import { en, type StringKey } from "./en.ts";
import { ru } from "./ru.ts";
import type { Locale } from "../format.ts";

export type { StringKey };
export const LANGS: readonly Locale[] = ["en", "ru"];
export const STRINGS: Record<Locale, Record<StringKey, string>> = { en, ru };

/** The string `key` in `lang`, with each {name} replaced by vars[name]; an unknown placeholder is an error, not a blank. */
export function t(lang: Locale, key: StringKey, vars: Record<string, string | number> = {}): string {
  const template = STRINGS[lang][key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in vars)) throw new Error(`string "${key}" (${lang}) needs a value for {${name}}`);
    return String(vars[name]);
  });
}
