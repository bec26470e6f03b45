// Attribution of year-over-year changes and the display-rounding policy: synthetic projects scored
// by the real engine (tests/fixtures/claims/), then checks that hold for any valid data/ (every
// change split exactly). The example data's own numbers are pinned in tests/example-data/attribution.test.ts.
import { describe, expect, it } from "vitest";
import { attributeChanges, shapleyRows, surveyMoveText, EXACTNESS_TOLERANCE, type Attribution, type ContributionRow, type PairAttribution } from "../loaders/attribution.ts";
import { changesTable, displayPair, explainPair, kindName, methodOrdersText, methodShareText, rowsOf } from "../loaders/present/changes.ts";
import { say } from "../loaders/attribution-words.ts";
import { NA } from "../loaders/schema.ts";
import { en } from "../loaders/shared/strings/en.ts";
import { allocateCents, roundKeepingSum, toCents, fromCents } from "../loaders/rounding.ts";
import { runPipeline } from "../loaders/pipeline.ts";
import { formatTrace, traceCountryYear } from "../loaders/present/trace.ts";
import { scoreProject, syntheticResult, unrescorableProject } from "./fixtures/claims/synthetic.ts";
import { ordersProject, reversedProject } from "./fixtures/claims/orders.ts";
import { repoRoot } from "./helpers/project-copy.ts";
import { PUBLISHED_METHOD } from "../loaders/method.ts";

const pairOf = (a: Attribution, country: string, to: number) => a.pairs.find((p) => p.country === country && p.to_year === to);
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const nonZero = (p: PairAttribution) => p.indicators.filter((i) => i.contribution !== 0);
const listed = (rows: ContributionRow[]) => rows.map((r) => [r.section, r.indicator, r.kind, r.contribution]);
/** Contributions summed by section, indicator and step (kinds follow the to-year sheet, so they differ when time runs backwards). */
const bySlot = (rows: ContributionRow[], sign = 1) => {
  const out: Record<string, number> = {};
  for (const r of rows) out[`${r.section} ${r.indicator} ${r.step}`] = (out[`${r.section} ${r.indicator} ${r.step}`] ?? 0) + sign * r.contribution + 0;
  return Object.fromEntries(Object.entries(out).filter(([, c]) => c !== 0).sort(([a], [b]) => (a < b ? -1 : 1)));
};

describe("attribution on a synthetic two-codebook project", () => {
  const { project, result } = syntheticResult();
  const attribution = attributeChanges(result, { surveyFiles: project.surveys });

  it("makes pairs only of consecutive measured years", () => {
    expect(attribution.pairs.map((p) => `${p.country} ${p.from_year}-${p.to_year}`)).toEqual([
      "AAA 2019-2020",
      "AAA 2020-2021",
      "AAA 2021-2022",
      "BBB 2021-2022", // BBB is missing in 2020: no 2019→2020 nor 2020→2021, and no made-up 2019→2021
    ]);
  });

  it("makes no pair for a country measured in one year only", () => {
    const once = { ...project, sheets: project.sheets.filter((s) => s.country === "AAA" || s.year === 2021), surveys: project.surveys.filter((s) => s.country === "AAA" || s.year === 2021) };
    const r = scoreProject(once);
    expect(r.index.filter((t) => t.country === "BBB").map((t) => t.year)).toEqual([2021]);
    const pairs = attributeChanges(r, { surveyFiles: once.surveys }).pairs;
    expect(pairs.filter((p) => p.country === "BBB")).toEqual([]);
    expect(pairs.map((p) => `${p.country} ${p.to_year}`)).toEqual(["AAA 2020", "AAA 2021", "AAA 2022"]);
  });

  it("splits every change exactly, by row, section, indicator and kind", () => {
    for (const p of attribution.pairs) {
      expect(Math.abs(sum(p.rows.map((r) => r.contribution)) - p.change)).toBeLessThanOrEqual(EXACTNESS_TOLERANCE);
      expect(Math.abs(sum(p.sections.map((s) => s.contribution)) - p.change)).toBeLessThanOrEqual(EXACTNESS_TOLERANCE);
      expect(Math.abs(sum(p.indicators.map((s) => s.contribution)) - p.change)).toBeLessThanOrEqual(EXACTNESS_TOLERANCE);
      expect(Math.abs(sum(p.kinds.map((s) => s.contribution)) - p.change)).toBeLessThanOrEqual(EXACTNESS_TOLERANCE);
      expect(Math.abs(p.residual)).toBeLessThanOrEqual(EXACTNESS_TOLERANCE);
      // Section sums equal the change of the pipeline's weighted section subtotals.
      for (const s of p.sections) expect(s.contribution).toBeCloseTo((s.to_weighted ?? 0) - (s.from_weighted ?? 0), 9);
    }
  });

  it("labels the pair crossing codebook versions and splits the method effect", () => {
    const p = pairOf(attribution, "AAA", 2020)!;
    expect(p.crosses_methodology).toBe(true);
    expect(p.comparable).toBe(true);
    expect(p.methodology_from).toBe("v1");
    expect(p.methodology_to).toBe("v2");
    expect(p.from_total).toBe(24);
    expect(p.to_total).toBe(31.5);
    // rescoring AA-01 (yes 5 → 6) +1; AA-03 moved from AA (w 1) to BB (w 2): −1 and +2
    expect(p.method!.effect_common).toBeCloseTo(2, 12);
    expect(p.method!.added).toBeCloseTo(4 + 7.5, 12); // BB-03 yes (2 × 2) and SS-01 (1.5 × 5)
    expect(p.method!.removed).toBeCloseTo(-6, 12); // BB-02 yes (3 × 2)
    expect(p.rows.every((r) => r.kind === "methodology")).toBe(true);
    const moved = p.rows.filter((r) => r.indicator === "AA-03").map((r) => [r.section, r.contribution]);
    expect(moved).toEqual([["AA", -1], ["BB", 2]]);
    expect(p.sections.find((s) => s.section === "SS")!.contribution).toBe(7.5);
    // Pairs within one codebook are not method pairs.
    expect(pairOf(attribution, "AAA", 2021)!.crosses_methodology).toBe(false);
    expect(pairOf(attribution, "AAA", 2021)!.method).toBeNull();
  });

  it("marks a crossing pair not comparable when an answer cannot be rescored, and still sums exactly", () => {
    const project2 = unrescorableProject();
    const r2 = scoreProject(project2);
    const a2 = attributeChanges(r2, { surveyFiles: project2.surveys });
    const p = pairOf(a2, "AAA", 2020)!;
    expect(p.crosses_methodology).toBe(true);
    expect(p.comparable).toBe(false);
    expect(p.reason).toMatch(/AA-02/);
    expect(p.method!.unrescorable.map((u) => u.indicator)).toEqual(["AA-02"]);
    const row = p.rows.find((r) => r.indicator === "AA-02")!;
    expect(row.kind).toBe("methodology");
    expect(row.contribution).toBe(-1); // "some" 1 in v2 − "partial" 2 in v1
    expect(Math.abs(p.residual)).toBeLessThanOrEqual(EXACTNESS_TOLERANCE);
  });

  it("gives each moved indicator its kind: law, coverage, survey, unexplained", () => {
    const p = pairOf(attribution, "AAA", 2021)!;
    const kind = (id: string) => p.rows.filter((r) => r.indicator === id).map((r) => [r.kind, r.contribution]);
    expect(kind("AA-02")).toEqual([["law", 2]]);
    expect(kind("BB-01")).toEqual([["coverage", -10]]);
    expect(kind("BB-03")).toEqual([["unexplained", -6]]);
    expect(kind("SS-01")).toEqual([["survey", -3.75]]);
    expect(p.unexplained).toEqual(["BB-03"]);
    expect(p.change).toBeCloseTo(-17.75, 12);
    expect(p.indicators[0]!.indicator).toBe("BB-01"); // largest first
  });

  it("keeps a stated change that moved nothing as a zero row", () => {
    const p = pairOf(attribution, "AAA", 2022)!;
    expect(p.change).toBe(0);
    expect(p.rows.map((r) => [r.indicator, r.kind, r.contribution])).toEqual([["AA-02", "reassessment", 0]]);
    expect(nonZero(p)).toEqual([]);
  });

  it("finds a single reassessment as the only non-zero contribution (the Ukraine 2024 shape)", () => {
    const p = pairOf(attribution, "BBB", 2022)!;
    const moved = nonZero(p);
    expect(moved.map((i) => [i.indicator, i.kinds, i.contribution])).toEqual([["AA-01", ["reassessment"], 11]]);
    expect(p.change).toBe(11);
  });

  it("writes changes.csv rows for every pair, full precision", () => {
    const rows = changesTable(attribution);
    expect(new Set(rows.map((r) => `${r.country} ${r.from_year}`)).size).toBe(attribution.pairs.length);
    // sorted by section, then indicator
    expect(rows.filter((r) => r.country === "AAA" && r.from_year === 2020).map((r) => `${r.indicator} ${r.kind}`)).toEqual([
      "AA-02 law",
      "BB-01 coverage",
      "BB-03 unexplained",
      "SS-01 survey",
    ]);
    for (const r of rows) expect(Object.keys(r)).toEqual(["country", "from_year", "to_year", "change", "section", "indicator", "kind", "contribution"]);
  });

  it("explains a pair in words from figures that add up", () => {
    const p = pairOf(attribution, "AAA", 2021)!;
    const d = displayPair(p);
    expect(d.change).toBe(-17.75);
    expect(toCents(sum(Object.values(d.sections)))).toBe(toCents(d.change));
    expect(toCents(sum(d.rows))).toBe(toCents(d.change));
    const e = explainPair(p, { countryName: "Aland", sectionTitle: (s) => `section ${s}`, indicatorTitle: (i) => `title ${i}` });
    expect(e.head).toBe("Aland −17.75 (2020 31.50 → 2021 13.75)");
    // Largest first, three of them; the fourth (+2.00) summed; items and rest add up to the displayed change.
    expect(e.items.map((i) => [i.indicator, i.shown, i.kinds])).toEqual([["BB-01", -10, ["coverage"]], ["BB-03", -6, ["unexplained"]], ["SS-01", -3.75, ["survey"]]]);
    expect(e.items[0]!.text).toBe("title BB-01 (BB-01): −10.00");
    expect(e.rest).toEqual({ count: 1, shown: 2, text: "and 1 smaller change, +2.00" });
    expect(toCents(sum(e.items.map((i) => i.shown)) + e.rest!.shown)).toBe(toCents(d.change));
    expect(e.notes).toEqual(["Moved without a reason in the sheet (unexplained): BB-03."]);
    const ru = explainPair(p, { countryName: "Аланд", sectionTitle: (s) => s, indicatorTitle: (i) => i }, d, "ru");
    expect(ru.head).toBe("Аланд −17,75 (2020 31,50 → 2021 13,75)");
    expect(ru.items[2]!.text).toBe("SS-01: −3,75");
    expect(ru.rest!.text).toBe("и ещё одно изменение меньшего размера, +2,00");
    const crossing = pairOf(attribution, "AAA", 2020)!;
    expect(explainPair(crossing, { countryName: "Aland", sectionTitle: (s) => s, indicatorTitle: (i) => i }).notes[0]).toBe("Of the change, +7.50 comes from the change of method (v1 → v2).");
    expect(methodShareText(crossing)).toMatch(/crosses the change of method \(v1 → v2\); \+7\.50 of the change is the method's/);
  });
});

describe("a pair crossing codebook versions: both orders and their mean (Shapley value)", () => {
  const project = ordersProject();
  const result = scoreProject(project);
  const attribution = attributeChanges(result, { surveyFiles: project.surveys });
  const ccc = pairOf(attribution, "CCC", 2020)!;
  const ddd = pairOf(attribution, "DDD", 2020)!;

  it("method first: the 2019 answers rescored under v2, then the answers' changes under v2", () => {
    expect([ccc.from_total, ccc.to_total, ccc.change]).toEqual([5, 37, 32]);
    const mf = ccc.orders!.method_first;
    // AA-01 "no" is −5 in both codebooks: no method effect, its change is 6 − (−5); AA-03 "no" is 0 in
    // both: nothing to move, its change is weight 2 × (1 − 0) in its new section BB.
    expect(listed(mf.rows)).toEqual([
      ["AA", "AA-01", "law", 11],
      ["AA", "AA-02", "practice", 4],
      ["BB", "AA-03", "practice", 2],
      ["BB", "BB-01", "data", 8],
      ["BB", "BB-02", "methodology", -6],
      ["BB", "BB-03", "methodology", 4],
      ["SS", "SS-01", "methodology", 9],
    ]);
    expect(mf.method.total).toBe(7);
  });

  it("answers first: the answers' changes under v1, then the 2020 answers rescored under v2", () => {
    const af = ccc.orders!.answers_first;
    // AA-01 changes 5 − (−5) under v1, then "yes" is rescored 5 → 6; AA-03 changes 1 × (1 − 0) in AA,
    // then "yes" moves out of AA (−1) into BB (+2 × 1).
    expect(listed(af.rows)).toEqual([
      ["AA", "AA-01", "law", 10],
      ["AA", "AA-01", "methodology", 1],
      ["AA", "AA-02", "practice", 4],
      ["AA", "AA-03", "practice", 1],
      ["AA", "AA-03", "methodology", -1],
      ["BB", "AA-03", "methodology", 2],
      ["BB", "BB-01", "data", 8],
      ["BB", "BB-02", "methodology", -6],
      ["BB", "BB-03", "methodology", 4],
      ["SS", "SS-01", "methodology", 9],
    ]);
    expect(af.method.total).toBe(9);
  });

  it("books the mean of the two orders, row by row: the method's share +8, between +7 and +9", () => {
    expect(listed(ccc.rows)).toEqual([
      ["AA", "AA-01", "law", 10.5],
      ["AA", "AA-01", "methodology", 0.5],
      ["AA", "AA-02", "practice", 4],
      ["AA", "AA-03", "practice", 0.5],
      ["AA", "AA-03", "methodology", -0.5],
      ["BB", "AA-03", "practice", 1],
      ["BB", "AA-03", "methodology", 1],
      ["BB", "BB-01", "data", 8],
      ["BB", "BB-02", "methodology", -6],
      ["BB", "BB-03", "methodology", 4],
      ["SS", "SS-01", "methodology", 9],
    ]);
    expect(ccc.method).toMatchObject({ effect_common: 1, added: 13, removed: -6, total: 8, unrescorable: [] });
    expect(ccc.comparable).toBe(true);
    expect(attribution.rows.filter((r) => r.country === "CCC")).toEqual(ccc.rows);
  });

  it("each split sums exactly to the change, and its sections to the change of each weighted subtotal", () => {
    for (const p of attribution.pairs)
      for (const split of ["shapley", "method_first", "answers_first"] as const) {
        const rows = rowsOf(p, split);
        expect(Math.abs(sum(rows.map((r) => r.contribution)) - p.change), `${p.country} ${split}`).toBeLessThanOrEqual(EXACTNESS_TOLERANCE);
        for (const s of p.sections)
          expect(Math.abs(sum(rows.filter((r) => r.section === s.section).map((r) => r.contribution)) - ((s.to_weighted ?? 0) - (s.from_weighted ?? 0)))).toBeLessThanOrEqual(EXACTNESS_TOLERANCE);
      }
    expect(ccc.sections.map((s) => [s.section, s.contribution])).toEqual([["AA", 15], ["BB", 8], ["SS", 9]]);
    expect(Math.abs(ccc.orders!.method_first.residual)).toBeLessThanOrEqual(EXACTNESS_TOLERANCE);
    expect(Math.abs(ccc.orders!.answers_first.residual)).toBeLessThanOrEqual(EXACTNESS_TOLERANCE);
  });

  it("gives the same Shapley split whichever order is taken first", () => {
    const mf = ccc.orders!.method_first.rows;
    const af = ccc.orders!.answers_first.rows;
    const ids = [...new Set([...mf, ...af].map((r) => r.indicator))];
    const swapped = ids.flatMap((id) => shapleyRows(af.filter((r) => r.indicator === id), mf.filter((r) => r.indicator === id)));
    expect(bySlot(swapped)).toEqual(bySlot(ccc.rows));
    expect(swapped.find((r) => r.indicator === "AA-01" && r.kind === "law")!.contribution).toBe(10.5);
  });

  it("is order-free in time too: run backwards (v2 → v1), the Shapley split is the negative, while method first becomes minus answers first", () => {
    const back = reversedProject(project);
    const b = attributeChanges(scoreProject(back), { surveyFiles: back.surveys });
    const cccBack = pairOf(b, "CCC", 2020)!;
    expect([cccBack.methodology_from, cccBack.methodology_to, cccBack.change]).toEqual(["v2", "v1", -32]);
    expect(bySlot(cccBack.rows)).toEqual(bySlot(ccc.rows, -1));
    expect(bySlot(cccBack.orders!.method_first.rows)).toEqual(bySlot(ccc.orders!.answers_first.rows, -1));
    expect(bySlot(cccBack.orders!.answers_first.rows)).toEqual(bySlot(ccc.orders!.method_first.rows, -1));
    expect(bySlot(cccBack.orders!.method_first.rows)).not.toEqual(bySlot(ccc.orders!.method_first.rows, -1));
    expect(cccBack.method!.total).toBe(-8);
    const dddBack = pairOf(b, "DDD", 2020)!;
    expect(bySlot(dddBack.rows)).toEqual(bySlot(ddd.rows, -1));
  });

  it("an answer only one order can score: that order splits it, the other and the Shapley split mark the pair not comparable", () => {
    // DDD BB-01 0.2 → n/a: v2 allows n/a, v1 does not, so the 2020 answer cannot be scored under v1.
    const mf = ddd.orders!.method_first;
    const af = ddd.orders!.answers_first;
    expect(mf.comparable).toBe(true);
    expect(listed(mf.rows.filter((r) => r.indicator === "BB-01"))).toEqual([["BB", "BB-01", "coverage", -4]]);
    expect(af.comparable).toBe(false);
    expect(ddd.comparable).toBe(false);
    expect(ddd.reason).toBe(
      'the answers of BB-01 cannot be scored under both codebooks (BB-01: its 2020 answer is "n/a", which v1 does not allow for BB-01), so the method effect and the change of this indicator cannot be told apart',
    );
    expect(listed(ddd.rows.filter((r) => r.indicator === "BB-01"))).toEqual([["BB", "BB-01", "methodology", -4]]);
    expect(ddd.method!.unrescorable).toEqual([{ indicator: "BB-01", value: "n/a", why: 'its 2020 answer is "n/a", which v1 does not allow for BB-01', contribution: -4, why_phrase: expect.anything() }]);
    expect(say(ddd.method!.unrescorable[0]!.why_phrase, "ru")).toBe("его ответ 2020 года — «н/д», а версия v1 не допускает такого ответа для BB-01");
    expect([mf.method.total, af.method.total, ddd.method!.total]).toEqual([3, -1, -1]);
    expect(Math.abs(ddd.residual)).toBeLessThanOrEqual(EXACTNESS_TOLERANCE);
  });

  it("changes.csv holds the Shapley split, changes-method-first.csv the method-first one", () => {
    const of = (split?: "method_first") => changesTable(attribution, split).filter((r) => r.country === "CCC" && r.indicator === "AA-01").map((r) => [r.kind, r.contribution]);
    expect(of()).toEqual([["law", 10.5], ["methodology", 0.5]]);
    expect(of("method_first")).toEqual([["law", 11]]);
  });

  it("says how far apart the orders are, from displayed figures", () => {
    const d = displayPair(ccc);
    expect(d.method).toBe(8);
    expect(d.method_orders).toEqual({ method_first: 7, answers_first: 9, difference: 2 });
    expect(methodOrdersText(ccc, d)).toBe(
      "This pair crosses the change of method (v1 → v2). How much of the change is the method's depends on the order of the two steps: " +
        "rescoring the 2019 answers under v2 first gives +7.00, applying the answers' changes under v1 first gives +9.00; they differ by 2.00. " +
        "Shown is their mean, the Shapley value, which depends on no order: +8.00 of the change is the method's.",
    );
    const text = methodShareText(ccc, d);
    expect(text).toContain("+8.00 of the change is the method's, the mean of +7.00 (method first) and +9.00 (answers first): rescoring the answers of indicators in both versions +1.00, indicators added +13.00, indicators removed −6.00.");
    expect(methodOrdersText(pairOf(attributeChanges(syntheticResult().result), "AAA", 2021)!)).toBeNull();
  });
});

describe("one wording of a survey move in changes and explain", () => {
  const { project, result } = syntheticResult();
  const attribution = attributeChanges(result, { surveyFiles: project.surveys });
  const move = "survey score 5 → 2.5"; // AAA SS-01 2020 → 2021: role means 4 and 6, then 2 and 3

  it("is defined once", () => {
    expect(surveyMoveText(5, 2.5)).toBe(move);
  });

  it("changes: the row, the indicator and the pair's paragraph", () => {
    const p = pairOf(attribution, "AAA", 2021)!;
    const row = p.rows.find((r) => r.indicator === "SS-01")!;
    expect(row.kind).toBe("survey");
    expect(row.detail).toBe(`${move}: 1 × (3.75 − 7.5): weight of SS × (points in 2021 − points in 2020)`);
    expect(p.indicators.find((i) => i.indicator === "SS-01")!.move).toBe(move);
    expect(explainPair(p, { countryName: "Aland", sectionTitle: (s) => s, indicatorTitle: (i) => i }).items.find((i) => i.indicator === "SS-01")).toMatchObject({ shown: -3.75, survey_move: move });
  });

  it("explain: the answer table and the list of changes", () => {
    const text = formatTrace(traceCountryYear(result, project, "AAA", 2021)!);
    expect(text).toMatch(new RegExp(`SS-01 .* ${move}$`, "m"));
    expect(text).toMatch(new RegExp(`^  SS-01 +survey +survey +7\.5 → 3\.75 +${move}$`, "m"));
  });
});

describe("how each contribution was computed, in the page's language", () => {
  const { project, result } = syntheticResult();
  const syn = attributeChanges(result, { surveyFiles: project.surveys });
  const orders = ordersProject();
  const ord = attributeChanges(scoreProject(orders), { surveyFiles: orders.surveys });
  const row = (a: Attribution, country: string, to: number, indicator: string, section: string, kind: string) =>
    pairOf(a, country, to)!.rows.find((r) => r.indicator === indicator && r.section === section && r.kind === kind)!;
  /** The row's detail in English (the engine's own, which its phrase says word for word) and in Russian. */
  const both = (r: ContributionRow) => {
    expect(say(r.detail_phrase, "en")).toBe(r.detail);
    return [r.detail, say(r.detail_phrase, "ru")];
  };

  it("a change within one codebook: law, coverage (n/a), survey", () => {
    expect(both(row(syn, "AAA", 2021, "AA-02", "AA", "law"))).toEqual([
      "1 × (4 − 2): weight of AA × (points in 2021 − points in 2020)",
      "1 × (4 − 2): вес раздела AA × (баллы 2021 года − баллы 2020 года)",
    ]);
    expect(both(row(syn, "AAA", 2021, "BB-01", "BB", "coverage"))).toEqual([
      "2 × (n/a (0) − 5): weight of BB × (points in 2021 − points in 2020)",
      "2 × (н/д (0) − 5): вес раздела BB × (баллы 2021 года − баллы 2020 года)",
    ]);
    expect(both(row(syn, "AAA", 2021, "SS-01", "SS", "survey"))).toEqual([
      "survey score 5 → 2.5: 1 × (3.75 − 7.5): weight of SS × (points in 2021 − points in 2020)",
      "оценка по опросу 5 → 2,5: 1 × (3,75 − 7,5): вес раздела SS × (баллы 2021 года − баллы 2020 года)",
    ]);
    expect(surveyMoveText(5, null, "ru")).toBe("оценка по опросу 5 → (нет)");
    const ind = pairOf(syn, "AAA", 2021)!.indicators.find((i) => i.indicator === "BB-03")!;
    expect([ind.move, say(ind.move_phrase, "ru")]).toEqual(["yes → no", "да → нет"]);
  });

  it("the method rows of a crossing pair: rescored, moved between sections, added, removed, not rescorable", () => {
    expect(both(row(syn, "AAA", 2020, "AA-03", "BB", "methodology"))).toEqual([
      'the 2019 answer "yes" scored under both: 1 × 1 under v1 → 2 × 1 under v2; moved into BB (the same in either order)',
      "ответ 2019 года «да», оценённый по обеим версиям: 1 × 1 по версии v1 → 2 × 1 по версии v2; перенесён в раздел BB (одинаково при любом порядке)",
    ]);
    expect(say(row(syn, "AAA", 2020, "AA-03", "AA", "methodology").detail_phrase, "ru")).toBe(
      "ответ 2019 года «да», оценённый по обеим версиям: 1 × 1 по версии v1 → 2 × 1 по версии v2; перенесён из раздела AA (одинаково при любом порядке)",
    );
    expect(both(row(syn, "AAA", 2020, "SS-01", "SS", "methodology"))).toEqual(["added in v2: 1 × 7.5", "добавлен в версии v2: 1 × 7,5"]);
    expect(both(row(syn, "AAA", 2020, "BB-02", "BB", "methodology"))).toEqual(["removed in v2: −2 × 3", "удалён в версии v2: −2 × 3"]);
    expect(both(row(ord, "DDD", 2020, "BB-01", "BB", "methodology"))).toEqual([
      'not rescorable (its 2020 answer is "n/a", which v1 does not allow for BB-01): 2 × n/a (0) − 2 × 2',
      "не переоценивается (его ответ 2020 года — «н/д», а версия v1 не допускает такого ответа для BB-01): 2 × н/д (0) − 2 × 2",
    ]);
  });

  it("a Shapley row whose orders differ: both halves, each in its order's words", () => {
    expect(both(row(ord, "CCC", 2020, "AA-01", "AA", "law"))).toEqual([
      "½ × (11 method first + 10 answers first); method first: 1 × (6 − −5): weight of AA × (points in 2020 − the 2019 answer rescored under v2); answers first: 1 × (5 − −5): weight of AA × (the 2020 answer scored under v1 − points in 2019)",
      "½ × (11 при порядке «сначала методология» + 10 при порядке «сначала ответы»); сначала методология: 1 × (6 − −5): вес раздела AA × (баллы 2020 года − ответ 2019 года, переоценённый по версии v2); сначала ответы: 1 × (5 − −5): вес раздела AA × (ответ 2020 года, оценённый по версии v1 − баллы 2019 года)",
    ]);
    expect(say(row(ord, "CCC", 2020, "AA-03", "AA", "methodology").detail_phrase, "ru")).toBe(
      "½ × (0 при порядке «сначала методология» + −1 при порядке «сначала ответы»); сначала методология: такой строки нет; сначала ответы: ответ 2020 года «да», оценённый по обеим версиям: 1 × 1 по версии v1 → 2 × 1 по версии v2; перенесён из раздела AA",
    );
  });

  it("the method's share and the reason a pair is not comparable", () => {
    const ccc = pairOf(ord, "CCC", 2020)!;
    expect(methodShareText(ccc, displayPair(ccc), "ru")).toBe(
      "Эта пара пересекает смену методологии (v1 → v2); на методологию приходится +8,00 изменения, среднее +7,00 (сначала методология) и +9,00 (сначала ответы): переоценка ответов по показателям, которые есть в обеих версиях, +1,00, добавленные показатели +13,00, удалённые показатели −6,00.",
    );
    const ddd = pairOf(ord, "DDD", 2020)!;
    expect(methodShareText(ddd)).toBe(
      "The pair crosses the change of method (v1 → v2); −1.00 of the change is the method's, the mean of +3.00 (method first) and −1.00 (answers first): rescoring the answers of indicators in both versions +2.00, indicators added +1.00, indicators removed 0.00, indicators that could not be rescored −4.00. " +
        'Not fully comparable: the answers of BB-01 cannot be scored under both codebooks (BB-01: its 2020 answer is "n/a", which v1 does not allow for BB-01), so the method effect and the change of this indicator cannot be told apart.',
    );
    expect(methodShareText(ddd, displayPair(ddd), "ru")).toBe(
      "Эта пара пересекает смену методологии (v1 → v2); на методологию приходится −1,00 изменения, среднее +3,00 (сначала методология) и −1,00 (сначала ответы): переоценка ответов по показателям, которые есть в обеих версиях, +2,00, добавленные показатели +1,00, удалённые показатели 0,00, показатели, которые не удалось переоценить, −4,00. " +
        "Не вполне сопоставимо: ответы BB-01 нельзя оценить по обеим кодовым книгам (BB-01: его ответ 2020 года — «н/д», а версия v1 не допускает такого ответа для BB-01), поэтому влияние методологии и изменение этого показателя нельзя разделить.",
    );
    const same = pairOf(syn, "AAA", 2020)!;
    expect(methodShareText(same, displayPair(same), "ru")).toContain("на методологию приходится +7,50 изменения, одинаково при любом порядке переоценки и изменений ответов: ");
  });

  it("names the kinds of change: the sheet's in the workbook's words, the attribution's own from the strings; English by id", () => {
    expect(["law", "practice", "reassessment", "data", "survey", "coverage", "methodology", "unexplained"].map((k) => kindName(k as never, "ru"))).toEqual([
      "закон", "практика", "переоценка", "данные", "опрос", "охват", "методология", "без причины",
    ]);
    expect(kindName("coverage")).toBe("coverage");
    expect(kindName("law")).toBe("law");
    expect(en["attribution.na"]).toBe(NA);
  });
});

describe("rounding policy: displayed contributions add up to the displayed change", () => {
  const cases: [number, number[]][] = [
    [1, [1 / 3, 1 / 3, 1 / 3]],
    [-1, [-1 / 3, -1 / 3, -1 / 3]],
    [0.03, [0.005, 0.005, 0.005, 0.005, 0.005, 0.005]],
    [0, [0.004, -0.004]],
    [0, [1.005, -1.005]],
    [0.01, [0.0149, -0.0049]],
    [12.14, [4.333333333333, 4.333333333333, 3.473333333334]],
    [-15.87, [3.1, 2.055, -10.5, -10.525]],
    [0.29, [0.145, 0.145]],
    [-0.005, [-0.0025, -0.0025]],
    [100.005, [50.0025, 50.0025]],
    [-11.25, [0, -11.25, 0, 0]],
  ];
  it("includes cases with zero parts, so that “zero stays zero” is exercised", () => {
    expect(cases.filter(([, parts]) => parts.includes(0)).length).toBeGreaterThan(0);
  });
  it.each(cases)("change %d split as %j", (change, parts) => {
    // The parts must add up to the change at full precision for the policy to apply.
    expect(Math.abs(sum(parts) - change)).toBeLessThan(1e-9);
    const r = roundKeepingSum(change, parts);
    expect(sum(r.partCents)).toBe(r.changeCents);
    expect(r.changeCents).toBe(toCents(change));
    r.partCents.forEach((c, i) => expect(Math.abs(c - parts[i]! * 100)).toBeLessThan(1 + 1e-6)); // within one cent
    const zeros = parts.flatMap((p, i) => (p === 0 ? [i] : []));
    expect(zeros.map((i) => r.partCents[i])).toEqual(zeros.map(() => 0)); // zero stays zero
  });
  it("rounds half away from zero, immune to binary noise", () => {
    expect(toCents(0.285)).toBe(29);
    expect(toCents(-0.285)).toBe(-29);
    expect(toCents(1.005)).toBe(101);
    expect(toCents(134.65 - 122.51)).toBe(1214);
    expect(toCents(-0.004)).toBe(0);
    expect(Object.is(toCents(-0.001), -0)).toBe(false);
    expect(fromCents(-1587)).toBe(-15.87);
  });
  it("allocates by the largest remainder, ties to the larger part", () => {
    expect(allocateCents(100, [1 / 3, 1 / 3, 1 / 3])).toEqual([34, 33, 33]);
    expect(allocateCents(10, [0.034, 0.033, 0.033])).toEqual([4, 3, 3]);
    expect(allocateCents(5, [0.026, 0.024])).toEqual([3, 2]);
    expect(allocateCents(-5, [-0.026, -0.024])).toEqual([-3, -2]);
  });
});

// ---------------------------------------------------------------------------------------------
// Checks that hold for any valid data/ (no number of the example data pinned here).

describe("attribution of data/", async () => {
  const { project, result } = await runPipeline(repoRoot, PUBLISHED_METHOD, { intervals: false });
  const attribution = attributeChanges(result, { surveyFiles: project.surveys });

  it("has a pair for every country and consecutive measured years, and none across a gap", () => {
    const has = new Set(result.index.map((t) => `${t.country}/${t.year}`));
    const expected = result.index.filter((t) => has.has(`${t.country}/${t.year - 1}`)).length;
    expect(expected, "data/ holds a country measured in two consecutive years").toBeGreaterThan(0);
    expect(attribution.pairs.length).toBe(expected);
    for (const p of attribution.pairs) expect(p.to_year - p.from_year).toBe(1);
  });

  it("labels a pair as crossing the change of method exactly when another codebook version governs each year", () => {
    expect(attribution.pairs.length).toBeGreaterThan(0);
    const version = new Map(result.index.map((t) => [`${t.country}/${t.year}`, t.methodology]));
    for (const p of attribution.pairs) {
      const at = `${p.country} ${p.from_year}→${p.to_year}`;
      expect([p.methodology_from, p.methodology_to], at).toEqual([version.get(`${p.country}/${p.from_year}`), version.get(`${p.country}/${p.to_year}`)]);
      expect(p.crosses_methodology, at).toBe(p.methodology_from !== p.methodology_to);
      expect(p.method === null, at).toBe(!p.crosses_methodology);
      expect(p.comparable || (p.reason ?? "").length > 0, at).toBe(true);
    }
  });

  it("splits every change in the data exactly (tolerance 1e-9)", () => {
    expect(attribution.pairs.length).toBeGreaterThan(0);
    for (const p of attribution.pairs) {
      const total = sum(p.rows.map((r) => r.contribution));
      expect(Math.abs(total - p.change), `${p.country} ${p.from_year}→${p.to_year}`).toBeLessThanOrEqual(EXACTNESS_TOLERANCE);
      expect(Math.abs(sum(p.sections.map((s) => s.contribution)) - p.change)).toBeLessThanOrEqual(EXACTNESS_TOLERANCE);
      const d = displayPair(p);
      expect(toCents(sum(Object.values(d.sections)))).toBe(toCents(d.change));
      expect(toCents(sum(d.rows))).toBe(toCents(d.change));
      expect(toCents(d.from_total + d.change)).toBe(toCents(d.to_total));
      // The waterfall runs from one total to the other through the displayed section steps.
      const ends = [d.from_total, ...d.steps.map((x) => x.end)];
      d.steps.forEach((x, i) => {
        expect(toCents(x.start)).toBe(toCents(ends[i]!));
        expect(toCents(x.end - x.start)).toBe(toCents(x.amount));
        expect(x.amount).toBe(d.sections[x.section]);
      });
      expect(toCents(ends.at(-1)!)).toBe(toCents(d.to_total));
    }
  });
});
