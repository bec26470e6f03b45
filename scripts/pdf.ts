// `npm run pdf` (and the last step of `npm run build`, inside its fresh folder): prints the built
// report with Debian's Chromium into <site>/pdf/, in each language: report.pdf and report.ru.pdf
// (every page of that language in report order, of the What changed pages those of the printed
// years alone: printedPages) and one PDF per country (<CODE>.pdf, <CODE>.ru.pdf). Every page in
// them is printed once; each document's pages then carry its title at the top (a strip Chromium
// prints in the system's fonts: DejaVu from Debian's fonts-dejavu-core has Cyrillic; no web font)
// and "page / pages" at the bottom, both drawn with pdf-lib after merging, so that a country page's
// one print serves the report and the country's own PDF, and the report's numbering runs through
// the whole document. The print stylesheet (src/style.css) hides the navigation chrome; the
// reconstruction notice heads the merged report once (scripts/print-notice.ts), and every country
// PDF opens with a page of its own: the notice, the country's name, how to cite.
import { mkdirSync, readFileSync, writeFileSync, rmSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PDFDocument, PDFDict, PDFHexString, PDFName, PDFString, StandardFonts, rgb } from "pdf-lib";
import type { Page } from "playwright-core";
import { serveDirectory } from "./static-server.ts";
import { HIDE_NOTICE } from "./print-notice.ts";
import { findPages, launch, CHROMIUM } from "../tests/browser/check.ts";
import { readTable, parseRows } from "../loaders/read.ts";
import { columnsOf } from "../loaders/project.ts";
import { CountryRow } from "../loaders/schema.ts";
import { t, LANGS } from "../loaders/shared/strings/index.ts";
import type { Locale } from "../loaders/shared/format.ts";
import { sitePathOf } from "../loaders/pages/page.ts";
import { langOf } from "../loaders/pages/chrome.ts";
import { inTurn } from "../loaders/in-turn.ts";
import { PrintCache } from "./print-cache.ts";
import { MARGIN, PRINTED } from "./print-page.ts";
import { printedChanges } from "../loaders/shared/print.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Report order: results, methodology, countries, changes, then the rest alphabetically (by the English-site path). */
export function reportOrder(pages: string[]): string[] {
  const rank = (p: string) => {
    const s = sitePathOf(p);
    return s === "/" ? 0 : s === "/results" ? 1 : s === "/methodology" ? 2 : s.startsWith("/countries/") ? 3 : s.startsWith("/changes/") ? 4 : 5;
  };
  return [...pages].sort((a, b) => rank(a) - rank(b) || sitePathOf(a).localeCompare(sitePathOf(b)));
}

const changesYear = (p: string) => /^\/changes\/(\d+)$/.exec(sitePathOf(p))?.[1];
/**
 * The pages report.pdf holds: every page but the What changed pages of the years before the printed
 * ones (loaders/shared/print.ts printedChanges: the last five changes, as each country page prints
 * them). Those stay on the web; the country pages say so in print.
 */
export function printedPages(pages: string[]): string[] {
  const printed = new Set(printedChanges(pages.map(changesYear).filter((y) => y !== undefined).sort()));
  return pages.filter((p) => changesYear(p) === undefined || printed.has(changesYear(p)!));
}

/** A file's name for a language: report.pdf, report.ru.pdf; KAZ.pdf, KAZ.ru.pdf. */
export const pdfName = (base: string, lang: Locale) => (lang === "en" ? `${base}.pdf` : `${base}.${lang}.pdf`);

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

// A country PDF's first page, printed from the same visit once the page itself is printed: the page's
// reconstruction notice, its heading (the country's name in both languages) and its footer (how to
// cite, the licences, the commit). The rest is taken out of the page, not hidden: printing restyles
// the whole document, and a hidden answer grid made the cover cost as much as the page (2 s, not 0.1 s).
const COVER_ONLY = "#observablehq-main > :not(h1), #observablehq-toc";
const COVER = "@media print { #observablehq-main { min-height: 0 !important; } }";
// What the print stylesheet leaves out (src/style.css .web-only) is taken out before printing: the
// PDF is what the page prints, without Chromium restyling thousands of rows it will not print.
const WEB_ONLY = ".web-only";

/**
 * Prints one page once, loading and drawing it once, in a lane's tab (`page`, which goes on to the
 * lane's next page: a fresh context per page cost a renderer process and the bundles' download
 * each time, some 15 % of the printing): with the reconstruction notice at its head when `notice`,
 * else without (HIDE_NOTICE); with `cover`, then also a country PDF's first page (COVER). What one
 * page added (style tags, removed elements) goes with the next navigation. No running title is
 * printed here: it is drawn onto each document's pages after merging (titleStrip), so that one print
 * serves the report and the country's own PDF alike.
 */
async function printPage(page: Page, url: string, { notice, cover }: { notice: boolean; cover: boolean }): Promise<{ page: Uint8Array; cover?: Uint8Array }> {
  await page.goto(url, { waitUntil: "load" });
  // Framework renders cells asynchronously; the page is ready when every chart has its SVG.
  await page.waitForFunction(() => document.querySelector("#observablehq-main") && [...document.querySelectorAll(".chart-canvas")].every((c) => c.querySelector("svg")), null, { timeout: 60_000 });
  await page.waitForLoadState("networkidle").catch(() => undefined);
  const print = () => page.pdf({ format: "A4", printBackground: true, margin: MARGIN });
  await page.evaluate((sel) => document.querySelectorAll(sel).forEach((el) => el.remove()), WEB_ONLY);
  const hidden = notice ? null : await page.addStyleTag({ content: HIDE_NOTICE });
  const printed = await print();
  if (!cover) return { page: printed };
  await hidden?.evaluate((el) => (el as Element).remove());
  await page.evaluate((only) => document.querySelectorAll(only).forEach((el) => el.remove()), COVER_ONLY);
  await page.addStyleTag({ content: COVER });
  return { page: printed, cover: await print() };
}

/** Two lanes (two cores), each with its own context and tab, taking the next page as soon as it is free. */
const LANES = 2;

/**
 * A document's running title, printed by Chromium (the system's DejaVu, which has Cyrillic; no web
 * font) as a strip the width of an A4 page and the height of its top margin, to draw at the head of
 * every page of that document: one print of a page serves every document it is in.
 */
async function titleStrip(page: Page, title: string): Promise<Uint8Array> {
  await page.setContent(
    `<!doctype html><html><head><meta charset="utf-8"><style>html, body { margin: 0; } div { box-sizing: border-box; height: ${MARGIN.top}; padding-top: 0.42cm; font: 8px 'DejaVu Sans', sans-serif; text-align: center; color: #444; }</style></head><body><div>${escapeHtml(title)}</div></body></html>`,
  );
  return page.pdf({ width: "210mm", height: MARGIN.top, margin: { top: "0", bottom: "0", left: "0", right: "0" }, pageRanges: "1" });
}

/** "3 / 57" at the foot of every page (digits only, so the standard font serves every language). */
async function numbered(doc: PDFDocument): Promise<void> {
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pages = doc.getPages();
  pages.forEach((pg, i) => {
    const label = `${i + 1} / ${pages.length}`;
    const size = 8;
    pg.drawText(label, { x: (pg.getWidth() - font.widthOfTextAtSize(label, size)) / 2, y: 22, size, font, color: rgb(0.27, 0.27, 0.27) });
  });
}

/**
 * The site's links in a printed page point at the local server that served it for printing
 * (http://127.0.0.1:<port>/ru/reconstruction): a reader's click would go to their own machine, and
 * the port made every build's PDFs differ. Each becomes relative to the PDF's folder (pdf/ beside the
 * pages: ../ru/reconstruction), which a viewer resolves against wherever the report is published.
 * Links to anywhere else (the sources) stay as they are.
 */
function relink(doc: PDFDocument, origin: string): void {
  for (const { uri, action } of linksOf(doc)) {
    if (!uri.startsWith(origin + "/")) continue;
    // A URI is ASCII (PDF 32000 12.6.4.7): anything else percent-encoded; a string's own parentheses and backslashes escaped.
    const relative = ".." + uri.slice(origin.length);
    const ascii = /^[\x20-\x7e]*$/.test(relative) ? relative : encodeURI(relative);
    action.set(PDFName.of("URI"), PDFString.of(ascii.replace(/[\\()]/g, "\\$&")));
  }
}

/** Every link of a PDF, page by page: its URI and the action that holds it (relink; .ci/run checks the built PDFs with it). */
export function linksOf(doc: PDFDocument): { page: number; uri: string; action: PDFDict }[] {
  return doc.getPages().flatMap((pg, page) => {
    const annots = pg.node.Annots();
    return Array.from({ length: annots?.size() ?? 0 }, (_, i) => {
      const action = annots!.lookupMaybe(i, PDFDict)?.lookupMaybe(PDFName.of("A"), PDFDict);
      const uri = action?.lookupMaybe(PDFName.of("URI"), PDFString, PDFHexString)?.decodeText();
      return action && uri ? [{ page, uri, action }] : [];
    }).flat();
  });
}

/**
 * One document: the parts' pages in order, each headed by the title strip and numbered at its foot;
 * links to `origin` (the server the pages were printed from) made relative to the PDF (relink).
 */
export async function documentOf(parts: Uint8Array[], title: string, strip: Uint8Array, origin?: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  // Fixed metadata dates keep a PDF the same for the same pages.
  const fixed = new Date(Date.UTC(2000, 0, 1));
  doc.setTitle(title);
  doc.setCreationDate(fixed);
  doc.setModificationDate(fixed);
  doc.setProducer("Prohibition of Torture Index notebook");
  for (const part of parts) {
    const src = await PDFDocument.load(part);
    for (const pg of await doc.copyPages(src, src.getPageIndices())) doc.addPage(pg);
  }
  if (origin) relink(doc, origin);
  const [head] = await doc.embedPdf(strip, [0]);
  for (const pg of doc.getPages()) pg.drawPage(head!, { x: 0, y: pg.getHeight() - head!.height });
  await numbered(doc);
  return doc.save();
}

async function countryNames(): Promise<Map<string, { name_en: string; name_ru: string }>> {
  const table = await readTable(root, "data/countries.csv", columnsOf(CountryRow));
  return new Map(parseRows(table, CountryRow).rows.map((c) => [c.code, c]));
}

/** The HTML file of a page ("/" → index.html, "/ru/" → ru/index.html, "/countries/KAZ" → countries/KAZ.html). */
export const pageFile = (site: string, page: string) => path.join(site, page.endsWith("/") ? `${page}index.html` : `${page}.html`);

/** Where the last build's prints are kept (beside Framework's caches, which a cold build deletes with them). */
export const PRINT_CACHE = path.join(root, "src", ".observablehq", "cache", "_pdf");
// What a print depends on beyond its page: how this file prints it, the notice's style, the margins.
const PRINTING_SOURCES = ["scripts/pdf.ts", "scripts/print-notice.ts", "scripts/print-page.ts"];

/**
 * Prints every page of the site in `site` into `site`/pdf/; resolves to what was written. A page
 * printed by an earlier run exactly as it would be now is taken from `cacheDir` (PrintCache).
 */
export async function printPdfs(site: string, log: (line: string) => void = console.log, cacheDir = PRINT_CACHE): Promise<string[]> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} to print the PDFs (apt-get install -y chromium fonts-dejavu-core; or CHROMIUM=/path/to/chromium)`);
  const out = path.join(site, "pdf");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const names = await countryNames();
  const all = findPages(site);
  const { server, url } = await serveDirectory(site);
  const browser = await launch();
  const written: string[] = [];
  const cache = new PrintCache(cacheDir, [browser.version(), ...PRINTING_SOURCES.map((f) => readFileSync(path.join(root, f), "utf8"))].join("\0"));
  try {
    for (const lang of LANGS) {
      const pages = printedPages(reportOrder(all.filter((p) => langOf(p) === lang)));
      if (pages.length === 0) continue;
      const reportTitle = t(lang, "site.pdf.report_title");
      const countryTitle = (p: string) => {
        const code = sitePathOf(p).split("/")[2]!;
        const c = names.get(code);
        return { code, title: t(lang, "site.pdf.country_title", { name: c ? (lang === "ru" ? c.name_ru : c.name_en) : code }) };
      };
      const isCountry = (p: string) => sitePathOf(p).startsWith("/countries/");
      // Each page is loaded and printed once: a country page's print is in the report and in its own
      // PDF, which its cover heads (the report's first page carries the notice itself). A page whose
      // print is kept (PrintCache: same HTML, same way of printing) is not loaded at all.
      const keys = new Map(
        pages.map((p) => {
          const how = { notice: p === pages[0], cover: isCountry(p) };
          const page = cache.key("page", p, readFileSync(pageFile(site, p)), how.notice ? "notice" : "", how.cover ? "cover" : "");
          return [p, { how, page, cover: how.cover ? cache.key("cover", page) : null }] as const;
        }),
      );
      const toPrint = pages.filter((p) => {
        const k = keys.get(p)!;
        return !(cache.has(k.page) && (k.cover === null || cache.has(k.cover)));
      });
      if (toPrint.length) {
        // Each tab lays its pages out for print from the start, at the printed page's width: the charts
        // are drawn at the width they print at (not drawn for a screen and scaled down), and printing
        // restyles nothing (a country page of 57 countries × 20 years: 1.6 s → 1.2 s loaded and printed).
        const contexts = await Promise.all(Array.from({ length: LANES }, () => browser.newContext({ viewport: PRINTED })));
        try {
          // inTurn keeps at most LANES pages in hand, so a tab is always free.
          const tabs = await Promise.all(contexts.map(async (c) => {
            const tab = await c.newPage();
            await tab.emulateMedia({ media: "print" });
            return tab;
          }));
          await inTurn(
            toPrint,
            async (p) => {
              const tab = tabs.pop()!;
              const k = keys.get(p)!;
              try {
                const { page, cover } = await printPage(tab, url + p, k.how);
                cache.put(k.page, page);
                if (k.cover !== null) cache.put(k.cover, cover!);
              } finally {
                tabs.push(tab);
              }
            },
            LANES,
          );
        } finally {
          await Promise.all(contexts.map((c) => c.close()));
        }
      }
      // The documents: each merged from its parts' prints unless the same parts made it before.
      let merged = 0;
      const strips = await browser.newContext();
      try {
        const strip = await strips.newPage();
        const write = async (name: string, title: string, parts: string[]) => {
          const bytes = await cache.through(cache.key("document", title, ...parts), async () => {
            merged++;
            return documentOf(parts.map((k) => cache.read(k)), title, await titleStrip(strip, title), url);
          });
          writeFileSync(path.join(out, name), bytes);
          written.push(name);
        };
        await write(pdfName("report", lang), reportTitle, pages.map((p) => keys.get(p)!.page));
        for (const p of pages.filter(isCountry)) {
          const { code, title } = countryTitle(p);
          const k = keys.get(p)!;
          await write(pdfName(code, lang), title, [k.cover!, k.page]);
        }
      } finally {
        await strips.close();
      }
      const documents = 1 + pages.filter(isCountry).length;
      log(
        `pdf (${lang}): ${pdfName("report", lang)} from ${pages.length} pages, and ${pages.filter(isCountry).length} country PDFs; ` +
          `${toPrint.length} page(s) printed, ${pages.length - toPrint.length} kept from the last build (unchanged); ${merged} of ${documents} document(s) merged`,
      );
    }
    cache.prune();
  } finally {
    await browser.close();
    server.close();
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = path.join(root, "dist");
  if (!existsSync(path.join(dist, "index.html"))) {
    console.error("dist/ has no index.html: run `npm run build` first.");
    process.exit(1);
  }
  const written = await printPdfs(dist);
  console.log(`wrote ${written.length} PDFs into dist/pdf/`);
}
