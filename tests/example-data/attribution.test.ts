// Pins of the reconstructed example data (data/ as committed): these tests hold only for the
// reconstruction. When data/ is replaced by the Working Group's files, delete or re-pin this folder;
// the engine's tests elsewhere in tests/ run on their own fixtures and stay meaningful.
//
// Attribution of the example data's year-over-year changes: the 2019 → 2020 change of method, the
// method's share in each order, Ukraine 2024, a country measured once, a missing year. The same
// behaviours on synthetic projects: tests/attribution.test.ts.
import { describe, expect, it } from "vitest";
import { attributeChanges, EXACTNESS_TOLERANCE, type Attribution, type ContributionRow, type PairAttribution } from "../../loaders/attribution.ts";
import { computeIndex, runPipeline } from "../../loaders/pipeline.ts";
import { PUBLISHED_METHOD } from "../../loaders/method.ts";
import { repoRoot } from "../helpers/project-copy.ts";

const pairOf = (a: Attribution, country: string, to: number) => a.pairs.find((p) => p.country === country && p.to_year === to);
const nonZero = (p: PairAttribution) => p.indicators.filter((i) => i.contribution !== 0);

describe("attribution of the reconstructed data", async () => {
  const { project, result } = await runPipeline(repoRoot, PUBLISHED_METHOD, { intervals: false });
  const attribution = attributeChanges(result, { surveyFiles: project.surveys });

  it("labels 2019→2020 pairs as crossing the change of method, and no other", () => {
    const crossing = attribution.pairs.filter((p) => p.crosses_methodology);
    expect(crossing.length).toBeGreaterThan(0);
    for (const p of crossing) {
      expect([p.from_year, p.to_year]).toEqual([2019, 2020]);
      expect(p.methodology_from).toBe("2019-pilot");
      expect(p.methodology_to).toBe("2020");
      expect(p.method).not.toBeNull();
      expect(p.comparable || (p.reason ?? "").length > 0).toBe(true);
      // The survey block is new in 2020: RM-06/07/08 are methodology (added) in these pairs.
      for (const id of ["RM-06", "RM-07", "RM-08"]) {
        const rows = p.rows.filter((r) => r.indicator === id);
        expect(rows.length, `${p.country} ${id}`).toBeGreaterThan(0);
        expect(rows.map((r) => r.kind), `${p.country} ${id}`).toEqual(rows.map(() => "methodology"));
      }
    }
    expect(attribution.pairs.filter((p) => !p.crosses_methodology).every((p) => p.from_year >= 2020)).toBe(true);
  });

  it("2019→2020: the method's share in each order and their mean (Shapley), which the pages and changes.csv now show", () => {
    // Before, changes.csv held the method-first split (now changes-method-first.csv). The orders differ
    // where an answer moved AND was rescored, e.g. PG-06, whose points span doubled in 2020.
    const shares = Object.fromEntries(
      attribution.pairs
        .filter((p) => p.orders)
        .map((p) => [p.country, [p.orders!.method_first.method.total, p.orders!.answers_first.method.total, p.method!.total].map((x) => Math.round(x * 1e4) / 1e4)]),
    );
    expect(shares).toEqual({
      ARM: [11.84, 11.84, 11.84],
      BLR: [-6.07, -1.635, -3.8525],
      KAZ: [-11.62, -7.555, -9.5875],
      KGZ: [-1.74, -1.42, -1.58],
      MDA: [21.11, 18.89, 20],
      RUS: [-4.42, -7.7, -6.06],
      UKR: [34.5, 36.925, 35.7125],
    });
    for (const p of attribution.pairs.filter((x) => x.orders)) {
      expect(Math.abs(p.method!.total - (p.orders!.method_first.method.total + p.orders!.answers_first.method.total) / 2)).toBeLessThanOrEqual(EXACTNESS_TOLERANCE);
      expect(p.comparable).toBe(true);
      for (const o of ["method_first", "answers_first"] as const) expect(Math.abs(p.orders![o].residual)).toBeLessThanOrEqual(EXACTNESS_TOLERANCE);
    }
    const blr = pairOf(attribution, "BLR", 2020)!;
    const pg06 = (rows: ContributionRow[]) => rows.filter((r) => r.indicator === "PG-06").map((r) => [r.kind, Math.round(r.contribution * 1e4) / 1e4]);
    expect(pg06(blr.orders!.method_first.rows)).toEqual([["practice", 4.87], ["methodology", -3.91]]);
    expect(pg06(blr.orders!.answers_first.rows)).toEqual([["practice", 2.435], ["methodology", -1.475]]);
    expect(pg06(blr.rows)).toEqual([["practice", 3.6525], ["methodology", -2.6925]]);
  });

  it("Ukraine 2023→2024: exactly one non-zero indicator contribution, LP-02, reassessment, −11.25", () => {
    const p = pairOf(attribution, "UKR", 2024)!;
    expect(p).toBeDefined();
    const moved = nonZero(p);
    expect(moved.map((i) => i.indicator)).toEqual(["LP-02"]);
    expect(moved[0]!.kinds).toEqual(["reassessment"]);
    expect(moved[0]!.contribution).toBeCloseTo(-11.25, 9);
    expect(p.change).toBeCloseTo(-11.25, 9);
  });

  it("has no pair for a country measured in one year only (Poland 2020)", () => {
    expect(result.index.filter((t) => t.country === "POL").map((t) => t.year)).toEqual([2020]);
    expect(attribution.pairs.filter((p) => p.country === "POL")).toEqual([]);
  });

  it("makes up no pair across a missing year: without Kazakhstan's 2022 sheet, no change into 2022 or 2023", () => {
    const gap = {
      ...project,
      sheets: project.sheets.filter((s) => !(s.country === "KAZ" && s.year === 2022)),
      surveys: project.surveys.filter((s) => !(s.country === "KAZ" && s.year === 2022)),
    };
    const r = computeIndex(gap, PUBLISHED_METHOD, { intervals: false });
    const kaz = attributeChanges(r, { surveyFiles: gap.surveys }).pairs.filter((p) => p.country === "KAZ");
    expect(kaz.map((p) => `${p.from_year}→${p.to_year}`)).toEqual(["2019→2020", "2020→2021", "2023→2024"]);
  });
});
