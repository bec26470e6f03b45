// `check --lang ru` on bad input files: every message of reading a file (read.ts, input-file.ts) in
// Russian, from the strings tables, with the same file:row:column as in English; and read.ts keeps no
// English message of its own, so a new one cannot slip past the tables.
import { readFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../loaders/cli.ts";
import { fixtureCopy, type Placement } from "./fixtures/copy-fixture.ts";

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups) await c();
  cleanups = [];
});

async function project(placements: Placement[] = []): Promise<string> {
  const c = await fixtureCopy(placements);
  cleanups.push(c.remove);
  return c.root;
}

/** `check` of a project in a language: the problems (stderr) and the notices and summary (stdout). */
async function check(root: string, lang: "ru" | "en") {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["check", "--root", root, "--lang", lang], { out: (s: string) => out.push(s), err: (s: string) => err.push(s) });
  return { out, err, code };
}

const KAZ = "data/sheets/2020/KAZ.csv";
const sheet = async (root: string) => readFile(path.join(root, KAZ), "utf8");
const put = async (root: string, rel: string, text: string) => {
  await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
  await writeFile(path.join(root, rel), text);
};

const XLSX = "data/sheets/2020/KAZ.xlsx";
/** The fixture project with a file of the bad-input corpus in place of Kazakhstan's 2020 sheet. */
const placed = (name: string, as = KAZ) => () => project([{ name, as }]);

/** Each case: a project with one bad input; what check says of it in Russian (stderr, then the notes). */
const CASES: { name: string; make: () => Promise<string>; ru: string[] }[] = [
  {
    name: "unknown column, with the column it is a near miss of",
    make: async () => {
      const root = await project();
      await put(root, KAZ, (await sheet(root)).replace("Indicator,Value,Source,Note,Change", "Indicator,Value,Sourse,Note,Change"));
      return root;
    },
    ru: [
      "data/sheets/2020/KAZ.csv:1:source: нет столбца «source» (в заголовке: indicator, value, sourse, note, change; ожидалось: indicator, value, source, note, change)",
      "data/sheets/2020/KAZ.csv:1:sourse: неизвестный столбец «Sourse» (может быть, имелся в виду «source»? ожидалось: indicator, value, source, note, change)",
    ],
  },
  {
    name: "missing column",
    make: placed("missing-column.csv"),
    ru: ["data/sheets/2020/KAZ.csv:1:source: нет столбца «source» (в заголовке: indicator, value, note, change; ожидалось: indicator, value, source, note, change)"],
  },
  {
    name: "wrong field count, one field (Russian singular)",
    make: placed("semicolon-row-in-comma-file.csv"),
    ru: ["data/sheets/2020/KAZ.csv:5: в строке 1 поле, а в заголовке — 5 (похоже, в этой строке разделитель «;», а в заголовке — «,»)"],
  },
  {
    name: "wrong field count, six fields (Russian genitive plural)",
    make: placed("decimal-comma-in-comma-file.csv"),
    ru: [
      "data/sheets/2020/KAZ.csv:4: в строке 6 полей, а в заголовке — 5 (десятичная запятая в файле с разделителем «,»? возьмите число в кавычки или сохраните файл с разделителем «;»)",
    ],
  },
  {
    name: "wrong field count, three fields (Russian paucal)",
    make: async () => {
      const root = await project();
      await put(root, KAZ, (await sheet(root)).replace("RM-02,no,reconstructed,,", "RM-02,no,reconstructed"));
      return root;
    },
    ru: ["data/sheets/2020/KAZ.csv:5: в строке 3 поля, а в заголовке — 5 (в каждой строке нужно поле для каждого столбца, пусть даже пустое)"],
  },
  {
    name: "Windows-1251",
    make: placed("windows-1251.csv"),
    ru: [
      "примечание: data/sheets/2020/KAZ.csv: не текст в UTF-8: файл прочитан как Windows-1251 (кириллическая кодировка, которую Excel использует в русской и украинской локалях)",
    ],
  },
  {
    name: "unclosed quote",
    make: placed("unterminated-quote.csv"),
    ru: [
      'data/sheets/2020/KAZ.csv:5:note: значение в кавычках открывается в этой строке и нигде не закрывается (каждой ", с которой начинается значение, нужна закрывающая "; " внутри значения записывается как "")',
    ],
  },
  {
    name: "text after a closing quote",
    make: placed("text-after-quote.csv"),
    ru: ['data/sheets/2020/KAZ.csv:5:source: после закрывающей кавычки значения в кавычках идёт текст "-FZ" (" внутри значения записывается как "", а всё значение берётся в кавычки)'],
  },
  {
    name: "hidden row",
    make: placed("hidden-row.xlsx", XLSX),
    ru: ["data/sheets/2020/KAZ.xlsx:5: строка 5 скрыта и содержит значения; покажите её (выделите строки вокруг неё, щёлкните правой кнопкой > Показать) или удалите"],
  },
  {
    name: "hidden column",
    make: placed("hidden-column.xlsx", XLSX),
    ru: ["data/sheets/2020/KAZ.xlsx: столбец D скрыт и содержит значения; покажите его (выделите столбцы вокруг него, щёлкните правой кнопкой > Показать) или удалите"],
  },
  {
    name: "hidden first worksheet",
    make: placed("hidden-first-sheet.xlsx", XLSX),
    ru: [
      "data/sheets/2020/KAZ.xlsx: первый лист «Old», тот, что читается, скрыт (щёлкните ярлык листа правой кнопкой > Показать), поэтому прочитано было бы не то, что видит эксперт; сделайте его видимым или удалите",
    ],
  },
  {
    name: "merged cells",
    make: placed("merged.xlsx", XLSX),
    ru: ["data/sheets/2020/KAZ.xlsx:5:value: ячейки B5:B6 объединены; отмените объединение и дайте каждой ячейке своё значение"],
  },
  {
    name: "a value under no header",
    make: placed("extra-cell.xlsx", XLSX),
    ru: ['data/sheets/2020/KAZ.xlsx:3: столбец F содержит "see annex", но не назван в заголовке (ожидались столбцы: indicator, value, source, note, change)'],
  },
  {
    name: "a column twice",
    make: placed("duplicate-header.csv"),
    ru: ["data/sheets/2020/KAZ.csv:1:value: столбец «value» указан в заголовке дважды (столбец 2 и столбец 5)"],
  },
  {
    name: "a header and no rows",
    make: placed("header-only.csv"),
    ru: ["data/sheets/2020/KAZ.csv: есть заголовок, но нет ни одной строки (ожидалась хотя бы одна строка под indicator,value,source,note,change)"],
  },
];

/** The columns of a sheet: data, named as the file names them, so they stay as they are in Russian. */
const COLUMN_NAMES = /\b(?:indicator|value|source|sourse|note|change)\b/g;
const NOTE = "примечание: ";
/** A line's words outside its place and its data (values quoted «…» or "…", column names). */
function words(line: string): string {
  const body = line.startsWith(NOTE) ? line.slice(NOTE.length) : line;
  return body
    .slice(body.indexOf(": ") + 2)
    .replace(/«[^»]*»/g, "")
    .replace(/"(?:[^"\\]|\\.)+"/g, "")
    .replace(COLUMN_NAMES, "");
}

describe("check --lang ru on bad input files", () => {
  it.each(CASES)("$name", async ({ make, ru }) => {
    const root = await make();
    const r = await check(root, "ru");
    const said = [...r.err, ...r.out.slice(0, -1)];
    expect(said).toEqual(ru);
    // Apart from the data, no lower-case Latin word is left (Excel, CSV, UTF-8 are names).
    for (const line of said) expect(words(line).match(/\b[a-z]{2,}\b/g) ?? [], line).toEqual([]);
    // The place is the language's own only in its words: file:row:column is the same as in English.
    const en = await check(root, "en");
    const place = (l: string) => (l.startsWith(NOTE) ? l.slice(NOTE.length) : l).split(": ")[0];
    const enSaid = [...en.err, ...en.out.slice(0, -1)];
    expect(said.map(place)).toEqual(enSaid.map((l) => place(l.replace(/^note: /, ""))));
    expect(enSaid.join("\n")).not.toMatch(/[а-яё]{3,}/i);
  });
});

const HERE = path.dirname(fileURLToPath(import.meta.url));
const source = (rel: string) => readFileSync(path.join(HERE, "..", rel), "utf8");

describe("the readers build every message from the strings tables", () => {
  it("read.ts and input-file.ts give no Problem a message of their own", () => {
    for (const file of ["loaders/read.ts", "loaders/input-file.ts"]) {
      const code = source(file);
      // A Problem written as an object literal carries its own `message`; a row schema's issues go through issueProblem.
      expect(code.match(/\bmessage\s*:[^,}\n]*/g) ?? [], file).toEqual([]);
      expect(code.match(/(?:problems|notices|out)\.push\(\s*\{/g) ?? [], file).toHaveLength(0);
      expect(code, file).not.toMatch(/\bfail\([^,]+,[^,]+,\s*[`'"](?!problem\.)/);
    }
  });

  it("every key they use is in both tables, with the same placeholders", async () => {
    const { en } = await import("../loaders/shared/strings/en.ts");
    const { ru } = await import("../loaders/shared/strings/ru.ts");
    const used = new Set([...source("loaders/read.ts").matchAll(/"(problem\.read\.[a-z0-9_.]+)"/g), ...source("loaders/input-file.ts").matchAll(/"(problem\.read\.[a-z0-9_.]+)"/g)].map((m) => m[1]));
    expect(used.size).toBeGreaterThan(50);
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const table = (t: Record<string, string>, key: string) => (key.startsWith("problem.read.noun.") ? t[`${key}.many`] : t[key]);
    for (const key of used) {
      expect(table(en, key), key).toBeTypeOf("string");
      expect(holes(table(ru, key)), key).toEqual(holes(table(en, key)));
    }
  });
});
