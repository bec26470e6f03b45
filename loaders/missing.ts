// Missing data: what an answer excluded for lack of data ("n/a") counts for, under each rule.
//   drop           no points, and its best points leave the maximum attainable (the pilot's rule,
//                  published ever since): a country is neither rewarded nor punished for data that
//                  do not exist.
//   carry_forward  the same country's last earlier answer to the same indicator that was not
//                  excluded, scored under the current codebook; none (or not valid there): dropped.
//   worst          the worst points the indicator's scale allows (the strictest reading of "no evidence").
// Every excluded answer gets a ledger entry saying what each rule would give it, whichever applied.
import { scoreAnswer } from "./score.ts";
import type { ScoredAnswer } from "./aggregate.ts";
import type { Codebook, Indicator } from "./schema.ts";
import type { MissingRule } from "./method.ts";
import { byText } from "./order.ts";

/** What the rules need of a scored answer. */
export type MissingInput = Omit<ScoredAnswer, "best"> & { survey_score: number | null };

export interface MissingEntry {
  country: string;
  year: number;
  methodology: string;
  section: string;
  indicator: string;
  /** The rule applied in this run, and the points it counted (null: dropped). */
  rule: MissingRule;
  points: number | null;
  /** Points under `worst`. */
  worst: number;
  /** The answer `carry_forward` takes (year, raw value, its points now), or null with the reason. */
  carried_from: number | null;
  carried_value: string | null;
  carried_points: number | null;
  reason: string | null;
}

export interface Imputation {
  points: number | null;
  imputed: "carried" | "worst" | null;
}

const key = (country: string, indicator: string) => `${country}\u001f${indicator}`;

/** What carry_forward finds for one excluded answer (points null: nothing to carry, with the reason). */
export interface Carried {
  points: number | null;
  from: number | null;
  value: string | null;
  reason: string | null;
}

/** What `rule` makes an excluded answer count for, given its worst points and what carry_forward found: the rules' one definition. */
export function imputationUnder(rule: MissingRule, worst: number, carried: Carried): Imputation {
  if (rule === "worst") return { points: worst, imputed: "worst" };
  if (rule === "carry_forward" && carried.points !== null) return { points: carried.points, imputed: "carried" };
  return { points: null, imputed: null };
}

/**
 * What carry_forward finds for every excluded answer, in the order of `answers` (undefined for an
 * answer not excluded). It does not depend on the rule, so the sensitivity matrix finds it once
 * and applies every rule to it (imputationUnder).
 */
export function carriedAll(answers: readonly MissingInput[], codebooks: readonly Codebook[]): (Carried | undefined)[] {
  const indicators = new Map(codebooks.map((cb) => [cb.version, new Map(cb.indicators.map((i) => [i.id, i]))]));
  // Known answers per country and indicator, oldest first: the carry-forward sources.
  const history = new Map<string, MissingInput[]>();
  for (const a of answers) {
    if (a.excluded) continue;
    const list = history.get(key(a.country, a.indicator));
    if (list) list.push(a);
    else history.set(key(a.country, a.indicator), [a]);
  }
  for (const list of history.values()) list.sort((x, y) => x.year - y.year);
  return answers.map((a) => (a.excluded ? carryForward(a, history.get(key(a.country, a.indicator)) ?? [], indicators.get(a.methodology)?.get(a.indicator)) : undefined));
}

/**
 * The points every excluded answer counts for under its version's rule (`ruleOf`), in the order of
 * `answers`, and the ledger. Answers that are not excluded keep their points.
 */
export function applyMissing<A extends MissingInput>(
  answers: readonly A[],
  codebooks: readonly Codebook[],
  ruleOf: (version: string) => MissingRule,
): { imputations: Imputation[]; ledger: MissingEntry[] } {
  const found = carriedAll(answers, codebooks);
  const ledger: MissingEntry[] = [];
  const imputations = answers.map((a, i): Imputation => {
    if (!a.excluded) return { points: a.points, imputed: null };
    const rule = ruleOf(a.methodology);
    const carried = found[i]!;
    const imputation = imputationUnder(rule, a.worst, carried);
    ledger.push({
      country: a.country,
      year: a.year,
      methodology: a.methodology,
      section: a.section,
      indicator: a.indicator,
      rule,
      points: imputation.points,
      worst: a.worst,
      carried_from: carried.from,
      carried_value: carried.value,
      carried_points: carried.points,
      reason: carried.reason,
    });
    return imputation;
  });
  ledger.sort((x, y) => byText(x.country, y.country) || x.year - y.year || byText(x.indicator, y.indicator));
  return { imputations, ledger };
}

function carryForward(
  a: MissingInput,
  known: readonly MissingInput[],
  indicator: Indicator | undefined,
): Carried {
  let last: MissingInput | undefined;
  for (const k of known) if (k.year < a.year) last = k;
  if (!last) return { points: null, from: null, value: null, reason: "no earlier answer: dropped" };
  if (!indicator) return { points: null, from: last.year, value: last.value, reason: "indicator not in the codebook: dropped" };
  try {
    const survey = indicator.scale.type === "survey" ? (last.survey_score ?? undefined) : undefined;
    const scored = scoreAnswer(indicator, last.value, survey);
    if (scored.points === null) return { points: null, from: last.year, value: last.value, reason: "earlier answer excluded: dropped" };
    return { points: scored.points, from: last.year, value: last.value, reason: null };
  } catch (e) {
    return { points: null, from: last.year, value: last.value, reason: `earlier answer not valid under ${a.methodology} (${(e as Error).message}): dropped` };
  }
}
