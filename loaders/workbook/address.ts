// Spreadsheet addresses, for the template's defined names, the readers' messages and the downloads.

/** A1-style letters of a 1-based column number: 1 → A, 26 → Z, 27 → AA. */
export function columnLetters(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
