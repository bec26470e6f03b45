// A zod issue as an input problem in the reader's language. Our own rules (schema.ts) name a key of
// the strings tables in the issue's params (`keyed`); zod's generic messages keep zod's English and
// take zod's own Russian, so no message of a schema is English-only.
import { z } from "zod";
import { problem, type Problem, type ProblemVars, type Where } from "./problems.ts";
import { t, type StringKey } from "./shared/strings/index.ts";

/** What a keyed issue carries: its key and the values of its message (`value`, the value found, is added when absent). */
export interface IssueParams {
  key: StringKey;
  vars?: ProblemVars;
}

/** The English message and the params of a keyed issue, for ctx.addIssue and a refine's options alike. */
export function keyed(key: StringKey, vars: ProblemVars = {}): { message: string; params: IssueParams } {
  return { message: problem(key, vars, { file: "" }).message, params: { key, vars } };
}

/** For a refine or a regex: its English message (from the value found) and its key. */
export const keyedError = (key: StringKey) => ({
  error: (issue: { input?: unknown }) => t("en", key, { value: JSON.stringify(issue.input) }),
  params: { key },
});

const ruError = z.locales.ru().localeError;

/** zod's own Russian for one of its generic issues (it needs the value found, which `value` gives back). */
function zodRussian(issue: z.core.$ZodIssue, value: unknown): string {
  const r = ruError({ ...issue, input: value } as unknown as Parameters<typeof ruError>[0]);
  return typeof r === "string" ? r : (r?.message ?? issue.message);
}

/** The key and values a keyed issue names, or null for one of zod's own. */
export function issueParams(issue: z.core.$ZodIssue): IssueParams | null {
  const params = issue.code === "custom" ? (issue.params as Partial<IssueParams> | undefined) : undefined;
  return params?.key ? { key: params.key, vars: params.vars } : null;
}

/** A problem from a zod issue at `where`; `value` is the value found at the issue's path. */
export function issueProblem(issue: z.core.$ZodIssue, where: Where, value: unknown): Problem {
  const params = issueParams(issue);
  if (params) return problem(params.key, { value: JSON.stringify(value) ?? "undefined", ...params.vars }, where);
  return problem("problem.yaml.zod", { message: { en: issue.message, ru: zodRussian(issue, value) } }, where);
}

/** The value at a key path of parsed data (undefined where the path leads nowhere). */
export function valueAt(data: unknown, p: readonly (string | number)[]): unknown {
  let v = data;
  for (const k of p) v = v !== null && typeof v === "object" ? (v as Record<string | number, unknown>)[k] : undefined;
  return v;
}
