// Opens an input as the expert placed it: a regular file, inside the project, of bounded size.
// Everything is decided from lstat/realpath/stat before a byte is read, so a FIFO never blocks the
// reader, a device is never drained and a link to a system file is never printed.
import { readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { MAX_FILE_BYTES } from "./limits.ts";
import { counted, problem, type Problem, type ProblemVars } from "./problems.ts";
import type { StringKey } from "./shared/strings/index.ts";

const notFile = (s: Awaited<ReturnType<typeof stat>>): StringKey =>
  s.isFIFO() ? "problem.read.fifo" : s.isSocket() ? "problem.read.socket" : s.isCharacterDevice() || s.isBlockDevice() ? "problem.read.device" : "problem.read.not_regular";

const inside = (dir: string, p: string) => {
  const rel = path.relative(dir, p);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
};

/**
 * Reads `absolute` (named `file` in messages). With `root`, a path inside root must still lie inside
 * it once every symbolic link is followed. Returns the bytes, or the one problem that refuses the file.
 */
export async function readInputFile(absolute: string, file: string, root?: string): Promise<{ data: Buffer } | { problem: Problem }> {
  const refuse = (key: StringKey, vars: ProblemVars = {}) => ({ problem: problem(key, vars, { file }) });
  let real: string;
  try {
    real = await realpath(absolute);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === "ENOENT") return refuse("problem.files.not_found");
    if (err.code === "ELOOP") return refuse("problem.read.link_loop");
    return refuse("problem.read.unreadable", { reason: err.message });
  }
  // Only a link leaves: a path the user gave outside the project on purpose (e.g. `changes --claims ../x.csv`) is theirs to give.
  if (root !== undefined && inside(path.resolve(root), path.resolve(absolute)) && !inside(await realpath(root).catch(() => path.resolve(root)), real))
    return refuse("problem.read.link_outside");
  const s = await stat(real);
  if (s.isDirectory()) return refuse("problem.read.folder");
  if (!s.isFile()) return refuse(notFile(s));
  if (s.size > MAX_FILE_BYTES) return refuse(...tooLarge(s.size));
  try {
    const data = await readFile(real);
    // It may have grown between stat and read.
    return data.length > MAX_FILE_BYTES ? refuse(...tooLarge(data.length)) : { data };
  } catch (e) {
    return refuse("problem.read.unreadable", { reason: (e as Error).message });
  }
}

/** The key and values of the message refusing a file of `bytes` bytes. */
export const tooLarge = (bytes: number): [StringKey, ProblemVars] => [
  "problem.read.too_large",
  { bytes: counted(bytes, "problem.read.noun.byte"), limit: counted(MAX_FILE_BYTES, "problem.read.noun.byte"), mb: MAX_FILE_BYTES / 1024 / 1024 },
];
