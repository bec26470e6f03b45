// `npm run index -- <command> [args]`. Every module in loaders/commands/ that exports
// `command` is a command (named by its `name`, else its file name): adding one edits nothing here.
//
// Global option: --root DIR (the project root holding data/; default: the current directory).
// Exit status: 0 fine, 1 input problems, 2 usage error, 3 internal error.
import path from "node:path";
import { readdirSync } from "node:fs";
import { parseArgs } from "node:util";
import { fileURLToPath, pathToFileURL } from "node:url";
import { InputError, formatProblem } from "./problems.ts";
import { EXIT, type Command, type CommandContext } from "./command.ts";
import type { Locale } from "./shared/format.ts";
import { argsLanguage } from "./language.ts";
import { t } from "./shared/strings/index.ts";
import { count } from "./shared/format.ts";

const commandDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "commands");
export const commands: Record<string, Command> = Object.fromEntries(
  await Promise.all(
    readdirSync(commandDir)
      .filter((f) => f.endsWith(".ts"))
      .sort()
      .map(async (f) => {
        const { command } = (await import(pathToFileURL(path.join(commandDir, f)).href)) as { command: Command };
        return [command.name ?? f.replace(/\.ts$/, ""), command] as const;
      }),
  ),
);

/** A command's arguments for the usage text, without the command's own name. */
const argsText = (name: string, c: Command) => {
  const a = (c.usage ?? c.args ?? "").replace(new RegExp(`^${name}\\b\\s*`), "");
  return a ? a + "  " : "";
};

export function usage(lang: Locale = "en"): string {
  const width = Math.max(...Object.keys(commands).map((k) => k.length));
  return [
    t(lang, "cli.usage"),
    "",
    t(lang, "cli.commands"),
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${argsText(name, c)}${t(lang, c.summary)}`),
    "",
    t(lang, "cli.root_help"),
  ].join("\n");
}

/** `<command> --help`: the command's usage line and what it does. */
export function commandHelp(name: string, c: Command, lang: Locale = "en"): string {
  return [t(lang, "cli.usage_line", { usage: c.usage ?? `${name} ${c.args ?? ""}`.trim() }), "", t(lang, c.summary)].join("\n");
}

/** Does a command line ask for help (--help or -h before any `--`)? */
const asksHelp = (args: readonly string[]) => {
  const end = args.indexOf("--");
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === "--help" || a === "-h");
};

/**
 * Takes the global --root DIR (wherever it stands) out of the arguments; the rest, in order, is the
 * command and its own arguments, which the command parses strictly itself.
 */
export function globalOptions(argv: string[], lang: Locale = "en"): { root: string | undefined; rest: string[] } | { error: string } {
  const { tokens } = parseArgs({ args: argv, options: { root: { type: "string" } }, strict: false, allowPositionals: true, tokens: true });
  const taken = new Set<number>();
  let root: string | undefined;
  for (const tok of tokens) {
    if (tok.kind !== "option" || tok.name !== "root") continue;
    // Not strict (the command's options are unknown here), so check the value as strict mode would.
    if (tok.value === undefined || (!tok.inlineValue && tok.value.startsWith("-"))) return { error: t(lang, "cli.root_needs_folder") };
    root = tok.value;
    taken.add(tok.index);
    if (!tok.inlineValue) taken.add(tok.index + 1);
  }
  return { root, rest: argv.filter((_, i) => !taken.has(i)) };
}

/** Runs the CLI with the arguments after the program name; resolves to the exit status. */
export async function main(argv: string[], io: Partial<CommandContext> = {}): Promise<number> {
  const stdout = io.stdout ?? ((text: string) => void process.stdout.write(text));
  const stderr = io.stderr ?? ((text: string) => void process.stderr.write(text));
  const out = io.out ?? ((line: string) => stdout(line + "\n"));
  const err = io.err ?? ((line: string) => stderr(line + "\n"));
  // `npm run` starts scripts in the package folder (the default root) and keeps the user's own
  // folder in INIT_CWD: relative paths the user typed are resolved against that.
  const cwd = io.cwd ?? process.env.INIT_CWD ?? process.cwd();
  // The CLI's own lines are in the language the command line asks for (--lang), else the environment's.
  const global = globalOptions(argv, argsLanguage(argv));
  if ("error" in global) {
    err(global.error);
    err(usage(argsLanguage(argv)));
    return EXIT.usage;
  }
  const root = global.root !== undefined ? path.resolve(cwd, global.root) : (io.root ?? process.cwd());
  const rest = global.rest;
  const [name, ...args] = rest;
  const lang = argsLanguage(args);
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    (name === undefined ? err : out)(usage(lang));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    err(t(lang, "cli.unknown_command", { name }));
    err(usage(lang));
    return EXIT.usage;
  }
  if (asksHelp(args)) {
    out(commandHelp(name, command, lang));
    return EXIT.ok;
  }
  try {
    return await command.run(args, { root, cwd, out, err, stdout, stderr });
  } catch (e) {
    if (e instanceof InputError) {
      // Every command's input problems reach an expert, in the language asked for (--lang) or the environment's.
      for (const p of e.problems) err(formatProblem(p, lang));
      err(t(lang, "cli.input_problems", { count: lang === "en" ? e.total : count(e.total, lang) }));
      return EXIT.problems;
    }
    err(t(lang, "cli.internal_error", { name, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }));
    return EXIT.internal;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  // `npm run index -- changes --out x | head -1` closes the pipe early: that is not an error.
  for (const stream of [process.stdout, process.stderr])
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(0);
      throw e;
    });
  process.exitCode = await main(process.argv.slice(2));
}
