// Deterministic ZIP containers: every entry gets the same fixed date, entries are added in
// a fixed order, so the same content gives byte-identical archives (XLSX files are ZIPs too).
import JSZip from "jszip";

export const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

// Deflate level 6, zlib's default (and what spreadsheet programs write): level 9 took four times as
// long for about a tenth smaller files (points.json of a 57-country project: 4.0 s against 1.0 s, 2.2
// against 2.4 MB), which at that size was the larger part of the build's downloads. pako (through
// jszip, pinned by the lockfile), not Node's zlib: the same bytes on every machine and Node version.
export const DEFLATE_LEVEL = 6;
/** Entries that are ZIP archives already (workbooks) are stored as they are: deflating them again gains nothing. */
const PACKED = /\.(xlsx|zip)$/i;

/** The archive of `files`, in their order; a stream's bytes are read only as the archive is packed (one file's at a time). */
export async function zipFiles(files: [name: string, content: string | Buffer | NodeJS.ReadableStream][]): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of files)
    zip.file(name, content, { date: FIXED_DATE, createFolders: false, binary: typeof content !== "string", ...(PACKED.test(name) ? { compression: "STORE" as const } : {}) });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: DEFLATE_LEVEL }, platform: "UNIX" });
}

/** Rewrites an existing ZIP with fixed dates and sorted entries. */
export async function normaliseZip(buffer: Buffer | ArrayBuffer): Promise<Buffer> {
  const source = await JSZip.loadAsync(buffer);
  const names = Object.keys(source.files).filter((n) => !source.files[n]!.dir);
  const files: [string, Buffer][] = [];
  for (const n of names) files.push([n, await source.files[n]!.async("nodebuffer")]);
  return zipFiles(files);
}
