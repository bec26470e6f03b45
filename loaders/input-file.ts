// Opens an input as the expert placed it: a regular file, inside the project, of bounded size.
// Everything is decided from lstat/realpath/stat before a byte is read, so a FIFO never blocks the
// reader, a device is never drained and a link to a system file is never printed.
import { readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { MAX_FILE_BYTES } from "./limits.ts";
import type { Problem } from "./problems.ts";

const notFile = (s: Awaited<ReturnType<typeof stat>>) =>
  s.isFIFO() ? "a named pipe (FIFO)" : s.isSocket() ? "a socket" : s.isCharacterDevice() || s.isBlockDevice() ? "a device" : "not a regular file";

const inside = (dir: string, p: string) => {
  const rel = path.relative(dir, p);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
};

/**
 * Reads `absolute` (named `file` in messages). With `root`, a path inside root must still lie inside
 * it once every symbolic link is followed. Returns the bytes, or the one problem that refuses the file.
 */
export async function readInputFile(absolute: string, file: string, root?: string): Promise<{ data: Buffer } | { problem: Problem }> {
  const refuse = (message: string) => ({ problem: { file, row: null, column: null, message } });
  let real: string;
  try {
    real = await realpath(absolute);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === "ENOENT") return refuse("file not found");
    if (err.code === "ELOOP") return refuse("is a symbolic link that leads to itself; replace it with the file");
    return refuse(`cannot be read (${err.message})`);
  }
  // Only a link leaves: a path the user gave outside the project on purpose (e.g. `changes --claims ../x.csv`) is theirs to give.
  if (root !== undefined && inside(path.resolve(root), path.resolve(absolute)) && !inside(await realpath(root).catch(() => path.resolve(root)), real))
    return refuse("is a symbolic link to a file outside the project, which is not read; put the file itself here");
  const s = await stat(real);
  if (s.isDirectory()) return refuse("is a folder, not a file");
  if (!s.isFile()) return refuse(`is ${notFile(s)}, not a file; only regular files are read`);
  if (s.size > MAX_FILE_BYTES) return refuse(tooLarge(s.size));
  try {
    const data = await readFile(real);
    // It may have grown between stat and read.
    return data.length > MAX_FILE_BYTES ? refuse(tooLarge(data.length)) : { data };
  } catch (e) {
    return refuse(`cannot be read (${(e as Error).message})`);
  }
}

export const tooLarge = (bytes: number) =>
  `is ${bytes} bytes, more than the limit of ${MAX_FILE_BYTES} bytes (${MAX_FILE_BYTES / 1024 / 1024} MB) for one input file`;
