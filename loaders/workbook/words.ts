// The Russian words an expert may write in a sheet or survey instead of the codebook's own, in one
// place: the template offers them in its drop-downs and the readers accept them. The codebook
// carries the words of each scale (level_ru) and each role (survey.role_labels); the words below are
// those no codebook field holds (binary answers, the reserved answers, the kinds of change), and the
// roles' fallback when a codebook has no role_labels (the professions as the Working Group's Russian
// release names them: "адвокатов, прокуроров, судей, следователей, правозащитников").
import { CHANGE_KINDS, NA, ROLES, SURVEY_VALUE, type Codebook, type Indicator } from "../schema.ts";
import { CHANGE_RU, ROLE_RU } from "./russian-words.ts";

export type Lang = "en" | "ru";
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export type Role = (typeof ROLES)[number];

/** Binary answers and the reserved answers (not a level of any scale). */
export const ANSWER_RU: Readonly<Record<string, string>> = { yes: "да", no: "нет", [NA]: "н/д", [SURVEY_VALUE]: "опрос" };

export { CHANGE_RU } from "./russian-words.ts";

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A role's name in a language: the codebook's role_labels, else the fallback above (English: the role's id). */
export function roleWord(codebook: Codebook, role: Role, lang: Lang): string {
  const label = codebook.survey?.role_labels?.[role];
  if (lang === "ru") return label?.ru ?? ROLE_RU[role];
  return label?.en ?? role;
}

/** The role a cell names in either language, or null. */
export function roleOf(codebook: Codebook, written: string): Role | null {
  const roles = (codebook.survey?.roles ?? []) as Role[];
  for (const r of roles) if (same(written, r) || same(written, roleWord(codebook, r, "en")) || same(written, roleWord(codebook, r, "ru"))) return r;
  return null;
}

/** The answers an indicator offers in a language, in the scale's order (the template's drop-down), and n/a when excludable. */
export function answerWords(ind: Indicator, lang: Lang): string[] {
  const s = ind.scale;
  const word = (w: string) => (lang === "ru" ? (ANSWER_RU[w] ?? w) : w);
  const words =
    s.type === "binary" ? [word("yes"), word("no")] : s.type === "ordinal" ? s.levels.map((l) => (lang === "ru" ? (l.level_ru ?? l.level) : l.level)) : s.type === "survey" ? [word(SURVEY_VALUE)] : [];
  return ind.excludable ? [...words, word(NA)] : words;
}

/** ANSWER_RU the other way (Russian word → answer), made once: every cell of every sheet is looked up. */
const ANSWER_EN: ReadonlyMap<string, string> = new Map(Object.entries(ANSWER_RU).map(([en, ru]) => [ru, en]));

/** The codebook's answer that a written Russian (or English) word stands for, or the text unchanged. */
export function canonicalAnswer(ind: Indicator, written: string): string {
  const w = written.trim().toLowerCase();
  const en = ANSWER_EN.get(w);
  if (en !== undefined) return en;
  if (ind.scale.type === "ordinal") for (const l of ind.scale.levels) if (l.level_ru !== undefined && w === l.level_ru) return l.level;
  if (ind.scale.type === "ratio" && ind.scale.min >= 0 && ind.scale.max <= 1) {
    const fraction = percentAsFraction(w);
    if (fraction !== null) return fraction;
  }
  return written;
}

/**
 * "49%" (or "49,5 %") as the decimal text of the fraction ("0.49", "0.495"), shifting the point in
 * the digits rather than dividing, so no binary rounding enters the answer. Null when not a percent.
 */
export function percentAsFraction(written: string): string | null {
  const m = /^\s*(\d+)(?:[.,](\d+))?\s*%\s*$/.exec(written);
  if (!m) return null;
  const whole = m[1].replace(/^0+(?=\d)/, "").padStart(3, "0");
  const digits = whole.slice(0, -2).replace(/^0+(?=\d)/, "") + "." + whole.slice(-2) + (m[2] ?? "");
  return digits.replace(/\.?0+$/, "") || "0";
}

export function changeWord(kind: ChangeKind, lang: Lang): string {
  return lang === "ru" ? CHANGE_RU[kind] : kind;
}

/** A sheet's kind of change as `lang` writes it (Russian: закон, практика…); no kind, or a word that is none, as it is. */
export const changeIn = (written: string | null, lang: Lang): string | null =>
  written !== null && (CHANGE_KINDS as readonly string[]).includes(written) ? changeWord(written as ChangeKind, lang) : written;

/** The kind of change a written word names in either language, or the text unchanged. */
export function canonicalChange(written: string): string {
  for (const k of CHANGE_KINDS) if (same(written, CHANGE_RU[k])) return k;
  return written;
}
