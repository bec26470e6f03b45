// The one place a number becomes text: pages, chart labels and tooltips (bundled into
// src/components/engine.js), the CLI and the engine's sentences all call these functions.
// Browser-safe: no Node imports.
//
// THE HOUSE RULE (the Working Group publishes totals at two decimals):
//   a value is shown at `digits` decimals (2 unless a caller shows more, e.g. the trace at 6),
//   rounded half away from zero AFTER taking it to 12 significant digits, so that binary noise
//   (1.005 is stored as 1.00499999999999989…) never decides a tie. −0 and anything that rounds to
//   zero print without a sign. null, undefined and NaN print as "—".
//
// LOCALES: "en" (default) prints 1,234.50 and −95.02 (U+2212 MINUS SIGN, as the pages always have);
// "ru" prints 1 234,50 and −95,02: decimal comma, the same minus sign, and U+202F NARROW NO-BREAK
// SPACE between thousands (a thin space that never lets a line break inside a number).
//
// DOWNLOADS are not text for reading: plainNumber gives the shortest decimal of the value at 12
// significant digits (127.46, not 127.46000000000001), still a number.

export type Locale = "en" | "ru";

export interface NumberFormat {
  locale?: Locale;
  /** Decimals shown (default 2, the published precision). */
  digits?: number;
  /** Drop trailing zeros after rounding (the trace's "at most six decimals"; axis ticks). */
  trim?: boolean;
  /** Thousands separators (default true). */
  group?: boolean;
}

export const MISSING = "—";
export const MINUS = "\u2212";
export const THIN_SPACE = "\u202f";

const SYMBOLS: Record<Locale, { decimal: string; group: string; percent: string }> = {
  en: { decimal: ".", group: ",", percent: "%" },
  ru: { decimal: ",", group: THIN_SPACE, percent: `${THIN_SPACE}%` },
};

/** x with binary noise removed: taken to 12 significant digits (0.29 × 100 = 28.999999999999996 → 29). */
export const noiseless = (x: number): number => Number(x.toPrecision(12));

/**
 * x as a whole number of 10^−digits units, half away from zero after taking x × 10^digits to 12
 * significant digits; never −0. toCents (loaders/rounding.ts) is roundUnits(x, 2).
 */
export function roundUnits(x: number, digits: number): number {
  if (!Number.isFinite(x)) throw new Error(`cannot round a non-finite number (${x})`);
  const u = Math.round(noiseless(Math.abs(x) * 10 ** digits)); // ≥ 0: Math.round is half up, i.e. half away from zero
  return x < 0 && u !== 0 ? -u : u;
}

/** Whole units back to the number they stand for (the shortest JS form of units × 10^−digits). */
export const fromUnits = (units: number, digits: number): number => (units < 0 ? -1 : 1) * Number(unitsText(units, digits, ".")) + 0;

/** A value rounded by the house rule, as a number (round2 in loaders/rounding.ts is roundTo(x, 2)). */
export const roundTo = (x: number, digits = 2): number => fromUnits(roundUnits(x, digits), digits);

/** Digits of |units| with a decimal separator before the last `digits` of them, ASCII, unsigned. */
function unitsText(units: number, digits: number, decimal: string, group = ""): string {
  // Up to 2^53 a whole number prints as its exact digits; beyond, String gives the shortest form
  // that reads back the same, BigInt the exact binary value, which is what this has always printed.
  const abs = Math.abs(units);
  const s = (abs <= Number.MAX_SAFE_INTEGER ? String(abs) : BigInt(abs).toString()).padStart(digits + 1, "0");
  const whole = s.slice(0, s.length - digits);
  const grouped = group && whole.length > 3 ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, group) : whole;
  return digits > 0 ? `${grouped}${decimal}${s.slice(s.length - digits)}` : grouped;
}

const TRAILING_DECIMAL: Record<Locale, RegExp> = { en: /\.$/, ru: /,$/ };
const options = (o: number | NumberFormat | undefined): NumberFormat => (typeof o === "number" ? { digits: o } : (o ?? {}));
const isMissing = (x: unknown): x is null | undefined => x === null || x === undefined || Number.isNaN(x);

/** The house rule: `fmt(134.645)` → "134.65", `fmt(-95.02, { locale: "ru" })` → "−95,02". A number argument is `digits`. */
export function fmt(x: number | null | undefined, opts?: number | NumberFormat): string {
  if (isMissing(x)) return MISSING;
  const { locale = "en", digits = 2, trim = false, group = true } = options(opts);
  const sym = SYMBOLS[locale];
  const units = roundUnits(x, digits);
  let body = unitsText(units, digits, sym.decimal, group ? sym.group : "");
  if (trim && digits > 0) body = body.replace(/0+$/, "").replace(TRAILING_DECIMAL[locale], "");
  return (units < 0 ? MINUS : "") + body;
}

/** A number quoted exactly in a sentence (a rule, a detail, a trace): up to six decimals, no trailing zeros, no grouping: "11.25", "−0.5", "1234". */
export const exact = (x: number | null | undefined, locale: Locale = "en"): string => fmt(x, { digits: 6, trim: true, group: false, locale });

/** A change, always signed unless it shows as zero: "+12.14", "−4.07", "0.00". */
export function signed(x: number | null | undefined, opts?: number | NumberFormat): string {
  if (isMissing(x)) return MISSING;
  const o = options(opts);
  return (roundUnits(x, o.digits ?? 2) > 0 ? "+" : "") + fmt(x, o);
}

/** A whole number (count of draws, rows, bytes) with thousands separators: "1,000", ru "1 000". */
export function count(n: number | null | undefined, locale: Locale = "en"): string {
  return fmt(n, { locale, digits: 0 });
}

/** A share (0.371) as a percentage: "37%" (digits default 0), ru "37 %". */
export function percent(share: number | null | undefined, opts?: number | NumberFormat): string {
  if (isMissing(share)) return MISSING;
  const o = { digits: 0, ...options(opts) };
  return fmt(100 * share, o) + SYMBOLS[o.locale ?? "en"].percent;
}

/** A rank as an ordinal: 1st, 2nd, 3rd, 11th, 22nd; ru "1-е" (as in "1-е место"). */
export function ordinal(n: number, locale: Locale = "en"): string {
  const whole = count(n, locale);
  if (locale === "ru") return `${whole}-е`;
  const t = Math.abs(n) % 100;
  const last = Math.abs(n) % 10;
  const suffix = t >= 11 && t <= 13 ? "th" : last === 1 ? "st" : last === 2 ? "nd" : last === 3 ? "rd" : "th";
  return `${whole}${suffix}`;
}

/**
 * A number for a download (CSV, JSON, XLSX): the value at 12 significant digits, in its shortest
 * form, so 127.46000000000001 → 127.46, 0.1 + 0.2 → 0.3, and a total summed from many terms
 * (0.80999999999999694, Russia 2019) → 0.81; −0 → 0. Still a number. Twelve digits are all that the
 * engine's double-precision sums of a few hundred terms determine (their rounding error is near the
 * 14th digit); they are also the digits the display rule reads (noiseless), so a download and a
 * page never disagree about a figure.
 */
export function plainNumber(x: number): number {
  if (!Number.isFinite(x)) return x;
  return noiseless(x) + 0;
}

/** plainNumber as the text a CSV cell holds (ASCII minus, point, no separators): "-95.02". */
export const plainText = (x: number): string => String(plainNumber(x));

/**
 * Vega's side: Vega-Lite specs say `formatType: VEGA_FORMAT_TYPE` and `format: {...}` (a
 * FigureFormat); src/components/chart.js registers vegaFormat under that name.
 */
export const VEGA_FORMAT_TYPE = "indexNumber";
export interface FigureFormat extends NumberFormat {
  kind?: "number" | "signed" | "count" | "percent" | "ordinal";
}
export function vegaFormat(value: unknown, spec: FigureFormat = {}): string {
  if (typeof value !== "number") return value === null || value === undefined ? MISSING : String(value);
  switch (spec.kind ?? "number") {
    case "signed":
      return signed(value, spec);
    case "count":
      return count(value, spec.locale);
    case "percent":
      return percent(value, spec);
    case "ordinal":
      return ordinal(value, spec.locale);
    default:
      return fmt(value, spec);
  }
}
/** The encoding properties that make Vega-Lite format a field with the house rule. */
export const figure = (spec: FigureFormat = {}): { formatType: string; format: FigureFormat } => ({ formatType: VEGA_FORMAT_TYPE, format: spec });

const RU_MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];
/**
 * A calendar date (ISO "2025-08-08") as text: English pages keep the ISO form they always showed;
 * Russian "8 августа 2025 г.", as the Working Group's Russian releases date them. Anything else is returned as given.
 */
export function dateText(iso: string | null | undefined, locale: Locale = "en"): string {
  if (iso === null || iso === undefined || iso === "") return MISSING;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || locale === "en") return iso;
  return `${Number(m[3])} ${RU_MONTHS[Number(m[2]) - 1]} ${m[1]} г.`;
}
