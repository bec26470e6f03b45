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
});
