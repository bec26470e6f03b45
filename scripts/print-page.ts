// The printed page: A4 less the PDFs' margins. scripts/pdf.ts prints with these margins and lays
// each page out at the size they leave; the browser print check (tests/browser/scenarios/print.ts)
// measures every page at the same size.
const MARGIN_MM = { top: 16, bottom: 16, left: 12, right: 12 };

/** The margins as Chromium's page.pdf takes them. */
export const MARGIN = Object.fromEntries(Object.entries(MARGIN_MM).map(([side, mm]) => [side, `${mm / 10}cm`])) as Record<keyof typeof MARGIN_MM, string>;

// CSS pixels: 96 per inch.
const px = 96 / 25.4;
/** What A4 (210 × 297 mm) leaves inside the margins, in CSS pixels. */
export const PRINTED = {
  width: Math.floor((210 - MARGIN_MM.left - MARGIN_MM.right) * px),
  height: Math.floor((297 - MARGIN_MM.top - MARGIN_MM.bottom) * px),
};
