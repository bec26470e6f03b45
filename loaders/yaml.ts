// A small YAML file read through its zod schema, every problem reported with file, line and the
// key's path (as for the codebooks), so an expert can open the file at the right line.
import { LineCounter, isNode, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import { InputError, problem, type Problem } from "./problems.ts";
import { issueProblem, valueAt } from "./issues.ts";
import { readInputFile } from "./input-file.ts";
import { MAX_YAML_ALIASES } from "./limits.ts";

/**
 * The document as plain data, with at most MAX_YAML_ALIASES aliases resolved: an alias bomb (aliases
 * of aliases, doubling at each step) is refused as a problem of the file, not a crash.
 */
export function yamlData(doc: Document, file: string): { value: unknown } | { problem: Problem } {
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) };
  } catch (e) {
    if (e instanceof ReferenceError && /alias/i.test(e.message))
      return { problem: problem("problem.yaml.aliases", { limit: MAX_YAML_ALIASES }, { file }) };
    throw e;
  }
}

export interface ParsedYaml<T> {
  value: T;
  /** Line of the node at a key path (the nearest enclosing node that has one). */
  lineOf: (path: (string | number)[]) => number | null;
}

export function parseYaml<S extends z.ZodType>(schema: S, text: string, file: string): ParsedYaml<z.output<S>> {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length)
    throw new InputError(doc.errors.map((e) => problem("problem.files.not_yaml", { reason: e.message.split("\n")[0]! }, { file, row: lineCounter.linePos(e.pos[0]).line })));
  const lineOf = (p: (string | number)[]): number | null => {
    for (let k = p.length; k >= 0; k--) {
      const node = k === 0 ? doc.contents : doc.getIn(p.slice(0, k), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return null;
  };
  const data = yamlData(doc, file);
  if ("problem" in data) throw new InputError([data.problem]);
  const r = schema.safeParse(data.value ?? {});
  if (!r.success)
    throw new InputError(
      r.error.issues.map((issue) => {
        const p = issue.path.filter((x): x is string | number => typeof x !== "symbol");
        return issueProblem(issue, { file, row: lineOf(p), column: p.length ? p.join(".") : null }, valueAt(data.value, p));
      }),
    );
  return { value: r.data, lineOf };
}

/**
 * Reads a file for parseYaml; a missing, unreadable, special or oversized file is an input problem,
 * not a crash or a hang. With `root`, a symbolic link leading outside it is refused too.
 */
export async function readYamlText(absolute: string, file: string, root?: string): Promise<string> {
  const read = await readInputFile(absolute, file, root);
  if ("problem" in read) throw new InputError([read.problem]);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(read.data);
  } catch {
    throw new InputError([problem("problem.files.not_utf8", {}, { file })]);
  }
}
