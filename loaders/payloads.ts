// The build's side of the loaders: every src/data loader's output (loaders/framework.ts) computed in
// the build's own process from the one result it holds, and every page loader's Markdown
// (src/**/*.md.ts, loaders/pages/page.ts), written where Framework keeps loader outputs
// (src/.observablehq/cache/<path>), one file per page's data and one per page. Framework then finds
// each output fresh and starts no loader process (one per page, each loading the engine anew, was
// most of the build's time at 57 countries); no file holds the whole project.
import { closeSync, mkdirSync, openSync, readdirSync, renameSync, writeSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { collectLoader, forget, provideShared, type Shared } from "./framework.ts";
import { collectGarbage } from "./gc.ts";
import { collectPage, fillRoute, pageMarkdown } from "./pages/page.ts";

export const DATA_LOADERS = "src/data";
/** A Framework data loader written in TypeScript: `<name>.<ext>.ts`, whose output is `<name>.<ext>`. */
const LOADER = /^(.+\.[a-z0-9]+)\.ts$/i;

/** Every loader under src/data (relative to root, "/"-separated, sorted) and the output path it serves. */
export function dataLoaders(root: string): { loader: string; output: string }[] {
  const walk = (rel: string): string[] =>
    readdirSync(path.join(root, rel), { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .flatMap((e) => (e.isDirectory() ? walk(`${rel}/${e.name}`) : LOADER.test(e.name) ? [`${rel}/${e.name}`] : []));
  return walk(DATA_LOADERS).map((loader) => ({ loader, output: loader.replace(/^src\//, "").replace(/\.ts$/, "") }));
}

export interface Written {
  loader: string;
  files: { file: string; bytes: number }[];
  ms: number;
}

/**
 * Computes and writes the output of every loader that registers through runLoader or runRoutes,
 * into `cache` (Framework's, src/.observablehq/cache). A loader that registers nothing is left to
 * Framework, which runs it as usual; it is named in `skipped`.
 */
export async function writeLoaderOutputs(root: string, shared: Shared, cache: string, onWritten: (w: Written) => void = () => {}): Promise<{ written: Written[]; skipped: string[] }> {
  provideShared(root, shared);
  // The loaders come language by language (data/…, data/ru/…): what one language's loaders shared is
  // let go when the next language's begin, and everything once all are written.
  let lang = "en";
  try {
    return await writeEach(root, cache, dataLoaders(root), collectLoader, onWritten, async ({ loader, output }, registration, put) => {
      if (languageOfOutput(output) !== lang) {
        forget(shared, lang);
        collectGarbage();
        lang = languageOfOutput(output);
      }
      if (registration.kind === "make") return put(output, await registration.make(root));
      const param = /\[([^\]]+)\]/.exec(output);
      if (!param) throw new Error(`${loader}: runRoutes needs a [parameter] in the file name`);
      for (const value of registration.routes(shared)) put(output.replace(param[0], value), registration.payload(shared, value));
    });
  } finally {
    forget(shared);
    provideShared(root, null);
    collectGarbage();
  }
}

/** The language of a data loader's output: data/ru/… is Russian, everything else English. */
const languageOfOutput = (output: string) => (/^data\/ru\//.test(output) ? "ru" : "en");

/**
 * Each loader of `loaders` imported through `collect`; one that registers is written by `write`
 * (through `put`, into `cache`) and reported, one that registers nothing is named in `skipped`.
 */
async function writeEach<L extends { loader: string }, R>(
  root: string,
  cache: string,
  loaders: L[],
  collect: (url: string) => Promise<R | null>,
  onWritten: (w: Written) => void,
  write: (item: L, registration: R, put: (file: string, value: unknown) => void) => Promise<void>,
): Promise<{ written: Written[]; skipped: string[] }> {
  const written: Written[] = [];
  const skipped: string[] = [];
  for (const item of loaders) {
    const t = performance.now();
    const registration = await collect(pathToFileURL(path.join(root, item.loader)).href);
    if (!registration) {
      skipped.push(item.loader);
      continue;
    }
    const files: Written["files"] = [];
    await write(item, registration, (file, value) => files.push({ file, bytes: writeOutput(path.join(cache, file), value) }));
    const w = { loader: item.loader, files, ms: performance.now() - t };
    written.push(w);
    onWritten(w);
  }
  return { written, skipped };
}

/** A page loader: `<page>.md.ts` anywhere in src/ but the data loaders' folder and Framework's own. */
const PAGE_LOADER = /^(.+)\.md\.ts$/;

/** Every page loader under src (relative to root, sorted) and the page it serves ("/countries/[code]", "/ru/index"). */
export function pageLoaders(root: string): { loader: string; page: string }[] {
  const walk = (rel: string): string[] =>
    readdirSync(path.join(root, rel), { withFileTypes: true })
      .filter((e) => !e.name.startsWith(".") && `${rel}/${e.name}` !== DATA_LOADERS)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .flatMap((e) => (e.isDirectory() ? walk(`${rel}/${e.name}`) : PAGE_LOADER.test(e.name) ? [`${rel}/${e.name}`] : []));
  return walk("src").map((loader) => ({ loader, page: "/" + PAGE_LOADER.exec(loader.slice("src/".length))![1]! }));
}

/**
 * Writes the Markdown of every page of every page loader that registers through emitPage into
 * `cache`: the loader's own page, or, for a parametrised one, each of `dynamicPaths` it serves (the
 * config's list: loaders/pages/routes.ts). A loader that registers nothing is left to Framework.
 */
export async function writePageOutputs(root: string, cache: string, dynamicPaths: readonly string[], onWritten: (w: Written) => void = () => {}): Promise<{ written: Written[]; skipped: string[] }> {
  return writeEach(root, cache, pageLoaders(root), collectPage, onWritten, async ({ page }, registration, put) => {
    const names = [...page.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!);
    const pattern = new RegExp("^" + page.split(/\[[^\]]+\]/).map((part) => part.replace(/[.*+?^${}()|\\]/g, "\\$&")).join("([^/]+)") + "$");
    for (const served of names.length ? dynamicPaths.filter((p) => pattern.test(p)) : [page]) {
      const values = pattern.exec(served)!.slice(1);
      const sitePath = fillRoute(registration.route, (name) => values[names.indexOf(name)]!);
      put(`${served.slice(1)}.md`, Buffer.from(await pageMarkdown(registration.render, registration.lang, sitePath), "utf8"));
    }
  });
}

/** Writes one output as runLoader prints it (bytes, or JSON.stringify's text), via a temporary file; returns its size. */
export function writeOutput(file: string, value: unknown): number {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}`;
  const fd = openSync(temp, "w");
  let bytes = 0;
  try {
    if (value instanceof Uint8Array) bytes = writeSync(fd, value);
    else bytes = writeJson(fd, value);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  return bytes;
}

/**
 * JSON.stringify(value), byte for byte, written in pieces: the outer arrays and objects are walked
 * here and each inner value is stringified on its own, so that no string as large as the whole
 * document is ever made (an audit trace of every country-year is larger than a string can be).
 */
export function writeJson(fd: number, value: unknown): number {
  const chunks: string[] = [];
  let pending = 0;
  let bytes = 0;
  const out = (s: string) => {
    chunks.push(s);
    pending += s.length;
    if (pending > 1 << 20) flush();
  };
  const flush = () => {
    if (!chunks.length) return;
    bytes += writeSync(fd, chunks.join(""));
    chunks.length = 0;
    pending = 0;
  };
  const walk = (v: unknown, key: string, depth: number, inArray: boolean): void => {
    if (v !== null && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON === "function") v = (v as { toJSON: (k: string) => unknown }).toJSON(key);
    const plain = v !== null && typeof v === "object" && (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);
    if (!plain || depth >= 4) {
      const s = JSON.stringify(v);
      out(s === undefined ? (inArray ? "null" : "") : s);
      return;
    }
    if (Array.isArray(v)) {
      out("[");
      v.forEach((x, i) => {
        if (i) out(",");
        walk(x, String(i), depth + 1, true);
      });
      out("]");
      return;
    }
    out("{");
    let first = true;
    for (const [k, x] of Object.entries(v as object)) {
      if (x === undefined || typeof x === "function" || typeof x === "symbol") continue;
      out(`${first ? "" : ","}${JSON.stringify(k)}:`);
      first = false;
      walk(x, k, depth + 1, false);
    }
    out("}");
  };
  walk(value, "", 0, false);
  flush();
  return bytes;
}
