// Year-over-year change of the Index, split exactly (full precision, the parts sum to the change)
// by indicator, by section and by kind of change.
//
// Pairs: for each country, every pair of CONSECUTIVE data years (y−1 → y) in which the country has a
// computed Index in both years. A country missing in a year has no pair there (Poland 2020 → 2022 is
// not a pair): nothing is interpolated.
//
// Everything is under the run's method (loaders/method.ts, the result's `method`): its section
// weights, its normalisation (a section enters the Index as weight × (slope × points + offset)),
// its survey aggregation and its missing-data rule. An answer counts the points the run gave it: an
// excluded answer ("n/a") its filled points under `worst` or `carry_forward`, 0 when dropped.
//
// Contribution of an indicator within one codebook version:
//     weight(section) × slope(section) × (points_to − points_from)
// (the section's offset is the same in both years and cancels), so the contributions of all
// indicators add up to Index_to − Index_from. A section with answers in one year and none in the
// other brings or takes its offset (weight × offset, nonzero only under minmax): one coverage row
// for the section as a whole (indicator SECTION_OFFSET). Kinds:
//   law, practice, reassessment, data  the to-year sheet's `change` word (why the answer moved)
//   survey       a survey-scale indicator whose score moved (the experts' ratings moved)
//   coverage     the indicator is excluded in one year and not in the other
//   unexplained  points moved but the sheet gives no `change`: a finding, shown as such
//   methodology  the pair crosses codebook versions (below)
// An indicator whose sheet states a change that moved no points gets a row of 0 (the statement is kept).
//
// Pairs crossing codebook versions (e.g. 2019 under `2019-pilot` → 2020 under `2020`): two things
// changed at once, the method and the answers, and how much of the change each took depends on the
// order in which they are applied (an answer that moved AND whose points were rescored has a share
// that belongs to both). Both orders are computed:
//   method first   rescore the earlier answers under the new codebook (method), then apply the
//                  answers' changes under the new codebook:  method w_new·p_new(a_from) − w_old·p_old(a_from),
//                  change w_new·(p_new(a_to) − p_new(a_from))
//   answers first  apply the answers' changes under the earlier codebook, then rescore the later
//                  answers under the new one:  change w_old·(p_old(a_to) − p_old(a_from)),
//                  method w_new·p_new(a_to) − w_old·p_old(a_to)
// and the split shown (`rows`, changes.csv) is their mean, the Shapley value of the two factors
// {method, answers}: it does not depend on the order and still sums exactly to the change. Both
// orders stay available (`orders`, changes-method-first.csv). In either order an indicator added
// by the new version books its to-year points to the method (w_new·p_to) and one it removed its
// from-year points (−w_old·p_from), so those are the same in all three splits. Scoring an answer
// under the other year's codebook uses the engine's own scoring (scoreUnder). An answer that
// codebook cannot score leaves that order undefined for its indicator: the order books one
// methodology row (w_new·p_to − w_old·p_from), as does the Shapley split when either order is
// undefined, and the split is marked `comparable: false` with the reason (method and real change
// cannot be told apart there). A contribution is booked to the section the indicator belongs to in
// the codebook that produced those points, so a moved indicator's method effect is two rows (out of
// the old section, into the new one) and section sums equal the change of each section's weighted
// subtotal, in every split. Under a normalisation with offsets (minmax) the versions' offsets differ
// too: w_new·offset_new − w_old·offset_old of each section is the method's, one methodology row per
// section (indicator SECTION_OFFSET), the same in every split. Rescoring an answer under the other
// codebook uses the method's survey aggregation and missing-data rule for that codebook.
//
// Which split is the pair's own (`rows`, changes.csv) is the method's `split`: the Shapley value
// (published) or the method-first order.
//
// Nothing here rounds (rounding.ts decides what is displayed).
import { scoreSheet, scoreSurveys, type Answer, type PipelineResult, type SurveyScore } from "./pipeline.ts";
import type { Sheet, SurveyFile } from "./project.ts";
import { NA, type Codebook, type Indicator } from "./schema.ts";
import { PUBLISHED_METHOD, methodFor, type Method, type Split, type VersionMethod } from "./method.ts";
import { sectionSpans } from "./normalise.ts";
import { applyMissing } from "./missing.ts";
import { ANSWER_RU } from "./workbook/words.ts";

import { byText } from "./order.ts";
import type { Locale } from "./shared/format.ts";
import { phrase, say, type Term } from "./attribution-words.ts";
import { groupBy } from "./group.ts";

export const ATTRIBUTION_KINDS = ["law", "practice", "reassessment", "data", "survey", "coverage", "methodology", "unexplained"] as const;
export type AttributionKind = (typeof ATTRIBUTION_KINDS)[number];

export const KIND_TEXT: Record<AttributionKind, string> = {
  law: "a change in the law",
  practice: "a change in practice",
  reassessment: "a reassessment by the experts of an unchanged situation",
  data: "data that became available or unavailable",
  survey: "the expert survey's ratings moved",
  coverage: "the indicator was excluded (no data) in one year and not the other",
  methodology: "the change of method between codebook versions",
  unexplained: "points moved but the sheet gives no reason (a finding)",
};

/**
 * The one wording of a survey move (a survey-scale indicator whose score moved), used wherever a
 * change is shown: `changes` (row detail, the pair's paragraph, the pages) and `explain`.
 */
export function surveyMovePhrase(scoreFrom: number | null, scoreTo: number | null): Term {
  const s = (x: number | null): Term => (x === null ? phrase("attribution.none") : x);
  return phrase("attribution.survey_move", { from: s(scoreFrom), to: s(scoreTo) });
}
export const surveyMoveText = (scoreFrom: number | null, scoreTo: number | null, lang: Locale = "en"): string => say(surveyMovePhrase(scoreFrom, scoreTo), lang);

/** An answer in the codebook's words in each language (its Russian level, "да"/"нет"), the reserved "n/a" as the strings say it. */
function answerTerm(value: string, ind: Indicator | undefined): Term {
  if (value === NA) return phrase("attribution.na");
  const level = ind?.scale.type === "ordinal" ? ind.scale.levels.find((l) => l.level === value) : undefined;
  return { words: { en: value, ru: level ? (level.level_ru ?? value) : (ANSWER_RU[value] ?? value) } };
}

/** An indicator's answers in two years, in words; a survey score moving in both is a survey move. */
function answerMove(a0: Answer | undefined, a1: Answer | undefined, ind: Indicator | undefined): Term {
  if (a0?.survey_score != null && a1?.survey_score != null) return surveyMovePhrase(a0.survey_score, a1.survey_score);
  const term = (a: Answer | undefined): Term => (!a ? phrase("attribution.no_answer") : a.survey_score != null ? phrase("attribution.survey_score", { score: a.survey_score }) : answerTerm(a.value, ind));
  return phrase("attribution.move", { from: term(a0), to: term(a1) });
}

/** The two orders of a pair crossing codebook versions (the Shapley split is their mean). */
export const ORDERS = ["method_first", "answers_first"] as const;
export type Order = (typeof ORDERS)[number];
export const ORDER_TEXT: Record<Order, string> = {
  method_first: "method first: the earlier answers rescored under the new codebook, then the answers' changes under the new codebook",
  answers_first: "answers first: the answers' changes under the earlier codebook, then the later answers rescored under the new one",
};

/** The `indicator` of a row that books a section's normalisation offset (no indicator of its own). */
export const SECTION_OFFSET = "(section offset)";

/** Largest absolute difference tolerated between the sum of contributions and the change (float noise). */
export const EXACTNESS_TOLERANCE = 1e-9;

/** One line of the decomposition: a part of one pair's change booked to one section, indicator and kind. */
export interface ContributionRow {
  country: string;
  from_year: number;
  to_year: number;
  section: string;
  indicator: string;
  kind: AttributionKind;
  contribution: number; // full precision
  /** `method`: rescoring, added or removed indicator (kind methodology); `change`: the answer moved. */
  step: "method" | "change";
  /** The to-year sheet's `change` word (why the answer differs from last year), when given. */
  reason: string | null;
  value_from: string | null;
  value_to: string | null;
  /**
   * Points before and after. Change rows of a crossing pair, method first: the earlier answer as rescored
   * under the new codebook; answers first: the later answer as scored under the earlier one. A Shapley
   * row carries the method-first row's fields (the answers-first row's when only that order has one).
   */
  points_from: number | null;
  points_to: number | null;
  weight_from: number | null;
  weight_to: number | null;
  survey_from: number | null; // survey score (0–10) behind a survey-scale indicator
  survey_to: number | null;
  excluded_from: boolean | null; // null: no answer
  excluded_to: boolean | null;
  note: string; // the sheet note (to-year; from-year for a removed indicator): untrusted text
  detail: string; // how the contribution was computed, in words (English: say(detail_phrase))
  /** The same in any language (attribution-words.ts say): the presentation picks the page's. */
  detail_phrase: Term;
}

export interface SectionContribution {
  section: string;
  contribution: number;
  from_weighted: number | null; // the section's weighted subtotal (pipeline sections), null when absent that year
  to_weighted: number | null;
}

export interface IndicatorMove {
  indicator: string;
  section: string; // in the to-year codebook (from-year's for a removed indicator)
  title: string;
  scale: Indicator["scale"]["type"] | null;
  contribution: number; // all its rows
  method: number; // of which methodology rows
  kinds: AttributionKind[]; // kinds of its non-zero rows (or of its rows when all are 0), in ATTRIBUTION_KINDS order
  reason: string | null;
  value_from: string | null;
  value_to: string | null;
  points_from: number | null; // as scored in the from-year (its own codebook)
  points_to: number | null;
  survey_from: number | null;
  survey_to: number | null;
  /** The answer's move in words: "yes → no"; a survey-scale indicator's in the shared wording (surveyMoveText). */
  move: string;
  note: string;
  detail: string; // its rows' details, joined by "; "
  /** `move` and `detail` to be said in any language (attribution-words.ts say). */
  move_phrase: Term;
  detail_phrase: Term;
}

export interface KindContribution {
  kind: AttributionKind;
  contribution: number;
  indicators: number; // how many indicators have a row of this kind
}

export interface MethodChange {
  from: string; // codebook versions
  to: string;
  effect_common: number; // rescoring the earlier answers of indicators both versions have
  added: number; // points of indicators the new version added (to-year answers)
  removed: number; // points the removed indicators had (negative of their from-year contribution)
  /** `why` in English; `why_phrase` the same to be said in any language. */
  unrescorable: { indicator: string; value: string; why: string; contribution: number; why_phrase: Term }[];
  /** The change of the sections' normalisation offsets (w_new·offset_new − w_old·offset_old): 0 under raw points. */
  offsets: number;
  total: number; // all methodology rows
  changes: Codebook["changes"]; // the new codebook's own list of what changed
}

/** One order's split of a pair crossing codebook versions (same fields as the pair's own split). */
export interface OrderedSplit {
  order: Order;
  rows: ContributionRow[]; // changes.csv order
  method: MethodChange;
  comparable: boolean;
  reason: string | null;
  reason_phrase: Term | null;
  residual: number;
}

export interface PairAttribution {
  country: string;
  from_year: number;
  to_year: number;
  methodology_from: string;
  methodology_to: string;
  from_total: number;
  to_total: number;
  change: number; // to_total − from_total, full precision
  crosses_methodology: boolean;
  /** False when some common indicator's answer could not be scored under the other codebook (method and change are then mixed in its rows). */
  comparable: boolean;
  reason: string | null; // why not comparable
  reason_phrase: Term | null; // the same to be said in any language
  method: MethodChange | null; // crossing pairs only (of the method's split)
  /** Crossing pairs only: the split in each order; `rows` is the method's split (their mean, the Shapley value, or the method-first order). */
  orders: Record<Order, OrderedSplit> | null;
  /** The method's split (method.split): which one `rows`, `method`, `comparable` and the sums are of. */
  split: Split;
  rows: ContributionRow[]; // the method's split (the only split of a pair within one codebook)
  sections: SectionContribution[];
  /** Every indicator with a row, largest |contribution| first; with the offset rows (SECTION_OFFSET, minmax only) they sum to the change. */
  indicators: IndicatorMove[];
  kinds: KindContribution[]; // kinds present, ATTRIBUTION_KINDS order
  unexplained: string[]; // indicators that moved without a stated reason
  residual: number; // Σ contributions − change: float noise only (see EXACTNESS_TOLERANCE)
}

export interface Attribution {
  pairs: PairAttribution[]; // sorted by country, from_year
  rows: ContributionRow[]; // every pair's rows (the method's split), sorted (changes.csv order)
}

export interface AttributionOptions {
  /**
   * The survey files (project.surveys): lets a crossing pair rescore a survey-scale indicator of one
   * year under the other codebook's questions and aggregation. Without them a survey score is reused
   * only when it was computed from the same questions by the same method.
   */
  surveyFiles?: SurveyFile[];
}

// ---------------------------------------------------------------------------------------------

// The points an answer counts in the run (an excluded answer: as the missing-data rule filled it; dropped: 0).
const pts = (a: Answer | undefined) => (a && a.points !== null ? a.points : 0);
const counted = (a: Answer | undefined) => !!a && a.points !== null;
/** Excluded in one year and not the other (even when the missing-data rule filled it), or counting points in only one year because of an exclusion. */
const coverageMove = (a0: Answer | undefined, a1: Answer | undefined) =>
  (counted(a0) !== counted(a1) && ((a0?.excluded ?? false) || (a1?.excluded ?? false))) || (!!a0 && !!a1 && a0.excluded !== a1.excluded);
const pointsText = (a: Answer | undefined): Term =>
  !a ? phrase("attribution.no_answer") : !a.excluded ? a.points! : a.points === null ? phrase("attribution.points.dropped") : phrase(`attribution.points.${a.imputed ?? "filled"}`, { points: a.points });

type Factor = { weight: number; factor: number; text: Term; words: Term };

/** One codebook version under the run's method: how each of its sections enters the Index. */
interface Version {
  cb: Codebook;
  method: VersionMethod;
  sections: Map<string, { weight: number; slope: number; offset: number }>;
  /** factorOf's answers, made once per section: every row of every pair quotes them. */
  factors: Map<string, Factor>;
}

/** The same weights, slopes and offsets computeIndex applies (methodFor, sectionSpans). */
function versionOf(cb: Codebook, method: Method): Version {
  const vm = methodFor(cb, method);
  const spans = new Map(sectionSpans(cb, vm.normalisation).map((x) => [x.section, x]));
  return {
    cb,
    method: vm,
    sections: new Map(cb.sections.map((s) => [s.id, { weight: vm.weights.get(s.id)!, slope: spans.get(s.id)!.slope, offset: spans.get(s.id)!.offset }])),
    factors: new Map(),
  };
}

/** What one point of an indicator in `section` adds to the Index: weight × slope; `text` for the details. */
function factorOf(v: Version, section: string): Factor {
  const known = v.factors.get(section);
  if (known) return known;
  const s = v.sections.get(section);
  if (!s) throw new Error(`section ${section} is not in methodology ${v.cb.version}`);
  const f: Factor =
    s.slope === 1
      ? { weight: s.weight, factor: s.weight, text: s.weight, words: phrase("attribution.weight_of", { section }) }
      : { weight: s.weight, factor: s.weight * s.slope, text: phrase("attribution.factor_slope", { weight: s.weight, slope: s.slope }), words: phrase("attribution.weight_slope_of", { section }) };
  v.factors.set(section, f);
  return f;
}

/** What one year's survey-scale answers are scored from: its survey file when given, else its own survey scores. */
export interface SurveySource {
  file: SurveyFile | undefined;
  scores: SurveyScore[];
}

/** `why`: in words to be said in any language (English: say(why)). */
export type Rescored = { answer: Answer } | { why: Term };

/**
 * One year's answers scored under another codebook by the engine's own scoring (pipeline.ts
 * scoreSheet, scoreSurveys) and the method's choices for that codebook (`method`: its survey
 * aggregation and missing-data rule; the published ones by default). Attribution scores nothing
 * anywhere else, so this is the one place to route through another entry to the engine. Each answer
 * is scored alone: an answer the codebook does not allow gets the reason, and the others are still
 * scored. `history`: the country's answers in the run (all years), what `carry_forward` carries from.
 */
export function scoreUnder(cb: Codebook, answers: Answer[], survey: SurveySource, method: VersionMethod = methodFor(cb, PUBLISHED_METHOD), history: readonly Answer[] = []): Map<string, Rescored> {
  const out = new Map<string, Rescored>();
  // An excluded answer filled as the run fills it (missing.ts), from the same history.
  const fill = (a: Answer): Answer => {
    if (!a.excluded || method.missing === "drop") return a;
    const { imputations } = applyMissing([...history, a], [cb], () => method.missing);
    const { points, imputed } = imputations[imputations.length - 1]!;
    return { ...a, points, imputed };
  };
  let fromFile: SurveyScore[] | undefined;
  for (const a of answers) {
    const ind = cb.indicators.find((i) => i.id === a.indicator);
    if (!ind) {
      out.set(a.indicator, { why: phrase("attribution.why.no_indicator", { version: cb.version, indicator: a.indicator }) });
      continue;
    }
    if (a.value === NA && !ind.excludable) {
      out.set(a.indicator, { why: phrase("attribution.why.na_not_allowed", { year: a.year, version: cb.version, indicator: ind.id }) });
      continue;
    }
    let surveys: SurveyScore[] = [];
    if (ind.scale.type === "survey" && a.value !== NA) {
      if (survey.file && cb.survey) surveys = (fromFile ??= scoreSurveys(cb, survey.file, method.survey, false)).filter((s) => s.indicator === ind.id);
      else {
        // Without the survey file a score is reused only when it was computed from the same questions by the same method.
        const questions = [...ind.scale.questions].sort().join(" ");
        const same = survey.scores.find((s) => s.indicator === ind.id && s.method === method.survey && [...s.questions].sort().join(" ") === questions);
        if (!same) {
          out.set(a.indicator, { why: phrase("attribution.why.survey", { year: a.year, version: cb.version }) });
          continue;
        }
        surveys = [same];
      }
    }
    const sheet: Sheet = {
      file: a.file,
      country: a.country,
      year: a.year,
      methodology: cb.version,
      answers: [{ indicator: a.indicator, value: a.value, source: a.source, note: a.note, change: a.change as Sheet["answers"][number]["change"], line: a.line }],
    };
    try {
      const [answer] = scoreSheet(cb, sheet, surveys);
      out.set(a.indicator, answer ? { answer: fill(answer) } : { why: phrase("attribution.why.no_score", { version: cb.version }) });
    } catch (e) {
      const msg = (e as Error).message.replace(/^[A-Z]{2,4}-\d{2}: /, "");
      // The scale's own message is the engine's (English in every language).
      out.set(a.indicator, { why: phrase("attribution.why.invalid", { year: a.year, version: cb.version, message: msg }) });
    }
  }
  return out;
}

interface PairContext {
  country: string;
  from_year: number;
  to_year: number;
}

function makeRow(ctx: PairContext, r: Omit<ContributionRow, "country" | "from_year" | "to_year" | "detail">): ContributionRow {
  const { detail_phrase, ...rest } = r;
  return { country: ctx.country, from_year: ctx.from_year, to_year: ctx.to_year, ...rest, contribution: r.contribution + 0, detail: say(detail_phrase), detail_phrase };
}

/** "points in 2020", one phrase per year: every row of every pair names its two years. */
const yearPhrases = new Map<number, Term>();
function pointsIn(year: number): Term {
  let p = yearPhrases.get(year);
  if (!p) yearPhrases.set(year, (p = phrase("attribution.points_in", { year })));
  return p;
}

/**
 * The rows of one indicator moving within one codebook (a0 and a1 both scored under cb).
 * `rescored`: which answer was scored under a codebook other than its own year's, for the detail.
 */
function changeRows(ctx: PairContext, v: Version, ind: Indicator, a0: Answer | undefined, a1: Answer | undefined, rescored: "from" | "to" | null): ContributionRow[] {
  const cb = v.cb;
  const { weight: w, factor, text, words } = factorOf(v, ind.section);
  const p0 = pts(a0);
  const p1 = pts(a1);
  const contribution = factor * (p1 - p0);
  const coverage = coverageMove(a0, a1);
  const reason = a1?.change ?? null;
  const moved = contribution !== 0 || p1 !== p0;
  let kind: AttributionKind;
  if (coverage) kind = "coverage";
  else if (moved && ind.scale.type === "survey") kind = "survey";
  else if (moved) kind = (reason as AttributionKind | null) ?? "unexplained";
  else if (reason) kind = reason as AttributionKind;
  else return [];
  const from = rescored === "from" && a0 ? phrase("attribution.rescored_from", { year: ctx.from_year, version: cb.version }) : pointsIn(ctx.from_year);
  const to = rescored === "to" && a1 ? phrase("attribution.scored_to", { year: ctx.to_year, version: cb.version }) : pointsIn(ctx.to_year);
  const computed = phrase("attribution.change", { factor: text, points_to: pointsText(a1), points_from: pointsText(a0), words, to, from });
  const detail = kind === "survey" ? phrase("attribution.with_move", { move: surveyMovePhrase(a0?.survey_score ?? null, a1?.survey_score ?? null), detail: computed }) : computed;
  return [
    makeRow(ctx, {
      section: ind.section,
      indicator: ind.id,
      kind,
      contribution,
      step: "change",
      reason,
      value_from: a0?.value ?? null,
      value_to: a1?.value ?? null,
      points_from: a0 ? a0.points : null,
      points_to: a1 ? a1.points : null,
      weight_from: w,
      weight_to: w,
      survey_from: a0?.survey_score ?? null,
      survey_to: a1?.survey_score ?? null,
      excluded_from: a0 ? a0.excluded : null,
      excluded_to: a1 ? a1.excluded : null,
      note: a1?.note ?? a0?.note ?? "",
      detail_phrase: detail,
    }),
  ];
}

/**
 * The Shapley rows of one indicator: each (section, step, kind) gets the mean of its contribution in
 * the two orders (0 in an order without that row). (a + b) / 2 is exact in either order of a and b.
 */
export function shapleyRows(methodFirst: ContributionRow[], answersFirst: ContributionRow[]): ContributionRow[] {
  const key = (r: ContributionRow) => `${r.section}\u0000${r.step}\u0000${r.kind}`;
  const keys = [...new Set([...methodFirst, ...answersFirst].map(key))];
  return keys.map((k) => {
    const a = methodFirst.find((r) => key(r) === k);
    const b = answersFirst.find((r) => key(r) === k);
    const ca = a?.contribution ?? 0;
    const cb = b?.contribution ?? 0;
    const none = phrase("attribution.no_such_row");
    const detail =
      a && b && ca === cb
        ? phrase("attribution.shapley_same", { detail: a.detail_phrase })
        : phrase("attribution.shapley_mean", { method_first: ca, answers_first: cb, method_first_detail: a ? a.detail_phrase : none, answers_first_detail: b ? b.detail_phrase : none });
    return { ...(a ?? b)!, contribution: (ca + cb) / 2 + 0, detail: say(detail), detail_phrase: detail };
  });
}

interface PairSplits {
  rows: ContributionRow[]; // the method's split (the one split of a pair within one codebook)
  method: MethodChange | null;
  orders: Record<Order, { rows: ContributionRow[]; method: MethodChange }> | null;
}

/**
 * The offsets of the pair's sections (weight × offset of each section with answers that year):
 * their change is the method's across versions, and a section's coverage within one version.
 * Zero under raw points, so no row then.
 */
function offsetRows(ctx: PairContext, vFrom: Version, vTo: Version, present: (year: number, section: string) => boolean): ContributionRow[] {
  const crossing = vFrom.cb.version !== vTo.cb.version;
  const ids = [...vTo.sections.keys(), ...[...vFrom.sections.keys()].filter((id) => !vTo.sections.has(id))];
  return ids.flatMap((id) => {
    const s0 = present(ctx.from_year, id) ? vFrom.sections.get(id) : undefined;
    const s1 = present(ctx.to_year, id) ? vTo.sections.get(id) : undefined;
    const o0 = s0 ? s0.weight * s0.offset : 0;
    const o1 = s1 ? s1.weight * s1.offset : 0;
    if (o1 - o0 === 0) return [];
    const term = (s: { weight: number; offset: number } | undefined, year: number, version: string) =>
      s ? phrase("attribution.offset_term", { weight: s.weight, offset: s.offset, section: id, version }) : phrase("attribution.offset_none", { section: id, year });
    const why = crossing ? phrase("attribution.offset_method") : phrase("attribution.offset_coverage", { section: id });
    return [
      makeRow(ctx, {
        section: id,
        indicator: SECTION_OFFSET,
        kind: crossing ? "methodology" : "coverage",
        contribution: o1 - o0,
        step: crossing ? "method" : "change",
        reason: null,
        value_from: null,
        value_to: null,
        points_from: null,
        points_to: null,
        weight_from: s0?.weight ?? null,
        weight_to: s1?.weight ?? null,
        survey_from: null,
        survey_to: null,
        excluded_from: null,
        excluded_to: null,
        note: "",
        detail_phrase: phrase("attribution.offset", { why, to: term(s1, ctx.to_year, vTo.cb.version), from: term(s0, ctx.from_year, vFrom.cb.version) }),
      }),
    ];
  });
}

function attributePair(
  ctx: PairContext,
  vFrom: Version,
  vTo: Version,
  answers0: Answer[],
  answers1: Answer[],
  surveyFrom: SurveySource,
  surveyTo: SurveySource,
  history: readonly Answer[],
  present: (year: number, section: string) => boolean,
  split: Split,
): PairSplits {
  const cbFrom = vFrom.cb;
  const cbTo = vTo.cb;
  const A0 = new Map(answers0.map((a) => [a.indicator, a]));
  const A1 = new Map(answers1.map((a) => [a.indicator, a]));
  const offsets = offsetRows(ctx, vFrom, vTo, present);
  if (cbFrom.version === cbTo.version) {
    const rows = [...cbTo.indicators.flatMap((ind) => changeRows(ctx, vTo, ind, A0.get(ind.id), A1.get(ind.id), null)), ...offsets];
    return { rows, method: null, orders: null };
  }
  const oldInd = new Map(cbFrom.indicators.map((i) => [i.id, i]));
  const newInd = new Map(cbTo.indicators.map((i) => [i.id, i]));
  const common = (a: Answer) => oldInd.has(a.indicator) && newInd.has(a.indicator);
  const fromUnderNew = scoreUnder(cbTo, answers0.filter(common), surveyFrom, vTo.method, history);
  const toUnderOld = scoreUnder(cbFrom, answers1.filter(common), surveyTo, vFrom.method, history);

  const newMethod = (): MethodChange => ({ from: cbFrom.version, to: cbTo.version, effect_common: 0, added: 0, removed: 0, unrescorable: [], offsets: 0, total: 0, changes: cbTo.changes });
  const splits = {
    shapley: { rows: [] as ContributionRow[], method: newMethod() },
    method_first: { rows: [] as ContributionRow[], method: newMethod() },
    answers_first: { rows: [] as ContributionRow[], method: newMethod() },
  };
  type SplitName = keyof typeof splits;
  const all: SplitName[] = ["shapley", "method_first", "answers_first"];

  const methodRow = (
    section: string,
    ind: string,
    contribution: number,
    a0: Answer | undefined,
    a1: Answer | undefined,
    extra: Partial<ContributionRow> & { detail_phrase: Term },
  ) =>
    makeRow(ctx, {
      section,
      indicator: ind,
      kind: "methodology",
      contribution,
      step: "method",
      reason: null,
      value_from: a0?.value ?? null,
      value_to: a1?.value ?? null,
      points_from: a0 ? a0.points : null,
      points_to: a1 ? a1.points : null,
      weight_from: null,
      weight_to: null,
      survey_from: a0?.survey_score ?? null,
      survey_to: a1?.survey_score ?? null,
      excluded_from: a0 ? a0.excluded : null,
      excluded_to: a1 ? a1.excluded : null,
      note: a1?.note ?? a0?.note ?? "",
      ...extra,
    });
  // One answer scored under both codebooks: −w_old·p_old in the old section, +w_new·p_new in the new one (one row when the same section).
  const splitMethod = (indOld: Indicator, indNew: Indicator, underOld: Answer | undefined, underNew: Answer | undefined, detail: Term): ContributionRow[] => {
    const { weight: wtOld, factor: wOld } = factorOf(vFrom, indOld.section);
    const { weight: wtNew, factor: wNew } = factorOf(vTo, indNew.section);
    const pOld = pts(underOld);
    const pNew = pts(underNew);
    const base = { weight_from: wtOld, weight_to: wtNew, detail_phrase: detail };
    if (indOld.section === indNew.section) {
      const c = wNew * pNew - wOld * pOld;
      return c === 0 ? [] : [methodRow(indNew.section, indNew.id, c, underOld, underNew, base)];
    }
    const out: ContributionRow[] = [];
    if (wOld * pOld !== 0) out.push(methodRow(indOld.section, indNew.id, -wOld * pOld, underOld, underNew, { ...base, detail_phrase: phrase("attribution.moved_out", { detail, section: indOld.section }) }));
    if (wNew * pNew !== 0) out.push(methodRow(indNew.section, indNew.id, wNew * pNew, underOld, underNew, { ...base, detail_phrase: phrase("attribution.moved_in", { detail, section: indNew.section }) }));
    return out;
  };
  const shown = pointsText;
  const rescoredText = (year: number, a: Answer, underOld: Answer, underNew: Answer) =>
    phrase("attribution.rescored_both", {
      year,
      value: answerTerm(a.value, (year === ctx.from_year ? oldInd : newInd).get(a.indicator)),
      factor_from: factorOf(vFrom, oldInd.get(a.indicator)!.section).text,
      points_from: shown(underOld),
      version_from: cbFrom.version,
      factor_to: factorOf(vTo, newInd.get(a.indicator)!.section).text,
      points_to: shown(underNew),
      version_to: cbTo.version,
    });

  for (const ind of cbTo.indicators) {
    const a0 = A0.get(ind.id);
    const a1 = A1.get(ind.id);
    const old = oldInd.get(ind.id);
    if (!old) {
      // Added by the new version: its whole to-year contribution is the method's, in either order.
      const { weight: w, factor, text } = factorOf(vTo, ind.section);
      const c = factor * pts(a1);
      const row = methodRow(ind.section, ind.id, c, undefined, a1, { weight_to: w, detail_phrase: phrase("attribution.added", { version: cbTo.version, factor: text, points: a1 ? pointsText(a1) : phrase("attribution.points.dropped") }) });
      for (const s of all) {
        splits[s].rows.push(row);
        splits[s].method.added += c;
      }
      continue;
    }
    // Method first: the earlier answer rescored under the new codebook, then the change under the new codebook.
    let methodFirst: ContributionRow[] | { why: Term; value: string };
    if (!a0) methodFirst = changeRows(ctx, vTo, ind, undefined, a1, null);
    else {
      const r = fromUnderNew.get(ind.id)!;
      methodFirst = "why" in r ? { why: r.why, value: a0.value } : [...splitMethod(old, ind, a0, r.answer, rescoredText(ctx.from_year, a0, a0, r.answer)), ...changeRows(ctx, vTo, ind, r.answer, a1, "from")];
    }
    // Answers first: the change under the earlier codebook, then the later answer rescored under the new one.
    let answersFirst: ContributionRow[] | { why: Term; value: string };
    if (!a1) answersFirst = changeRows(ctx, vFrom, old, a0, undefined, null);
    else {
      const r = toUnderOld.get(ind.id)!;
      answersFirst = "why" in r ? { why: r.why, value: a1.value } : [...changeRows(ctx, vFrom, old, a0, r.answer, "to"), ...splitMethod(old, ind, r.answer, a1, rescoredText(ctx.to_year, a1, r.answer, a1))];
    }
    // An answer the other codebook cannot score: method and change cannot be told apart, one methodology part (w_new·p_to − w_old·p_from).
    const mixed = (why: Term) => {
      const fOld = factorOf(vFrom, old.section);
      const fNew = factorOf(vTo, ind.section);
      const detail = phrase("attribution.not_rescorable", { why, factor_to: fNew.text, points_to: shown(a1), factor_from: fOld.text, points_from: shown(a0) });
      const rows = splitMethod(old, ind, a0, a1, detail);
      return {
        rows: rows.length ? rows : [methodRow(ind.section, ind.id, 0, a0, a1, { weight_from: fOld.weight, weight_to: fNew.weight, detail_phrase: detail })],
        contribution: fNew.factor * pts(a1) - fOld.factor * pts(a0),
      };
    };
    const book = (s: SplitName, rows: ContributionRow[] | { why: Term; value: string }) => {
      if (Array.isArray(rows)) {
        splits[s].rows.push(...rows);
        for (const r of rows) if (r.step === "method") splits[s].method.effect_common += r.contribution;
        return;
      }
      const m = mixed(rows.why);
      splits[s].rows.push(...m.rows);
      splits[s].method.unrescorable.push({ indicator: ind.id, value: rows.value, why: say(rows.why), contribution: m.contribution, why_phrase: rows.why });
    };
    book("method_first", methodFirst);
    book("answers_first", answersFirst);
    if (Array.isArray(methodFirst) && Array.isArray(answersFirst)) book("shapley", shapleyRows(methodFirst, answersFirst));
    else {
      const failed = [methodFirst, answersFirst].filter((x): x is { why: Term; value: string } => !Array.isArray(x));
      book("shapley", { why: { join: failed.map((f) => f.why), sep: "; " }, value: failed[0]!.value });
    }
  }
  for (const old of cbFrom.indicators) {
    if (newInd.has(old.id)) continue;
    // Removed by the new version: its from-year contribution leaves with the method, in either order.
    const a0 = A0.get(old.id);
    const { weight: w, factor, text } = factorOf(vFrom, old.section);
    const c = -factor * pts(a0);
    const row = methodRow(old.section, old.id, c, a0, undefined, { weight_from: w, detail_phrase: phrase("attribution.removed", { version: cbTo.version, factor: text, points: a0 ? pointsText(a0) : phrase("attribution.points.dropped") }) });
    for (const s of all) {
      splits[s].rows.push(row);
      splits[s].method.removed += c;
    }
  }
  for (const s of all) {
    splits[s].rows.push(...offsets);
    splits[s].method.offsets = offsets.reduce((sum, r) => sum + r.contribution, 0);
  }
  for (const s of all) splits[s].method.total = splits[s].rows.filter((r) => r.kind === "methodology").reduce((sum, r) => sum + r.contribution, 0);
  const own = split === "method_first" ? splits.method_first : splits.shapley;
  return { rows: own.rows, method: own.method, orders: { method_first: splits.method_first, answers_first: splits.answers_first } };
}

const rowOrder = (a: ContributionRow, b: ContributionRow) =>
  byText(a.country, b.country) ||
  a.from_year - b.from_year ||
  byText(a.section, b.section) ||
  byText(a.indicator, b.indicator) ||
  ATTRIBUTION_KINDS.indexOf(a.kind) - ATTRIBUTION_KINDS.indexOf(b.kind) ||
  byText(a.step, b.step);

/** Splits every consecutive-year change of every country, under the run's method (the published one when the result names none). */
export function attributeChanges(
  result: Pick<PipelineResult, "codebooks" | "answers" | "surveys" | "sections" | "index"> & { method?: Method },
  options: AttributionOptions = {},
): Attribution {
  const method = result.method ?? PUBLISHED_METHOD;
  const codebook = new Map(result.codebooks.map((c) => [c.version, versionOf(c, method)]));
  const historyOf = groupBy(result.answers, (a) => a.country);
  const answersOf = groupBy(result.answers, (a) => `${a.country}/${a.year}`);
  const totals = new Map(result.index.map((t) => [`${t.country}/${t.year}`, t]));
  // A country-year's first survey file, as a search from the start would find it (a project has one).
  const surveyFileOf = new Map<string, SurveyFile>();
  for (const f of options.surveyFiles ?? []) if (!surveyFileOf.has(`${f.country}/${f.year}`)) surveyFileOf.set(`${f.country}/${f.year}`, f);
  const scoresOf = groupBy(result.surveys, (s) => `${s.country}/${s.year}`);
  const sectionRows = new Map(result.sections.map((s) => [`${s.country}/${s.year}/${s.section}`, s]));
  const pairs: PairAttribution[] = [];
  const sorted = [...result.index].sort((a, b) => byText(a.country, b.country) || a.year - b.year);
  for (const t1 of sorted) {
    const t0 = totals.get(`${t1.country}/${t1.year - 1}`);
    if (!t0) continue;
    const vFrom = codebook.get(t0.methodology);
    const vTo = codebook.get(t1.methodology);
    if (!vFrom || !vTo) throw new Error(`no codebook ${!vFrom ? t0.methodology : t1.methodology} in the pipeline result`);
    const cbFrom = vFrom.cb;
    const cbTo = vTo.cb;
    const ctx = { country: t1.country, from_year: t0.year, to_year: t1.year };
    const source = (t: { country: string; year: number }): SurveySource => ({
      file: surveyFileOf.get(`${t.country}/${t.year}`),
      scores: scoresOf.get(`${t.country}/${t.year}`) ?? [],
    });
    const { rows, method: methodChange, orders } = attributePair(
      ctx,
      vFrom,
      vTo,
      answersOf.get(`${t0.country}/${t0.year}`) ?? [],
      answersOf.get(`${t1.country}/${t1.year}`) ?? [],
      source(t0),
      source(t1),
      historyOf.get(t1.country) ?? [],
      (year, section) => sectionRows.has(`${t1.country}/${year}/${section}`),
      method.split,
    );
    rows.sort(rowOrder);
    const change = t1.index - t0.index;
    const sum = (list: ContributionRow[]) => list.reduce((s, r) => s + r.contribution, 0);

    // The pair's rows by section, by indicator and by kind, each in the rows' order (sums are added in that order).
    const bySection = groupBy(rows, (r) => r.section);
    const byIndicator = groupBy(rows, (r) => r.indicator);
    const byKind = groupBy(rows, (r) => r.kind);
    const sectionIds = [...cbTo.sections.map((s) => s.id), ...cbFrom.sections.map((s) => s.id).filter((id) => !cbTo.sections.some((s) => s.id === id))];
    const sections: SectionContribution[] = sectionIds.map((id) => ({
      section: id,
      contribution: sum(bySection.get(id) ?? []) + 0,
      from_weighted: sectionRows.get(`${t0.country}/${t0.year}/${id}`)?.weighted ?? null,
      to_weighted: sectionRows.get(`${t1.country}/${t1.year}/${id}`)?.weighted ?? null,
    }));

    const indById = new Map([...cbFrom.indicators, ...cbTo.indicators].map((i) => [i.id, i]));
    const A0 = new Map((answersOf.get(`${t0.country}/${t0.year}`) ?? []).map((a) => [a.indicator, a]));
    const A1 = new Map((answersOf.get(`${t1.country}/${t1.year}`) ?? []).map((a) => [a.indicator, a]));
    // A section's offset row belongs to no indicator: it is in the section's and the kind's sums only.
    const indicatorIds = [...byIndicator.keys()].filter((id) => id !== SECTION_OFFSET);
    const indicators: IndicatorMove[] = indicatorIds
      .map((id) => {
        const own = byIndicator.get(id)!;
        const ind = indById.get(id)!;
        const a0 = A0.get(id);
        const a1 = A1.get(id);
        const nonZero = own.filter((r) => r.contribution !== 0);
        const kinds = ATTRIBUTION_KINDS.filter((k) => (nonZero.length ? nonZero : own).some((r) => r.kind === k));
        const move = answerMove(a0, a1, ind);
        const detail: Term = { join: own.map((r) => r.detail_phrase), sep: "; " };
        return {
          indicator: id,
          section: ind.section,
          title: ind.title,
          scale: ind.scale.type,
          contribution: own.reduce((s, r) => s + r.contribution, 0) + 0,
          method: own.filter((r) => r.kind === "methodology").reduce((s, r) => s + r.contribution, 0) + 0,
          kinds,
          reason: a1?.change ?? null,
          value_from: a0?.value ?? null,
          value_to: a1?.value ?? null,
          points_from: a0 ? a0.points : null,
          points_to: a1 ? a1.points : null,
          survey_from: a0?.survey_score ?? null,
          survey_to: a1?.survey_score ?? null,
          move: say(move),
          note: a1?.note ?? a0?.note ?? "",
          // Its rows' details as said already (say of a join is the join of each said), one string shared when it has one row.
          detail: own.length === 1 ? own[0]!.detail : own.map((r) => r.detail).join("; "),
          move_phrase: move,
          detail_phrase: detail,
        };
      })
      .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || byText(a.indicator, b.indicator));
    const kinds: KindContribution[] = ATTRIBUTION_KINDS.filter((k) => byKind.has(k)).map((k) => ({
      kind: k,
      contribution: sum(byKind.get(k)!) + 0,
      indicators: new Set(byKind.get(k)!.map((r) => r.indicator)).size,
    }));
    const crosses = cbFrom.version !== cbTo.version;
    const judged = (m: MethodChange | null) => {
      if (!m || m.unrescorable.length === 0) return { comparable: true, reason: null, reason_phrase: null };
      const ids = m.unrescorable.map((u) => u.indicator);
      const reason = phrase(ids.length === 1 ? "attribution.not_comparable_one" : "attribution.not_comparable_many", {
        indicators: ids.join(", "),
        whys: { join: m.unrescorable.map((u) => phrase("attribution.why_of", { indicator: u.indicator, why: u.why_phrase })), sep: "; " },
      });
      return { comparable: false, reason: say(reason), reason_phrase: reason };
    };
    const ordered = (o: Order): OrderedSplit => {
      const split = orders![o];
      const own = [...split.rows].sort(rowOrder);
      return { order: o, rows: own, method: split.method, ...judged(split.method), residual: sum(own) - change };
    };
    pairs.push({
      country: t1.country,
      from_year: t0.year,
      to_year: t1.year,
      methodology_from: cbFrom.version,
      methodology_to: cbTo.version,
      from_total: t0.index,
      to_total: t1.index,
      change,
      crosses_methodology: crosses,
      ...judged(methodChange),
      method: methodChange,
      orders: orders ? { method_first: ordered("method_first"), answers_first: ordered("answers_first") } : null,
      split: method.split,
      rows,
      sections,
      indicators,
      kinds,
      unexplained: [...new Set(rows.filter((r) => r.kind === "unexplained" && r.contribution !== 0).map((r) => r.indicator))].sort(),
      residual: sum(rows) - change,
    });
  }
  return { pairs, rows: pairs.flatMap((p) => p.rows).sort(rowOrder) };
}

