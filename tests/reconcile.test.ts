// Reconciliation, revisions, methodology breaks and the missing-data ledger: first on a small
// synthetic project (every number known), then audit --out on data/, checked as for any valid data/
// (that every total of the reconstruction matches is pinned in tests/example-data/reconciliation.test.ts).
import { describe, it, expect, afterAll } from "vitest";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, appendFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Claim, Edition } from "../loaders/schema.ts";
import { syntheticProject } from "./fixtures/audit-project.ts";
import { computeIndex } from "../loaders/pipeline.ts";
import { reconcile, findRevisions, methodologyBreaks, revisionsIn } from "../loaders/reconcile.ts";
import { round2 } from "../loaders/rounding.ts";
import { main } from "../loaders/cli.ts";
import { copyProject, repoRoot } from "./helpers/project-copy.ts";

const ed = (edition: number, country: string, year: number, index: number, line = 2): Edition & { line: number } => ({
  edition,
  published: `20${20 + edition}-01-01`,
  year,
  country,
  index,
  source: `release ${edition}`,
  line,
});
const claim = (id: string, edition: number, country: string, year: number, kind: Claim["kind"], value: number | null = null): Claim & { line: number } => ({
  id,
  edition,
  country,
  year,
  kind,
  component: "",
  value,
  text: id,
  source: "s",
  line: 2,
});

describe("reconcile (synthetic project)", () => {
  const result = computeIndex(syntheticProject());
  const index = (c: string, y: number) => result.index.find((t) => t.country === c && t.year === y)!.index;

  it("computes the synthetic totals the fixture says", () => {
    // AAA 2019: 5 + 1 (section A, weight 1) + 0 (BB-01 excluded) = 6
    expect(index("AAA", 2019)).toBe(6);
    // AAA 2020: A = 5 + 4 = 9; B = 2 × (−10 + 0.25 × 20 + 1.5 × 5.75) = 2 × 3.625 = 7.25; total 16.25
    expect(index("AAA", 2020)).toBeCloseTo(16.25, 12);
    // BBB 2020: A = −2; B = 2 × (0 + 1.5 × 5.5) = 16.5; total 14.5
    expect(index("BBB", 2020)).toBeCloseTo(14.5, 12);
  });

  it("lists every published value with its computed twin, the full-precision difference and a status", () => {
    const editions = [
      ed(1, "AAA", 2019, 6),
      ed(2, "AAA", 2019, 6.5),
      ed(2, "AAA", 2020, round2(index("AAA", 2020))),
      ed(2, "BBB", 2020, 14.51),
      ed(2, "CCC", 2020, 1),
    ];
    const report = reconcile(result, editions, []);
    expect(report.reconciliation).toHaveLength(editions.length);
    for (const e of editions) {
      const row = report.reconciliation.find((r) => r.edition === e.edition && r.country === e.country && r.year === e.year)!;
      expect(row.published).toBe(e.index);
      const twin = result.index.find((t) => t.country === e.country && t.year === e.year);
      expect(row.computed).toBe(twin ? twin.index : null);
      expect(row.difference).toBe(twin ? twin.index - e.index : null);
    }
    const status = (e: number, c: string, y: number) => report.reconciliation.find((r) => r.edition === e && r.country === c && r.year === y)!.status;
    expect(status(1, "AAA", 2019)).toBe("matches");
    expect(status(2, "AAA", 2019)).toBe("differs");
    expect(status(2, "AAA", 2020)).toBe("matches");
    expect(status(2, "BBB", 2020)).toBe("differs");
    expect(status(2, "CCC", 2020)).toBe("not computed");
    expect(report.reconciliation.find((r) => r.country === "BBB")!.difference).toBeCloseTo(-0.01, 12);
    expect(report.summary).toMatchObject({ published: 5, matches: 2, differs: 2, not_computed: 1, revisions: 1 });
    // AAA 2021 is computed but printed by no edition
    expect(report.unpublished.map((u) => `${u.country} ${u.year}`)).toEqual(["AAA 2021"]);
  });

  it("matches at the published precision: rounding half away from zero, never −0", () => {
    expect(round2(1.005 + 1e-12)).toBe(1.01);
    expect(round2(-95.024999)).toBe(-95.02);
    expect(round2(-0.001)).toBe(0);
    expect(Object.is(round2(-0.001), -0)).toBe(false);
  });

  it("finds revisions between editions and says which statements fit which value", () => {
    const editions = [ed(1, "AAA", 2019, 6), ed(3, "AAA", 2019, 6.5), ed(3, "AAA", 2020, 16.25), ed(5, "AAA", 2019, 6.5), ed(5, "AAA", 2020, 16.25)];
    const claims = [
      claim("c-into", 1, "AAA", 2019, "rise"), // no 2018 value anywhere: undecidable
      claim("c-out-a", 2, "AAA", 2020, "change", 10.25), // 16.25 − 6
      claim("c-out-b", 3, "AAA", 2020, "change", 9.75), // 16.25 − 6.5
      claim("c-rise", 3, "AAA", 2020, "rise"), // both
      claim("c-unch", 3, "AAA", 2020, "unchanged"), // neither
      claim("c-other", 3, "BBB", 2020, "change", 1), // another country: not listed
    ];
    const report = reconcile(result, editions, claims);
    // One revision: 1 → 3 (edition 5 repeats edition 3's value: no revision)
    expect(report.revisions).toHaveLength(1);
    const r = report.revisions[0]!;
    expect(r).toMatchObject({ country: "AAA", year: 2019, edition_a: 1, value_a: 6, edition_b: 3, value_b: 6.5, computed: 6, computed_matches: "a" });
    expect(r.difference).toBeCloseTo(0.5, 12);
    const verdict = Object.fromEntries(r.claims.map((c) => [c.id, c.consistent_with]));
    expect(verdict).toEqual({ "c-into": "undecidable", "c-out-a": "a", "c-out-b": "b", "c-rise": "both", "c-unch": "neither" });
  });

  it("says how each statement was tested against a revised total in English as before and in Russian", () => {
    const editions = [ed(1, "AAA", 2019, 6), ed(3, "AAA", 2019, 6.5), ed(3, "AAA", 2020, 16.25), ed(3, "BBB", 2019, 1234.5), ed(1, "AAA", 2020, 16.25), ed(2, "AAA", 2020, 17)];
    const claims = [
      claim("c-into", 1, "AAA", 2019, "rise"),
      claim("c-out-a", 2, "AAA", 2020, "change", 10.25),
      claim("c-out-b", 3, "AAA", 2020, "change", 9.75),
      claim("c-rise", 3, "AAA", 2020, "rise"),
      claim("c-dec", 3, "AAA", 2020, "decline"),
      claim("c-unch", 3, "AAA", 2020, "unchanged"),
      claim("c-nofig", 3, "AAA", 2020, "change"),
      claim("c-lead", 3, "AAA", 2019, "leader"),
      claim("c-lead-none", 1, "AAA", 2019, "leader"),
    ];
    const report = reconcile(result, editions, claims);
    const r = report.revisions.find((v) => v.year === 2019 && v.edition_a === 1 && v.edition_b === 3)!;
    // [claim, English reason, Russian reason]
    const REASONS: [string, string, string][] = [
    ["c-into", "no printed total for AAA 2018 to compare with", "нет напечатанного итога AAA за 2018 год, с которым можно сравнить"],
    ["c-lead-none", "edition 1 printed no other country for 2019", "замер 1 не приводит за 2019 год ни одной другой страны"],
    ["c-lead", "stated first in 2019; the highest other total in edition 3 is 1,234.50", "заявлено 1-е место в 2019 году; наибольший итог другой страны в замере 3 — 1\u202f234,50"],
    ["c-out-a", "stated change +10.25 2019→2020; with edition 1's 6.00 the change is +11.00, with edition 3's 6.50 it is +10.50", "2019→2020: заявлено изменение +10,25; при итоге замера 1 (6,00) изменение составляет +11,00, при итоге замера 3 (6,50) — +10,50"],
    ["c-dec", "stated decline 2019→2020; with edition 1's 6.00 the change is +10.25, with edition 3's 6.50 it is +9.75", "2019→2020: заявлено снижение; при итоге замера 1 (6,00) изменение составляет +10,25, при итоге замера 3 (6,50) — +9,75"],
    ["c-nofig", "the statement gives no figure", "в утверждении нет числа"],
    ["c-out-b", "stated change +9.75 2019→2020; with edition 1's 6.00 the change is +10.25, with edition 3's 6.50 it is +9.75", "2019→2020: заявлено изменение +9,75; при итоге замера 1 (6,00) изменение составляет +10,25, при итоге замера 3 (6,50) — +9,75"],
    ["c-rise", "stated rise 2019→2020; with edition 1's 6.00 the change is +10.25, with edition 3's 6.50 it is +9.75", "2019→2020: заявлен рост; при итоге замера 1 (6,00) изменение составляет +10,25, при итоге замера 3 (6,50) — +9,75"],
    ["c-unch", "stated unchanged (less than 1 point) 2019→2020; with edition 1's 6.00 the change is +10.25, with edition 3's 6.50 it is +9.75", "2019→2020: заявлено «без изменений» (меньше 1 балла); при итоге замера 1 (6,00) изменение составляет +10,25, при итоге замера 3 (6,50) — +9,75"],
    ];
    expect(r.claims.map((c) => c.id).sort()).toEqual(REASONS.map(([id]) => id).sort());
    for (const [id, english, russian] of REASONS) {
      const c = r.claims.find((x) => x.id === id)!;
      expect(c.reason, id).toBe(english);
      expect(c.reason_ru, id).toBe(russian);
    }
    // Two other-year totals: both changes are given, joined by "or" / "или".
    const later = report.revisions.find((v) => v.year === 2020 && v.edition_a === 1 && v.edition_b === 2)!.claims.find((c) => c.id === "c-out-a")!;
    expect(later.reason).toBe("stated change +10.25 2019→2020; with edition 1's 16.25 the change is +10.25 or +9.75, with edition 2's 17.00 it is +11.00 or +10.50");
    expect(later.reason_ru).toBe("2019→2020: заявлено изменение +10,25; при итоге замера 1 (16,25) изменение составляет +10,25 или +9,75, при итоге замера 2 (17,00) — +11,00 или +10,50");

    // The pages: English exactly as before (no Russian field), Russian in `reason`.
    const en = revisionsIn("en", report.revisions);
    const ru = revisionsIn("ru", report.revisions);
    for (const [k, v] of report.revisions.entries()) {
      expect(Object.keys(en[k]!)).toEqual(Object.keys(v));
      expect(en[k]!.claims.map((c) => Object.keys(c))).toEqual(v.claims.map((c) => Object.keys(c).filter((x) => x !== "reason_ru")));
      expect(en[k]!.claims.map((c) => c.reason)).toEqual(v.claims.map((c) => c.reason));
      expect(ru[k]!.claims.map((c) => c.reason)).toEqual(v.claims.map((c) => c.reason_ru));
    }
  });

  it("lets rows of a new edition flow through with no code change (any edition number, any years)", () => {
    const editions = [ed(2, "AAA", 2020, 16.25), ed(17, "AAA", 2020, 16.3), ed(17, "AAA", 2021, round2(index("AAA", 2021))), ed(17, "AAA", 1999, 3)];
    const report = reconcile(result, editions, []);
    expect(report.editions.map((e) => e.edition)).toEqual([2, 17]);
    expect(report.reconciliation.filter((r) => r.edition === 17).map((r) => [r.year, r.status])).toEqual([
      [1999, "not computed"],
      [2020, "differs"],
      [2021, "matches"],
    ]);
    expect(findRevisions(editions).map((v) => [v.edition_a, v.edition_b, v.year])).toEqual([[2, 17, 2020]]);
  });

  it("marks the comparisons that cross a methodology break", () => {
    const claims = [claim("c2020", 2, "AAA", 2020, "rise"), claim("c2021", 2, "AAA", 2021, "decline")];
    const { periods, comparisons } = methodologyBreaks(result.codebooks, [2019, 2020, 2021, 2021], claims);
    expect(periods.map((p) => [p.version, p.from, p.to, p.years])).toEqual([
      ["v1", 2019, 2019, [2019]],
      ["v2", 2020, null, [2020, 2021]],
    ]);
    expect(comparisons.map((c) => [c.from_year, c.to_year, c.from_version, c.to_version, c.crosses_break, c.claims])).toEqual([
      [2019, 2020, "v1", "v2", true, ["c2020"]],
      [2020, 2021, "v2", "v2", false, ["c2021"]],
    ]);
  });

  it("keeps a ledger of every excluded indicator with what it could have moved", () => {
    const report = reconcile(result, [], []);
    expect(report.missing.map((m) => [m.country, m.year, m.indicator, m.note])).toEqual([
      ["AAA", 2019, "BB-01", "no statistics"],
      ["BBB", 2020, "AA-01", "not public"],
    ]);
    const [a, b] = report.missing;
    // BB-01 ratio −10 … 10 in section BB (weight 2)
    expect(a).toMatchObject({ weight: 2, worst_points: -10, best_points: 10, could_lower: -20, could_raise: 20, index: 6 });
    // AAA 2019 maximum attainable: AA-01 5 + AA-02 4 (weight 1); BB-01 excluded
    expect(a!.max_attainable).toBe(9);
    expect(a!.max_attainable_if_included).toBe(29);
    expect(b).toMatchObject({ weight: 1, worst_points: -5, best_points: 5, could_lower: -5, could_raise: 5 });
    expect(report.summary).toMatchObject({ excluded: 2, country_years_with_exclusions: 2 });
  });
});

// ---------------------------------------------------------------------------------------------
// data/, whatever it holds

describe("audit --out on data/", () => {
  const copy = copyProject();
  const out = mkdtempSync(path.join(tmpdir(), "pti-audit-"));
  afterAll(() => {
    copy.cleanup();
    rmSync(out, { recursive: true, force: true });
  });
  const csv = (file: string) => {
    const [head, ...rows] = readFileSync(file, "utf8").trimEnd().split("\n");
    return { head: head!, rows: rows.map((r) => r.split(",")) };
  };
  const run = async (root: string, dir: string) => {
    const lines: string[] = [];
    // Through the CLI's entry point, which reports input problems for every command.
    const status = await main(["--root", root, "audit", "--out", dir], { out: (l) => lines.push(l), err: (l) => lines.push(l) });
    return { status, text: lines.join("\n") };
  };

  it("lists every published value with its computed twin", async () => {
    const r = await run(repoRoot, out);
    expect(r.status, r.text).toBe(0);
    const published = csv(path.join(repoRoot, "data/published/editions.csv")).rows.length;
    const rec = csv(path.join(out, "reconciliation.csv"));
    expect(rec.head).toBe("edition,country,year,published,computed,difference,status");
    expect(published, "data/published/editions.csv holds published totals").toBeGreaterThan(0);
    expect(rec.rows).toHaveLength(published);
    for (const row of rec.rows) {
      const [, , , value, computed, difference, status] = row;
      // Not computed (no sheet): no difference; otherwise computed − published, and matches exactly when equal at the cent.
      const want = computed === "" ? ["", "not computed"] : [expect.closeTo(Number(computed) - Number(value), 9), round2(Number(computed)) === Number(value) ? "matches" : "differs"];
      expect([computed === "" ? difference : Number(difference), status], row.join(",")).toEqual(want);
    }
    expect(csv(path.join(out, "revisions.csv")).head).toBe("country,year,edition_a,value_a,edition_b,value_b,difference");
    expect(existsSync(path.join(out, "missing.csv"))).toBe(true);
  });

  it("shows a second edition's value for an existing country-year as a revision, with no code change", async () => {
    const file = path.join(copy.root, "data/published/editions.csv");
    const first = readFileSync(file, "utf8").split("\n")[1]!.split(",");
    const [, , year, country, value] = first;
    appendFileSync(file, `${readFileSync(file, "utf8").endsWith("\n") ? "" : "\n"}99,2099-01-01,${year},${country},${Number(value) + 1},"https://example.org/ test edition"\n`);
    const dir = path.join(out, "revised");
    const r = await run(copy.root, dir);
    expect(r.status, r.text).toBe(0); // a disagreement in the published record is a finding
    const revisions = csv(path.join(dir, "revisions.csv")).rows;
    expect(revisions.some((v) => v[0] === country && v[1] === year && v[4] === "99")).toBe(true);
    const rec = csv(path.join(dir, "reconciliation.csv")).rows.find((v) => v[0] === "99")!;
    expect(rec[6]).toBe("differs");
  });

  it("exits non-zero only when the data cannot be computed", async () => {
    const file = path.join(copy.root, "data/countries.csv");
    writeFileSync(file, readFileSync(file, "utf8") + "not a row,\n");
    const r = await run(copy.root, path.join(out, "broken"));
    expect(r.status).not.toBe(0);
    expect(r.text).toMatch(/data\/countries\.csv:\d+/);
    expect(r.text).toMatch(/\d+ problem\(s\) in the input: nothing was computed$/);
  });
});
