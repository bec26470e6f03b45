// A command of `npm run index -- <name> [args]`. Each lives in loaders/commands/<name>.ts
// and exports `command`; cli.ts finds them, so adding one edits no shared list.
export interface Command {
  name: string;
  summary: string; // one line for the usage text
  usage: string; // e.g. "compute --out DIR"
  run(args: string[], io: { root: string; stdout: (s: string) => void; stderr: (s: string) => void }): Promise<number>;
}

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
