// The front page's payload on the reconstructed example data (pins: see claims.test.ts): the
// quotable lines, the countries left out, the Kyrgyzstan 2024 statement at odds with its own table,
// and the map's shapes.
import { describe, expect, it } from "vitest";
import { runPipeline } from "../../loaders/pipeline.ts";
import { withChanges } from "../../loaders/claims.ts";
import { PUBLISHED_METHOD } from "../../loaders/method.ts";
import { frontPayload, mainReasons } from "../../loaders/present/front.ts";
import { changesPayload } from "../../loaders/present/changes.ts";
import { readBoundaries, regionShapes, clipRing, REGION } from "../../loaders/present/map.ts";
import { repoRoot } from "../helpers/project-copy.ts";

describe("front page payload on the example data", async () => {
  const { project, result } = await runPipeline(repoRoot, PUBLISHED_METHOD, { intervals: false });
  const full = withChanges(project, result);
  const shapes = regionShapes(readBoundaries().topology);
  const front = frontPayload(project, full, shapes);
  const line = (code: string) => front.lines.find((l) => l.country === code)!;

  it("has one line per country measured in 2024, in rank order", () => {
    expect(front.year).toBe(2024);
    expect(front.max_attainable).toBe(196.25);
    expect(front.lines.map((l) => [l.country, l.rank])).toEqual([["KAZ", 1], ["MDA", 2], ["ARM", 3], ["UKR", 4], ["KGZ", 5], ["RUS", 6], ["BLR", 7]]);
  });

  it("words Ukraine's line from the attribution, with the release's words on the driver", () => {
    expect(line("UKR").line.en).toBe(
      "Ukraine: Index 80.77 of a maximum attainable 196.25 (2024), rank 4 of 7; −11.25 since 2023, mainly because of changes in “Definition of torture in line with Article 1 of the Convention against Torture” (−11.25).",
    );
    expect(line("UKR").line.ru).toBe(
      "Украина: Индекс 80,77 из максимально достижимых 196,25 (2024), 4-е место из 7; −11,25 по сравнению с 2023 годом, в основном из-за изменений по показателям «Определение пытки соответствует статье 1 Конвенции против пыток» (−11,25).",
    );
    expect(line("UKR").release).toMatchObject({ id: "E6-UKR-sole_driver-LP-02", year: 2024 });
    expect(line("UKR").release!.line.en).toBe(
      "The 2024 release: “The decline was solely due to a changed expert assessment of how accurately the definition of torture and ill-treatment follows the international conventions”",
    );
  });

  it("words Kazakhstan's line: the two largest parts, and the release's section-level driver", () => {
    expect(line("KAZ").line.en).toBe(
      "Kazakhstan: Index 134.65 of a maximum attainable 196.25 (2024), rank 1 of 7; +12.14 since 2023, mainly because of changes in “Criminal liability for damaging or destroying detention-facility video recordings” (+4.00) and “Independence of the torture investigation body (expert survey)” (+3.60).",
    );
    expect(line("KAZ").reasons).toEqual([{ indicator: "PI-04", shown: 4 }, { indicator: "RM-06", shown: 3.6 }]);
    // Two driver statements match; the larger (RM, +8.14) is quoted, not PI-04 (+4.00).
    expect(line("KAZ").release!.id).toBe("E6-KAZ-driver-RM");
  });

  it("uses each country's own maximum attainable (Belarus has an indicator left out)", () => {
    expect(line("BLR").max_attainable).toBe(186.25);
    expect(line("BLR").line.en).toMatch(/^Belarus: Index −95\.02 of a maximum attainable 186\.25 \(2024\), rank 7 of 7; −1\.19 since 2023/);
  });

  it("names a second part only when it is at least a quarter of the change", () => {
    const kgz = changesPayload(project, full).pairs.find((p) => p.country === "KGZ" && p.to_year === 2024)!;
    expect(kgz.explanation.en.items.map((i) => [i.indicator, i.shown])).toEqual([["PG-06", -14.27], ["JR-03", -7], ["RM-06", 3]]);
    expect(mainReasons(kgz.explanation.en.items, kgz.change).map((i) => i.indicator)).toEqual(["PG-06", "JR-03"]);
    expect(mainReasons(kgz.explanation.en.items, -40).map((i) => i.indicator)).toEqual(["PG-06"]);
  });

  it("explains the countries not in the 2024 measurement", () => {
    expect(front.absent.map((a) => [a.country, a.years])).toEqual([["POL", [2020]], ["TJK", []]]);
    expect(front.absent[0]!.line.en).toBe("Poland was measured in 2020 only; it is not in the 2024 measurement.");
    expect(front.absent[0]!.line.ru).toBe("Польша: годы замера — только 2020; в замер 2024 года страна не вошла.");
    expect(front.absent[1]!.line.en).toBe("Tajikistan has no sheets in this data, so no Index is computed for it here.");
  });

  it("says where the record disagrees with itself: Kyrgyzstan 2024", () => {
    expect(front.disagreements).toHaveLength(1);
    const d = front.disagreements[0]!;
    expect(d).toMatchObject({ id: "E6-KGZ-change", country: "KGZ", year: 2024, edition: 6, stated: -11.29 });
    expect(d.table_change).toBeCloseTo(-15.87, 10);
    expect(d.line.en).toBe(
      "Kyrgyzstan, 2024: the text of edition 6 says “As a result, the Index for Kyrgyzstan for 2024 decreased by 11.29 points”, but the same edition’s own table gives 80.36 in 2023 and 64.49 in 2024, a change of −15.87, not −11.29 (a gap of −4.58).",
    );
    expect(d.line.ru).toContain("таблица того же выпуска даёт 80,36 за 2023 год и 64,49 за 2024 год, то есть изменение −15,87, а не −11,29 (расхождение −4,58)");
    // The page marks the quoted words as English (lang="en") by finding them in the line: they must be there whole.
    expect(d.text).toBe("As a result, the Index for Kyrgyzstan for 2024 decreased by 11.29 points");
    expect(d.line.ru).toContain(`(на английском) «${d.text}»`);
    expect(line("UKR").release!.line.ru).toBe(`Релиз 2024 года (на английском): «${line("UKR").release!.text}»`);
  });

  it("lists a page for every country with a computed Index, and the edition to cite", () => {
    expect(front.pages.map((p) => p.country)).toEqual(["ARM", "BLR", "KAZ", "KGZ", "MDA", "POL", "RUS", "UKR"]);
    expect(front.edition).toEqual({ edition: 6, published: "2025-08-08" });
  });

  it("maps the region's countries, the measured ones with their Index and a label inside the window", () => {
    expect(front.map.features).toHaveLength(48);
    const coloured = front.map.features.filter((f) => f.properties.index !== null).map((f) => f.properties.code).sort();
    expect(coloured).toEqual(["ARM", "BLR", "KAZ", "KGZ", "MDA", "RUS", "UKR"]);
    expect(front.map.features.find((f) => f.properties.code === "POL")!.properties.index).toBeNull();
    expect(front.map.labels.map((l) => l.country)).toEqual(["ARM", "BLR", "KAZ", "KGZ", "MDA", "RUS", "UKR"]);
    expect(front.map.unmapped).toEqual([]);
    expect(front.map.unmapped_line).toBeNull();
    for (const l of front.map.labels) {
      expect(l.longitude).toBeGreaterThan(REGION.west);
      expect(l.longitude).toBeLessThan(REGION.east);
    }
  });
});

describe("a country measured without a boundary on the map", async () => {
  const { project, result } = await runPipeline(repoRoot, PUBLISHED_METHOD, { intervals: false });
  it("is named under the map, not dropped and not a failed build", () => {
    // As if Moldova's name did not match the boundaries' English name.
    const shapes = regionShapes(readBoundaries().topology).filter((s) => s.name !== "Moldova");
    const front = frontPayload(project, withChanges(project, result), shapes);
    expect(front.map.unmapped).toEqual(["MDA"]);
    expect(front.map.unmapped_line).toEqual({ en: "Not on the map (no boundary for it in the map’s region): Moldova.", ru: "Не показаны на карте (нет границ в области карты): Молдова." });
    expect(front.lines.map((l) => l.country)).toContain("MDA");
  });
});

describe("region clipping", () => {
  const a2 = (r: number[][]) => r.slice(0, -1).reduce((s, p, i) => s + p[0]! * r[i + 1]![1]! - r[i + 1]![0]! * p[1]!, 0);

  it("keeps every outer ring clockwise, as the spherical renderer needs (Russia crosses the antimeridian)", () => {
    for (const s of regionShapes(readBoundaries().topology)) for (const p of s.polygons) expect(a2(p[0]!), s.name).toBeLessThan(0);
  });

  it("cuts a ring at the window's edges and closes it", () => {
    const square = [[0, 40], [0, 50], [20, 50], [20, 40], [0, 40]] as [number, number][];
    const r = clipRing(square, { west: 10, east: 30, south: 35, north: 45 })!;
    expect(r[0]).toEqual(r.at(-1));
    expect(Math.min(...r.map((p) => p[0]))).toBe(10);
    expect(Math.max(...r.map((p) => p[1]))).toBe(45);
    expect(a2(r)).toBe(-100); // 10 × 5, clockwise
    expect(clipRing(square, { west: 30, east: 40, south: 35, north: 45 })).toBeNull();
  });
});

describe("boundary corrections", () => {
  it("draws Crimea as part of Ukraine (UN General Assembly resolution 68/262), not of Russia", () => {
    const shapes = regionShapes(readBoundaries().topology);
    const inCrimea = (s: (typeof shapes)[number]) => s.polygons.filter((p) => p[0]!.every(([x, y]) => x >= 32 && x <= 37 && y >= 44 && y <= 46.5)).length;
    expect(inCrimea(shapes.find((s) => s.name === "Ukraine")!)).toBe(1);
    expect(inCrimea(shapes.find((s) => s.name === "Russia")!)).toBe(0);
  });
});

describe("a change as a short list on the example data", async () => {
  const { project, result } = await runPipeline(repoRoot, PUBLISHED_METHOD, { intervals: false });
  const pairs = changesPayload(project, withChanges(project, result)).pairs;

  it("Armenia 2021: the three largest contributions, then the five smaller ones summed, adding up to the change", () => {
    const arm = pairs.find((p) => p.country === "ARM" && p.to_year === 2021)!;
    const e = arm.explanation.en;
    expect(e.head).toBe("Armenia −19.92 (2020 104.00 → 2021 84.08)");
    expect(e.items.map((i) => i.text)).toEqual([
      "Procedural guarantees applied in practice (PG-06): −6.94",
      "Implementation of CAT and CPT recommendations (IS-06): −3.10",
      "Video surveillance of places of detention (PI-05): −3.10",
    ]);
    expect(e.rest).toEqual({ count: 5, shown: -6.78, text: "and 5 smaller changes, −6.78 in all" });
    expect(Math.round(100 * (e.items.reduce((s, i) => s + i.shown, 0) + e.rest!.shown))).toBe(-1992);
    expect(e.notes).toEqual([]);
    expect(arm.explanation.ru.rest!.text).toBe("и ещё изменений меньшего размера: 5, всего −6,78");
    expect(arm.explanation.ru.items[0]!.text).toBe("Соблюдение процессуальных гарантий на практике (PG-06): −6,94");
  });

  it("a pair across the change of method says the method's share in a note", () => {
    const ukr = pairs.find((p) => p.country === "UKR" && p.to_year === 2020)!;
    expect(ukr.explanation.en.rest).toMatchObject({ count: 16, shown: 29.27 });
    expect(ukr.explanation.en.notes).toEqual(["Of the change, +35.71 comes from the change of method (2019-pilot → 2020)."]);
    expect(ukr.explanation.ru.notes).toEqual(["Из этого изменения +35,71 приходится на смену методологии (2019-pilot → 2020)."]);
  });
});
