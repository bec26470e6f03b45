// The browser checks fail a page on any axe-core violation; this proves the reporting turns a
// violation into a failure line naming rule, element and page (a fake axe result, no browser).
import { describe, it, expect } from "vitest";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { axeFailures, AXE_TAGS } from "./browser/axe.ts";

describe("axe reporting", () => {
  it("reports one failure per element of every violated rule", () => {
    const failures = axeFailures(
      {
        violations: [
          { id: "color-contrast", impact: "serious", help: "Elements must meet minimum color contrast ratio thresholds", nodes: [{ target: ["#observablehq-footer > div"] }, { target: [".muted"] }] },
          { id: "label", impact: "critical", help: "Form elements must have labels", nodes: [{ target: [["iframe", "#reweight-IS"]] }] },
        ],
      },
      { page: "/sensitivity", width: 390 },
    );
    expect(failures).toEqual([
      "axe color-contrast (serious) at 390 px on /sensitivity: #observablehq-footer > div: Elements must meet minimum color contrast ratio thresholds",
      "axe color-contrast (serious) at 390 px on /sensitivity: .muted: Elements must meet minimum color contrast ratio thresholds",
      "axe label (critical) at 390 px on /sensitivity: iframe >>> #reweight-IS: Form elements must have labels",
    ]);
  });

  it("passes a page without violations", () => {
    expect(axeFailures({ violations: [] }, { page: "/", width: 1400 })).toEqual([]);
  });

  it("checks WCAG 2.1 A and AA with the installed axe-core", () => {
    expect(AXE_TAGS).toEqual(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
    expect(existsSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"))).toBe(true);
  });
});
