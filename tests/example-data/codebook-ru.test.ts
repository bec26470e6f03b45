// Pins of the reconstructed example data (data/ as committed): these tests hold only for the
// reconstruction. When data/ is replaced by the Working Group's files, delete or re-pin this folder;
// the engine's tests elsewhere in tests/ run on their own fixtures and stay meaningful.
//
// Both example codebooks carry every text the Russian report and the experts' Russian workbooks need,
// and say whose translation it is. The rule on level_ru words: tests/codebook-ru.test.ts.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadProject } from "../../loaders/project.ts";

describe("the example codebooks in Russian", async () => {
  const project = await loadProject(path.resolve(__dirname, "../.."));
  const books = new Map(project.codebooks.map((c) => [c.version, c]));
  const pilot = books.get("2019-pilot")!;
  const revised = books.get("2020")!;

  it("give every section, indicator and level its Russian texts", () => {
    expect([pilot.indicators.length, revised.indicators.length]).toEqual([33, 40]);
    const missing: string[] = [];
    for (const cb of [pilot, revised]) {
      for (const s of cb.sections) if (!s.title_ru || !s.description_ru) missing.push(`${cb.version} ${s.id}`);
      for (const ind of cb.indicators) {
        if (!ind.title_ru || !ind.question_ru || !ind.guidance_ru) missing.push(`${cb.version} ${ind.id}`);
        if (ind.scale.type === "ordinal")
          for (const l of ind.scale.levels) if (!l.level_ru || !l.label_ru) missing.push(`${cb.version} ${ind.id} ${l.level}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("give the 2020 survey's fifteen questions and five roles in Russian", () => {
    const survey = revised.survey!;
    expect(survey.questions.filter((q) => !q.text_ru).map((q) => q.id)).toEqual([]);
    expect(survey.questions).toHaveLength(15);
    expect(survey.questions[0].text_ru).toBe(
      "Насколько орган, расследующий заявления о пытках со стороны сотрудников полиции, пенитенциарной системы и органов безопасности, независим от этих ведомств? (0 — совсем нет, 10 — полностью)",
    );
    expect(survey.role_labels).toEqual({
      lawyer: { en: "lawyer", ru: "адвокат" },
      prosecutor: { en: "prosecutor", ru: "прокурор" },
      judge: { en: "judge", ru: "судья" },
      investigator: { en: "investigator", ru: "следователь" },
      defender: { en: "defender", ru: "правозащитник" },
    });
  });

  it("use one Russian answer word per English level in both codebooks", () => {
    const words = new Map<string, Set<string>>();
    for (const cb of [pilot, revised])
      for (const ind of cb.indicators)
        if (ind.scale.type === "ordinal")
          for (const l of ind.scale.levels) words.set(l.level, (words.get(l.level) ?? new Set()).add(l.level_ru!));
    expect(Object.fromEntries([...words].map(([en, ru]) => [en, [...ru]]))).toEqual({
      yes: ["да"],
      partial: ["частично"],
      no: ["нет"],
      full: ["полностью"],
      minimal: ["минимально"],
      none: ["отсутствует"],
    });
  });

  it("quote the questions, labels and section titles as written", () => {
    const rm03 = revised.indicators.find((i) => i.id === "RM-03")!;
    expect(rm03.question_ru).toBe("Какая доля зарегистрированных за год жалоб на пытки привела к возбуждению уголовного дела?");
    const jr03 = revised.indicators.find((i) => i.id === "JR-03")!;
    expect(jr03.scale.type === "ordinal" && jr03.scale.levels.map((l) => [l.level_ru, l.label_ru])).toEqual([
      ["полностью", "полная и своевременная"],
      ["частично", "публикуется с пробелами или задержками"],
      ["минимально", "только сводные данные, из которых нельзя выделить дела о пытках"],
      ["отсутствует", "не публикуется"],
    ]);
    // The section titles are the Working Group's list of the six areas, in the nominative.
    expect(revised.sections.map((s) => s.title_ru)).toEqual([
      "Государственный механизм реагирования на пытки",
      "Судебный контроль",
      "Наличие норм в национальном законодательстве, запрещающих пытки",
      "Уровень обеспечения процессуальных гарантий, работающих на превенцию пыток",
      "Работающие в стране механизмы и средства превенции пыток",
      "Степень принятия государством международных обязательств в области запрета пыток",
    ]);
    expect(pilot.sections.map((s) => s.title_ru)).toEqual(revised.sections.map((s) => s.title_ru));
  });

  it("mark the Russian texts as a reconstructed translation", () => {
    for (const cb of [pilot, revised]) {
      expect(cb.translations?.ru.reconstructed).toBe(true);
      expect(cb.translations?.ru.note).toMatch(/^The Russian texts of this codebook .* are a reconstructed translation written for this repository, not the Working Group's wording\. The section titles are the Working Group's own/);
    }
  });
});
