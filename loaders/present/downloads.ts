// Every level of the Index as CSV, JSON and XLSX, and one ZIP of them all.
import { mkdir, writeFile } from "node:fs/promises";
import { createReadStream } from "node:fs";
import path from "node:path";
import type { PipelineResult } from "../pipeline.ts";
import { LEVELS, levelTable, type Level } from "./levels.ts";
import { csvLines, jsonRows, toJson } from "./csv.ts";
import { piecesToBytes, writePieces } from "./bytes.ts";
import { toXlsx } from "./xlsx-write.ts";
import { zipFiles } from "./zip.ts";
import { collectGarbage } from "../gc.ts";
import type { Locale } from "../shared/format.ts";
import { t, type StringKey } from "../shared/strings/index.ts";

/** What each download holds; the page lists these with their descriptions. */
export const DOWNLOADS: { level: Level; file: string; title: string; description: string }[] = [
  { level: "answers", file: "answers", title: "Raw answers", description: "Every sheet cell as the expert gave it: indicator, value, source, note, change, with the file and row it came from." },
  { level: "indicators", file: "points", title: "Points", description: "Every answer scored: the rule applied, the points, the best and worst points the scale allows, excluded answers." },
  { level: "sections", file: "sections", title: "Sections", description: "Section subtotals per country-year, the section weight and the weighted contribution, with maximum attainable." },
  { level: "index", file: "index", title: "Index", description: "The Index per country-year at full precision, with the maximum and minimum attainable." },
  { level: "survey", file: "survey", title: "Survey", description: "Survey scores per country-year and indicator with their interval (how it was made, its degrees of freedom and confidence) and role means." },
];

/** How the downloads write numbers (README.txt and the downloads page say it). */
export const NUMBERS_NOTE =
  "Numbers are written to 12 significant digits, in their shortest form: every digit the engine's double-precision arithmetic determines, without its binary noise " +
  "(127.46, not 127.46000000000001; 0.1 + 0.2 is written 0.3; a total summed from many terms, 0.80999999999999694, is written 0.81). They stay numbers in CSV, JSON and Excel, with a point for decimals, an ASCII minus (-95.02) " +
  "and no thousands separators. The report rounds to two decimals for display only.";

export const README = `Prohibition of Torture Index: computed levels
${NUMBERS_NOTE}
RECONSTRUCTED EXAMPLE DATA: only the Index totals and the release statements are published by the
Working Group; the codebook and indicator-level answers here are a reconstruction (see
data/reconstruction/README.md in the repository). Cells whose source says "reconstructed" are not real data.
Text cells beginning with = + - @ are prefixed with an apostrophe so spreadsheets do not run them.
`;

/**
 * What the downloads page lists, in the page's language (the files' own column names and README stay
 * as they are, for scripts). English is DOWNLOADS itself.
 */
export function downloadsListing(lang: Locale = "en") {
  const word = (file: string, part: "title" | "description", en: string) => (lang === "en" ? en : t(lang, `page.downloads.level.${file}.${part}` as StringKey));
  return {
    dir: DOWNLOADS_DIR,
    readme: README,
    numbers: lang === "en" ? NUMBERS_NOTE : t(lang, "page.downloads.numbers_note"),
    levels: DOWNLOADS.map(({ file, title, description }) => ({ file, title: word(file, "title", title), description: word(file, "description", description) })),
    formats: ["csv", "json", "xlsx"],
    archive: ARCHIVE,
  };
}

/** Where the build writes the downloads, relative to dist/ (outside Framework: see writeDownloads). */
export const DOWNLOADS_DIR = "files";
export const ARCHIVE = "torture-index-all-levels.zip";

/** A download's content: text, bytes, or the pieces of a large table's text (written out as they come). */
export type Content = string | Buffer | Iterable<string>;
const bytesOf = (c: Content): string | Buffer => (typeof c === "string" || Buffer.isBuffer(c) ? c : piecesToBytes(c));

/**
 * Every download, one at a time: a level's rows are made once for its three files and let go before
 * the next level's (at 57 countries the files come to some 220 MB, which the build need not hold at once).
 */
export async function* downloadEntries(result: PipelineResult): AsyncGenerator<[string, Content]> {
  yield ["README.txt", README];
  yield ["contents.json", toJson(DOWNLOADS.map(({ file, title, description }) => ({ file, title, description })))];
  for (const d of DOWNLOADS) {
    const columns = [...LEVELS[d.level]];
    const rows = levelTable(result, d.level);
    yield [`${d.file}.csv`, csvLines(rows, columns)];
    yield [`${d.file}.json`, jsonRows(rows)];
    yield [`${d.file}.xlsx`, await toXlsx([{ name: d.title, columns, rows }])];
    collectGarbage(); // this level's rows and workbook, before the next level's
  }
}

export async function downloadFiles(result: PipelineResult): Promise<[string, string | Buffer][]> {
  const files: [string, string | Buffer][] = [];
  for await (const [name, content] of downloadEntries(result)) files.push([name, bytesOf(content)]);
  return files;
}

/**
 * Writes every download and one ZIP of them all into dist/files/. This runs after Framework's
 * build rather than as a data loader, because a page that attaches a .csv, .xlsx or .zip file
 * makes Framework fetch the matching parser from a CDN at build time.
 */
export async function writeDownloads(result: PipelineResult, dist: string): Promise<string[]> {
  const dir = path.join(dist, DOWNLOADS_DIR);
  await mkdir(dir, { recursive: true });
  // Each file is written as it is made, and the archive reads them back from disk as it packs them.
  const names: string[] = [];
  for await (const [name, content] of downloadEntries(result)) {
    const file = path.join(dir, name);
    if (typeof content === "string" || Buffer.isBuffer(content)) await writeFile(file, content);
    else writePieces(file, content);
    names.push(name);
  }
  await writeFile(path.join(dir, ARCHIVE), await zipFiles(names.map((n) => [n, createReadStream(path.join(dir, n))])));
  return [...names, ARCHIVE];
}
