// What the site's routes are made of, read from the folder names alone: observablehq.config.ts lists
// the country and change pages by it, and the audit page attaches one trace file per country by it
// (Framework needs every attached file's name written in the page).
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The project root this module sits in (loaders/pages/ → ../..). */
export const projectRootOfPages = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Country codes and years that have a sheet in data/sheets/<year>/<CODE>.(csv|xlsx). */
export function sheetsOnDisk(root: string): { year: number; country: string }[] {
  const dir = path.join(root, "data", "sheets");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((y) => /^\d{4}$/.test(y))
    .flatMap((y) =>
      readdirSync(path.join(dir, y))
        .filter((f) => /^[A-Z]{3}\.(csv|xlsx)$/.test(f))
        .map((f) => ({ year: Number(y), country: f.slice(0, 3) })),
    );
}

/** The country codes with a sheet, sorted. */
export const sheetCountries = (root: string): string[] => [...new Set(sheetsOnDisk(root).map((s) => s.country))].sort();
