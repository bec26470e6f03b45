// check and review word every input problem in the reader's language: the row schemas' cells, the
// codebooks' keys, a YAML file that is not YAML or not UTF-8, and the CLI's line counting the problems.
// The place (file:row:column) and the values quoted stay as they are in both languages.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseRows } from "../loaders/read.ts";
import { EditionRow, SheetRow, SurveyRow } from "../loaders/schema.ts";
import { InputError, formatProblem, type Problem } from "../loaders/problems.ts";
import { checkProject } from "../loaders/project.ts";
import { parseSensitivityConfig } from "../loaders/sensitivity/config.ts";
import { readYamlText } from "../loaders/yaml.ts";
import { main } from "../loaders/cli.ts";
import { fixtureCopy } from "./fixtures/copy-fixture.ts";

const both = (p: Problem) => [formatProblem(p), formatProblem(p, "ru")];
const rowProblems = (schema: Parameters<typeof parseRows>[1], cells: Record<string, string>) =>
  parseRows({ file: "data/x.csv", columns: Object.keys(cells), records: [{ line: 2, cells }] }, schema).problems.map(both);

const thrown = async (f: () => unknown): Promise<string[][]> => {
  try {
    await f();
  } catch (e) {
    if (e instanceof InputError) return e.problems.map(both);
    throw e;
  }
  throw new Error("no InputError");
};

describe("the row schemas' problems in Russian", () => {
  const edition = { edition: "4", published: "2023", year: "2022", country: "KAZ", source: "https://example.org" };
  it("a cell that is not a number, and one whose comma is ambiguous", () => {
    expect(rowProblems(EditionRow, { ...edition, index: "abc" })).toEqual([
      ['data/x.csv:2:index: "abc" is not a number (expected a number such as 93.77 or 93,77)', 'data/x.csv:2:index: "abc" — не число (ожидалось: число, например 93.77 или 93,77)'],
    ]);
    expect(rowProblems(EditionRow, { ...edition, index: "1,234" })).toEqual([
      [
        'data/x.csv:2:index: "1,234" is ambiguous: a decimal comma or a thousands separator? write it with a point, e.g. 1.234, or without the comma, e.g. 1234',
        'data/x.csv:2:index: "1,234" неоднозначно: десятичная запятая или разделитель тысяч? Запишите с точкой, например 1.234, или без запятой, например 1234',
      ],
    ]);
  });

  it("a country code, an edition number and a date", () => {
    expect(rowProblems(EditionRow, { ...edition, country: "Kazakhstan", edition: "four", published: "June 2023", index: "93.77" })).toEqual([
      ['data/x.csv:2:edition: "four" is not an edition number (1, 2, 3, …)', 'data/x.csv:2:edition: "four" — не номер издания (1, 2, 3, …)'],
      ['data/x.csv:2:published: "June 2023" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)', 'data/x.csv:2:published: "June 2023" — не дата (ожидалось ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД)'],
      [
        'data/x.csv:2:country: "Kazakhstan" is not a country code (expected three letters, ISO 3166 alpha-3, e.g. KAZ)',
        'data/x.csv:2:country: "Kazakhstan" — не код страны (ожидались три латинские буквы, ISO 3166 alpha-3, например KAZ)',
      ],
    ]);
  });

  it("a kind of change and an empty source on a sheet", () => {
    expect(rowProblems(SheetRow, { indicator: "LP-01", value: "yes", source: " ", change: "lwa" })).toEqual([
      ['data/x.csv:2:source: is empty (expected where the answer comes from, or "reconstructed")', "data/x.csv:2:source: пусто (ожидалось: откуда взят ответ, или «reconstructed»)"],
      [
        'data/x.csv:2:change: "lwa" is not a kind of change (expected: law, practice, reassessment, data, or empty when unchanged)',
        'data/x.csv:2:change: "lwa" — не вид изменения (ожидалось одно из: закон, практика, переоценка, данные; по-английски: law, practice, reassessment, data, или пустая ячейка, если ответ не изменился)',
      ],
    ]);
  });

  it("a rating and a role in a survey", () => {
    expect(rowProblems(SurveyRow, { respondent: "R1", role: "judje", question: "Q1", rating: "11" })).toEqual([
      ['data/x.csv:2:role: "judje" is not a known role (expected: lawyer, prosecutor, judge, investigator, defender)', 'data/x.csv:2:role: "judje" — не известная роль (ожидалось одно из: адвокат, прокурор, судья, следователь, правозащитник; по-английски: lawyer, prosecutor, judge, investigator, defender)'],
      [
        'data/x.csv:2:rating: "11" is not a rating (expected a whole number from 0 to 10, or empty for no answer)',
        'data/x.csv:2:rating: "11" — не оценка (ожидалось целое число от 0 до 10 или пустая ячейка, если ответа нет)',
      ],
    ]);
  });

  it("schema.ts words every problem of its own through the strings tables, never an inline message", async () => {
    const src = await readFile(path.join(import.meta.dirname, "../loaders/schema.ts"), "utf8");
    // One addIssue (in refuse, which takes a key); a message written inline would be English only.
    expect(src.match(/addIssue\(/g)).toHaveLength(1);
    expect(src).not.toMatch(/message:\s*[`"']/);
    expect(src).not.toMatch(/ctx\.addIssue\(\{[^}]*message/);
  });
});

describe("codebook and YAML problems in Russian", () => {
  it("a missing key and an unknown key of a codebook", async () => {
    const { root, remove } = await fixtureCopy();
    try {
      const file = path.join(root, "data/methodology/2020.yaml");
      const text = await readFile(file, "utf8");
      await writeFile(file, text.replace(/^notice: .*\n/m, "colour: red\n"));
      const r = await checkProject(root, { files: [file] });
      expect(r.problems.filter((p) => p.file === "data/methodology/2020.yaml").map(both)).toEqual([
        ['data/methodology/2020.yaml:2: unknown key "colour"', 'data/methodology/2020.yaml:2: неизвестный ключ "colour"'],
        ["data/methodology/2020.yaml:2:notice: is missing (expected a string)", "data/methodology/2020.yaml:2:notice: отсутствует (ожидалось: строка)"],
      ]);
    } finally {
      await remove();
    }
  });

  it("a rule of the sensitivity ranges, and one of zod's own (in zod's Russian)", async () => {
    const text = "seed: 1\ndraws: 10\nsobol_samples: 4\nweights:\n  default: { low: 2, high: 1 }\nsurvey_method: [mean]\nmissing_data: [drop]\nnormalisation: [raw]\n";
    expect(await thrown(() => parseSensitivityConfig(text, "s.yaml"))).toEqual([
      ["s.yaml:5:weights.default: low must not exceed high", "s.yaml:5:weights.default: low не может быть больше high"],
      [
        's.yaml:6:survey_method.0: Invalid option: expected one of "role_mean"|"pooled_mean"|"median"',
        's.yaml:6:survey_method.0: Неверный вариант: ожидалось одно из "role_mean"|"pooled_mean"|"median"',
      ],
    ]);
  });

  it("a file that is not valid YAML, and one that is not UTF-8", async () => {
    // The reason is the YAML reader's own (English) text, quoted as it is.
    expect(await thrown(() => parseSensitivityConfig("seed: [1, 2\n", "s.yaml"))).toEqual([
      [
        "s.yaml:2: is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
        "s.yaml:2: не корректный YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
      ],
    ]);
    const dir = await mkdtemp(path.join(os.tmpdir(), "pti-yaml-"));
    try {
      await writeFile(path.join(dir, "s.yaml"), Buffer.from([0x73, 0x65, 0x65, 0x64, 0x3a, 0x20, 0xff, 0x0a]));
      expect(await thrown(() => readYamlText(path.join(dir, "s.yaml"), "s.yaml"))).toEqual([
        ["s.yaml: is not UTF-8 text; save it as UTF-8", "s.yaml: не текст в UTF-8; сохраните файл в UTF-8"],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("the CLI's line counting the input problems", () => {
  it("is in Russian when the environment's language is", async () => {
    const { root, remove } = await fixtureCopy();
    const saved = { LANG: process.env.LANG, LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES };
    try {
      const sheet = path.join(root, "data/sheets/2020/KAZ.csv");
      await writeFile(sheet, (await readFile(sheet, "utf8")).replace("LP-01,yes,reconstructed,,law", "LP-01,yes,reconstructed,,lwa"));
      const run = async (lang: string) => {
        process.env.LANG = lang;
        delete process.env.LC_ALL;
        delete process.env.LC_MESSAGES;
        const err: string[] = [];
        const status = await main(["--root", root, "compute", "--out", path.join(root, "out")], { cwd: root, out: () => {}, err: (l) => err.push(l) });
        return { status, err };
      };
      expect(await run("ru_RU.UTF-8")).toEqual({
        status: 1,
        err: [
          'data/sheets/2020/KAZ.csv:2:change: "lwa" — не вид изменения (ожидалось одно из: закон, практика, переоценка, данные; по-английски: law, practice, reassessment, data, или пустая ячейка, если ответ не изменился)',
          "проблем во входных данных: 1; ничего не вычислено",
        ],
      });
      expect(await run("C.UTF-8")).toEqual({
        status: 1,
        err: [
          'data/sheets/2020/KAZ.csv:2:change: "lwa" is not a kind of change (expected: law, practice, reassessment, data, or empty when unchanged)',
          "1 problem(s) in the input: nothing was computed",
        ],
      });
      const check = async (args: string[]) => {
        const out: string[] = [];
        const err: string[] = [];
        const status = await main(["--root", root, "check", ...args], { cwd: root, out: (l) => out.push(l), err: (l) => err.push(l) });
        return { status, out, err };
      };
      process.env.LANG = "C.UTF-8";
      // check and review print their own summary (check.summary), in Russian with --lang ru.
      expect(await check(["--lang", "ru"])).toEqual({
        status: 1,
        out: ["проверено: 4 листа, 2 опроса, 6 других файлов; 49 строк, 1 проблема"],
        err: ['data/sheets/2020/KAZ.csv:2:change: "lwa" — не вид изменения (ожидалось одно из: закон, практика, переоценка, данные; по-английски: law, practice, reassessment, data, или пустая ячейка, если ответ не изменился)'],
      });
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
      else process.env[k] = v;
      await remove();
    }
  });
});
