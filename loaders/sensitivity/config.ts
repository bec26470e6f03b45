// Reads data/methodology/sensitivity.yaml (the uncertainty ranges) through its zod schema;
// every problem is reported with file, line and the key's path, as for the codebooks.
import path from "node:path";
import { SensitivityConfig } from "../schema.ts";
import { parseYaml, readYamlText } from "../yaml.ts";

export const SENSITIVITY_FILE = "data/methodology/sensitivity.yaml";

/** Parses the text of a sensitivity.yaml; `file` names it in messages. Throws InputError. */
export function parseSensitivityConfig(text: string, file = SENSITIVITY_FILE): SensitivityConfig {
  return parseYaml(SensitivityConfig, text, file).value;
}

export async function loadSensitivityConfig(root: string, file = SENSITIVITY_FILE): Promise<SensitivityConfig> {
  return parseSensitivityConfig(await readYamlText(path.join(root, file), file, root), file);
}
