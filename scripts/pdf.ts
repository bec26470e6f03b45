// `npm run pdf`: prints the built report with Debian's Chromium (--print-to-pdf) into
// dist/pdf/: one PDF per page merged into report.pdf, and one PDF per country (<CODE>.pdf).
// Run after `npm run build`; the print stylesheet (src/style.css) hides navigation chrome.
import { mkdirSync, readFileSync, writeFileSync, rmSync, mkdtempSync, existsSync } from "node:fs";
import { spawn } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PDFDocument } from "pdf-lib";
import { serveDirectory } from "./static-server.ts";
import { findPages, CHROMIUM, CHROMIUM_ARGS } from "../tests/browser/check.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist");
const out = path.join(dist, "pdf");

// Asynchronous on purpose: the static server runs in this process and must keep answering
// Chromium's requests while it prints.
async function printToPdf(url: string, file: string): Promise<void> {
  const profile = mkdtempSync(path.join(tmpdir(), "pti-chromium-"));
  const args = [
    "--headless",
    ...CHROMIUM_ARGS,
    `--user-data-dir=${profile}`,
    "--virtual-time-budget=15000",
    "--run-all-compositor-stages-before-draw",
    "--no-pdf-header-footer",
    `--print-to-pdf=${file}`,
    url,
  ];
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(CHROMIUM, args, { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("close", (c) => {
      clearTimeout(timer);
      resolve({ code: c, stderr: err });
    });
  });
  rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  if (code !== 0 || !existsSync(file)) throw new Error(`chromium could not print ${url}: ${stderr.slice(-1000)}`);
}

/** Report order: the front page, results, methodology, countries, changes, then the rest alphabetically. */
function reportOrder(pages: string[]): string[] {
  const rank = (p: string) => (p === "/" ? 0 : p === "/results" ? 0.5 : p === "/methodology" ? 1 : p.startsWith("/countries/") ? 2 : p.startsWith("/changes/") ? 3 : 4);
  return [...pages].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

const pages = reportOrder(findPages(dist));
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const { server, url } = await serveDirectory(dist);
try {
  const work = mkdtempSync(path.join(tmpdir(), "pti-pdf-"));
  const merged = await PDFDocument.create();
  // Fixed metadata dates keep the merged PDF the same for the same pages.
  const fixed = new Date(Date.UTC(2000, 0, 1));
  merged.setTitle("Prohibition of Torture Index: report (reconstructed example data)");
  merged.setCreationDate(fixed);
  merged.setModificationDate(fixed);
  merged.setProducer("Prohibition of Torture Index notebook");
  const fileOf = (p: string) => path.join(work, (p === "/" ? "index" : p.slice(1).replace(/\//g, "_")) + ".pdf");
  // Two at a time (two cores); merged afterwards in report order.
  for (let i = 0; i < pages.length; i += 2) await Promise.all(pages.slice(i, i + 2).map((p) => printToPdf(url + p, fileOf(p))));
  for (const p of pages) {
    const file = fileOf(p);
    const doc = await PDFDocument.load(readFileSync(file));
    for (const pg of await merged.copyPages(doc, doc.getPageIndices())) merged.addPage(pg);
    if (p.startsWith("/countries/")) writeFileSync(path.join(out, `${p.split("/")[2]}.pdf`), readFileSync(file));
    console.log(`printed ${p}`);
  }
  writeFileSync(path.join(out, "report.pdf"), await merged.save());
  rmSync(work, { recursive: true, force: true });
  console.log(`wrote ${path.relative(root, out)}/report.pdf (${merged.getPageCount()} pages) and ${pages.filter((p) => p.startsWith("/countries/")).length} country PDFs`);
} finally {
  server.close();
}
