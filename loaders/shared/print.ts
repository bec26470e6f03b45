// What the printed report holds where the web holds more: the last PRINTED_YEARS years. Shared by
// the pages' components (src/components/country.js, through engine.js) and by scripts/pdf.ts, which
// chooses the What changed pages of report.pdf by the same rule. The web pages and the downloads keep
// every year; each page says in print what it left out and where it is.

/**
 * How many years a printed page shows: as many as an A4 page holds side by side, legibly, beside an
 * indicator and its title (the answer grid). The Working Group's Index has six so far (2019–2024);
 * at twenty years, every year's grid, change blocks and What changed pages made a country's PDF
 * run past a hundred pages, each block also printed a second time on its year's page.
 */
export const PRINTED_YEARS = 6;

/** The years a printed page shows of `years` (ascending): the last PRINTED_YEARS. */
export const printedYears = <T>(years: readonly T[]): T[] => years.slice(-PRINTED_YEARS);

/** The changes (ascending, year to year) a printed page shows: those between its printed years, the last PRINTED_YEARS − 1. */
export const printedChanges = <T>(changes: readonly T[]): T[] => changes.slice(-(PRINTED_YEARS - 1));
