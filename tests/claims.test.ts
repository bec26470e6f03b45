// The claims check: synthetic claims against a synthetic project (tests/fixtures/claims/), then
// checks that hold for any valid data/ (every claim of data/published/claims.csv gets a status;
// changes --out writes its three files). The example data's own verdicts are pinned in
// tests/example-data/claims.test.ts.
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { commandContext } from "../loaders/command.ts";
import { attributeChanges } from "../loaders/attribution.ts";
import { checkClaims, withChanges, CLAIM_STATUSES, type ClaimCheck } from "../loaders/claims.ts";
import { readClaims } from "../loaders/project.ts";
import { changesPayload } from "../loaders/present/changes.ts";
import { runPipeline } from "../loaders/pipeline.ts";
import { command } from "../loaders/commands/changes.ts";
import { scoreProject, syntheticResult } from "./fixtures/claims/synthetic.ts";
import { ordersProject } from "./fixtures/claims/orders.ts";
import { repoRoot } from "./helpers/project-copy.ts";
import { PUBLISHED_METHOD } from "../loaders/method.ts";

const byId = (checks: ClaimCheck[]) => Object.fromEntries(checks.map((c) => [c.id, c]));

describe("claims check on a synthetic project", async () => {
  const { project, result } = syntheticResult();
  const attribution = attributeChanges(result, { surveyFiles: project.surveys });
  const claims = await readClaims(repoRoot, "tests/fixtures/claims/synthetic-claims.csv");
  const checks = checkClaims(claims, result, attribution);
  const c = byId(checks);

  it("checks every claim and gives each one status", () => {
    expect(checks.length).toBe(claims.length);
    for (const x of checks) expect(CLAIM_STATUSES).toContain(x.status);
    for (const x of checks) expect(x.reason.length).toBeGreaterThan(0);
  });

  it("matches a stated change that agrees at two decimals", () => {
    expect(c["S-AAA-2021-change"]).toMatchObject({ status: "matches", stated: -17.75 });
    expect(c["S-AAA-2021-change"]!.computed).toBeCloseTo(-17.75, 12);
  });

  it("reports a deliberately wrong change as differs, with both values and the difference", () => {
    const x = c["S-AAA-2021-change-wrong"]!;
    expect(x.status).toBe("differs");
    expect(x.stated).toBe(-15.75);
    expect(x.computed).toBeCloseTo(-17.75, 12);
    expect(x.difference).toBeCloseTo(-2, 12); // computed − stated
    expect(x.reason).toMatch(/stated −15\.75, computed −17\.75/);
  });

  it("compares a survey indicator's stated change with the survey score, and says so", () => {
    const x = c["S-AAA-2021-survey"]!;
    expect(x.status).toBe("matches");
    expect(x.computed).toBeCloseTo(-2.5, 12); // survey score 5 → 2.5, not the points (−3.75)
    expect(x.reason).toMatch(/SURVEY SCORE/);
    expect(c["S-AAA-2021-section"]).toMatchObject({ status: "matches" });
  });

  it("applies the driver and sole-driver rules", () => {
    expect(c["S-AAA-2021-driver-BB"]!.status).toBe("matches");
    expect(c["S-AAA-2021-driver-AA"]!.status).toBe("differs");
    expect(c["S-AAA-2021-sole-wrong"]!.status).toBe("differs");
    expect(c["S-BBB-2022-sole"]!.status).toBe("matches");
  });

  it("judges components named together by their joint contribution", () => {
    const x = c["S-AAA-2021-driver-joint"]!;
    expect(x.status).toBe("matches");
    // B −16 plus the survey section's −3.75 (score 5 → 2.5, × 1.5): more than the whole −17.75, as A rose +2.
    expect(x.computed).toBeCloseTo(-19.75, 12);
    expect(x.reason).toMatch(/^rule: same sign as the change/);
  });

  it("checks the direction of a named component, not of the total", () => {
    expect(c["S-AAA-2021-rise-AA"]).toMatchObject({ status: "matches" });
    expect(c["S-AAA-2021-rise-AA"]!.computed).toBeGreaterThan(0);
    expect(c["S-AAA-2021-decline-AA"]).toMatchObject({ status: "differs" });
    expect(c["S-AAA-2021-decline-AA"]!.reason).toMatch(/^AA contributed \+[\d.]+ to the change of −17\.75/);
  });

  it("checks a stated survey score against the computed one", () => {
    expect(c["S-AAA-2021-value"]).toMatchObject({ status: "matches", stated: 2.5, computed: 2.5 });
    expect(c["S-AAA-2021-value-wrong"]).toMatchObject({ status: "differs", stated: 3, computed: 2.5, difference: -0.5 });
  });

  it("counts the countries with excluded indicators in a year", () => {
    expect(c["S-all-2021-excluded"]).toMatchObject({ status: "matches", stated: 1, computed: 1 });
    expect(c["S-all-2021-excluded"]!.reason).toBe("countries with at least one indicator excluded in 2021: 1 of 2 (AAA 1); stated 1.");
  });

  it("checks ranks, unchanged and direction", () => {
    expect(c["S-AAA-2021-leader"]!.status).toBe("matches");
    expect(c["S-BBB-2021-bottom"]!.status).toBe("matches");
    expect(c["S-AAA-2022-unchanged"]!.status).toBe("matches");
    expect(c["S-all-2022-unchanged"]!.status).toBe("differs"); // BBB +11
    expect(c["S-AAA-2020-decline"]!.status).toBe("differs");
  });

  it("says why a claim is not checkable", () => {
    expect(c["S-BBB-2020-change"]).toMatchObject({ status: "not checkable", computed: null });
    expect(c["S-BBB-2020-change"]!.reason).toMatch(/no computed values for BBB in 2020/);
    expect(c["S-CCC-2021-rise"]).toMatchObject({ status: "not checkable" });
    expect(c["S-CCC-2021-rise"]!.reason).toMatch(/no computed values for CCC/);
  });

  it("puts each country-year's checks beside its decomposition in the page payload", () => {
    const payload = changesPayload(project, withChanges(project, result, { claims }));
    const pair = payload.pairs.find((p) => p.country === "AAA" && p.to_year === 2021)!;
    expect(pair.name).toBe("Aland");
    expect(pair.claims.map((x) => x.id).sort()).toEqual(checks.filter((x) => x.country === "AAA" && x.year === 2021).map((x) => x.id).sort());
    expect(pair.explanation.en.head).toBe("Aland −17.75 (2020 31.50 → 2021 13.75)");
    expect(pair.explanation.ru.head).toBe("Аланд −17,75 (2020 31,50 → 2021 13,75)");
    expect(pair.sections.find((s) => s.section === "BB")!.title).toBe("Section B");
    expect(payload.exact).toBe(true);
    expect(payload.years).toEqual([2020, 2021, 2022]);
  });

  it("gives the pages each crossing pair's method share in both orders and the Shapley value, and says whether they differ", () => {
    const same = changesPayload(project, withChanges(project, result)).pairs.find((p) => p.country === "AAA" && p.to_year === 2020)!;
    // AAA's answers do not move 2019 → 2020: both orders give the method all +7.50.
    expect(same.display.method_orders).toEqual({ method_first: 7.5, answers_first: 7.5, difference: 0 });
    expect(same.method_note).toBe(
      "This pair crosses the change of method (v1 → v2). Both orders of the two steps (rescoring the 2019 answers under v2 first, or applying the answers' changes under v1 first) give the method the same share: +7.50 of the change.",
    );
    expect(changesPayload(project, withChanges(project, result)).pairs.find((p) => p.country === "AAA" && p.to_year === 2021)).toMatchObject({ orders: null, method_note: null });

    const orders = ordersProject();
    const pair = changesPayload(orders, withChanges(orders, scoreProject(orders))).pairs.find((p) => p.country === "CCC")!;
    expect(pair.display.method).toBe(8);
    expect(pair.display.method_orders).toEqual({ method_first: 7, answers_first: 9, difference: 2 });
    expect(pair.orders).toMatchObject({ method_first: { method: 7, comparable: true, reason: null }, answers_first: { method: 9, comparable: true, reason: null } });
    expect(pair.method_note).toContain("rescoring the 2019 answers under v2 first gives +7.00, applying the answers' changes under v1 first gives +9.00; they differ by 2.00");
    expect(pair.method_note).toContain("the Shapley value, which depends on no order: +8.00 of the change is the method's.");
    expect(pair.indicators.find((i) => i.indicator === "AA-01")).toMatchObject({ contribution: 11, method: 0.5, kinds: ["law", "methodology"], move: "no → yes" });
  });
});

// ---------------------------------------------------------------------------------------------
// Checks that hold for any valid data/ (no number of the example data pinned here).

describe("claims check of data/", async () => {
  const { project, result } = await runPipeline(repoRoot, PUBLISHED_METHOD, { intervals: false });
  const attribution = attributeChanges(result, { surveyFiles: project.surveys });

  it("data/published/claims.csv: every claim gets a status and a reason", () => {
    expect(project.claims.length, "data/published/claims.csv holds claims").toBeGreaterThan(0);
    const checks = checkClaims(project.claims, result, attribution);
    expect(checks.map((x) => x.id).sort()).toEqual(project.claims.map((x) => x.id).sort());
    for (const x of checks) {
      expect(CLAIM_STATUSES, x.id).toContain(x.status);
      expect(x.reason.length, x.id).toBeGreaterThan(0);
      // A verdict needs a computed value; "not checkable" says there is none.
      expect(x.computed === null, `${x.id}: ${x.status}`).toBe(x.status === "not checkable");
    }
  });

  it("changes --out writes the three CSVs, sorted, full precision", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "pti-changes-"));
    try {
      const lines: string[] = [];
      const push = (s: string) => void lines.push(s);
      const status = await command.run(["--out", out], commandContext({ root: repoRoot, out: push, err: push }));
      expect(status).toBe(0);
      expect(lines[0]).toMatch(/wrote changes\.csv, changes-method-first\.csv and claims-check\.csv to /);
      const changes = readFileSync(path.join(out, "changes.csv"), "utf8").trim().split("\n");
      expect(changes[0]).toBe("country,from_year,to_year,change,section,indicator,kind,contribution");
      const rows = changes.slice(1).map((l) => l.split(","));
      expect(rows.length).toBeGreaterThan(0);
      // One block of rows per pair, sorted by country then year; every row carries its pair's change
      // and the contributions add up to it (full precision, not the two displayed decimals).
      const keys = rows.map((f) => `${f[0]} ${f[1]}`);
      const pairKeys = attribution.pairs.map((p) => `${p.country} ${p.from_year}`);
      expect([...new Set(keys)]).toEqual([...pairKeys].sort((a, b) => (a.split(" ")[0]! < b.split(" ")[0]! ? -1 : a.split(" ")[0]! > b.split(" ")[0]! ? 1 : Number(a.split(" ")[1]) - Number(b.split(" ")[1]))));
      for (const p of attribution.pairs) {
        const mine = rows.filter((f) => f[0] === p.country && Number(f[1]) === p.from_year);
        for (const f of mine) expect(Number(f[3]), `${p.country} ${p.from_year}`).toBeCloseTo(p.change, 9);
        expect(Math.abs(mine.reduce((a, f) => a + Number(f[7]), 0) - p.change), `${p.country} ${p.from_year}`).toBeLessThan(1e-9);
      }
      // changes-method-first.csv differs from changes.csv only in the pairs that cross a change of method.
      const methodFirst = readFileSync(path.join(out, "changes-method-first.csv"), "utf8").trim().split("\n");
      expect(methodFirst[0]).toBe(changes[0]);
      const crossing = new Set(attribution.pairs.filter((p) => p.crosses_methodology).map((p) => `${p.country},${p.from_year},`));
      const within = (ls: string[]) => ls.slice(1).filter((l) => ![...crossing].some((c) => l.startsWith(c)));
      expect(within(methodFirst)).toEqual(within(changes));
      const claims = readFileSync(path.join(out, "claims-check.csv"), "utf8").trim().split("\n");
      expect(claims[0]).toBe("id,edition,country,year,kind,stated,computed,difference,status,reason");
      expect(claims.length - 1).toBe(project.claims.length);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
