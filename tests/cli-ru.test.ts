// The command line in Russian: the overall usage, a command's --help, usage errors and unknown
// commands (from the strings tables; English kept as it was), and an expert's Russian workbook full of
// mistakes, filled through exceljs from `template --lang ru`, as `check --lang ru` and `review --lang ru`
// word it: every line in Russian but for the data (cell text, column and file names, codes).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { main } from "../loaders/cli.ts";
import { checkProject } from "../loaders/project.ts";
import { copyProject } from "./helpers/project-copy.ts";

async function run(root: string, args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { root, cwd: root, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

const saved = { LANG: process.env.LANG, LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES };
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
  else process.env[k] = v;
});
const inLocale = (lang: string) => {
  delete process.env.LC_ALL;
  delete process.env.LC_MESSAGES;
  process.env.LANG = lang;
};

describe("the CLI's own lines", () => {
  const root = process.cwd();

  it("the overall usage, in Russian with --lang ru and in English otherwise", async () => {
    inLocale("C.UTF-8");
    const ru = await run(root, ["help", "--lang", "ru"]);
    expect(ru.code).toBe(0);
    const lines = ru.out[0]!.split("\n");
    expect(lines.slice(0, 3)).toEqual(["использование: npm run index -- <команда> [--root DIR] [аргументы]", "", "команды:"]);
    expect(lines.find((l) => l.startsWith("  review "))).toBe(
      "  review       YEAR [--lang ru|en]  перед публикацией года: каждый ответ, отличающийся от прошлогоднего, и проблемы файлов этого года (--lang ru: по-русски)",
    );
    expect(lines.at(-1)).toBe("--root DIR  корневая папка проекта, в которой лежит data/ (по умолчанию — текущая папка)");
    const en = (await run(root, ["help"])).out[0]!.split("\n");
    expect(en.slice(0, 3)).toEqual(["usage: npm run index -- <command> [--root DIR] [args]", "", "commands:"]);
    expect(en.at(-1)).toBe("--root DIR  project root holding data/ (default: the current directory)");
  });

  it("a command's --help: its usage line and what it does", async () => {
    inLocale("C.UTF-8");
    expect(await run(root, ["check", "--help"])).toEqual({
      code: 0,
      out: ["usage: npm run index -- check [PATH…] [--lang ru|en]\n\nvalidate every input file in data/ (or only PATHs) and list every problem (--lang ru: in Russian)"],
      err: [],
    });
    expect((await run(root, ["template", "-h", "--lang", "ru"])).out).toEqual([
      "использование: npm run index -- template --year YEAR [--country CODE…] [--lang ru|en] --out DIR\n\nзаписать по рабочей книге на страну для заполнения экспертами за год YEAR (инструкция, ответы с раскрывающимися списками и прошлогодними ответами рядом, опрос)",
    ]);
    inLocale("ru_RU.UTF-8");
    expect((await run(root, ["review", "--help"])).out).toEqual([
      "использование: npm run index -- review YEAR [--lang ru|en]\n\nперед публикацией года: каждый ответ, отличающийся от прошлогоднего, и проблемы файлов этого года (--lang ru: по-русски)",
    ]);
  });

  it("usage errors and an unknown command, with --lang ru or a Russian LANG", async () => {
    inLocale("C.UTF-8");
    const usage = (c: string) => `использование: npm run index -- ${c}`;
    const cases: [string[], string[]][] = [
      [["check", "--strict", "--lang", "ru"], ["check: неизвестный параметр «--strict»", usage("check [PATH…] [--lang ru|en]")]],
      [["review", "--lang", "ru"], ["review: нужен 1 аргумент, кроме параметров; указано: 0", usage("review YEAR [--lang ru|en]")]],
      [["review", "2025", "x", "--lang", "ru"], ["review: нужен 1 аргумент, кроме параметров; указано: 2 (2025 x)", usage("review YEAR [--lang ru|en]")]],
      [["review", "2025", "--lang"], ["review: option '--lang <value>' argument missing", "usage: npm run index -- review YEAR [--lang ru|en]"]],
      [["template", "--lang", "ru"], ["template: нужен параметр --out DIR", usage("template --year YEAR [--country CODE…] [--lang ru|en] --out DIR")]],
      [["template", "--out", "o", "--year", "25", "--lang", "ru"], ["template: для --year нужен год данных, например 2025 (указано «25»)", usage("template --year YEAR [--country CODE…] [--lang ru|en] --out DIR")]],
      [["template", "--out", "o", "--year", "2025", "--country", "XXX", "--lang", "ru"], ["template: неизвестная страна XXX (страны: ARM, BLR, KAZ, KGZ, MDA, POL, RUS, TJK, UKR)", usage("template --year YEAR [--country CODE…] [--lang ru|en] --out DIR")]],
    ];
    for (const [argv, err] of cases) expect(await run(root, argv), argv.join(" ")).toMatchObject({ code: 2, out: [], err });
    const unknown = await run(root, ["chek", "--lang", "ru"]);
    expect(unknown.err[0]).toBe("неизвестная команда «chek»");
    expect(unknown.err[1]!.split("\n")[0]).toBe("использование: npm run index -- <команда> [--root DIR] [аргументы]");
    expect((await run(root, ["--root"])).err[0]).toBe("--root needs a folder: --root DIR");

    inLocale("ru_RU.UTF-8");
    expect((await run(root, ["review", "2025", "--lang", "de"])).err).toEqual(['review: --lang может быть en или ru, указано "de"', usage("review YEAR [--lang ru|en]")]);
    expect((await run(root, ["template", "--out", "o", "--year", "2025", "--lang", "de"])).err).toEqual([
      "template: --lang может быть en или ru (указано «de»)",
      usage("template --year YEAR [--country CODE…] [--lang ru|en] --out DIR"),
    ]);
    expect((await run(root, ["--root", "--lang", "ru"])).err[0]).toBe("для --root нужна папка: --root DIR");
    // An error the code did not foresee (here: the output fails) is named in the user's language too.
    const err: string[] = [];
    const failing = { root, cwd: root, out: () => { throw new Error("the output is closed"); }, err: (l: string) => err.push(l) };
    expect(await main(["check", "--lang", "ru", "data/countries.csv"], failing)).toBe(3);
    expect(err[0]!.split("\n")[0]).toBe("внутренняя ошибка в «check»: Error: the output is closed");
    err.length = 0;
    expect(await main(["check", "--lang", "en", "data/countries.csv"], failing)).toBe(3);
    expect(err[0]!.split("\n")[0]).toBe('internal error in "check": Error: the output is closed');
    // A command without --lang has only English words of its own: its usage errors stay English.
    expect((await run(root, ["compute"])).err).toEqual(["compute: --out DIR is required", "usage: npm run index -- compute --out DIR [--method FILE]"]);
  });
});

/** An expert's 2025 workbook for Kazakhstan, from the Russian template, with the mistakes `stage` makes. */
async function mistakes(template: string, stage: "read" | "rows" | "year"): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(template) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet("Ответы")!;
  const head = (ws.getRow(2).values as string[]).slice(1);
  const col = (name: string) => head.indexOf(name) + 1;
  const rowOf = new Map<string, number>();
  ws.eachRow((r, i) => void (i > 2 && rowOf.set(String(r.getCell(1).value), i)));
  // Every answer as last year's, with a source: what is not a mistake below is right.
  for (const i of rowOf.values()) {
    ws.getCell(i, col("Ответ")).value = ws.getCell(i, col("Ответ прошлого года")).value;
    ws.getCell(i, col("Источник")).value = "доклад 2025";
  }
  const set = (id: string, cells: Record<string, string>) => {
    for (const [name, v] of Object.entries(cells)) ws.getCell(rowOf.get(id)!, col(name)).value = v;
  };
  if (stage !== "year") {
    set("RM-01", { Ответ: "даа" }); // not an answer word
    set("RM-03", { Ответ: "1,5" }); // a share above 1
    set("RM-04", { Источник: "" }); // no source
    set("JR-02", { Ответ: "60%" }); // a percent share: read as 0.6
    set("IS-01", { Ответ: "нет", Изменение: "закн" }); // a misspelt kind of change
  }
  set("RM-05", { Ответ: "нет" }); // changed, no reason
  set("RM-09", { Изменение: "закон" }); // unchanged, with a reason
  set("LP-01", { Ответ: "нет", Изменение: "закон", Примечание: "Art. 146 of the Criminal Code (Torture)" }); // last year's note
  ws.getCell(2, head.length + 1).value = "Проверил"; // a column of the expert's own
  ws.getCell(3, head.length + 1).value = "А. И.";
  if (stage === "read") ws.getRow(rowOf.get("PG-01")!).hidden = true;

  const s = wb.getWorksheet("Опрос")!;
  const roles = ["адвокат", "прокурор", "судья", "следователь", "правозащитник"];
  for (let k = 0; k < 10; k++) {
    s.getCell(3 + k, 2).value = roles[k % 5];
    for (let q = 1; q <= 14; q++) s.getCell(3 + k, 2 + q).value = (k + q) % 11; // Q15 rated by no one
  }
  s.getCell(13, 1).value = null; // a respondent without an id
  s.getCell(13, 2).value = "судья";
  s.getCell(13, 3).value = 5;
  if (stage !== "year") {
    s.getCell(4, 2).value = "судя"; // a misspelt role
    s.getCell(5, 3).value = 11; // a rating above 10
    s.getCell(6, 4).value = "пять"; // a rating in words
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("a Russian workbook full of mistakes, through check --lang ru and review --lang ru", () => {
  let root = "";
  let cleanup = () => {};
  let template = "";
  const KAZ = "data/sheets/2025/KAZ.xlsx";
  const place = async (stage: "read" | "rows" | "year") => {
    mkdirSync(path.join(root, "data/sheets/2025"), { recursive: true });
    writeFileSync(path.join(root, KAZ), await mistakes(template, stage));
  };
  const ROLE = `${KAZ}#Опрос:4:role: "судя" — не известная роль (ожидалось одно из: адвокат, прокурор, судья, следователь, правозащитник; по-английски: lawyer, prosecutor, judge, investigator, defender)`;
  const RATINGS = [
    `${KAZ}#Опрос:5:Q1: "11" — не оценка (ожидалось целое число от 0 до 10 или пустая ячейка, если ответа нет)`,
    `${KAZ}#Опрос:6:Q2: "пять" — не оценка (ожидалось целое число от 0 до 10 или пустая ячейка, если ответа нет)`,
  ];

  beforeAll(async () => {
    ({ root, cleanup } = copyProject());
    inLocale("C.UTF-8");
    expect((await run(root, ["template", "--year", "2025", "--lang", "ru", "--country", "KAZ", "--out", "wb"])).out).toEqual(["записано рабочих книг за 2025: 1, в wb"]);
    template = path.join(root, "wb/KAZ-2025.xlsx");
  }, 60_000);
  afterAll(() => cleanup());

  it("a hidden row stops the answers sheet; the survey's mistakes are each named once", async () => {
    await place("read");
    const r = await run(root, ["check", "--lang", "ru"]);
    expect(r.err).toEqual([
      `${KAZ}:24: строка 24 скрыта и содержит значения; покажите её (выделите строки вокруг неё, щёлкните правой кнопкой > Показать) или удалите`,
      ROLE,
      ...RATINGS,
    ]);
    expect(r.out).toEqual(["проверено: 44 листа, 37 опросов, 6 других файлов; 12\u202f736 строк, 4 проблемы"]);
    // review names the year's problems when no sheet of it could be read, not "there is no sheet".
    const review = await run(root, ["review", "2025", "--lang", "ru"]);
    expect(review.code).toBe(1);
    expect(review.out).toEqual(["ни один лист за 2025 не удалось прочитать; проблемы файлов этого года:", ...r.err]);
    // English: the role's list is the ids; the line is as it was.
    expect((await run(root, ["check"])).err[1]).toBe(`${KAZ}#Опрос:4:role: "судя" is not a known role (expected: lawyer, prosecutor, judge, investigator, defender)`);
  }, 60_000);

  it("the cells' mistakes, in the Russian sheet's words", async () => {
    await place("rows");
    const r = await run(root, ["check", "--lang", "ru"]);
    expect(r.err).toEqual([
      `${KAZ}:3:value: «даа» — недопустимый ответ на RM-01 (ожидалось: да, нет; по-английски: yes, no)`,
      `${KAZ}:5:value: «1,5» вне диапазона показателя RM-03 (ожидалось число от 0 до 1)`,
      `${KAZ}:6:source: пусто (ожидалось: откуда взят ответ, или «reconstructed»)`,
      `${KAZ}:37:change: "закн" — не вид изменения (ожидалось одно из: закон, практика, переоценка, данные; по-английски: law, practice, reassessment, data, или пустая ячейка, если ответ не изменился)`,
      ROLE,
      ...RATINGS,
    ]);
    expect(r.out).toEqual([
      `примечание: ${KAZ}:2: столбец M «Проверил» не читается (читаются столбцы: indicator, value, source, note, change)`,
      "проверено: 44 листа, 37 опросов, 6 других файлов; 12\u202f776 строк, 7 проблем",
    ]);
    const en = await run(root, ["check"]);
    expect(en.err.slice(1, 4)).toEqual([
      `${KAZ}:5:value: "1.5" is outside the range of RM-03 (expected a number from 0 to 1)`,
      `${KAZ}:6:source: is empty (expected where the answer comes from, or "reconstructed")`,
      `${KAZ}:37:change: "закн" is not a kind of change (expected: law, practice, reassessment, data, or empty when unchanged)`,
    ]);
  }, 60_000);

  it("the year-on-year rules and the review, with the answers and kinds of change in Russian", async () => {
    await place("year");
    const problems = [
      `${KAZ}:7:change: RM-05 изменился с «да» в 2024 на «нет» в 2025, но столбец change пуст (ожидался вид изменения: закон, практика, переоценка, данные)`,
      `${KAZ}:8:note: предупреждение: оценка RM-06 по опросу сдвинулась на 1,52 (6,80 в 2024 → 5,28 в 2025), больше чем на 1,00, а примечание пусто; напишите, что отметили эксперты (порог: survey.review.survey_move_threshold методологии 2020)`,
      `${KAZ}:9:note: предупреждение: оценка RM-07 по опросу сдвинулась на 1,40 (6,20 в 2024 → 4,80 в 2025), больше чем на 1,00, а примечание пусто; напишите, что отметили эксперты (порог: survey.review.survey_move_threshold методологии 2020)`,
      `${KAZ}:10:note: предупреждение: оценка RM-08 по опросу сдвинулась на 1,37 (6,54 в 2024 → 5,18 в 2025), больше чем на 1,00, а примечание пусто; напишите, что отметили эксперты (порог: survey.review.survey_move_threshold методологии 2020)`,
      `${KAZ}:11:change: RM-09 — «да», как и в 2024, но в столбце change указано «закон» (скопировано из прошлогоднего листа? оставьте пустым, если ответ не изменился)`,
      `${KAZ}:18:note: предупреждение: примечание к LP-01 слово в слово повторяет примечание 2024 года, хотя ответ изменился («да» → «нет»); объясните, почему он изменился в 2025`,
      `${KAZ}#Опрос::question: ни один респондент не оценил Q15, поэтому оценка RM-08 строилась бы только на остальных вопросах (методология 2020 ожидает оценки по каждому вопросу)`,
    ];
    const r = await run(root, ["check", "--lang", "ru"]);
    expect(r.err).toEqual(problems);
    const review = await run(root, ["review", "2025", "--lang", "ru"]);
    expect(review.out).toEqual([
      "Проверка 2025 года: все ответы, отличающиеся от 2024",
      `KAZ (${KAZ})`,
      "  RM-05: да → нет; баллы 3,00 → −3,00 (−6,00); причина: не указано; источник: доклад 2025; примечание: не указано",
      "  RM-06: оценка по опросу 6,80 → оценка по опросу 5,28; баллы 10,20 → 7,92 (−2,28); причина: не указано; источник: доклад 2025; примечание: не указано",
      "  RM-07: оценка по опросу 6,20 → оценка по опросу 4,80; баллы 9,30 → 7,20 (−2,10); причина: не указано; источник: доклад 2025; примечание: не указано",
      "  RM-08: оценка по опросу 6,54 → оценка по опросу 5,18; баллы 6,54 → 5,18 (−1,37); причина: не указано; источник: доклад 2025; примечание: не указано",
      "  LP-01: да → нет; баллы 10,00 → −10,00 (−20,00); причина: закон; источник: доклад 2025; примечание: Art. 146 of the Criminal Code (Torture)",
      "Проблемы в файлах 2025 года (check сообщает о них тоже):",
      ...problems,
      "2025: от 2024 отличаются 5 ответов (1 страна); 3 проблемы, 4 предупреждения",
    ]);
    // The respondent without an id is named by its row in no language's words, as data are.
    const survey = (await checkProject(root)).years.get("KAZ/2025")!.survey!;
    expect([...new Set(survey.map((x) => x.respondent))].slice(-2)).toEqual(["R10", "#13"]);
    // English keeps the data's words.
    const en = await run(root, ["check"]);
    expect(en.err[0]).toBe(`${KAZ}:7:change: RM-05 changed from "yes" in 2024 to "no" in 2025, but the change column is empty (expected the kind of change: law, practice, reassessment, data)`);
    expect(en.err[4]).toBe(`${KAZ}:11:change: RM-09 is "yes" as in 2024, yet the change column says "law" (copied from last year's sheet? leave it empty when the answer did not change)`);
  }, 60_000);
});
