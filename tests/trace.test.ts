// The calculation trace (loaders/present/trace.ts) and `explain`: the trace of a country-year adds up to its
// Index, shows the survey aggregation step by step, and the command prints it or says clearly that
// a country-year is unknown. Synthetic project and the fixture project (tests/fixtures/codebook)
// first, then every country-year of data/, checked as for any valid data/ (the example data's
// explain output is pinned in tests/example-data/trace.test.ts).
import { describe, it, expect } from "vitest";
import { commandContext } from "../loaders/command.ts";
import { syntheticProject } from "./fixtures/audit-project.ts";
import { computeIndex, runPipeline } from "../loaders/pipeline.ts";
import { traceCountryYear, formatTrace, plain, shipped, traceable } from "../loaders/present/trace.ts";
import { round2 } from "../loaders/rounding.ts";
import { command as explain } from "../loaders/commands/explain.ts";
import { repoRoot } from "./helpers/project-copy.ts";
import { FIXTURE_ROOT } from "./fixtures/copy-fixture.ts";

async function explainIn(root: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await explain.run(args, commandContext({ root, out: (l) => out.push(l), err: (l) => err.push(l) }));
  return { status, out: out.join("\n"), err: err.join("\n") };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("traceCountryYear (synthetic project)", () => {
  const project = syntheticProject();
  project.editions = [
    { edition: 1, published: "2021-01-01", year: 2020, country: "AAA", index: 16.25, source: "r1", line: 2 },
    { edition: 2, published: "2022-01-01", year: 2020, country: "AAA", index: 16.3, source: "r2", line: 3 },
  ];
  const result = computeIndex(project);

  it("adds up: indicators → sections → Index", () => {
    for (const t of result.index) {
      const trace = traceCountryYear(result, project, t.country, t.year)!;
      expect(trace.total).toBe(t.index);
      expect(sum(trace.sections.map((s) => s.weighted))).toBeCloseTo(t.index, 9);
      for (const s of trace.sections) {
        expect(sum(s.indicators.map((i) => i.points ?? 0))).toBeCloseTo(s.points, 9);
        expect(sum(s.indicators.map((i) => i.weighted ?? 0))).toBeCloseTo(s.weighted, 9);
      }
      expect(trace.sections.flatMap((s) => s.indicators)).toHaveLength(t.indicators);
    }
  });

  it("shows every answer with its rule, points, source and note", () => {
    const t = traceCountryYear(result, project, "aaa", 2019)!;
    expect(t.country).toBe("AAA");
    expect(t.country_name).toBe("Aland");
    expect(t.country_name_ru).toBe("А");
    const rows = t.sections.flatMap((s) => s.indicators);
    expect(rows.map((r) => [r.indicator, r.value, r.points])).toEqual([
      ["AA-01", "yes", 5],
      ["AA-02", "partial", 1],
      ["BB-01", "n/a", null],
    ]);
    expect(rows[1]!.applied).toBe("partial → 1");
    expect(rows.map((r) => [r.rule_ru, r.applied_ru])).toEqual([
      ["да → 5; нет → −5", "да → 5"],
      ["none −2 · partial 1 · full 4", "partial → 1"], // no level_ru in this codebook: the level as written
      ["линейно: 0 → −10; 1 → 10", "н/д: исключён (баллов нет; его лучшие баллы вычитаются из максимально достижимого итога)"],
    ]);
    expect(rows[2]!.applied).toBe("n/a: excluded (no points; its best points leave the maximum attainable)");
    const ratio = traceCountryYear(result, project, "AAA", 2020)!.sections.flatMap((s) => s.indicators).find((r) => r.indicator === "BB-01")!;
    expect([ratio.applied, ratio.applied_ru]).toEqual(["0.25 on [0, 1] → −10 + 0.25 × 20 = −5", "0,25 на отрезке [0; 1] → −10 + 0,25 × 20 = −5"]);
    expect(rows[2]).toMatchObject({ excluded: true, note: "no statistics", source: "reconstructed" });
    expect(t.previous_year).toBeNull();
  });

  it("gives the survey aggregation step by step: respondent means, role means, mean of roles, × multiplier", () => {
    const t = traceCountryYear(result, project, "AAA", 2020)!;
    const [s] = t.surveys;
    expect(s!.respondents).toEqual([
      { respondent: "l1", role: "lawyer", role_ru: "адвокаты", mean: 5 },
      { respondent: "l2", role: "lawyer", role_ru: "адвокаты", mean: 2 },
      { respondent: "j1", role: "judge", role_ru: "судьи", mean: 8 },
    ]);
    // This codebook names no roles (no role_labels): in Russian the professions as the Working Group's release lists them.
    expect(s!.roles.map((r) => [r.role, r.role_ru, r.mean])).toEqual([
      ["lawyer", "адвокаты", 3.5],
      ["judge", "судьи", 8],
    ]);
    expect(s!.value).toBe(5.75);
    expect(s!.points).toBeCloseTo(1.5 * 5.75, 12);
    // The judge is alone in the role, so the spread is pooled within roles (lawyers: variance 4.5 on
    // 1 degree of freedom); 5.75 ± t(0.95, 1) · √(¼ · (4.5/2 + 4.5/1)) = 5.75 ± 8.20, cut to the scale.
    expect(s!.interval_text).toMatch(/^score ± Student t quantile \(1 degrees of freedom\) × standard error, the spread within roles pooled/);
    expect(s!.interval_text_ru).toBe("оценка ± квантиль распределения Стьюдента (степеней свободы: 1) × стандартная ошибка, разброс внутри профессий объединён (в одной из профессий один респондент); без случайных выборок");
    expect([s!.lo, s!.hi]).toEqual([0, 10]);
  });

  it("puts the published values beside the total and lists what changed from the year before", () => {
    const t = traceCountryYear(result, project, "AAA", 2020)!;
    expect(t.published.map((p) => [p.edition, p.value, p.matches])).toEqual([
      [1, 16.25, true],
      [2, 16.3, false],
    ]);
    expect(t.crosses_break).toBe(true); // 2019 is governed by v1, 2020 by v2
    const t21 = traceCountryYear(result, project, "AAA", 2021)!;
    expect(t21.crosses_break).toBe(false);
    // 2021: AA-01 yes → no, and the survey score moved (5.75 → 5)
    expect(t21.changes.map((c) => [c.indicator, c.from, c.to, c.points_from, c.points_to])).toEqual([
      ["AA-01", "yes", "no", 5, -5],
      ["BB-02", "survey", "survey", 1.5 * 5.75, 7.5],
    ]);
  });

  it("is undefined for a country-year with no sheet", () => {
    expect(traceCountryYear(result, project, "AAA", 2018)).toBeUndefined();
    expect(traceCountryYear(result, project, "ZZZ", 2020)).toBeUndefined();
  });

  it("prints as a readable text table, untrusted text on one line with no control characters", () => {
    const p = syntheticProject();
    p.sheets[0]!.answers[2]!.note = "no statistics\u001b[31m\nred";
    const r = computeIndex(p);
    const text = formatTrace(traceCountryYear(r, p, "AAA", 2019)!);
    expect(text).toContain("AAA (Aland) 2019: Prohibition of Torture Index 6.00");
    expect(text).toMatch(/AA-02\s+\d+\s+partial\s+1\s+partial → 1/);
    expect(text).toContain("subtotal AA: 6 points × weight 1 = 6");
    expect(text).not.toContain("\u001b");
    expect(text).toContain("note: no statistics [31m red");
    expect(plain("a\r\nb\u202ec")).toBe("a b c");
    const t20 = formatTrace(traceCountryYear(result, project, "AAA", 2020)!);
    expect(t20).toContain("lawyer: l1 5, l2 2");
    expect(t20).toContain("3. mean of 2 roles: (3.5 + 8) / 2 = 5.75");
    expect(t20).toContain("4. × multiplier 1.5 = 8.625 points");
    expect(t20).toMatch(/Published: edition 2 \(2022-01-01\) 16\.30: DIFFERS/);
  });
});

describe("explain on the fixture project", () => {
  it("prints the whole calculation with the published value and what changed across the change of method", async () => {
    const r = await explainIn(FIXTURE_ROOT, "kaz", "2020");
    expect(r.status, r.err).toBe(0);
    expect(r.out).toMatch(/^KAZ \(Kazakhstan\) 2020: Prohibition of Torture Index 26\.92\nmethodology 2020: Test codebook \(revised\)\n7 indicators, 0 excluded; maximum attainable 61\.5, minimum −14\.5/);
    expect(r.out).toContain("Survey score RM-08: Effectiveness of torture investigations (questions Q1, Q2; data/surveys/2020/KAZ.csv)");
    expect(r.out).toContain("Published: edition 2 (2021-06-29) 27.25: DIFFERS (computed − published = −0.333333333333)");
    expect(r.out).toContain("Changes from 2019 (−9 → 26.916667, +35.916667); the methodology changed between these years");
  });

  it("says clearly when a country-year is unknown, and exits 1; a missing argument is a usage error", async () => {
    const year = await explainIn(FIXTURE_ROOT, "KAZ", "1999");
    expect(year.status).toBe(1);
    expect(year.err).toBe("no computed Index for KAZ 1999: there is no sheet data/sheets/1999/KAZ.csv (or .xlsx). KAZ has sheets for 2019, 2020.");
    const published = await explainIn(FIXTURE_ROOT, "ARM", "2020");
    expect(published.status).toBe(1);
    expect(published.err).toBe("no computed Index for ARM 2020: there is no sheet data/sheets/2020/ARM.csv (or .xlsx). Edition(s) 2 published 104 for it. ARM has sheets for 2021.");
    const none = await explainIn(FIXTURE_ROOT, "TJK", "2020");
    expect(none.status).toBe(1);
    expect(none.err).toBe("no computed Index for TJK 2020: there is no sheet data/sheets/2020/TJK.csv (or .xlsx). TJK has no sheet at all; countries with sheets: ARM, KAZ, KGZ.");
    expect((await explainIn(FIXTURE_ROOT, "KAZ")).status).toBe(2);
  });
});

// ---------------------------------------------------------------------------------------------
// data/, whatever it holds

describe("trace of data/", async () => {
  const { project, result } = await runPipeline(repoRoot);

  it("the trace of every country-year sums to its Index, and lists every published value with its verdict", () => {
    expect(result.index.length, "data/sheets holds sheets").toBeGreaterThan(0);
    for (const t of result.index) {
      const trace = traceCountryYear(result, project, t.country, t.year)!;
      expect(sum(trace.sections.map((s) => s.weighted))).toBeCloseTo(t.index, 9);
      expect(sum(trace.sections.flatMap((s) => s.indicators.map((i) => i.weighted ?? 0)))).toBeCloseTo(t.index, 9);
      const editions = project.editions.filter((e) => e.country === t.country && e.year === t.year);
      expect(trace.published.map((p) => [p.edition, p.value, p.matches]), `${t.country} ${t.year}`).toEqual(
        editions.map((e) => [e.edition, e.index, round2(t.index) === e.index]),
      );
    }
  });

  it("gives every title and answer word in Russian for the Russian audit page: the codebook's own, the English kept for the English page", () => {
    const kaz = traceCountryYear(result, project, "KAZ", 2024)!;
    const cb = project.codebooks.find((c) => c.version === kaz.methodology)!;
    expect(kaz.methodology_title_ru).toBe(cb.title_ru);
    expect(kaz.methodology_title).toBe(cb.title);
    for (const s of kaz.sections) {
      const def = cb.sections.find((x) => x.id === s.section)!;
      expect([s.title, s.title_ru]).toEqual([def.title, def.title_ru]);
      for (const i of s.indicators) expect([i.title, i.title_ru], i.indicator).toEqual([cb.indicators.find((x) => x.id === i.indicator)!.title, cb.indicators.find((x) => x.id === i.indicator)!.title_ru]);
    }
    expect(kaz.surveys.map((v) => v.title_ru)).toEqual(kaz.surveys.map((v) => cb.indicators.find((x) => x.id === v.indicator)!.title_ru));
    const rows = result.index.flatMap((t) => traceCountryYear(result, project, t.country, t.year)!.sections.flatMap((s) => s.indicators));
    const words = new Map(rows.filter((r) => r.scale === "binary" || r.scale === "ordinal").map((r) => [r.value, r.value_ru]));
    expect(words.get("yes")).toBe("да");
    expect(words.get("no")).toBe("нет");
    expect(words.get("partial")).toBe("частично");
    const excluded = rows.filter((r) => r.excluded);
    expect(excluded.length, "data/ has excluded answers").toBeGreaterThan(0);
    for (const r of excluded) expect(r.value_ru, `${r.indicator} "${r.value}"`).toBe("н/д"); // "n/a", or "н/д" where the sheet wrote it so
    // A share is the same number in Russian notation (0.81 → 0,81); a survey-scored answer is the word the Russian sheet writes.
    const shares = rows.filter((x) => !x.excluded && x.scale === "ratio");
    expect(shares.length).toBeGreaterThan(0);
    for (const r of shares) expect(r.value_ru).toBe(r.value.replace(".", ","));
    for (const r of rows.filter((x) => !x.excluded && x.scale === "survey")) expect([r.value, r.value_ru]).toEqual(["survey", "опрос"]);
    // What changed from the year before, as the Russian sheets and pages word it.
    const kinds = new Map(rows.filter((r) => r.change !== null).map((r) => [r.change, r.change_ru]));
    expect(Object.fromEntries(kinds)).toMatchObject({ law: "закон", practice: "практика" });
    expect(new Map(rows.filter((r) => r.previous).map((r) => [r.previous!.value, r.previous!.value_ru])).get("partial")).toBe("частично");
    // The list of changes from the year before carries the same words.
    const listed = result.index.flatMap((t) => traceCountryYear(result, project, t.country, t.year)!.changes);
    expect(new Map(listed.filter((c) => c.change !== null).map((c) => [c.change, c.change_ru])).get("practice")).toBe("практика");
    expect(new Map(listed.map((c) => [c.to, c.to_ru])).get("yes")).toBe("да");
    expect(new Map(listed.map((c) => [c.from, c.from_ru])).get("no")).toBe("нет");
    const moved = rows.filter((r) => r.survey_move !== null);
    expect(moved.length, "data/ has survey scores that moved").toBeGreaterThan(0);
    for (const r of moved) {
      expect(r.survey_move).toMatch(/^survey score \d+(\.\d+)? → \d+(\.\d+)?$/);
      expect(r.survey_move_ru).toMatch(/^оценка по опросу \d+(,\d+)? → \d+(,\d+)?$/);
    }
  });

  it("ships each codebook's survey texts once (method_texts), and the page's unpacking gives back every trace whole", () => {
    const full = traceable(result).map((c) => traceCountryYear(result, project, c.country, c.year)!);
    const { method_texts, traces } = shipped(full);
    expect(Object.keys(method_texts).sort()).toEqual([...new Set(full.filter((t) => t.surveys.length).map((t) => t.methodology))].sort());
    expect(traces.flatMap((t) => t.surveys).some((v) => "method_text" in v)).toBe(false);
    // As src/components/trace.js unpacks them.
    const unpacked = traces.map((t) => ({ ...t, surveys: t.surveys.map((v) => ({ ...method_texts[t.methodology], ...v })) }));
    expect(unpacked).toEqual(full);
    expect(Buffer.byteLength(JSON.stringify({ method_texts, traces }))).toBeLessThan(Buffer.byteLength(JSON.stringify(full)) * 0.9);
  });

  const labelsOf2020 = () => project.codebooks.find((cb) => cb.version === "2020")!.survey!.role_labels;

  it("names each survey role in Russian as the codebook of its year does (role_labels), the id kept for the English page and the CLI", () => {
    const codebooks = new Map(project.codebooks.map((cb) => [cb.version, cb]));
    let roles = 0;
    for (const t of result.index) {
      const trace = traceCountryYear(result, project, t.country, t.year)!;
      const labels = codebooks.get(trace.methodology)!.survey?.role_labels;
      for (const v of trace.surveys)
        for (const r of [...v.roles, ...v.respondents]) {
          roles++;
          expect(r.role_ru, `${t.country} ${t.year} ${r.role}`).toBe((labels as Record<string, { ru: string }>)[r.role]!.ru);
          expect(r.role).toMatch(/^[a-z]+$/);
        }
      const printed = formatTrace(trace);
      for (const r of trace.surveys.flatMap((v) => v.roles)) {
        expect(printed).toContain(`     ${r.role}: `);
        expect(printed).not.toContain(r.role_ru);
      }
    }
    expect(roles, "data/ has surveys").toBeGreaterThan(0);
    expect(labelsOf2020()).toMatchObject({ lawyer: { ru: "адвокат" }, judge: { ru: "судья" } });
  });
});
