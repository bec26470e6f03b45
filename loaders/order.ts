// Sorting that does not depend on the machine's locale: outputs must be the same everywhere.

/** Compares strings by UTF-16 code units (what `<` does), never by locale. */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
