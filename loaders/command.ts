// A command of `npm run index -- <name> [args]`. Each lives in loaders/commands/<name>.ts and
// exports `command`; cli.ts finds them there, so adding one edits no shared list.
import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";

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
  /** One line for the usage text. */
  summary: string;
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
 * Parses a command's arguments strictly (node:util parseArgs): an unknown option, an option
 * without its value or a wrong number of positionals is a usage error. On one, writes the problem
 * and the usage line to ctx.err and returns undefined; the command then returns EXIT.usage.
 */
export function parseCommandArgs<const O extends ParseArgsOptionsConfig>(args: string[], spec: ArgsSpec<O>, ctx: Pick<CommandContext, "err">): ParsedArgs<O> | undefined {
  let parsed: ParsedArgs<O>;
  try {
    parsed = parseArgs({ args, options: spec.options, strict: true, allowPositionals: true });
  } catch (e) {
    const code = (e as { code?: string }).code ?? "";
    if (!code.startsWith("ERR_PARSE_ARGS_")) throw e;
    // Node's messages go on to explain `--`; the first sentence names the problem.
    const first = (e as Error).message.split(/\.\s/)[0]!.replace(/\.$/, "");
    usageError(ctx, spec, first.charAt(0).toLowerCase() + first.slice(1));
    return undefined;
  }
  const { min, max } = spec.positionals ?? { min: 0, max: 0 };
  const n = parsed.positionals.length;
  if (n < min || n > max) {
    const wanted = max === 0 ? "no arguments" : min === max ? `${min} argument${min === 1 ? "" : "s"}` : `${min} to ${max} arguments`;
    usageError(ctx, spec, `expected ${wanted} besides options, got ${n}${n ? ` (${parsed.positionals.join(" ")})` : ""}`);
    return undefined;
  }
  return parsed;
}

/** Writes a usage problem and the command's usage line; returns EXIT.usage. */
export function usageError(ctx: Pick<CommandContext, "err">, spec: Pick<ArgsSpec<ParseArgsOptionsConfig>, "name" | "usage">, message: string): number {
  ctx.err(`${spec.name}: ${message}`);
  ctx.err(`usage: npm run index -- ${spec.usage}`);
  return EXIT.usage;
}

/** A PATH the user typed (an argument or --out), resolved against the folder the command was run from. */
export const resolvePath = (ctx: Pick<CommandContext, "cwd">, p: string): string => path.resolve(ctx.cwd, p);

/** A written path as the user would type it from where they are ("." for that folder itself). */
export const shownPath = (ctx: Pick<CommandContext, "cwd">, abs: string): string => path.relative(ctx.cwd, abs) || ".";
