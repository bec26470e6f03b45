// The year-on-year rules of check and the review command, on a copy of the example project with a
// 2025 year made the way a researcher makes one: 2024's sheets and surveys copied, a few answers
// changed. Every message is pinned in English and in Russian.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../loaders/cli.ts";
import { checkProject } from "../loaders/project.ts";
import { formatProblem, problemPlace } from "../loaders/problems.ts";
import { reviewYear } from "../loaders/review.ts";
import { reviewPayload } from "../loaders/present/review.ts";
import { validateChanges } from "../loaders/validate.ts";
import { Codebook } from "../loaders/schema.ts";
import { userLanguage, pluralForm } from "../loaders/language.ts";
import { repoRoot } from "./helpers/project-copy.ts";

type Edit = (text: string) => string;

/** data/ of the example project with data/<kind>/2025 = 2024's files, edited by `sheets` and `surveys` (by country). */
/** clearChanges: "all" empties every change cell of 2025, "stale" all but UKR LP-02's (left in on purpose), "none" keeps them. */
function project2025(sheets: Record<string, Edit[]>, surveys: Record<string, Edit[]>, clearChanges: "all" | "stale" | "none" = "stale"): string {
  const root = mkdtempSync(path.join(tmpdir(), "pti-review-"));
  cpSync(path.join(repoRoot, "data"), path.join(root, "data"), { recursive: true });
  for (const kind of ["sheets", "surveys"] as const) {
    cpSync(path.join(root, "data", kind, "2024"), path.join(root, "data", kind, "2025"), { recursive: true });
    if (kind === "sheets" && clearChanges !== "none") clear(root, clearChanges === "stale");
    const edits = kind === "sheets" ? sheets : surveys;
    for (const [country, list] of Object.entries(edits)) {
      const file = path.join(root, "data", kind, "2025", `${country}.csv`);
      writeFileSync(file, list.reduce((text, edit) => edit(text), readFileSync(file, "utf8")));
    }
  }
  return root;
}

// A careful researcher empties last year's change column; one stale cell is left in on purpose below.
function clear(root: string, leaveStale: boolean): void {
    for (const c of ["ARM", "BLR", "KAZ", "KGZ", "MDA", "RUS", "UKR"]) {
      const file = path.join(root, "data", "sheets", "2025", `${c}.csv`);
      const keep = leaveStale && c === "UKR" ? /^LP-02,/ : /^$/;
      writeFileSync(file, readFileSync(file, "utf8").split("\n").map((l) => (keep.test(l) ? l : l.replace(/,(law|practice|reassessment|data)\r?$/, ","))).join("\n"));
    }
}

const row = (id: string, replace: (line: string) => string): Edit => (text) => text.split("\n").map((l) => (l.startsWith(id + ",") ? replace(l) : l)).join("\n");
const rating = (questions: string[], value: string): Edit => (text) =>
  text.split("\n").map((l) => {
    const cells = l.split(",");
    return cells.length === 4 && questions.includes(cells[2]!) ? [...cells.slice(0, 3), value].join(",") : l;
  }).join("\n");

const EDITS = {
  sheets: {
    KAZ: [
      row("RM-01", () => "RM-01,no,reconstructed,,"), // changed, no reason
      row("RM-02", () => "RM-02,yes,https://example.org/law-2025,a specialised body was set up in 2025,law"), // changed, with its reason
      row("RM-07", () => "RM-07,survey,reconstructed,,"), // the survey rating moves below; no note
      row("LP-02", (l) => l.replace(/^LP-02,partial,/, "LP-02,yes,").replace(/,$/, ",law")), // changed, last year's note kept
    ],
  },
  surveys: {
    ARM: [rating(["Q1"], "")], // nobody rated Q1
    KAZ: [rating(["Q6", "Q7", "Q8", "Q9", "Q10"], "10")], // RM-07 rated 10 throughout
  },
};

const run = async (args: string[], env: Record<string, string> = {}) => {
  const out: string[] = [];
  const err: string[] = [];
  for (const k of ["LC_ALL", "LC_MESSAGES", "LANG"]) vi.stubEnv(k, env[k] ?? "");
  try {
    const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out, err };
  } finally {
    vi.unstubAllEnvs();
  }
};

const EN_PROBLEMS = [
  'data/sheets/2025/KAZ.csv:2:change: RM-01 changed from "yes" in 2024 to "no" in 2025, but the change column is empty (expected the kind of change: law, practice, reassessment, data)',
  "data/sheets/2025/KAZ.csv:8:note: warning: the survey rating of RM-07 moved by 3.80 (6.20 in 2024 → 10.00 in 2025), more than 1.00, and the note is empty; say what the experts saw (threshold: survey.review.survey_move_threshold of methodology 2020)",
  'data/sheets/2025/KAZ.csv:18:note: warning: the note on LP-02 is word for word the note of 2024, though the answer changed ("partial" → "yes"); say why it changed in 2025',
  'data/sheets/2025/UKR.csv:18:change: LP-02 is "partial" as in 2024, yet the change column says "reassessment" (copied from last year\'s sheet? leave it empty when the answer did not change)',
  "data/surveys/2025/ARM.csv::question: no respondent rated Q1, so RM-06 would be scored on the other questions alone (methodology 2020 expects ratings of every question)",
];
const RU_PROBLEMS = [
  "data/sheets/2025/KAZ.csv:2:change: RM-01 изменился с «да» в 2024 на «нет» в 2025, но столбец change пуст (ожидался вид изменения: закон, практика, переоценка, данные)",
  "data/sheets/2025/KAZ.csv:8:note: предупреждение: оценка RM-07 по опросу сдвинулась на 3,80 (6,20 в 2024 → 10,00 в 2025), больше чем на 1,00, а примечание пусто; напишите, что отметили эксперты (порог: survey.review.survey_move_threshold методологии 2020)",
  "data/sheets/2025/KAZ.csv:18:note: предупреждение: примечание к LP-02 слово в слово повторяет примечание 2024 года, хотя ответ изменился («частично» → «да»); объясните, почему он изменился в 2025",
  "data/sheets/2025/UKR.csv:18:change: LP-02 — «частично», как и в 2024, но в столбце change указано «переоценка» (скопировано из прошлогоднего листа? оставьте пустым, если ответ не изменился)",
  "data/surveys/2025/ARM.csv::question: ни один респондент не оценил Q1, поэтому оценка RM-06 строилась бы только на остальных вопросах (методология 2020 ожидает оценки по каждому вопросу)",
];

describe("a 2025 year copied from 2024, with a few answers changed", () => {
  let root: string;
  beforeAll(() => {
    root = project2025(EDITS.sheets, EDITS.surveys);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("check reports each new error and warning, in English, and exits 1 for the errors", async () => {
    const r = await run(["check", "--root", root]);
    expect(r.err).toEqual(EN_PROBLEMS);
    expect(r.out).toEqual(["checked 50 sheets, 43 surveys, 6 other files: 14,951 rows, 3 problems, 2 warnings"]);
    expect(r.code).toBe(1);
  });

  it("check --lang ru prints the same problems in Russian, with the same file:row:column", async () => {
    const r = await run(["check", "--root", root, "--lang", "ru"]);
    expect(r.err).toEqual(RU_PROBLEMS);
    expect(r.out).toEqual(["проверено: 50 листов, 43 опроса, 6 других файлов; 14\u202f951 строка, 3 проблемы, 2 предупреждения"]);
    const place = (l: string) => l.slice(0, l.indexOf(": "));
    expect(r.err.map(place)).toEqual(EN_PROBLEMS.map(place));
  });

  it("check of one 2025 sheet compares it with its 2024 sheet, read as context", async () => {
    const r = await run(["check", "--root", root, path.join(root, "data/sheets/2025/KAZ.csv")]);
    expect(r.err).toEqual(EN_PROBLEMS.slice(0, 3));
    expect(r.out).toEqual(["checked 1 sheet, 0 surveys, 3 other files: 49 rows, 1 problem, 2 warnings"]);
  });

  it("LANG=ru_RU.UTF-8 speaks Russian without --lang; --lang en overrides it", async () => {
    const ru = await run(["check", "--root", root], { LANG: "ru_RU.UTF-8" });
    expect(ru.err).toEqual(RU_PROBLEMS);
    const en = await run(["check", "--root", root, "--lang", "en"], { LANG: "ru_RU.UTF-8" });
    expect(en.err).toEqual(EN_PROBLEMS);
  });

  it("review 2025 lists every answer that differs, with points, reason, source and note, then the problems", async () => {
    const r = await run(["review", "2025", "--root", root]);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([
      "Review of 2025: every answer that differs from 2024",
      "ARM (data/sheets/2025/ARM.csv)",
      "  RM-06: survey rating 4.60 → survey rating 4.61; points 6.90 → 6.92 (+0.02); reason: none; source: reconstructed; note: none",
      "BLR (data/sheets/2025/BLR.csv)",
      "  no answer differs from 2024",
      "KAZ (data/sheets/2025/KAZ.csv)",
      "  RM-01: yes → no; points 4.00 → −4.00 (−8.00); reason: none; source: reconstructed; note: none",
      "  RM-02: partial → yes; points 2.00 → 6.00 (+4.00); reason: law; source: https://example.org/law-2025; note: a specialised body was set up in 2025",
      "  RM-07: survey rating 6.20 → survey rating 10.00; points 9.30 → 15.00 (+5.70); reason: none; source: reconstructed; note: none",
      expect.stringMatching(/^ {2}LP-02: partial → yes; points .* \(\+.*\); reason: law; source: https:\/\/docstore\.ohchr\.org\/.*; note: Art\. 146: until the law of 17 Mar 2023/),
      "KGZ (data/sheets/2025/KGZ.csv)",
      "  no answer differs from 2024",
      "MDA (data/sheets/2025/MDA.csv)",
      "  no answer differs from 2024",
      "RUS (data/sheets/2025/RUS.csv)",
      "  no answer differs from 2024",
      "UKR (data/sheets/2025/UKR.csv)",
      "  no answer differs from 2024",
      "Problems in the files of 2025 (check reports them too):",
      ...EN_PROBLEMS,
      "2025: 5 answers of 7 countries differ from 2024; 3 problems, 2 warnings",
    ]);
  });

  it("review 2025 --lang ru says the same in Russian", async () => {
    const r = await run(["review", "2025", "--root", root, "--lang", "ru"]);
    expect(r.out[0]).toBe("Проверка 2025 года: все ответы, отличающиеся от 2024");
    // The answers and the kinds of change in Russian words; the sheet's own source and note as written.
    expect(r.out[6]).toBe("  RM-01: да → нет; баллы 4,00 → −4,00 (−8,00); причина: не указано; источник: reconstructed; примечание: не указано");
    expect(r.out[7]).toBe("  RM-02: частично → да; баллы 2,00 → 6,00 (+4,00); причина: закон; источник: https://example.org/law-2025; примечание: a specialised body was set up in 2025");
    expect(r.out.slice(-6, -1)).toEqual(RU_PROBLEMS);
    expect(r.out.at(-1)).toBe("2025: от 2024 отличаются 5 ответов (7 стран); 3 проблемы, 2 предупреждения");
  });

  it("the review page's payload holds the same rows and the warnings only", async () => {
    const checked = await checkProject(root);
    const payload = reviewPayload(reviewYear(checked.years, 2025), "en");
    expect(payload.rows.map((r) => `${r.country} ${r.indicator} ${r.before} → ${r.now} (${r.points}) ${r.change}`)).toEqual([
      "ARM RM-06 survey rating 4.60 → survey rating 4.61 (6.90 → 6.92) none",
      "KAZ RM-01 yes → no (4.00 → −4.00) none",
      "KAZ RM-02 partial → yes (2.00 → 6.00) law",
      "KAZ RM-07 survey rating 6.20 → survey rating 10.00 (9.30 → 15.00) none",
      expect.stringMatching(/^KAZ LP-02 partial → yes \(.* → .*\) law$/),
    ]);
    expect(payload.warnings.map((w) => `${w.where}: warning: ${w.message}`)).toEqual(EN_PROBLEMS.filter((p) => p.includes(": warning: ")));
    expect(payload.new_countries).toEqual([]);
  });

  it("a threshold stated in the codebook's survey block replaces the default of 1", async () => {
    const { years } = await checkProject(root);
    const now = years.get("KAZ/2025")!;
    const before = years.get("KAZ/2024")!;
    const lenient = { ...now, codebook: { ...now.codebook, survey: { ...now.codebook.survey!, review: { survey_move_threshold: 4 } } } };
    const strict = { ...now, codebook: { ...now.codebook, survey: { ...now.codebook.survey!, review: { survey_move_threshold: 3.5 } } } };
    const moved = (cy: typeof now) => validateChanges(cy, before).filter((p) => p.key === "problem.change.survey_move_no_note").map((p) => formatProblem(p));
    expect(moved(lenient)).toEqual([]);
    expect(moved(strict)).toEqual([
      "data/sheets/2025/KAZ.csv:8:note: warning: the survey rating of RM-07 moved by 3.80 (6.20 in 2024 → 10.00 in 2025), more than 3.50, and the note is empty; say what the experts saw (threshold: survey.review.survey_move_threshold of methodology 2020)",
    ]);
    expect(Codebook.safeParse(lenient.codebook).success).toBe(true);
    expect(Codebook.safeParse({ ...lenient.codebook, survey: { ...lenient.codebook.survey, review: { survey_move_threshold: -1 } } }).success).toBe(false);
  });
});

describe("warnings alone", () => {
  let root: string;
  beforeAll(() => {
    root = project2025({ KAZ: [EDITS.sheets.KAZ[2]!, EDITS.sheets.KAZ[3]!] }, { KAZ: EDITS.surveys.KAZ }, "all");
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("leave check and review at exit 0 and the project valid", async () => {
    const r = await run(["check", "--root", root]);
    expect(r.err).toEqual([EN_PROBLEMS[1], EN_PROBLEMS[2]]);
    expect(r.out).toEqual(["checked 50 sheets, 43 surveys, 6 other files: 14,951 rows, 0 problems, 2 warnings"]);
    expect(r.code).toBe(0);
    expect((await checkProject(root)).project).not.toBeNull();
    expect((await run(["review", "2025", "--root", root])).code).toBe(0);
  });
});

describe("the 2024 sheets copied unchanged into 2025, change cells and all", () => {
  it("every copied reason on an unchanged answer is an error", async () => {
    const root = project2025({}, {}, "none");
    try {
      const r = await run(["check", "--root", root]);
      const stale = r.err.filter((l) => /yet the change column says/.test(l));
      expect(stale).toHaveLength(20);
      expect(stale).toContain('data/sheets/2025/ARM.csv:12:change: JR-02 is "0.6" as in 2024, yet the change column says "practice" (copied from last year\'s sheet? leave it empty when the answer did not change)');
      expect(stale).toContain('data/sheets/2025/RUS.csv:8:change: the survey rating of RM-07 is 2.00 as in 2024, yet the change column says "practice" (copied from last year\'s sheet? leave it empty when nothing changed)');
      expect(r.code).toBe(1);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("the user's language", () => {
  it("is --lang, else LC_ALL, LC_MESSAGES, LANG in that order, else English", () => {
    expect(userLanguage("ru", { LANG: "en_US.UTF-8" })).toEqual({ lang: "ru" });
    expect(userLanguage(undefined, { LANG: "ru_RU.UTF-8" })).toEqual({ lang: "ru" });
    expect(userLanguage(undefined, { LC_ALL: "C.UTF-8", LANG: "ru_RU.UTF-8" })).toEqual({ lang: "en" });
    expect(userLanguage(undefined, { LC_MESSAGES: "ru_UA", LANG: "en_GB" })).toEqual({ lang: "ru" });
    expect(userLanguage(undefined, {})).toEqual({ lang: "en" });
    expect(userLanguage("de", {})).toEqual({ error: '"de"' });
  });

  it("a wrong --lang is a usage error", async () => {
    const r = await run(["check", "--lang", "de"]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual(['check: --lang is en or ru, got "de"', "usage: npm run index -- check [PATH…] [--lang ru|en]"]);
  });

  it("Russian nouns take one, few and many", () => {
    expect([1, 2, 5, 11, 21, 22, 25, 112].map((n) => pluralForm("ru", n))).toEqual(["one", "few", "many", "many", "one", "few", "many", "many"]);
    expect([0, 1, 2].map((n) => pluralForm("en", n))).toEqual(["many", "one", "many"]);
  });

  it("a problem's place is the same in every language", () => {
    const [p] = validateChanges(
      { country: "KAZ", file: "f.csv", year: 2025, codebook: null as never, answers: [], survey: null },
      { country: "KAZ", file: "e.csv", year: 2024, codebook: null as never, answers: [], survey: null },
    );
    expect(p).toBeUndefined();
    const q = { file: "data/sheets/2025/KAZ.csv", row: 3, column: "change", message: "m", key: "problem.unknown_country" as const, vars: { code: "XXX" } };
    expect(problemPlace(q)).toBe("data/sheets/2025/KAZ.csv:3:change");
    expect(formatProblem(q, "ru")).toBe("data/sheets/2025/KAZ.csv:3:change: страны «XXX» нет в data/countries.csv");
  });
});
