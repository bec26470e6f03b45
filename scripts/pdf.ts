// `npm run pdf` (and the last step of `npm run build`, inside its fresh folder): prints the built
// report with Debian's Chromium into <site>/pdf/, in each language: report.pdf and report.ru.pdf
// (every page of that language, in report order) and one PDF per country (<CODE>.pdf, <CODE>.ru.pdf).
// Each printed page carries the document's title at the top (Chromium's header, in the system's
// fonts: DejaVu from Debian's fonts-dejavu-core has Cyrillic; no web font) and "page / pages" at the
// bottom (stamped with pdf-lib after merging, so the report's numbering runs through the whole
// document). The print stylesheet (src/style.css) hides the navigation chrome; the reconstruction
// notice heads the merged report once (scripts/print-notice.ts) and every country PDF.
import { mkdirSync, readFileSync, writeFileSync, rmSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PDFDocument, StandardFonts, rgb } from "pdf-lib";
import type { Browser } from "playwright-core";
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

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Report order: results, methodology, countries, changes, then the rest alphabetically (by the English-site path). */
export function reportOrder(pages: string[]): string[] {
  const rank = (p: string) => {
    const s = sitePathOf(p);
    return s === "/" ? 0 : s === "/results" ? 1 : s === "/methodology" ? 2 : s.startsWith("/countries/") ? 3 : s.startsWith("/changes/") ? 4 : 5;
  };
  return [...pages].sort((a, b) => rank(a) - rank(b) || sitePathOf(a).localeCompare(sitePathOf(b)));
}

/** A file's name for a language: report.pdf, report.ru.pdf; KAZ.pdf, KAZ.ru.pdf. */
export const pdfName = (base: string, lang: Locale) => (lang === "en" ? `${base}.pdf` : `${base}.${lang}.pdf`);

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Prints one page once per variant (its running title; with or without the reconstruction notice),
 * loading and drawing it once: the variants that keep the notice are printed first, then it is hidden.
 */
async function printPage(browser: Browser, url: string, variants: { title: string; notice: boolean }[]): Promise<Uint8Array[]> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "load" });
    // Framework renders cells asynchronously; the page is ready when every chart has its SVG.
    await page.waitForFunction(() => document.querySelector("#observablehq-main") && [...document.querySelectorAll(".chart-canvas")].every((c) => c.querySelector("svg")), null, { timeout: 60_000 });
    await page.waitForLoadState("networkidle").catch(() => undefined);
    const printed = new Map<number, Uint8Array>();
    const order = variants.map((v, i) => ({ ...v, i })).sort((a, b) => Number(b.notice) - Number(a.notice));
    let hidden = false;
    for (const { title, notice, i } of order) {
      if (!notice && !hidden) {
        await page.addStyleTag({ content: HIDE_NOTICE });
        hidden = true;
      }
      printed.set(
        i,
        await page.pdf({
          format: "A4",
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: `<div style="font: 8px 'DejaVu Sans', sans-serif; width: 100%; text-align: center; color: #444;">${escapeHtml(title)}</div>`,
          footerTemplate: "<div></div>",
          margin: { top: "1.6cm", bottom: "1.6cm", left: "1.2cm", right: "1.2cm" },
        }),
      );
    }
    return variants.map((_, i) => printed.get(i)!);
  } finally {
    await context.close();
  }
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

async function documentOf(parts: Uint8Array[], title: string): Promise<Uint8Array> {
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
  await numbered(doc);
  return doc.save();
}

async function countryNames(): Promise<Map<string, { name_en: string; name_ru: string }>> {
  const table = await readTable(root, "data/countries.csv", columnsOf(CountryRow));
  return new Map(parseRows(table, CountryRow).rows.map((c) => [c.code, c]));
}

/** Prints every page of the site in `site` into `site`/pdf/; resolves to what was written. */
export async function printPdfs(site: string, log: (line: string) => void = console.log): Promise<string[]> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} to print the PDFs (apt-get install -y chromium fonts-dejavu-core; or CHROMIUM=/path/to/chromium)`);
  const out = path.join(site, "pdf");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const names = await countryNames();
  const all = findPages(site);
  const { server, url } = await serveDirectory(site);
  const browser = await launch();
  const written: string[] = [];
  try {
    for (const lang of LANGS) {
      const pages = reportOrder(all.filter((p) => langOf(p) === lang));
      if (pages.length === 0) continue;
      const reportTitle = t(lang, "site.pdf.report_title");
      const countryTitle = (p: string) => {
        const code = sitePathOf(p).split("/")[2]!;
        const c = names.get(code);
        return { code, title: t(lang, "site.pdf.country_title", { name: c ? (lang === "ru" ? c.name_ru : c.name_en) : code }) };
      };
      const isCountry = (p: string) => sitePathOf(p).startsWith("/countries/");
      // Each page is loaded once: a country page is printed for the report (notice hidden, the
      // report's title) and for its own PDF (the notice at its head, the country's title) from one visit.
      const printed = new Map<string, Uint8Array>();
      const own = new Map<string, Uint8Array>();
      // Two at a time (two cores), each lane taking the next page as soon as it is free.
      await inTurn(
        pages,
        async (p) => {
          const forReport = { title: reportTitle, notice: p === pages[0] };
          const [inReport, alone] = await printPage(browser, url + p, isCountry(p) ? [forReport, { title: countryTitle(p).title, notice: true }] : [forReport]);
          printed.set(p, inReport!);
          if (alone) own.set(p, alone);
        },
        2,
      );
      writeFileSync(path.join(out, pdfName("report", lang)), await documentOf(pages.map((p) => printed.get(p)!), reportTitle));
      written.push(pdfName("report", lang));
      for (const p of pages.filter(isCountry)) {
        const { code, title } = countryTitle(p);
        writeFileSync(path.join(out, pdfName(code, lang)), await documentOf([own.get(p)!], title));
        written.push(pdfName(code, lang));
      }
      log(`pdf (${lang}): ${pdfName("report", lang)} from ${pages.length} pages, and ${pages.filter(isCountry).length} country PDFs`);
    }
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
