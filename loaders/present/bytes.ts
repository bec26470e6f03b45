// Large text outputs (the downloads' tables) as UTF-8 bytes, gathered piece by piece and never joined
// into one string: at 193 countries × 30 years × 300 indicators a table is longer than a JavaScript
// string can be ("Invalid string length").

import { closeSync, openSync, writeSync } from "node:fs";

// Pieces are joined and encoded about a megabyte of text at a time. The pieces waiting for their
// chunk outlive the young generation's collections and are moved to the old one, where they stay
// as garbage until a full collection: with 8 M characters a chunk, writing points.json of a
// 57-country project left some 240 MB more on the heap than with 1 M.
const CHUNK = 1 << 20;

/**
 * Collects text pieces into bytes, about a megabyte of text at a time. With `sink`, each chunk goes
 * there as soon as it is made instead of being kept, and bytes() (which sends the last) gives nothing.
 */
export function byteWriter(sink?: (chunk: Buffer) => void): { write: (s: string) => void; bytes: () => Buffer } {
  const done: Buffer[] = [];
  const send = sink ?? ((chunk: Buffer) => void done.push(chunk));
  let pending: string[] = [];
  let length = 0;
  const flush = () => {
    if (pending.length === 0) return;
    send(Buffer.from(pending.join(""), "utf8"));
    pending = [];
    length = 0;
  };
  return {
    write(s) {
      pending.push(s);
      length += s.length;
      if (length >= CHUNK) flush();
    },
    bytes() {
      flush();
      return done.length === 1 ? done[0]! : Buffer.concat(done);
    },
  };
}

/** The pieces' text, as bytes. */
export function piecesToBytes(pieces: Iterable<string>): Buffer {
  const w = byteWriter();
  for (const s of pieces) w.write(s);
  return w.bytes();
}

/**
 * Writes the pieces' text to `file` as UTF-8, about a megabyte at a time: the same bytes as
 * piecesToBytes, never all in memory (a 57-country project's points.json is some 100 MB).
 */
export function writePieces(file: string, pieces: Iterable<string>): void {
  const fd = openSync(file, "w");
  try {
    const w = byteWriter((chunk) => writeSync(fd, chunk));
    for (const s of pieces) w.write(s);
    w.bytes();
  } finally {
    closeSync(fd);
  }
}
