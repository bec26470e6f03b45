// Every input problem carries where it is, so an expert can open the file and fix it.
import { byText } from "./order.ts";
import { MAX_MESSAGE_CHARS, MAX_PROBLEMS_PER_FILE } from "./limits.ts";

export interface Problem {
  file: string; // path relative to the project root, e.g. data/sheets/2024/KAZ.csv
  row: number | null; // line (CSV) or worksheet row (XLSX), 1-based; the header is row 1
  column: string | null;
  message: string;
}

export function formatProblem(p: Problem): string {
  return [p.file, p.row ?? "", p.column ?? ""].join(":").replace(/:+$/, "") + `: ${p.message}`;
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
        problems.map(formatProblem).join("\n"),
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
    if (k <= MAX_PROBLEMS_PER_FILE) out.push(p.message.length > MAX_MESSAGE_CHARS ? { ...p, message: cut(p.message) } : p);
    if (k === MAX_PROBLEMS_PER_FILE && total.get(p.file)! > k) {
      const rest = total.get(p.file)! - k;
      out.push({ file: p.file, row: null, column: null, message: `${rest} more problem${rest === 1 ? "" : "s"} in this file not listed (only the first ${MAX_PROBLEMS_PER_FILE} are)` });
    }
  }
  return out;
}

const cut = (m: string) => `${m.slice(0, MAX_MESSAGE_CHARS)}… (${m.length - MAX_MESSAGE_CHARS} more characters)`;
