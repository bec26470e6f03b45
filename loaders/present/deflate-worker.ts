// Deflates the downloads' files for the archive in a thread of its own (zip.ts startDeflating):
// each file named in a message is read from disk a megabyte at a time and deflated as jszip itself
// would (the same pako, raw, at DEFLATE_LEVEL, with jszip's CRC-32), and its deflated bytes go back.
import { parentPort, workerData } from "node:worker_threads";
import { closeSync, openSync, readSync } from "node:fs";
import { createRequire } from "node:module";

const jszip = createRequire(createRequire(import.meta.url).resolve("jszip"));
const pako = jszip("pako") as { Deflate: new (o: object) => { push(d: Uint8Array, last: boolean): void; onData: (c: Uint8Array) => void } };
const crc32 = jszip("./crc32") as (input: Uint8Array, crc?: number) => number;
const { level } = workerData as { level: number };
const CHUNK = 1 << 20;

parentPort!.on("message", ({ name, file }: { name: string; file: string }) => {
  try {
    const out: Uint8Array[] = [];
    const deflate = new pako.Deflate({ raw: true, level });
    deflate.onData = (c) => void out.push(c);
    const fd = openSync(file, "r");
    let size = 0;
    let crc = 0;
    try {
      const buf = Buffer.allocUnsafe(CHUNK);
      for (let n; (n = readSync(fd, buf, 0, CHUNK, null)) > 0; ) {
        const chunk = buf.subarray(0, n);
        crc = crc32(chunk, crc);
        size += n;
        deflate.push(chunk, false);
      }
    } finally {
      closeSync(fd);
    }
    deflate.push(new Uint8Array(0), true);
    // A buffer of its own (not from Node's pool), moved to the main thread rather than copied.
    const deflated = new Uint8Array(out.reduce((n, c) => n + c.length, 0));
    out.reduce((at, c) => (deflated.set(c, at), at + c.length), 0);
    parentPort!.postMessage({ name, deflated, crc32: crc, size }, [deflated.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort!.postMessage({ name, error: (e as Error).message });
  }
});
