// `verify MANIFEST`: recomputes every hash a build manifest (dist/manifest.json) records, the inputs
// under the project root and every file beside the manifest (dist/, pdf/ aside), after checking the manifest
// itself against its schema and its own hash, and names every one that differs, is missing or was added.
// Exit status: 0 when everything matches, 1 on any difference (or an unreadable manifest), 2 on usage.
import { EXIT, parseCommandArgs, resolvePath, shownPath, type Command, type CommandContext } from "../command.ts";
import { verifyManifest } from "../manifest.ts";

const ARGS = { name: "verify", usage: "verify MANIFEST", options: {}, positionals: { min: 1, max: 1 } } as const;

export const command: Command = {
  name: "verify",
  summary: "cli.summary.verify",
  usage: ARGS.usage,
  args: "MANIFEST",
  async run(args: string[], io: CommandContext): Promise<number> {
    const { out, err } = io;
    const parsed = parseCommandArgs(args, ARGS, io);
    if (!parsed) return EXIT.usage;
    const files = parsed.positionals;
    const file = resolvePath(io, files[0]!);
    let v;
    try {
      v = await verifyManifest(file, io.root);
    } catch (e) {
      err(`verify: cannot read ${files[0]}: ${(e as Error).message}`);
      return 1;
    }
    for (const n of v.notes) out(`note: ${n}`);
    for (const d of v.differences) {
      const what = d.status === "changed" ? `expected ${d.expected}, now ${d.actual}` : d.status === "missing" ? `expected ${d.expected}, now absent` : `not in the manifest, now ${d.actual}`;
      err(`${d.kind} ${d.status}: ${d.file} (${what})`);
    }
    const counts = `${v.checked.inputs} inputs, ${v.checked.outputs} outputs, ${v.checked.site} site files, ${v.checked.seeds} seeds`;
    if (v.ok) out(`verified ${counts}: all match ${shownPath(io, file)}`);
    else err(`${v.differences.length} difference(s) from ${shownPath(io, file)} (checked ${counts})`);
    return v.ok ? 0 : 1;
  },
};
