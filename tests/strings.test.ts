import { describe, it, expect } from "vitest";
import { en } from "../loaders/shared/strings/en.ts";
import { ru } from "../loaders/shared/strings/ru.ts";
import { t } from "../loaders/shared/strings/index.ts";

describe("interface strings", () => {
  it("has every key in both languages, and no empty string", () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of [...Object.entries(en), ...Object.entries(ru)]) expect(value.trim(), key).not.toBe("");
  });

  it("gives each Russian string the same placeholders as its English one", () => {
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(holes(ru[key]), key).toEqual(holes(en[key]));
  });

  it("fills placeholders and refuses a missing value", () => {
    expect(t("en", "page.reconstruction.intro", { file: "X.md" })).toContain("from `X.md`.");
    expect(() => t("ru", "page.reconstruction.intro")).toThrow('string "page.reconstruction.intro" (ru) needs a value for {file}');
  });

  it("puts values in as they are: not read again for placeholders, no replacement patterns, numbers as String gives them", () => {
    expect(t("en", "page.sensitivity.ranges_caption", { file: "{file} $& $1.yaml" })).toBe("Uncertainty ranges ({file} $& $1.yaml); discrete alternatives are drawn with equal probability");
    // Every placeholder, several in one string, each in its place; the second missing one is named when the first is given.
    const vars = { level: "95%", lo: 1.5, hi: 2, points_lo: "3", points_hi: 4, how: "bootstrap", file: "a.csv" };
    expect(t("en", "table.trace.survey_interval", vars)).toBe("95% interval of the score: 1.5 to 2 (3 to 4 points): bootstrap. Responses: a.csv.");
    expect(() => t("en", "table.trace.survey_interval", { level: "95%" })).toThrow('string "table.trace.survey_interval" (en) needs a value for {lo}');
  });
});
