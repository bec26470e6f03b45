// The language a command speaks to its user: --lang ru|en, else the locale of the environment
// (LC_ALL, LC_MESSAGES, LANG, in POSIX order: the first one set wins), else English.
import { parseArgs } from "node:util";
import type { Locale } from "./shared/format.ts";
import { LANGS, t } from "./shared/strings/index.ts";
import { usageError, type ArgsSpec, type CommandContext, type ParseArgsOptionsConfig } from "./command.ts";

/** The plural form of `n` a language's noun takes (CLDR rules; English knows one and many). */
export function pluralForm(lang: Locale, n: number): "one" | "few" | "many" {
  if (lang === "en") return n === 1 ? "one" : "many";
  const ten = n % 10;
  const hundred = n % 100;
  if (ten === 1 && hundred !== 11) return "one";
  if (ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14)) return "few";
  return "many";
}

/** The user's language, or an error naming the value of --lang that is neither. */
export function userLanguage(option: string | undefined, env: NodeJS.ProcessEnv = process.env): { lang: Locale } | { error: string } {
  if (option !== undefined) {
    const l = option.trim().toLowerCase();
    return (LANGS as readonly string[]).includes(l) ? { lang: l as Locale } : { error: JSON.stringify(option) };
  }
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== "") ?? "";
  return { lang: /^ru([_.@-]|$)/i.test(locale) ? "ru" : "en" };
}

/**
 * The language a command line asks for (its last --lang, when that names a language), else the
 * environment's (also when --lang names neither): how cli.ts words what it prints for a command that failed on its input.
 */
export function argsLanguage(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Locale {
  const { tokens } = parseArgs({ args: [...args], options: { lang: { type: "string" } }, strict: false, allowPositionals: true, tokens: true });
  const option = tokens.filter((x) => x.kind === "option" && x.name === "lang").map((x) => (x.kind === "option" ? x.value : undefined)).pop();
  const language = userLanguage(option, env);
  return "error" in language ? (userLanguage(undefined, env) as { lang: Locale }).lang : language.lang;
}

/**
 * A command's language from its parsed --lang (and the environment), or the usage error's exit code
 * when --lang is neither language: check and review answer a wrong --lang alike.
 */
export function commandLanguage(ctx: Pick<CommandContext, "err">, spec: Pick<ArgsSpec<ParseArgsOptionsConfig>, "name" | "usage">, option: string | undefined): Locale | number {
  const language = userLanguage(option);
  if (!("error" in language)) return language.lang;
  // --lang names no language: the error is in the environment's.
  const lang = (userLanguage(undefined) as { lang: Locale }).lang;
  return usageError(ctx, spec, t(lang, "check.bad_lang", { got: language.error }), lang);
}
