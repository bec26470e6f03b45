// What Chromium printed in the last build, kept so that a page whose print cannot have changed is
// not printed again. A printed page depends on its HTML and on what the HTML loads; Framework names
// every file a page loads by its content's hash (../_file/data/countries/KAZ.e830c98b.json,
// ../_import/components/chart.30f9cb54.js, and each module's imports preloaded by name in the page),
// so the page's HTML bytes name all of it. A print's key is therefore the hash of: the page's HTML,
// how it is printed (with or without the notice, with a cover), the Chromium that prints it, and the
// source of the printing scripts. A merged document's key is the hash of its parts' keys and title.
// A build's outputs are byte-identical for the same inputs, so a print taken from here is the print
// Chromium would make. Whatever a run did not use is removed at its end: the cache holds one build's
// prints. Delete the folder to print everything again.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export class PrintCache {
  private readonly used = new Set<string>();

  /** `salt`: what every print depends on beyond its page (the Chromium version, the printing scripts' source). */
  constructor(readonly dir: string, private readonly salt: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** The key of what `parts` make (each part a string or bytes; the parts' boundaries count). */
  key(...parts: (string | Uint8Array)[]): string {
    const hash = createHash("sha256").update(this.salt);
    for (const p of parts) hash.update("\0").update(String(p.length)).update("\0").update(p);
    return hash.digest("hex");
  }

  private file(key: string): string {
    return path.join(this.dir, `${key}.pdf`);
  }

  /** Whether something is kept under `key` (which this run then keeps). */
  has(key: string): boolean {
    if (!existsSync(this.file(key))) return false;
    this.used.add(key);
    return true;
  }

  /** The bytes kept under `key`. */
  read(key: string): Uint8Array {
    this.used.add(key);
    return readFileSync(this.file(key));
  }

  /** Keeps `bytes` under `key`; written aside and renamed, so that a killed build leaves no half file under a key. */
  put(key: string, bytes: Uint8Array): void {
    const file = this.file(key);
    const aside = `${file}.tmp-${process.pid}`;
    writeFileSync(aside, bytes);
    renameSync(aside, file);
    this.used.add(key);
  }

  /** What is kept under `key`, else what `make` makes, kept. */
  async through(key: string, make: () => Promise<Uint8Array>): Promise<Uint8Array> {
    if (this.has(key)) return this.read(key);
    const made = await make();
    this.put(key, made);
    return made;
  }

  /** Removes everything this run did not read or write (earlier builds' prints, half-written files); returns how many. */
  prune(): number {
    let removed = 0;
    for (const entry of readdirSync(this.dir)) {
      const key = entry.endsWith(".pdf") ? entry.slice(0, -4) : null;
      if (key !== null && this.used.has(key)) continue;
      rmSync(path.join(this.dir, entry), { force: true });
      removed++;
    }
    return removed;
  }
}
