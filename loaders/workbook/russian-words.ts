// The Russian words of the kinds of change and of the roles (the fallback when a codebook has no
// role_labels), apart from words.ts so that the row schemas (schema.ts, which words.ts builds on) can
// name them in their messages: a Russian sheet's reader is told the words the Russian sheet writes.
import type { CHANGE_KINDS, ROLES } from "../schema.ts";

export const CHANGE_RU: Readonly<Record<(typeof CHANGE_KINDS)[number], string>> = { law: "закон", practice: "практика", reassessment: "переоценка", data: "данные" };

export const ROLE_RU: Readonly<Record<(typeof ROLES)[number], string>> = {
  lawyer: "адвокат",
  prosecutor: "прокурор",
  judge: "судья",
  investigator: "следователь",
  defender: "правозащитник",
};
