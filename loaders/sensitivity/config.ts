// Reads data/methodology/sensitivity.yaml (the uncertainty ranges) through its zod schema;
// every problem is reported with file, line and the key's path, as for the codebooks.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { LineCounter, isNode, parseDocument } from "yaml";
import { InputError, type Problem } from "../problems.ts";
import { SensitivityConfig } from "../schema.ts";

export const SENSITIVITY_FILE = "data/methodology/sensitivity.yaml";

/** Parses the text of a sensitivity.yaml; `file` names it in messages. Throws InputError. */
export function parseSensitivityConfig(text: string, file = SENSITIVITY_FILE): SensitivityConfig {
  const at = (row: number | null, column: string | null, message: string): Problem => ({ file, row, column, message });
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length)
    throw new InputError(doc.errors.map((e) => at(lineCounter.linePos(e.pos[0]).line, null, `is not valid YAML: ${e.message.split("\n")[0]}`)));
  const locate = (p: (string | number)[]): number | null => {
    for (let k = p.length; k >= 0; k--) {
      const node = k === 0 ? doc.contents : doc.getIn(p.slice(0, k), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return null;
  };
  const r = SensitivityConfig.safeParse(doc.toJS());
  if (!r.success)
    throw new InputError(
      r.error.issues.map((issue) => {
        const p = issue.path.filter((x): x is string | number => typeof x !== "symbol");
        return at(locate(p), p.length ? p.join(".") : null, issue.message);
      }),
    );
  return r.data;
}

export async function loadSensitivityConfig(root: string, file = SENSITIVITY_FILE): Promise<SensitivityConfig> {
  let text: string;
  try {
    text = await readFile(path.join(root, file), "utf8");
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new InputError([{ file, row: null, column: null, message: err.code === "ENOENT" ? "file not found" : `cannot be read (${err.message})` }]);
  }
  return parseSensitivityConfig(text, file);
}
