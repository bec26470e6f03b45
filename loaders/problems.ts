// Every input problem carries where it is, so an expert can open the file and fix it.
import { byText } from "./order.ts";
import { MAX_MESSAGE_CHARS, MAX_PROBLEMS_PER_FILE } from "./limits.ts";
import { t, type StringKey } from "./shared/strings/index.ts";
import { fmt, type Locale } from "./shared/format.ts";

/** An error stops the build (check exits 1); a warning is printed and the build goes on (check exits 0). */
export type Severity = "error" | "warning";
/**
 * A value of a message: text, a whole number (a year, a row), a decimal `{ figure }` written in the
 * reader's locale, or a word of the codebook `{ en, ru }` (an answer) said in the reader's language.
 */
export type ProblemValue = string | number | { figure: number } | Record<Locale, string>;
export type ProblemVars = Record<string, ProblemValue>;

export interface Problem {
  file: string; // path relative to the project root, e.g. data/sheets/2024/KAZ.csv
  row: number | null; // line (CSV) or worksheet row (XLSX), 1-based; the header is row 1
  column: string | null;
  /** The English text; always present, so code that knows no key still has a message. */
  message: string;
  /** The message's key in the strings tables, with its values: formatProblem renders it in the reader's language. */
  key?: StringKey;
  vars?: ProblemVars;
  /** Absent means "error". */
  severity?: Severity;
}

export interface Where {
  file: string;
  row?: number | null;
  column?: string | null;
}

/** A problem whose message comes from the strings tables (English kept in `message`, any language by formatProblem). */
export function problem(key: StringKey, vars: ProblemVars, where: Where, severity: Severity = "error"): Problem {
  const p: Problem = { file: where.file, row: where.row ?? null, column: where.column ?? null, message: render("en", key, vars), key, vars };
  if (severity === "warning") p.severity = "warning";
  return p;
}

function render(lang: Locale, key: StringKey, vars: ProblemVars): string {
  const text = Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, typeof v !== "object" ? v : "figure" in v ? fmt(v.figure, { locale: lang }) : v[lang]]));
  return t(lang, key, text);
}

export const isWarning = (p: Problem): boolean => p.severity === "warning";

/** The message alone, in `lang` when the problem has a key (else its English text). */
export function problemText(p: Problem, lang: Locale = "en"): string {
  return p.key && lang !== "en" ? render(lang, p.key, p.vars ?? {}) : p.message;
}

/** `file:row:column` (what is absent left out): the same in every language. */
export const problemPlace = (p: Problem): string => [p.file, p.row ?? "", p.column ?? ""].join(":").replace(/:+$/, "");

/**
 * `file:row:column: message`; the place is the same in every language, a warning says so after it.
 * A number for `lang` (the index `problems.map(formatProblem)` hands it) means English.
 */
export function formatProblem(p: Problem, language: Locale | number = "en"): string {
  const lang: Locale = language === "ru" ? "ru" : "en";
  return `${problemPlace(p)}: ${isWarning(p) ? t(lang, "problem.warning_prefix") + " " : ""}${problemText(p, lang)}`;
}

/**
 * Thrown when any input is wrong; carries every problem found, never just the first (or, once
 * capped by capProblems, the first of each file and a count of the rest: `total` is how many in all).
 */
export class InputError extends Error {
  constructor(
    readonly problems: Problem[],
    readonly total: number = problems.length,
  ) {
    super(
      `${total} problem${total === 1 ? "" : "s"} in the input:\n` +
        problems.map((p) => formatProblem(p)).join("\n"),
    );
    this.name = "InputError";
  }
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      byText(a.file, b.file) || (a.row ?? 0) - (b.row ?? 0) || byText(a.column ?? "", b.column ?? ""),
  );
}

/** Appends one by one: `push(...source)` passes every element as an argument and overflows the stack on a large input. */
export function append<T>(target: T[], ...sources: readonly T[][]): T[] {
  for (const source of sources) for (const x of source) target.push(x);
  return target;
}

/**
 * The first MAX_PROBLEMS_PER_FILE problems of each file, then one line counting the rest; every
 * message cut at MAX_MESSAGE_CHARS. Keeps the order given (sort first), so the output of a hostile
 * file stays readable and bounded. The count line sits right after the problems it follows.
 */
export function capProblems(problems: readonly Problem[]): Problem[] {
  const shown = new Map<string, number>();
  const total = new Map<string, number>();
  for (const p of problems) total.set(p.file, (total.get(p.file) ?? 0) + 1);
  const out: Problem[] = [];
  for (const p of problems) {
    const k = (shown.get(p.file) ?? 0) + 1;
    shown.set(p.file, k);
    if (k <= MAX_PROBLEMS_PER_FILE) out.push(p.message.length > MAX_MESSAGE_CHARS ? shorten(p) : p);
    if (k === MAX_PROBLEMS_PER_FILE && total.get(p.file)! > k) {
      const rest = total.get(p.file)! - k;
      out.push(problem(rest === 1 ? "problem.more_one" : "problem.more", { count: rest, shown: MAX_PROBLEMS_PER_FILE }, { file: p.file }));
    }
  }
  return out;
}

/** A long message cut; a keyed one keeps its key with each long value cut, so every language stays bounded. */
function shorten(p: Problem): Problem {
  const vars = p.vars && Object.fromEntries(Object.entries(p.vars).map(([k, v]) => [k, typeof v === "string" && v.length > MAX_MESSAGE_CHARS ? cut(v) : v]));
  return { ...p, message: cut(p.message), ...(vars ? { vars } : {}) };
}

const cut = (m: string) => `${m.slice(0, MAX_MESSAGE_CHARS)}… (${m.length - MAX_MESSAGE_CHARS} more characters)`;
