// The workbook an expert fills for one country-year: instructions, the answers (with last year's
// beside them, read-only) and the survey in the layout experts use. Only answer cells are unlocked;
// the drop-downs offer exactly what the readers accept (words.ts, columns.ts), so a filled workbook
// comes back through `check` as it is. The answers and survey worksheets carry defined names
// (read.ts ROLE_NAMES) marking their header rows: they are found by role, whatever their name or place.
// The instructions sheet names the country-year the workbook is for (read.ts MARK_NAMES).
import type ExcelJS from "exceljs";
import { CHANGE_KINDS, NA, ROLES, SURVEY_VALUE, type Codebook, type Indicator } from "../schema.ts";
import { MARK_NAMES, ROLE_NAMES } from "../read.ts";
import { t, type StringKey } from "../shared/strings/index.ts";
import { fmt } from "../shared/format.ts";
import { questionHeader } from "./columns.ts";
import { ANSWER_RU, answerWords, changeWord, roleWord, type Lang, type Role } from "./words.ts";
import { columnLetters } from "./address.ts";

export interface PreviousAnswer {
  value: string;
  points: number | null;
}
export interface TemplateInput {
  codebook: Codebook;
  year: number;
  country: { code: string; name: string };
  lang: Lang;
  /** Last year's sheet of the country, by indicator (null when there is none). */
  previous: { year: number; answers: Map<string, PreviousAnswer> } | null;
}

/** Rows of the survey form: a panel is a few dozen respondents. */
export const SURVEY_ROWS = 60;
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));
const LOCKED_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEDEDED" } };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD0D7E1" } };

const num = (x: number, lang: Lang) => fmt(x, { locale: lang, digits: 6, trim: true, group: false });

/** The word an answer is written with in the template's language (last year's "partial" → "частично"). */
function answerWord(ind: Indicator, value: string, lang: Lang): string {
  const en = answerWords(ind, "en");
  const k = en.indexOf(value);
  return k >= 0 ? answerWords(ind, lang)[k]! : value;
}

function meaning(ind: Indicator, lang: Lang): string {
  const s = ind.scale;
  const lines: string[] = [];
  const tr = (key: StringKey, vars: Record<string, string | number>) => t(lang, key, vars);
  const words = answerWords(ind, lang);
  if (s.type === "binary") {
    lines.push(tr("template.meaning.points", { answer: words[0]!, points: num(s.yes, lang) }));
    lines.push(tr("template.meaning.points", { answer: words[1]!, points: num(s.no, lang) }));
  } else if (s.type === "ordinal")
    s.levels.forEach((l, k) => {
      const label = lang === "ru" ? (l.label_ru ?? l.label) : l.label;
      const points = num(l.points, lang);
      lines.push(label ? tr("template.meaning.level", { answer: words[k]!, label, points }) : tr("template.meaning.points", { answer: words[k]!, points }));
    });
  else if (s.type === "ratio")
    lines.push(tr("template.meaning.ratio", { min: num(s.min, lang), max: num(s.max, lang), at_min: num(s.points_at_min, lang), at_max: num(s.points_at_max, lang) }));
  else lines.push(tr("template.meaning.survey", { multiplier: num(s.multiplier, lang) }));
  if (ind.excludable) lines.push(tr("template.meaning.na", { answer: words[words.length - 1]! }));
  return lines.join("\n");
}

const listFormula = (words: string[]) => (words.some((w) => w.includes(",") || w.includes('"')) ? null : `"${words.join(",")}"`);

function listValidation(words: string[], lang: Lang): ExcelJS.DataValidation | null {
  const formula = listFormula(words);
  return formula === null
    ? null
    : {
        type: "list",
        allowBlank: true,
        formulae: [formula],
        showErrorMessage: true,
        errorTitle: t(lang, "template.validation.title"),
        error: t(lang, "template.validation.list", { answers: words.join(", ") }),
      };
}

const reserved = (word: string, lang: Lang) => (lang === "ru" ? (ANSWER_RU[word] ?? word) : word);
const text = (codebook: Codebook, lang: Lang, en: string, ru: string | undefined) => (lang === "ru" ? (ru ?? en) : en);

function instructions(wb: ExcelJS.Workbook, input: TemplateInput): void {
  const { codebook: cb, lang, year, country } = input;
  const tr = (key: StringKey, vars: Record<string, string | number> = {}) => t(lang, key, vars);
  const ws = wb.addWorksheet(tr("template.sheet.instructions"));
  ws.getColumn(1).width = 120;
  const col = (key: StringKey) => tr(key);
  const sheetName = { answers: tr("template.sheet.answers"), survey: tr("template.sheet.survey") };
  const lines: string[] = [
    tr("template.title", { year, country: country.name, code: country.code }),
    tr("template.instructions.methodology", { version: cb.version, title: cb.title }),
    tr("template.instructions.what", { answers: sheetName.answers, value: col("template.col.value"), source: col("template.col.source"), note: col("template.col.note"), change: col("template.col.change") }),
    tr("template.instructions.allowed", { allowed: col("template.col.allowed"), meaning: col("template.col.meaning") }),
    tr("template.instructions.last", { last_answer: col("template.col.last_answer"), last_points: col("template.col.last_points"), previous: input.previous ? input.previous.year : tr("template.last.none") }),
    tr("template.instructions.na", { na: reserved(NA, lang) }),
    tr("template.instructions.change", {
      change: col("template.col.change"),
      kinds: CHANGE_KINDS.map((k) => tr(`template.change.${k}` as StringKey, { word: changeWord(k, lang) })).join("; "),
    }),
    tr("template.instructions.source"),
  ];
  if (cb.survey) {
    const roles = (cb.survey.roles as Role[]).map((r) => roleWord(cb, r, lang)).join(", ");
    lines.push(tr("template.instructions.survey_value", { survey: reserved(SURVEY_VALUE, lang), survey_sheet: sheetName.survey }));
    lines.push(tr("template.instructions.survey", { survey_sheet: sheetName.survey, roles }));
  }
  lines.push(tr("template.instructions.return", { year, code: country.code }));
  if (lang === "ru" && cb.translations?.ru.reconstructed) lines.push(tr("template.instructions.translation", { note: text(cb, lang, cb.translations.ru.note, cb.translations.ru.note_ru) }));
  lines.push(text(cb, lang, cb.notice, cb.notice_ru));
  lines.forEach((line, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: "top" };
    if (i === 0) cell.font = { bold: true, size: 14 };
  });
  marks(wb, ws, lines.length + 2, input);
  fitRows(ws, 2);
  ws.pageSetup = { ...ws.pageSetup, ...PRINT };
}

/**
 * The country-year the workbook is made for, below the instructions and as defined names (read.ts
 * MARK_NAMES): a filled workbook put in another country's or year's place is refused, not read as that
 * country-year's answers. The cells are locked with the rest of the sheet.
 */
function marks(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, row: number, input: TemplateInput): void {
  const marked: [StringKey, string | number, string][] = [
    ["template.mark.country", input.country.code, MARK_NAMES.country],
    ["template.mark.year", input.year, MARK_NAMES.year],
  ];
  ws.getColumn(2).width = 12;
  marked.forEach(([label, value, name], k) => {
    ws.getCell(row + k, 1).value = t(input.lang, label);
    ws.getCell(row + k, 1).alignment = { horizontal: "right" };
    const cell = ws.getCell(row + k, 2);
    cell.value = value;
    cell.font = { bold: true };
    wb.definedNames.add(`${quoted(ws.name)}!$B$${row + k}`, name);
  });
}

/**
 * Heights for rows of wrapped text: neither Excel nor LibreOffice fits a row to its text when opening a
 * file, so the lines each cell needs at its column's width are counted (about one character per unit
 * of width) and the row given the most.
 */
function fitRows(ws: ExcelJS.Worksheet, from: number): void {
  ws.eachRow((row, r) => {
    if (r < from) return;
    let lines = 1;
    row.eachCell((cell, c) => {
      if (typeof cell.value !== "string" || !cell.alignment?.wrapText) return;
      const width = Math.max(4, (ws.getColumn(c).width ?? 10) * 1.1);
      const n = cell.value.split("\n").reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / width)), 0);
      lines = Math.max(lines, n);
    });
    row.height = Math.min(409, 15 * lines + 2);
  });
}

const PRINT: Partial<ExcelJS.PageSetup> = { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };

function header(ws: ExcelJS.Worksheet, row: number, names: string[]): void {
  names.forEach((name, i) => {
    const cell = ws.getCell(row, i + 1);
    cell.value = name;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: "top" };
  });
}

const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;

function answers(wb: ExcelJS.Workbook, input: TemplateInput): void {
  const { codebook: cb, lang, year, country } = input;
  const tr = (key: StringKey, vars: Record<string, string | number> = {}) => t(lang, key, vars);
  const ws = wb.addWorksheet(tr("template.sheet.answers"), { views: [{ state: "frozen", xSplit: 1, ySplit: 2 }] });
  ws.getCell(1, 1).value = tr("template.answers.title", { year, country: country.name, version: cb.version });
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  const keys: StringKey[] = [
    "template.col.indicator",
    "template.col.section",
    "template.col.title",
    "template.col.question",
    "template.col.allowed",
    "template.col.meaning",
    "template.col.last_answer",
    "template.col.last_points",
    "template.col.value",
    "template.col.source",
    "template.col.note",
    "template.col.change",
  ];
  header(ws, 2, keys.map((k) => tr(k)));
  [10, 28, 36, 60, 22, 44, 16, 12, 18, 36, 36, 16].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const sections = new Map(cb.sections.map((s) => [s.id, s]));
  const changes = CHANGE_KINDS.map((k) => changeWord(k, lang));
  cb.indicators.forEach((ind, k) => {
    const r = k + 3;
    const s = sections.get(ind.section)!;
    const prev = input.previous?.answers.get(ind.id);
    const words = answerWords(ind, lang);
    const row = [
      ind.id,
      `${s.id}: ${text(cb, lang, s.title, s.title_ru)}`,
      text(cb, lang, ind.title, ind.title_ru),
      text(cb, lang, ind.question, ind.question_ru),
      ind.scale.type === "ratio" ? tr("template.validation.ratio", { min: num(ind.scale.min, lang), max: num(ind.scale.max, lang) }) + (ind.excludable ? `, ${words.join(", ")}` : "") : words.join(", "),
      meaning(ind, lang),
      prev ? answerWord(ind, prev.value, lang) : null,
      prev?.points ?? null,
    ];
    row.forEach((v, c) => {
      const cell = ws.getCell(r, c + 1);
      cell.value = v;
      cell.fill = LOCKED_FILL;
      cell.alignment = { wrapText: true, vertical: "top" };
    });
    // Last year's number is shown whole as a number (a ratio answer stays a number); points keep full precision.
    if (prev && ind.scale.type === "ratio" && Number.isFinite(Number(prev.value))) ws.getCell(r, 7).value = Number(prev.value);
    ws.getCell(r, 8).numFmt = "0.00";
    const value = ws.getCell(r, 9);
    if (ind.scale.type === "survey") {
      value.value = words[0]!; // scored from the survey: nothing to choose here
      value.fill = LOCKED_FILL;
      ws.getCell(r, 10).value = tr("template.survey_source", { survey_sheet: tr("template.sheet.survey") });
    } else {
      value.protection = { locked: false };
      if (ind.scale.type === "ratio" && !ind.excludable)
        value.dataValidation = {
          type: "decimal",
          operator: "between",
          allowBlank: true,
          formulae: [ind.scale.min, ind.scale.max],
          showErrorMessage: true,
          errorTitle: tr("template.validation.title"),
          error: tr("template.validation.ratio", { min: num(ind.scale.min, lang), max: num(ind.scale.max, lang) }),
        };
      else if (ind.scale.type !== "ratio") {
        const v = listValidation(words, lang);
        if (v) value.dataValidation = v;
      }
    }
    for (const c of [10, 11]) {
      ws.getCell(r, c).protection = { locked: false };
      ws.getCell(r, c).alignment = { wrapText: true, vertical: "top" };
    }
    const change = ws.getCell(r, 12);
    change.protection = { locked: false };
    const v = listValidation(changes, lang);
    if (v) change.dataValidation = v;
  });
  fitRows(ws, 2);
  ws.pageSetup = { ...ws.pageSetup, ...PRINT, printTitlesRow: "2:2" };
  wb.definedNames.add(`${quoted(ws.name)}!$A$2:$${columnLetters(keys.length)}$2`, ROLE_NAMES.answers);
}

function survey(wb: ExcelJS.Workbook, input: TemplateInput): void {
  const { codebook: cb, lang, year, country } = input;
  const block = cb.survey;
  if (!block) return;
  const tr = (key: StringKey, vars: Record<string, string | number> = {}) => t(lang, key, vars);
  const ws = wb.addWorksheet(tr("template.sheet.survey"), { views: [{ state: "frozen", xSplit: 2, ySplit: 2 }] });
  ws.getCell(1, 1).value = tr("template.survey.title", { year, country: country.name });
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  const questions = block.questions.map((q) => questionHeader({ id: q.id, text: text(cb, lang, q.text, q.text_ru) }));
  header(ws, 2, [tr("template.col.respondent"), tr("template.col.role"), ...questions]);
  ws.getColumn(1).width = 13;
  ws.getColumn(2).width = 18;
  questions.forEach((_, i) => (ws.getColumn(i + 3).width = 20));
  fitRows(ws, 2);
  const roles = (block.roles as Role[]).filter((r) => (ROLES as readonly string[]).includes(r)).map((r) => roleWord(cb, r, lang));
  const roleList = listFormula(roles);
  for (let k = 0; k < SURVEY_ROWS; k++) {
    const r = k + 3;
    const id = ws.getCell(r, 1);
    id.value = `R${String(k + 1).padStart(2, "0")}`;
    id.fill = LOCKED_FILL;
    const role = ws.getCell(r, 2);
    role.protection = { locked: false };
    if (roleList)
      role.dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [roleList],
        showErrorMessage: true,
        errorTitle: tr("template.validation.title"),
        error: tr("template.validation.role", { roles: roles.join(", ") }),
      };
    questions.forEach((_, i) => {
      const cell = ws.getCell(r, i + 3);
      cell.protection = { locked: false };
      cell.dataValidation = {
        type: "whole",
        operator: "between",
        allowBlank: true,
        formulae: [0, 10],
        showErrorMessage: true,
        errorTitle: tr("template.validation.title"),
        error: tr("template.validation.rating"),
      };
    });
  }
  ws.pageSetup = { ...ws.pageSetup, ...PRINT, printTitlesRow: "2:2" };
  wb.definedNames.add(`${quoted(ws.name)}!$A$2:$${columnLetters(questions.length + 2)}$2`, ROLE_NAMES.survey);
}

/** The workbook's bytes; the same input gives the same bytes (fixed dates, in the workbook and in its zip). */
export async function templateWorkbook(input: TemplateInput): Promise<Buffer> {
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  wb.creator = wb.lastModifiedBy = "torture-index template";
  wb.created = wb.modified = FIXED_DATE;
  instructions(wb, input);
  answers(wb, input);
  survey(wb, input);
  // Protected without a password: it guards against typing into the wrong cell, not against the expert.
  for (const ws of wb.worksheets) await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  return fixedZip(Buffer.from(await wb.xlsx.writeBuffer()));
}

/** The zip again with every entry dated FIXED_DATE, so two runs give identical bytes. */
async function fixedZip(data: Buffer): Promise<Buffer> {
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(data);
  const out = new JSZip();
  for (const name of Object.keys(zip.files)) {
    const entry = zip.files[name]!;
    if (entry.dir) continue;
    out.file(name, await entry.async("uint8array"), { date: FIXED_DATE, createFolders: false });
  }
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
