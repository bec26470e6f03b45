// A command of `npm run index -- <name> [args]`. Each lives in loaders/commands/<name>.ts and
// exports `command`; cli.ts finds them there, so adding one edits no shared list.
export interface CommandContext {
  /** Project root (the folder holding data/): --root DIR, or the current directory. */
  root: string;
  /** Directory the user ran the command from; relative PATH arguments are resolved against it. */
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

/** `--name value` or `--name=value`; undefined when absent. */
export function option(args: string[], name: string): string | undefined {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const a = args[i]!;
  return a.includes("=") ? a.slice(a.indexOf("=") + 1) : args[i + 1];
}

/** Arguments that are not options nor option values. */
export function positional(args: string[], withValues: string[] = []): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith("--")) {
      if (!a.includes("=") && withValues.includes(a.slice(2))) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}
