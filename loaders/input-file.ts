// Opens an input as the expert placed it: a regular file, inside the project, of bounded size.
// Everything is decided from lstat/realpath/stat before a byte is read, so a FIFO never blocks the
// reader, a device is never drained and a link to a system file is never printed.
import { readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { MAX_FILE_BYTES } from "./limits.ts";
import { problem, type Problem, type ProblemVars } from "./problems.ts";
import { t, type StringKey } from "./shared/strings/index.ts";

const notFile = (s: Awaited<ReturnType<typeof stat>>): StringKey =>
  s.isFIFO() ? "problem.file.kind.fifo" : s.isSocket() ? "problem.file.kind.socket" : s.isCharacterDevice() || s.isBlockDevice() ? "problem.file.kind.device" : "problem.file.kind.other";

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
    if (err.code === "ELOOP") return refuse("problem.file.link_loop");
    return refuse("problem.file.cannot_read", { reason: err.message });
  }
  // Only a link leaves: a path the user gave outside the project on purpose (e.g. `changes --claims ../x.csv`) is theirs to give.
  if (root !== undefined && inside(path.resolve(root), path.resolve(absolute)) && !inside(await realpath(root).catch(() => path.resolve(root)), real))
    return refuse("problem.file.link_outside");
  const s = await stat(real);
  if (s.isDirectory()) return refuse("problem.file.folder");
  if (!s.isFile()) return refuse("problem.file.special", { what: { key: notFile(s) } });
  if (s.size > MAX_FILE_BYTES) return refuse("problem.file.too_large", tooLargeVars(s.size));
  try {
    const data = await readFile(real);
    // It may have grown between stat and read.
    return data.length > MAX_FILE_BYTES ? refuse("problem.file.too_large", tooLargeVars(data.length)) : { data };
  } catch (e) {
    return refuse("problem.file.cannot_read", { reason: (e as Error).message });
  }
}

/** The values of problem.file.too_large for a file of `bytes`. */
export const tooLargeVars = (bytes: number) => ({ bytes, limit: MAX_FILE_BYTES, mb: MAX_FILE_BYTES / 1024 / 1024 });
/** Its English text, for a message that has no key yet. */
export const tooLarge = (bytes: number) => t("en", "problem.file.too_large", tooLargeVars(bytes));
