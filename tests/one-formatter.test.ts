// Numbers become text only through loaders/shared/format.ts. This scans the source tree (loaders/,
// src/) for any other number formatter: JavaScript's own (toFixed, toPrecision, toLocaleString,
// Intl.NumberFormat), Vega/d3 format strings in chart specs (format: ".2f"), and ad-hoc display
// rounding (Math.round(x * 100) / 100).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./helpers/project-copy.ts";

const FORMATTERS: [string, RegExp][] = [
  ["toFixed", /\.toFixed\(/],
  ["toPrecision", /\.toPrecision\(/],
  ["toLocaleString", /\.toLocaleString\(/],
  ["Intl number format", /\bIntl\.NumberFormat\b/],
  ["d3-format", /\bd3-format\b|\bd3\.format\(/],
  ["Vega format string", /\b(format|numberFormat)\s*:\s*["'`]/],
  ["ad-hoc rounding for display", /Math\.round\([^;]*\*\s*10+\b/],
];

/** Files that may hold one, and why. */
const ALLOWED: Record<string, string> = {
  "loaders/shared/format.ts": "the formatter itself: its rounding primitive takes values to 12 significant digits (display and downloads)",
};

const SKIP_DIRS = new Set([".observablehq", "node_modules"]);
const GENERATED = new Set(["src/components/engine.js"]); // the bundle of loaders/shared (scripts/bundle-shared.ts)

function sources(rel: string): string[] {
  return readdirSync(path.join(repoRoot, rel), { withFileTypes: true }).flatMap((e) => {
    const r = path.posix.join(rel, e.name);
    if (e.isDirectory()) return SKIP_DIRS.has(e.name) ? [] : sources(r);
    return /\.(ts|js|md)$/.test(e.name) && !GENERATED.has(r) ? [r] : [];
  });
}

function formattersIn(text: string): string[] {
  return text.split("\n").flatMap((line, i) => FORMATTERS.filter(([, re]) => re.test(line)).map(([name]) => `${i + 1}: ${name}: ${line.trim()}`));
}

describe("one number formatter", () => {
  it("recognises each kind of formatter it forbids", () => {
    const sample = ['x.toFixed(2)', 'n.toPrecision(12)', 'n.toLocaleString("en-US")', "new Intl.NumberFormat('ru')", 'tooltip: [{ field: "v", format: ".2f" }]', "axis: { format: 'd' }", "Math.round(x * 100) / 100"].join("\n");
    expect(formattersIn(sample).map((h) => h.split(": ")[1])).toEqual(["toFixed", "toPrecision", "toLocaleString", "Intl number format", "Vega format string", "Vega format string", "ad-hoc rounding for display"]);
    expect(formattersIn('{ key: "x", format: (v) => fmt(v) }; tooltip: [{ field: "v", ...figure() }]')).toEqual([]);
  });

  it("no file in loaders/ or src/ formats numbers except loaders/shared/format.ts (and the listed exceptions)", () => {
    const files = [...sources("loaders"), ...sources("src")];
    expect(files).toContain("loaders/shared/format.ts");
    expect(files).toContain("src/components/charts.js");
    const found = files.filter((f) => !Object.hasOwn(ALLOWED, f)).flatMap((f) => formattersIn(readFileSync(path.join(repoRoot, f), "utf8")).map((h) => `${f}:${h}`));
    expect(found).toEqual([]);
  });
});
