// Every colour a chart draws marks with reads against the page's background (WCAG 1.4.11: ≥ 3:1).
// The contrast is computed here from the WCAG definition, not with the palette's own helper.
import { describe, it, expect } from "vitest";
import { MARK_COLOURS, COUNTRY_COLOURS, BACKGROUND, inkOn, countryScale } from "../src/components/palette.js";

const channel = (v: number) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
const lum = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => channel(parseInt(hex.slice(i, i + 2), 16) / 255));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const ratio = (a: string, b: string) => {
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe("chart palette", () => {
  it("computes contrast as WCAG defines it (reference pairs)", () => {
    expect(ratio("#000000", "#ffffff")).toBeCloseTo(21, 6);
    expect(ratio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });

  it("gives every mark colour at least 3:1 against the white background", () => {
    expect(BACKGROUND).toBe("#ffffff");
    const ratios = Object.fromEntries(MARK_COLOURS.map((c) => [c, Number(ratio(c, BACKGROUND).toFixed(2))]));
    expect(ratios).toEqual({
      "#332288": 12.17,
      "#117733": 5.66,
      "#CC6677": 3.66,
      "#379586": 3.62,
      "#882255": 8.73,
      "#8C8C2E": 3.56,
      "#AA4499": 5.26,
      "#000000": 21,
      "#0072B2": 5.19,
      "#D55E00": 3.87,
      "#4d4d4d": 8.45,
      "#767676": 4.54,
    });
    for (const [c, r] of Object.entries(ratios)) expect(r, c).toBeGreaterThanOrEqual(3);
  });

  it("writes labels on a mark in the ink that reads at 4.5:1 or better", () => {
    for (const c of MARK_COLOURS) expect(ratio(c, inkOn(c)), c).toBeGreaterThanOrEqual(4.5);
    expect(inkOn("#D55E00")).toBe("#000000");
    expect(inkOn("#332288")).toBe("#ffffff");
  });

  it("gives each of eight countries its own colour, shape and dash", () => {
    const s = countryScale(["UKR", "ARM", "BLR", "KAZ", "KGZ", "MDA", "POL", "RUS"]);
    expect(s.color.domain).toEqual(["ARM", "BLR", "KAZ", "KGZ", "MDA", "POL", "RUS", "UKR"]);
    expect(new Set(s.color.range).size).toBe(8);
    expect(new Set(s.shape.range).size).toBe(8);
    expect(new Set(s.strokeDash.range.map((d: number[]) => d.join())).size).toBe(8);
    expect(s.color.range).toEqual(COUNTRY_COLOURS);
  });
});

describe("colours written into the pages' chart specs", () => {
  it("are all palette colours (each ≥ 3:1), so no page draws a mark the contrast test has not seen", async () => {
    const { readFileSync, readdirSync } = await import("node:fs");
    const allowed = new Set(MARK_COLOURS.map((c) => c.toLowerCase()));
    const used = readdirSync("loaders/pages")
      .filter((f) => f.endsWith(".ts"))
      .flatMap((f) => [...readFileSync(`loaders/pages/${f}`, "utf8").matchAll(/#[0-9a-fA-F]{6}\b/g)].map((m) => `${f} ${m[0].toLowerCase()}`));
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((u) => !allowed.has(u.split(" ")[1]!))).toEqual([]);
  });
});

describe("the front page's map", () => {
  it("outlines every country shape at 3:1 or better, so a light fill (not measured, the scale's pale end) still tells land from page", async () => {
    const { mapSpec } = await import("../src/components/map.js");
    const front = { map: { features: [], labels: [] }, color_domain: [50, 150], year: 2024, max_attainable: 150 };
    const shapes = mapSpec(front, "en").layer.filter((l: { mark: { type: string } }) => l.mark.type === "geoshape");
    expect(shapes).toHaveLength(2);
    for (const s of shapes) expect(ratio(s.mark.stroke, BACKGROUND)).toBeGreaterThanOrEqual(3);
    expect(shapes[0].mark.fill).toBe("#d4d4d4");
  });
});
