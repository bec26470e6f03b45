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
import { checkClaims, claimsIn, claimsTable, withChanges, CLAIM_STATUSES, type ClaimCheck } from "../loaders/claims.ts";
import { readClaims } from "../loaders/project.ts";
import { changesPayload } from "../loaders/present/changes.ts";
import { runPipeline } from "../loaders/pipeline.ts";
import { command } from "../loaders/commands/changes.ts";
import { scoreProject, syntheticResult } from "./fixtures/claims/synthetic.ts";
import { ordersProject } from "./fixtures/claims/orders.ts";
import { repoRoot } from "./helpers/project-copy.ts";
import { PUBLISHED_METHOD } from "../loaders/method.ts";
import type { Claim } from "../loaders/schema.ts";

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

  // Claims the fixture file does not make, so that every sentence of the check is written once here.
  const more = (id: string, country: string, year: number, kind: Claim["kind"], component = "", value: number | null = null) => ({ id, edition: 9, country, year, kind, component, value, text: id, source: "f", line: 0 });
  const extra = byId(
    checkClaims(
      [
        more("X-cc-ind", "AAA", 2021, "component_change", "BB-01", -10),
        more("X-cc-nofig", "AAA", 2021, "component_change", "BB"),
        more("X-cc-survey-nofig", "AAA", 2021, "component_change", "SS-01"),
        more("X-cc-survey-2020", "AAA", 2020, "component_change", "SS-01", 1),
        more("X-rise-fig-ok", "BBB", 2022, "rise", "", 11),
        more("X-rise-fig-bad", "BBB", 2022, "rise", "", 10),
        more("X-drv-zero", "AAA", 2022, "driver", "AA"),
        more("X-drv-stated-bad", "AAA", 2021, "driver", "BB", -15),
        more("X-drv-notlargest", "AAA", 2021, "driver", "SS"),
        more("X-sole-sec", "BBB", 2022, "sole_driver", "AA", 11),
        more("X-sole-ind-many", "AAA", 2021, "sole_driver", "AA-01", 5),
        more("X-exc-country", "AAA", 2021, "excluded", "", 1),
        more("X-exc-all-nofig", "", 2020, "excluded"),
        more("X-cv-notsurvey", "AAA", 2021, "component_value", "BB-01", 1),
        more("X-cv-nofig", "AAA", 2021, "component_value", "SS-01"),
        more("X-rise-comp-unknown", "AAA", 2021, "rise", "ZZ"),
        more("X-change-noprev", "AAA", 2019, "change", "", 1),
        more("X-change-nofig", "AAA", 2021, "change"),
        more("X-lead-bbb", "BBB", 2021, "leader"),
        more("X-lead-none", "", 2021, "leader"),
        more("X-unch-all-99", "", 1999, "unchanged"),
        more("X-exc-year-missing", "", 1999, "excluded"),
        more("X-cc-noc", "AAA", 2021, "component_change"),
        more("X-cv-nocomp", "AAA", 2021, "component_value"),
        more("X-unch-bbb", "BBB", 2022, "unchanged"),
        more("X-dec-zero", "AAA", 2022, "decline"),
      ],
      result,
      attribution,
    ),
  );

  // [claim, English reason (as claims-check.csv has always given it), Russian reason]
  const REASONS: [string, string, string][] = [
    ["S-AAA-2021-change", "stated −17.75 agrees with the computed change −17.75 (2020: 31.50 → 2021: 13.75) at two decimals.", "заявленное изменение −17,75 совпадает с вычисленным −17,75 (2020: 31,50 → 2021: 13,75) до двух знаков."],
    ["S-AAA-2021-change-wrong", "stated −15.75, computed −17.75 (2020: 31.50 → 2021: 13.75): difference −2.00.", "заявлено −15,75, вычислено −17,75 (2020: 31,50 → 2021: 13,75): разница −2,00."],
    ["S-AAA-2021-section", "section BB: change of its weighted subtotal: stated −16.00, computed −16.00, agree at two decimals.", "раздел BB, изменение его взвешенного итога: заявлено −16,00, вычислено −16,00, совпадают до двух знаков."],
    ["S-AAA-2021-survey", "compared with the change of the SURVEY SCORE of SS-01 (0–10 scale: 2020 5.00 → 2021 2.50), not with its points: stated −2.50, computed −2.50, agree at two decimals; its contribution to the Index change is −3.75.", "сравнивается с изменением ОЦЕНКИ ОПРОСА SS-01 (шкала 0–10: 2020 5,00 → 2021 2,50), а не его баллов: заявлено −2,50, вычислено −2,50, совпадают до двух знаков; его вклад в изменение Индекса — −3,75."],
    ["S-AAA-2021-leader", "computed rank 1 (Index 13.75), ranked among the 2 countries with a computed Index in 2021; next: BBB −3.50", "вычисленное 1-е место (Индекс 13,75) среди стран с вычисленным Индексом за 2021 год (всего стран: 2); следующая — BBB −3,50"],
    ["S-BBB-2021-bottom", "rule: among the two lowest of the year. Computed rank 2 of 2 (Index −3.50); the two lowest computed: BBB −3.50, AAA 13.75", "правило: среди двух наименьших итогов года. Вычисленное место — 2-е из 2 (Индекс −3,50); два наименьших вычисленных итога: BBB −3,50, AAA 13,75"],
    ["S-AAA-2021-rise-AA", "AA contributed +2.00 to the change of −17.75 (2020: 31.50 → 2021: 13.75): a rise, stated a rise.", "вклад AA в изменение −17,75 (2020: 31,50 → 2021: 13,75) — +2,00: рост, заявлено: рост."],
    ["S-AAA-2021-decline-AA", "AA contributed +2.00 to the change of −17.75 (2020: 31.50 → 2021: 13.75): a rise, stated a decline.", "вклад AA в изменение −17,75 (2020: 31,50 → 2021: 13,75) — +2,00: рост, заявлено: снижение."],
    ["S-AAA-2020-decline", "computed change +7.50 (2019: 24.00 → 2020: 31.50) is a rise. The pair crosses the change of method (v1 → v2).", "вычисленное изменение +7,50 (2019: 24,00 → 2020: 31,50): рост. Пара пересекает смену методологии (v1 → v2)."],
    ["S-AAA-2021-driver-AA", "rule: same sign as the change and the largest among the sections or at least 50% of the change. AA contributed +2.00 of −17.75 (−11.3%): it moved against the change (up while the Index went down), so it is not a driver of it by this rule; the largest is BB −16.00.", "правило: вклад того же знака, что и изменение, и либо наибольший среди разделов, либо не меньше 50\u202f% изменения. Вклад AA — +2,00 из −17,75 (−11,3\u202f%): компонент двигался против изменения (он вырос, а Индекс снизился), поэтому по этому правилу он не является движущей силой изменения; наибольший — BB −16,00."],
    ["S-AAA-2021-driver-BB", "rule: same sign as the change and the largest among the sections or at least 50% of the change. BB contributed −16.00 of −17.75 (90.1%), the largest among the sections.", "правило: вклад того же знака, что и изменение, и либо наибольший среди разделов, либо не меньше 50\u202f% изменения. Вклад BB — −16,00 из −17,75 (90,1\u202f%), наибольший среди разделов."],
    ["S-AAA-2021-sole-wrong", "rule: its contribution equals the change and every other contribution among the indicators is 0. AA-02 contributed +2.00 (kind law) of −17.75; other indicators moved too: BB-01 −10.00, BB-03 −6.00, SS-01 −3.75.", "правило: вклад равен изменению, а все остальные вклады среди показателей равны 0. Вклад AA-02 — +2,00 (вид: закон) из −17,75; изменились и другие показатели: BB-01 −10,00, BB-03 −6,00, SS-01 −3,75."],
    ["S-BBB-2022-sole", "rule: its contribution equals the change and every other contribution among the indicators is 0. AA-01 contributed +11.00 (kind reassessment) of +11.00; no other indicator moved.", "правило: вклад равен изменению, а все остальные вклады среди показателей равны 0. Вклад AA-01 — +11,00 (вид: переоценка) из +11,00; ни один другой показатель не изменился."],
    ["S-AAA-2021-value", "survey score of SS-01 (0–10) in 2021: stated 2.50, computed 2.50, agree at two decimals.", "оценка опроса SS-01 (0–10) за 2021 год: заявлено 2,50, вычислено 2,50, совпадают до двух знаков."],
    ["S-AAA-2021-value-wrong", "survey score of SS-01 (0–10) in 2021: stated 3.00, computed 2.50, difference −0.50.", "оценка опроса SS-01 (0–10) за 2021 год: заявлено 3,00, вычислено 2,50, разница −0,50."],
    ["S-all-2021-excluded", "countries with at least one indicator excluded in 2021: 1 of 2 (AAA 1); stated 1.", "стран, у которых в 2021 году исключён хотя бы один показатель: 1 из 2 (AAA 1); заявлено 1."],
    ["S-all-2022-unchanged", "rule: every country's |change| < 1 point. 1 of 2 countries changed by 1 point or more: BBB +11.00", "правило: у каждой страны |изменение| < 1 балла. Стран с изменением не меньше 1 балла: 1 из 2 — BBB +11,00"],
    ["S-AAA-2022-unchanged", "rule: |change| < 1 point. Computed change 0.00 (2021: 13.75 → 2022: 13.75) is below the threshold.", "правило: |изменение| < 1 балла. Вычисленное изменение 0,00 (2021: 13,75 → 2022: 13,75) ниже порога."],
    ["S-BBB-2020-change", "no computed values for BBB in 2020 (no indicator sheet data/sheets/2020/BBB.csv, so no computed Index)", "нет вычисленных значений для BBB за 2020 год (нет листа показателей data/sheets/2020/BBB.csv, поэтому Индекс не вычислен)"],
    ["X-cc-ind", "indicator BB-01: weight × change of its points: stated −10.00, computed −10.00, agree at two decimals.", "показатель BB-01, вес × изменение его баллов: заявлено −10,00, вычислено −10,00, совпадают до двух знаков."],
    ["X-cc-nofig", "the statement gives no figure; BB contributed −16.00", "в утверждении нет числа; вклад BB — −16,00"],
    ["X-cc-survey-nofig", "the statement gives no figure; the survey score of SS-01 moved −2.50", "в утверждении нет числа; оценка опроса SS-01 изменилась на −2,50"],
    ["X-cc-survey-2020", "SS-01 is a survey-scale indicator: the statement is compared with the change of its survey score, and AAA has no computed SS-01 survey score in 2019", "SS-01 — показатель со шкалой опроса: утверждение сравнивается с изменением его оценки опроса, а у AAA нет вычисленной оценки опроса SS-01 за 2019 год"],
    ["X-rise-fig-ok", "computed change +11.00 (2021: −3.50 → 2022: 7.50) is a rise; its size agrees with the stated 11.00.", "вычисленное изменение +11,00 (2021: −3,50 → 2022: 7,50): рост; его величина совпадает с заявленной (11,00)."],
    ["X-rise-fig-bad", "computed change +11.00 (2021: −3.50 → 2022: 7.50) is a rise; stated size 10.00, computed 11.00.", "вычисленное изменение +11,00 (2021: −3,50 → 2022: 7,50): рост; заявленная величина 10,00, вычисленная 11,00."],
    ["X-drv-zero", "the computed change is 0: there is nothing to drive.", "вычисленное изменение равно 0: движущей силы у него нет."],
    ["X-drv-stated-bad", "rule: same sign as the change and the largest among the sections or at least 50% of the change. BB contributed −16.00 of −17.75 (90.1%), the largest among the sections. The stated figure −15.00 does not (difference −1.00).", "правило: вклад того же знака, что и изменение, и либо наибольший среди разделов, либо не меньше 50\u202f% изменения. Вклад BB — −16,00 из −17,75 (90,1\u202f%), наибольший среди разделов. Заявленное значение −15,00 с ним не совпадает (разница −1,00)."],
    ["X-drv-notlargest", "rule: same sign as the change and the largest among the sections or at least 50% of the change. SS contributed −3.75 of −17.75 (21.1%); the largest is BB −16.00.", "правило: вклад того же знака, что и изменение, и либо наибольший среди разделов, либо не меньше 50\u202f% изменения. Вклад SS — −3,75 из −17,75 (21,1\u202f%); наибольший — BB −16,00."],
    ["X-sole-sec", "rule: its contribution equals the change and every other contribution among the sections is 0. AA contributed +11.00 of +11.00; no other section moved. The stated +11.00 agrees with it.", "правило: вклад равен изменению, а все остальные вклады среди разделов равны 0. Вклад AA — +11,00 из +11,00; ни один другой раздел не изменился. Заявленное значение +11,00 с ним совпадает."],
    ["X-sole-ind-many", "rule: its contribution equals the change and every other contribution among the indicators is 0. AA-01 contributed 0.00 of −17.75; other indicators moved too: BB-01 −10.00, BB-03 −6.00, SS-01 −3.75, AA-02 +2.00. The stated figure +5.00 does not (difference −5.00).", "правило: вклад равен изменению, а все остальные вклады среди показателей равны 0. Вклад AA-01 — 0,00 из −17,75; изменились и другие показатели: BB-01 −10,00, BB-03 −6,00, SS-01 −3,75, AA-02 +2,00. Заявленное значение +5,00 с ним не совпадает (разница −5,00)."],
    ["X-exc-country", "AAA 2021: 1 indicator(s) excluded; stated 1.", "AAA, 2021 год: исключённых показателей — 1; заявлено 1."],
    ["X-exc-all-nofig", "countries with at least one indicator excluded in 2020: 0 of 1 (none).", "стран, у которых в 2020 году исключён хотя бы один показатель: 0 из 1 (нет)."],
    ["X-cv-notsurvey", "only survey scores are checked as stated values; BB-01 is not a survey-scale indicator in 2021", "как заявленные значения проверяются только оценки опроса; BB-01 в 2021 году — не показатель со шкалой опроса"],
    ["X-cv-nofig", "the statement gives no figure; the survey score of SS-01 is 2.50", "в утверждении нет числа; оценка опроса SS-01 — 2,50"],
    ["X-rise-comp-unknown", "ZZ is neither a section nor an indicator of the codebooks governing 2020 and 2021", "ZZ — не раздел и не показатель кодовых книг, действующих в 2020 и 2021 годах"],
    ["X-change-noprev", "no computed values for AAA in 2018, so there is no computed change into 2019", "нет вычисленных значений для AAA за 2018 год, поэтому нет и вычисленного изменения к 2019 году"],
    ["X-change-nofig", "the statement gives no figure for the change", "в утверждении не указана величина изменения"],
    ["X-lead-bbb", "computed rank 2 (Index −3.50), ranked among the 2 countries with a computed Index in 2021; rank 1 is AAA (13.75)", "вычисленное место — 2-е (Индекс −3,50) среди стран с вычисленным Индексом за 2021 год (всего стран: 2); 1-е место — AAA (13,75)"],
    ["X-lead-none", "the statement names no country", "в утверждении не названа страна"],
    ["X-unch-all-99", "no computed change into 1999", "нет вычисленного изменения к 1999 году"],
    ["X-exc-year-missing", "no computed values in 1999", "нет вычисленных значений за 1999 год"],
    ["X-cc-noc", "the statement names no component (section or indicator)", "в утверждении не назван компонент (раздел или показатель)"],
    ["X-cv-nocomp", "the statement names no country or no component", "в утверждении не названы страна или компонент"],
    ["X-unch-bbb", "rule: |change| < 1 point. Computed change +11.00 (2021: −3.50 → 2022: 7.50) is not below the threshold.", "правило: |изменение| < 1 балла. Вычисленное изменение +11,00 (2021: −3,50 → 2022: 7,50) не ниже порога."],
    ["X-dec-zero", "computed change 0.00 (2021: 13.75 → 2022: 13.75) is no change.", "вычисленное изменение 0,00 (2021: 13,75 → 2022: 13,75): изменения нет."],
  ];

  it("gives every kind of reason in English as before and in Russian, with Russian numbers", () => {
    for (const [id, english, russian] of REASONS) {
      const x = c[id] ?? extra[id];
      expect(x, id).toBeDefined();
      expect(x!.reason, id).toBe(english);
      expect(x!.reason_ru, id).toBe(russian);
    }
    // Every check has its Russian reason, and it is Russian.
    for (const x of [...checks, ...Object.values(extra)]) expect(x.reason_ru, x.id).toMatch(/[а-яё]/);
  });

  it("claimsIn gives the pages the reason in their language; claims-check.csv keeps the English", () => {
    const en = claimsIn("en", checks);
    const ru = claimsIn("ru", checks);
    expect(en.map((x) => Object.keys(x))).toEqual(checks.map((x) => Object.keys(x).filter((k) => k !== "reason_ru")));
    expect(en.map((x) => x.reason)).toEqual(checks.map((x) => x.reason));
    expect(ru.map((x) => x.reason)).toEqual(checks.map((x) => x.reason_ru));
    expect(ru.map((x) => ({ ...x, reason: "" }))).toEqual(en.map((x) => ({ ...x, reason: "" })));
    expect(claimsTable(checks).map((r) => r.reason)).toEqual(checks.map((x) => x.reason));

    const ruPayload = changesPayload(project, withChanges(project, result, { claims }), "ru");
    const enPayload = changesPayload(project, withChanges(project, result, { claims }));
    expect(ruPayload.claims.find((x) => x.id === "S-AAA-2021-change-wrong")!.reason).toBe("заявлено −15,75, вычислено −17,75 (2020: 31,50 → 2021: 13,75): разница −2,00.");
    const ruPair = ruPayload.pairs.find((p) => p.country === "AAA" && p.to_year === 2021)!;
    expect(ruPair.claims.find((x) => x.id === "S-AAA-2021-value")!.reason).toBe("оценка опроса SS-01 (0–10) за 2021 год: заявлено 2,50, вычислено 2,50, совпадают до двух знаков.");
    expect(enPayload.claims.find((x) => x.id === "S-AAA-2021-change-wrong")!.reason).toBe("stated −15.75, computed −17.75 (2020: 31.50 → 2021: 13.75): difference −2.00.");
    for (const x of [...enPayload.claims, ...enPayload.pairs.flatMap((p) => p.claims)]) expect("reason_ru" in x, x.id).toBe(false);
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
