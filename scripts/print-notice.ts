// The reconstruction notice heads every page printed on its own (a country's PDF); in the merged
// report only the first page carries it, and every page's footer still repeats it in one line.
// scripts/pdf.ts adds this to the pages after the first; the print check tests it.
export const HIDE_NOTICE = "@media print { #observablehq-header .reconstruction-notice { display: none !important; } }";
