// A small YAML file read through its zod schema, every problem reported with file, line and the
// key's path (as for the codebooks), so an expert can open the file at the right line.
import { readFile } from "node:fs/promises";
import { LineCounter, isNode, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import { InputError, type Problem } from "./problems.ts";

export interface ParsedYaml<T> {
  value: T;
  /** Line of the node at a key path (the nearest enclosing node that has one). */
  lineOf: (path: (string | number)[]) => number | null;
}

export function parseYaml<S extends z.ZodType>(schema: S, text: string, file: string): ParsedYaml<z.output<S>> {
  const at = (row: number | null, column: string | null, message: string): Problem => ({ file, row, column, message });
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length)
    throw new InputError(doc.errors.map((e) => at(lineCounter.linePos(e.pos[0]).line, null, `is not valid YAML: ${e.message.split("\n")[0]}`)));
  const lineOf = (p: (string | number)[]): number | null => {
    for (let k = p.length; k >= 0; k--) {
      const node = k === 0 ? doc.contents : doc.getIn(p.slice(0, k), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return null;
  };
  const r = schema.safeParse(doc.toJS() ?? {});
  if (!r.success)
    throw new InputError(
      r.error.issues.map((issue) => {
        const p = issue.path.filter((x): x is string | number => typeof x !== "symbol");
        return at(lineOf(p), p.length ? p.join(".") : null, issue.message);
      }),
    );
  return { value: r.data, lineOf };
}

/** Reads a file for parseYaml; a missing or unreadable file is an input problem, not a crash. */
export async function readYamlText(absolute: string, file: string): Promise<string> {
  try {
    return await readFile(absolute, "utf8");
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new InputError([{ file, row: null, column: null, message: err.code === "ENOENT" ? "file not found" : `cannot be read (${err.message})` }]);
  }
}
