// A command of `npm run index -- <name> [args]`. Each lives in loaders/commands/<name>.ts and
// exports `command`; cli.ts finds them there, so adding one edits no shared list.
import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Locale } from "./shared/format.ts";
import { t, type StringKey } from "./shared/strings/index.ts";
import { argsLanguage, pluralForm } from "./language.ts";

export type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig["options"]>;

export interface CommandContext {
  /** Project root (the folder holding data/): --root DIR, or the current directory. */
  root: string;
  /** Directory the user ran the command from; every PATH argument and --out is resolved against it (resolvePath). */
  cwd: string;
  /** Writes one line to standard output (results). */
  out: (line: string) => void;
  /** Writes one line to standard error (problems, diagnostics). */
  err: (line: string) => void;
  /** Raw writers, for output that is not line by line. */
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface Command {
  /** The name typed after `npm run index --`; defaults to the module's file name. */
  name?: string;
  /** The key of its one line for the usage text and its --help (cli.summary.<name>). */
  summary: StringKey;
  /** Arguments after the command name, e.g. "--out DIR". */
  usage?: string;
  args?: string;
  /** Speaks the user's language (--lang, else LANG): cli.ts then words the input problems it prints in it too. */
  speaks?: boolean;
  /** Runs with the arguments after the command name (global options removed); resolves to the exit status. */
  run(args: string[], ctx: CommandContext): Promise<number>;
}

/** A whole context from the parts a caller has (tests, other scripts): lines and raw text go to the same place. */
export function commandContext(part: Partial<CommandContext> & { root: string }): CommandContext {
  const stdout = part.stdout ?? (part.out ? (t: string) => part.out!(t.replace(/\n$/, "")) : (t: string) => void process.stdout.write(t));
  const stderr = part.stderr ?? (part.err ? (t: string) => part.err!(t.replace(/\n$/, "")) : (t: string) => void process.stderr.write(t));
  return {
    root: part.root,
    cwd: part.cwd ?? part.root,
    stdout,
    stderr,
    out: part.out ?? ((line) => stdout(line + "\n")),
    err: part.err ?? ((line) => stderr(line + "\n")),
  };
}

/** Exit statuses shared by every command. */
export const EXIT = { ok: 0, problems: 1, usage: 2, internal: 3 } as const;

/** A command's arguments as parsed: option values by name and the positional arguments. */
export type ParsedArgs<O extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ options: O; strict: true; allowPositionals: true }>>;

export interface ArgsSpec<O extends ParseArgsOptionsConfig> {
  /** The command's name, for messages. */
  name: string;
  /** The command's usage line (Command.usage), printed after any usage error. */
  usage: string;
  options: O;
  /** How many positional arguments the command takes (default: none). */
  positionals?: { min: number; max: number };
}

/**
 * The language of a command's usage errors: a command with --lang (check, review, template) speaks
 * the user's (--lang, else the environment's); the others have only English words of their own.
 */
export const usageLanguage = (args: readonly string[], spec: Pick<ArgsSpec<ParseArgsOptionsConfig>, "options">): Locale =>
  Object.hasOwn(spec.options, "lang") ? argsLanguage(args) : "en";

/** node:util's parse error as the strings tables word it: its code and the option it names. */
function parseProblem(e: Error & { code: string }, lang: Locale): string {
  const option = /'(-[^' ]*)/.exec(e.message)?.[1] ?? "";
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return t(lang, "cli.arg.unknown_option", { option });
  if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    if (/argument missing/.test(e.message)) return t(lang, "cli.arg.missing_value", { option });
    if (/argument is ambiguous/.test(e.message)) return t(lang, "cli.arg.ambiguous", { option });
    if (/does not take an argument/.test(e.message)) return t(lang, "cli.arg.no_value", { option });
  }
  // A parse error this table does not know yet: Node's own first sentence (its messages go on to explain `--`).
  const first = e.message.split(/\.\s/)[0]!.replace(/\.$/, "");
  return first.charAt(0).toLowerCase() + first.slice(1);
}

/**
 * Parses a command's arguments strictly (node:util parseArgs): an unknown option, an option
 * without its value or a wrong number of positionals is a usage error. On one, writes the problem
 * and the usage line to ctx.err and returns undefined; the command then returns EXIT.usage.
 */
export function parseCommandArgs<const O extends ParseArgsOptionsConfig>(args: string[], spec: ArgsSpec<O>, ctx: Pick<CommandContext, "err">): ParsedArgs<O> | undefined {
  const lang = usageLanguage(args, spec);
  let parsed: ParsedArgs<O>;
  try {
    parsed = parseArgs({ args, options: spec.options, strict: true, allowPositionals: true });
  } catch (e) {
    const code = (e as { code?: string }).code ?? "";
    if (!code.startsWith("ERR_PARSE_ARGS_")) throw e;
    usageError(ctx, spec, parseProblem(e as Error & { code: string }, lang), lang);
    return undefined;
  }
  const { min, max } = spec.positionals ?? { min: 0, max: 0 };
  const n = parsed.positionals.length;
  if (n < min || n > max) {
    const got = `${n}${n ? ` (${parsed.positionals.join(" ")})` : ""}`;
    const message =
      max === 0
        ? t(lang, "cli.arg.none", { got })
        : min === max
          ? t(lang, `cli.arg.exactly.${pluralForm(lang, min)}`, { n: min, got })
          : t(lang, "cli.arg.between", { min, max, got });
    usageError(ctx, spec, message, lang);
    return undefined;
  }
  return parsed;
}

/** Writes a usage problem and the command's usage line, in `lang`; returns EXIT.usage. */
export function usageError(ctx: Pick<CommandContext, "err">, spec: Pick<ArgsSpec<ParseArgsOptionsConfig>, "name" | "usage">, message: string, lang: Locale = "en"): number {
  ctx.err(`${spec.name}: ${message}`);
  ctx.err(t(lang, "cli.usage_line", { usage: spec.usage }));
  return EXIT.usage;
}

/** A PATH the user typed (an argument or --out), resolved against the folder the command was run from. */
export const resolvePath = (ctx: Pick<CommandContext, "cwd">, p: string): string => path.resolve(ctx.cwd, p);

/** A written path as the user would type it from where they are ("." for that folder itself). */
export const shownPath = (ctx: Pick<CommandContext, "cwd">, abs: string): string => path.relative(ctx.cwd, abs) || ".";
