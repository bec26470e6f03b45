// Deterministic ZIP containers: every entry gets the same fixed date, entries are added in
// a fixed order, so the same content gives byte-identical archives (XLSX files are ZIPs too).
import JSZip from "jszip";
import { createRequire } from "node:module";
import { tsWorker } from "../threads.ts";

export const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

// Deflate level 6, zlib's default (and what spreadsheet programs write): level 9 took four times as
// long for about a tenth smaller files (points.json of a 57-country project: 4.0 s against 1.0 s, 2.2
// against 2.4 MB), which at that size was the larger part of the build's downloads. pako (through
// jszip, pinned by the lockfile), not Node's zlib: the same bytes on every machine and Node version.
export const DEFLATE_LEVEL = 6;
/** Entries that are ZIP archives already (workbooks) are stored as they are: deflating them again gains nothing. */
const PACKED = /\.(xlsx|zip)$/i;

/**
 * A file's content deflated already (startDeflating), as jszip deflates it: raw DEFLATE at
 * DEFLATE_LEVEL through the same pako, with jszip's CRC-32 of the bytes. jszip puts it in the
 * archive as it is (a compressed object of the method it would use), so the archive is the same bytes.
 */
export interface Deflated {
  deflated: Uint8Array;
  crc32: number;
  size: number;
}
const isDeflated = (c: unknown): c is Deflated => typeof c === "object" && c !== null && "deflated" in c;

// jszip's own compressed-object type and DEFLATE method (the form jszip gives files it read from an archive).
const jszipModule = createRequire(createRequire(import.meta.url).resolve("jszip"));
const CompressedObject = jszipModule("./compressedObject") as new (compressedSize: number, uncompressedSize: number, crc32: number, compression: unknown, data: Uint8Array) => object;
const DEFLATE = (jszipModule("./compressions") as { DEFLATE: unknown }).DEFLATE;

/** The archive of `files`, in their order; a stream's bytes are read only as the archive is packed (one file's at a time). */
export async function zipFiles(files: [name: string, content: string | Buffer | NodeJS.ReadableStream | Deflated][]): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of files) {
    const options = { date: FIXED_DATE, createFolders: false, binary: typeof content !== "string", ...(PACKED.test(name) ? { compression: "STORE" as const } : {}) };
    if (isDeflated(content)) {
      if (PACKED.test(name)) throw new Error(`zip: ${name} is stored as it is, not deflated`);
      zip.file(name, new CompressedObject(content.deflated.length, content.size, content.crc32, DEFLATE, content.deflated) as unknown as Buffer, options);
    } else zip.file(name, content, options);
  }
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

/** Whether the archive deflates `name` (a workbook or archive is stored as it is). */
export const deflatedInArchive = (name: string): boolean => !PACKED.test(name);

/**
 * A thread deflating files for an archive as they are written (deflate-worker.ts): `add` a file
 * once it is complete on disk; `done()` gives each one's Deflated, for zipFiles. The main thread
 * goes on making the next file meanwhile: at 193 countries the downloads ended a minute after
 * Framework's pages, and deflating was a third of them.
 */
export function startDeflating(): { add: (name: string, file: string) => void; done: () => Promise<Map<string, Deflated>>; stop: () => Promise<void> } {
  const worker = tsWorker(new URL("./deflate-worker.ts", import.meta.url), { level: DEFLATE_LEVEL });
  const results = new Map<string, Deflated>();
  let asked = 0;
  let failure: Error | null = null;
  let settle: (() => void) | null = null;
  const check = () => {
    if (settle && (failure || results.size === asked)) settle();
  };
  worker.on("message", (m: { name: string; error?: string } & Deflated) => {
    if (m.error !== undefined) failure ??= new Error(`deflating ${m.name} for the archive: ${m.error}`);
    else results.set(m.name, { deflated: m.deflated, crc32: m.crc32, size: m.size });
    check();
  });
  worker.on("error", (e) => {
    failure ??= new Error(`the thread deflating the archive's files failed: ${e.message}`);
    check();
  });
  worker.on("exit", (code) => {
    if (results.size < asked) failure ??= new Error(`the thread deflating the archive's files stopped (exit code ${code}) before it was done`);
    check();
  });
  return {
    add(name, file) {
      asked++;
      worker.postMessage({ name, file });
    },
    async done() {
      try {
        await new Promise<void>((resolve) => {
          settle = resolve;
          check();
        });
        if (failure) throw failure;
        return results;
      } finally {
        await worker.terminate();
      }
    },
    /** Ends the thread (after done(), or when the archive is given up): an idle thread keeps the process alive. */
    async stop() {
      await worker.terminate();
    },
  };
}
