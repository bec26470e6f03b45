// The Russian answer words of an ordinal scale: a sheet answer in either language must name exactly
// one level, so a codebook whose level_ru words repeat, or take another level's English word, is refused.
// On the fixture codebook; the example data's Russian codebook texts: tests/example-data/codebook-ru.test.ts.
import { describe, expect, it } from "vitest";
import { formatProblem } from "../loaders/problems.ts";
import { loadProject } from "../loaders/project.ts";
import type { Codebook } from "../loaders/schema.ts";
import { validateCodebooks } from "../loaders/validate.ts";
import { FIXTURE_ROOT } from "./fixtures/copy-fixture.ts";

describe("Russian answer words of ordinal levels", async () => {
  const project = await loadProject(FIXTURE_ROOT);
  const cb2020 = project.codebooks.find((c) => c.version === "2020")!;
  const FILE = "data/methodology/2020.yaml";
  const withWords = (words: Record<string, string>): Codebook => ({
    ...cb2020,
    previous: null,
    indicators: cb2020.indicators.map((ind) =>
      ind.id === "LP-02" && ind.scale.type === "ordinal"
        ? { ...ind, scale: { ...ind.scale, levels: ind.scale.levels.map((l) => ({ ...l, level_ru: words[l.level] })) } }
        : ind,
    ),
  });
  const check = (words: Record<string, string>) => validateCodebooks([{ file: FILE, codebook: withWords(words) }]).map(formatProblem);

  it("accepts one distinct word per level", () => {
    expect(check({ yes: "да", partial: "частично", no: "нет" })).toEqual([]);
  });

  it("refuses a word given to two levels", () => {
    expect(check({ yes: "да", partial: "да", no: "нет" })).toEqual([
      `${FILE}::indicators.1.scale.levels.1.level_ru: Russian level "да" of LP-02 is given to both "yes" and "partial"; each level needs its own word`,
    ]);
  });

  it("refuses a word that is another level's English word", () => {
    expect(check({ yes: "да", partial: "no", no: "нет" })).toEqual([
      `${FILE}::indicators.1.scale.levels.1.level_ru: Russian level "no" of LP-02 (for "partial") is the level "no"; choose a word no other level uses`,
    ]);
  });
});
