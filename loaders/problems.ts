// Every input problem carries where it is, so an expert can open the file and fix it.
import { byText } from "./order.ts";

export interface Problem {
  file: string; // path relative to the project root, e.g. data/sheets/2024/KAZ.csv
  row: number | null; // line (CSV) or worksheet row (XLSX), 1-based; the header is row 1
  column: string | null;
  message: string;
}

export function formatProblem(p: Problem): string {
  return [p.file, p.row ?? "", p.column ?? ""].join(":").replace(/:+$/, "") + `: ${p.message}`;
}

/** Thrown when any input is wrong; carries every problem found, never just the first. */
export class InputError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? "" : "s"} in the input:\n` +
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
