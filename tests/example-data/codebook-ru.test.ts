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
      // … and the note says so in Russian too, naming the texts it covers.
      expect(cb.translations?.ru.note_ru).toMatch(/^Русские тексты этой кодовой книги \(её название, пояснение о реконструкции и это примечание; .*правило для отсутствующих данных\) — восстановленный перевод, сделанный для этого репозитория, а не формулировки Рабочей группы\. Названия разделов — собственные формулировки Рабочей группы/);
    }
    expect(revised.translations?.ru.note_ru).toContain("вопросы опроса и способ агрегирования его оценок; изменения по сравнению с методологией пилотного замера;");
  });

  it("give the title, notice, every change, the missing-data rule, the survey aggregation and every unit in Russian", () => {
    const missing: string[] = [];
    for (const cb of [pilot, revised]) {
      if (!cb.title_ru) missing.push(`${cb.version} title`);
      if (!cb.notice_ru) missing.push(`${cb.version} notice`);
      if (!cb.missing_data.text_ru) missing.push(`${cb.version} missing_data`);
      if (cb.survey && !cb.survey.aggregation_text_ru) missing.push(`${cb.version} survey`);
      cb.changes.forEach((c, k) => c.text_ru || missing.push(`${cb.version} changes.${k}`));
      for (const ind of cb.indicators) if (ind.scale.type === "ratio" && ind.scale.unit && !ind.scale.unit_ru) missing.push(`${cb.version} ${ind.id} unit`);
    }
    expect(missing).toEqual([]);
    expect(revised.changes).toHaveLength(17);
    expect(revised.notice_ru).toMatch(/^Эта кодовая книга — реконструкция, а не кодовая книга Рабочей группы\. Рабочая группа по борьбе с пытками Платформы «Гражданская солидарность» публикует только итоговые значения Индекса/);
    expect(revised.changes.find((c) => c.indicator === "JR-03")!.text_ru).toBe("Качество судебной статистики теперь оценивается в 5 / 2 / −2 / −5 баллов (пилотный замер: 3 / 1 / −1 / −3).");
    // The rule change in the Working Group's own words for it (ihahr.org, 2nd edition).
    expect(revised.changes.find((c) => c.kind === "rule")!.text_ru).toMatch(/^Сбалансированы критерии, отражающие как нормативное регулирование, так и правоприменительную практику: /);
  });
});
