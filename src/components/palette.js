// The charts' colours. Every mark colour has at least 3:1 contrast against the page's white
// background (WCAG 1.4.11; tests/palette.test.ts computes each ratio). The country colours are Paul
// Tol's "muted" scheme, designed to stay apart under the common colour-vision deficiencies, with its
// two light members darkened to reach 3:1 (teal #44AA99 → #379586, olive #999933 → #8C8C2E) and its
// pale sand replaced by black. Colour is never the only cue: lines also differ by dash and point
// shape and are labelled directly at their ends.
export const BACKGROUND = "#ffffff";
export const COUNTRY_COLOURS = ["#332288", "#117733", "#CC6677", "#379586", "#882255", "#8C8C2E", "#AA4499", "#000000"];
export const SHAPES = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down", "triangle-right", "triangle-left"];
export const DASHES = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [4, 4], [10, 2], [2, 4], [6, 2, 2, 2]];
/** A rise, a fall, a total (Okabe–Ito blue and vermillion; a dark grey). */
export const INCREASE = "#0072B2";
export const DECREASE = "#D55E00";
export const TOTAL = "#4d4d4d";
// The outline of every country on the map: a light fill (grey for not measured, the pale end of the
// scale) would otherwise not tell land from page (WCAG 1.4.11 asks 3:1 of the shape, here its edge).
export const BOUNDARY = "#767676";
/** Section colours of stacked bars (the same scheme; each segment is also labelled by its section code). */
export const SECTION_COLOURS = COUNTRY_COLOURS;

/** Every colour a chart draws marks with, for the contrast test. */
export const MARK_COLOURS = [...new Set([...COUNTRY_COLOURS, INCREASE, DECREASE, TOTAL, BOUNDARY])];

export function countryScale(codes) {
  const domain = [...codes].sort();
  // Past eight countries colours repeat, each time with another shape and dash (3 does not divide 8), and the direct labels still name every line.
  const pick = (list, step = 1) => domain.map((_, i) => list[(i * step + Math.floor(i / list.length)) % list.length]);
  return {
    color: { domain, range: pick(COUNTRY_COLOURS) },
    shape: { domain, range: pick(SHAPES, 3) },
    strokeDash: { domain, range: pick(DASHES, 3) },
  };
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** White or black, whichever reads better (≥ 4.5:1 for every colour here) on a mark of this colour. */
export const inkOn = (fill) => (contrast(fill, "#ffffff") >= contrast(fill, "#000000") ? "#ffffff" : "#000000");
