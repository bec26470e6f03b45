// Year-over-year change of the Index, split exactly (full precision, the parts sum to the change)
// by indicator, by section and by kind of change.
//
// Pairs: for each country, every pair of CONSECUTIVE data years (y−1 → y) in which the country has a
// computed Index in both years. A country missing in a year has no pair there (Poland 2020 → 2022 is
// not a pair): nothing is interpolated.
//
// Contribution of an indicator within one codebook version:
//     weight(section) × (points_to − points_from),  an excluded answer ("n/a") counting 0 points,
// so the contributions of all indicators add up to Index_to − Index_from (aggregate.ts sums
// weight × points the same way). Kinds:
//   law, practice, reassessment, data  the to-year sheet's `change` word (why the answer moved)
//   survey       a survey-scale indicator whose score moved (the experts' ratings moved)
//   coverage     the indicator is excluded in one year and not in the other
//   unexplained  points moved but the sheet gives no `change`: a finding, shown as such
//   methodology  the pair crosses codebook versions (below)
// An indicator whose sheet states a change that moved no points gets a row of 0 (the statement is kept).
//
// Pairs crossing codebook versions (e.g. 2019 under `2019-pilot` → 2020 under `2020`): the earlier
// year's answers are rescored under the later codebook wherever they allow it (same indicator id and
// an answer valid in the new scale; pipeline.ts scoreSheet does the scoring), and
//   change = Σ method effect on common indicators   (w_new·p_new(answer_from) − w_old·p_old(answer_from))   kind methodology
//          + Σ points of indicators added in the new version (w_new·p_to)                                    kind methodology
//          − Σ points of indicators removed by it (w_old·p_old(answer_from))                                 kind methodology
//          + Σ per-indicator changes under the new codebook (w_new·(p_to − p_new(answer_from)))              kinds as above
// A common indicator whose earlier answer cannot be rescored gets one methodology row
// (w_new·p_to − w_old·p_from): method and real change cannot be told apart there, so the pair is
// marked `comparable: false` with the reason. A contribution is booked to the section the
// indicator belongs to in the codebook that produced those points, so a moved indicator's method
// effect is two rows (out of the old section, into the new one) and section sums equal the change
// of each section's weighted subtotal.
//
// Nothing here rounds (rounding.ts decides what is displayed).
import { scoreSheet, scoreSurveys, type Answer, type PipelineResult, type SurveyScore } from "./pipeline.ts";
import type { Sheet, SurveyFile } from "./project.ts";
import { NA, type Codebook, type Indicator } from "./schema.ts";
import { fmt as shortest } from "./score.ts";

/** Numbers in the `detail` texts: 12 significant digits, so binary noise (6.6000000000000005) does not show. */
const fmt = (n: number) => shortest(Number(n.toPrecision(12)));
import { allocateCents, fromCents, toCents } from "./rounding.ts";
import { byText } from "./order.ts";

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
  /** Points before and after. Change rows of a crossing pair: the earlier answer as rescored under the new codebook. */
  points_from: number | null;
  points_to: number | null;
  weight_from: number | null;
  weight_to: number | null;
  survey_from: number | null; // survey score (0–10) behind a survey-scale indicator
  survey_to: number | null;
  excluded_from: boolean | null; // null: no answer
  excluded_to: boolean | null;
  note: string; // the sheet note (to-year; from-year for a removed indicator): untrusted text
  detail: string; // how the contribution was computed, in words
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
  note: string;
  detail: string; // its rows' details, joined by "; "
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
  unrescorable: { indicator: string; value: string; why: string; contribution: number }[];
  total: number; // all methodology rows
  changes: Codebook["changes"]; // the new codebook's own list of what changed
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
  /** False when some common indicator could not be rescored (method and change are then mixed in its rows). */
  comparable: boolean;
  reason: string | null; // why not comparable
  method: MethodChange | null; // crossing pairs only
  rows: ContributionRow[];
  sections: SectionContribution[];
  indicators: IndicatorMove[]; // every indicator with a row; largest |contribution| first
  kinds: KindContribution[]; // kinds present, ATTRIBUTION_KINDS order
  unexplained: string[]; // indicators that moved without a stated reason
  residual: number; // Σ contributions − change: float noise only (see EXACTNESS_TOLERANCE)
}

export interface Attribution {
  pairs: PairAttribution[]; // sorted by country, from_year
  rows: ContributionRow[]; // every pair's rows, sorted (changes.csv order)
}

export interface AttributionOptions {
  /**
   * The survey files (project.surveys): lets a crossing pair rescore a survey-scale indicator of the
   * earlier year under the new codebook's questions and aggregation. Without them a survey score is
   * reused only when the earlier one was computed from the same questions by the same method.
   */
  surveyFiles?: SurveyFile[];
}

// ---------------------------------------------------------------------------------------------

const pts = (a: Answer | undefined) => (a && !a.excluded && a.points !== null ? a.points : 0);
const counted = (a: Answer | undefined) => !!a && !a.excluded && a.points !== null;

function weightOf(cb: Codebook, section: string): number {
  const s = cb.sections.find((x) => x.id === section);
  if (!s) throw new Error(`section ${section} is not in methodology ${cb.version}`);
  return s.weight;
}

/** Rescores one earlier answer under another codebook; the reason when its answer does not allow it. */
function rescoreAnswer(
  cbTo: Codebook,
  ind: Indicator,
  a0: Answer,
  surveysFrom: SurveyScore[],
  surveyFile: SurveyFile | undefined,
): { answer: Answer } | { why: string } {
  if (a0.value === NA && !ind.excludable)
    return { why: `its ${a0.year} answer is "${NA}", which ${cbTo.version} does not allow for ${ind.id}` };
  let surveys: SurveyScore[] = [];
  if (ind.scale.type === "survey" && a0.value !== NA) {
    const questions = [...ind.scale.questions].sort().join(" ");
    if (surveyFile && cbTo.survey) surveys = scoreSurveys(cbTo, surveyFile, null, false).filter((s) => s.indicator === ind.id);
    else {
      const same = surveysFrom.find(
        (s) =>
          s.indicator === ind.id &&
          s.method === cbTo.survey?.aggregation &&
          [...s.questions].sort().join(" ") === questions,
      );
      if (!same) return { why: `its ${a0.year} survey score cannot be recomputed with the questions and aggregation of ${cbTo.version}` };
      surveys = [same];
    }
  }
  const sheet: Sheet = {
    file: a0.file,
    country: a0.country,
    year: a0.year,
    methodology: cbTo.version,
    answers: [{ indicator: a0.indicator, value: a0.value, source: a0.source, note: a0.note, change: a0.change as Sheet["answers"][number]["change"], line: a0.line }],
  };
  try {
    const [answer] = scoreSheet(cbTo, sheet, surveys);
    if (!answer) return { why: `${cbTo.version} gives no score for it` };
    return { answer };
  } catch (e) {
    const msg = (e as Error).message.replace(/^[A-Z]{2,4}-\d{2}: /, "");
    return { why: `its ${a0.year} answer is not valid in the ${cbTo.version} scale (${msg})` };
  }
}

interface PairContext {
  country: string;
  from_year: number;
  to_year: number;
}

function makeRow(ctx: PairContext, r: Omit<ContributionRow, "country" | "from_year" | "to_year">): ContributionRow {
  return { country: ctx.country, from_year: ctx.from_year, to_year: ctx.to_year, ...r, contribution: r.contribution + 0 };
}

/** The rows of one indicator moving within one codebook (a1 scored under cb; a0 under cb too). */
function changeRows(ctx: PairContext, cb: Codebook, ind: Indicator, a0: Answer | undefined, a1: Answer | undefined, rescored: boolean): ContributionRow[] {
  const w = weightOf(cb, ind.section);
  const p0 = pts(a0);
  const p1 = pts(a1);
  const contribution = w * (p1 - p0);
  const coverage = counted(a0) !== counted(a1) && (!!a0 || !!a1) && ((a0?.excluded ?? false) || (a1?.excluded ?? false));
  const reason = a1?.change ?? null;
  const moved = contribution !== 0 || p1 !== p0;
  let kind: AttributionKind;
  if (coverage) kind = "coverage";
  else if (moved && ind.scale.type === "survey") kind = "survey";
  else if (moved) kind = (reason as AttributionKind | null) ?? "unexplained";
  else if (reason) kind = reason as AttributionKind;
  else return [];
  const from = rescored ? `the ${ctx.from_year} answer rescored under ${cb.version}` : `points in ${ctx.from_year}`;
  const pointsText = (a: Answer | undefined) => (!a ? "no answer" : a.excluded ? `${NA} (0)` : fmt(a.points!));
  const detail = `${fmt(w)} × (${pointsText(a1)} − ${pointsText(a0)}): weight of ${ind.section} × (points in ${ctx.to_year} − ${from})`;
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
      detail,
    }),
  ];
}

function attributePair(
  ctx: PairContext,
  cbFrom: Codebook,
  cbTo: Codebook,
  answers0: Answer[],
  answers1: Answer[],
  surveysFrom: SurveyScore[],
  surveyFile: SurveyFile | undefined,
): { rows: ContributionRow[]; method: MethodChange | null } {
  const A0 = new Map(answers0.map((a) => [a.indicator, a]));
  const A1 = new Map(answers1.map((a) => [a.indicator, a]));
  const rows: ContributionRow[] = [];
  if (cbFrom.version === cbTo.version) {
    for (const ind of cbTo.indicators) rows.push(...changeRows(ctx, cbTo, ind, A0.get(ind.id), A1.get(ind.id), false));
    return { rows, method: null };
  }
  const method: MethodChange = {
    from: cbFrom.version,
    to: cbTo.version,
    effect_common: 0,
    added: 0,
    removed: 0,
    unrescorable: [],
    total: 0,
    changes: cbTo.changes,
  };
  const oldInd = new Map(cbFrom.indicators.map((i) => [i.id, i]));
  const newIds = new Set(cbTo.indicators.map((i) => i.id));
  const methodRow = (
    section: string,
    ind: string,
    contribution: number,
    a0: Answer | undefined,
    a1: Answer | undefined,
    extra: Partial<ContributionRow> & { detail: string },
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
  // Books −w_old·p_old in the old section and +w_new·p_new in the new one (one row when the same section).
  const splitMethod = (
    indOld: Indicator,
    indNew: Indicator,
    pOld: number,
    pNew: number,
    a0: Answer | undefined,
    shown: Answer | undefined,
    detail: string,
  ): ContributionRow[] => {
    const wOld = weightOf(cbFrom, indOld.section);
    const wNew = weightOf(cbTo, indNew.section);
    const base = { weight_from: wOld, weight_to: wNew, points_from: a0 ? a0.points : null, points_to: shown ? shown.points : null, detail };
    if (indOld.section === indNew.section) {
      const c = wNew * pNew - wOld * pOld;
      return c === 0 ? [] : [methodRow(indNew.section, indNew.id, c, a0, shown, base)];
    }
    const out: ContributionRow[] = [];
    if (wOld * pOld !== 0) out.push(methodRow(indOld.section, indNew.id, -wOld * pOld, a0, shown, { ...base, detail: `${detail}; moved out of ${indOld.section}` }));
    if (wNew * pNew !== 0) out.push(methodRow(indNew.section, indNew.id, wNew * pNew, a0, shown, { ...base, detail: `${detail}; moved into ${indNew.section}` }));
    return out;
  };

  for (const ind of cbTo.indicators) {
    const a0 = A0.get(ind.id);
    const a1 = A1.get(ind.id);
    const old = oldInd.get(ind.id);
    if (!old) {
      // Added by the new version: its whole to-year contribution is the method's.
      const w = weightOf(cbTo, ind.section);
      const c = w * pts(a1);
      method.added += c;
      rows.push(
        methodRow(ind.section, ind.id, c, undefined, a1, {
          weight_to: w,
          detail: `added in ${cbTo.version}: ${fmt(w)} × ${a1 && !a1.excluded ? fmt(a1.points!) : `${NA} (0)`}`,
        }),
      );
      continue;
    }
    if (!a0) {
      // In both versions but the earlier sheet has no answer: nothing to rescore, the to-year points are new.
      rows.push(...changeRows(ctx, cbTo, ind, undefined, a1, true));
      continue;
    }
    const r = rescoreAnswer(cbTo, ind, a0, surveysFrom, surveyFile);
    if ("why" in r) {
      const wOld = weightOf(cbFrom, old.section);
      const wNew = weightOf(cbTo, ind.section);
      const total = wNew * pts(a1) - wOld * pts(a0);
      method.unrescorable.push({ indicator: ind.id, value: a0.value, why: r.why, contribution: total });
      const detail = `not rescorable (${r.why}): ${fmt(wNew)} × ${a1 ? (a1.excluded ? `${NA} (0)` : fmt(a1.points!)) : "no answer"} − ${fmt(wOld)} × ${a0.excluded ? `${NA} (0)` : fmt(a0.points!)}`;
      const split = splitMethod(old, ind, pts(a0), pts(a1), a0, a1, detail);
      rows.push(...(split.length ? split : [methodRow(ind.section, ind.id, 0, a0, a1, { weight_from: wOld, weight_to: wNew, detail })]));
      continue;
    }
    const re = r.answer;
    const pOld = pts(a0);
    const pNew = pts(re);
    const detail = `the ${ctx.from_year} answer "${a0.value}" rescored: ${fmt(weightOf(cbFrom, old.section))} × ${a0.excluded ? `${NA} (0)` : fmt(pOld)} under ${cbFrom.version} → ${fmt(weightOf(cbTo, ind.section))} × ${re.excluded ? `${NA} (0)` : fmt(pNew)} under ${cbTo.version}`;
    const m = splitMethod(old, ind, pOld, pNew, a0, re, detail);
    for (const row of m) method.effect_common += row.contribution;
    rows.push(...m);
    rows.push(...changeRows(ctx, cbTo, ind, re, a1, true));
  }
  for (const old of cbFrom.indicators) {
    if (newIds.has(old.id)) continue;
    const a0 = A0.get(old.id);
    const w = weightOf(cbFrom, old.section);
    const c = -w * pts(a0);
    method.removed += c;
    rows.push(
      methodRow(old.section, old.id, c, a0, undefined, {
        weight_from: w,
        detail: `removed in ${cbTo.version}: −${fmt(w)} × ${a0 && !a0.excluded ? fmt(a0.points!) : `${NA} (0)`}`,
      }),
    );
  }
  method.total = rows.filter((r) => r.kind === "methodology").reduce((s, r) => s + r.contribution, 0);
  return { rows, method };
}

const rowOrder = (a: ContributionRow, b: ContributionRow) =>
  byText(a.country, b.country) ||
  a.from_year - b.from_year ||
  byText(a.section, b.section) ||
  byText(a.indicator, b.indicator) ||
  ATTRIBUTION_KINDS.indexOf(a.kind) - ATTRIBUTION_KINDS.indexOf(b.kind) ||
  byText(a.step, b.step);

/** Splits every consecutive-year change of every country. */
export function attributeChanges(result: Pick<PipelineResult, "codebooks" | "answers" | "surveys" | "sections" | "index">, options: AttributionOptions = {}): Attribution {
  const codebook = new Map(result.codebooks.map((c) => [c.version, c]));
  const answersOf = new Map<string, Answer[]>();
  for (const a of result.answers) {
    const k = `${a.country}/${a.year}`;
    const list = answersOf.get(k);
    if (list) list.push(a);
    else answersOf.set(k, [a]);
  }
  const totals = new Map(result.index.map((t) => [`${t.country}/${t.year}`, t]));
  const sectionRows = new Map(result.sections.map((s) => [`${s.country}/${s.year}/${s.section}`, s]));
  const pairs: PairAttribution[] = [];
  const sorted = [...result.index].sort((a, b) => byText(a.country, b.country) || a.year - b.year);
  for (const t1 of sorted) {
    const t0 = totals.get(`${t1.country}/${t1.year - 1}`);
    if (!t0) continue;
    const cbFrom = codebook.get(t0.methodology);
    const cbTo = codebook.get(t1.methodology);
    if (!cbFrom || !cbTo) throw new Error(`no codebook ${!cbFrom ? t0.methodology : t1.methodology} in the pipeline result`);
    const ctx = { country: t1.country, from_year: t0.year, to_year: t1.year };
    const surveysFrom = result.surveys.filter((s) => s.country === t0.country && s.year === t0.year);
    const surveyFile = options.surveyFiles?.find((f) => f.country === t0.country && f.year === t0.year);
    const { rows, method } = attributePair(
      ctx,
      cbFrom,
      cbTo,
      answersOf.get(`${t0.country}/${t0.year}`) ?? [],
      answersOf.get(`${t1.country}/${t1.year}`) ?? [],
      surveysFrom,
      surveyFile,
    );
    rows.sort(rowOrder);
    const change = t1.index - t0.index;
    const sum = rows.reduce((s, r) => s + r.contribution, 0);

    const sectionIds = [...cbTo.sections.map((s) => s.id), ...cbFrom.sections.map((s) => s.id).filter((id) => !cbTo.sections.some((s) => s.id === id))];
    const sections: SectionContribution[] = sectionIds.map((id) => ({
      section: id,
      contribution: rows.filter((r) => r.section === id).reduce((s, r) => s + r.contribution, 0) + 0,
      from_weighted: sectionRows.get(`${t0.country}/${t0.year}/${id}`)?.weighted ?? null,
      to_weighted: sectionRows.get(`${t1.country}/${t1.year}/${id}`)?.weighted ?? null,
    }));

    const indById = new Map([...cbFrom.indicators, ...cbTo.indicators].map((i) => [i.id, i]));
    const A0 = new Map((answersOf.get(`${t0.country}/${t0.year}`) ?? []).map((a) => [a.indicator, a]));
    const A1 = new Map((answersOf.get(`${t1.country}/${t1.year}`) ?? []).map((a) => [a.indicator, a]));
    const indicatorIds = [...new Set(rows.map((r) => r.indicator))];
    const indicators: IndicatorMove[] = indicatorIds
      .map((id) => {
        const own = rows.filter((r) => r.indicator === id);
        const ind = indById.get(id)!;
        const a0 = A0.get(id);
        const a1 = A1.get(id);
        const nonZero = own.filter((r) => r.contribution !== 0);
        const kinds = ATTRIBUTION_KINDS.filter((k) => (nonZero.length ? nonZero : own).some((r) => r.kind === k));
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
          note: a1?.note ?? a0?.note ?? "",
          detail: own.map((r) => r.detail).join("; "),
        };
      })
      .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || byText(a.indicator, b.indicator));
    const kinds: KindContribution[] = ATTRIBUTION_KINDS.filter((k) => rows.some((r) => r.kind === k)).map((k) => ({
      kind: k,
      contribution: rows.filter((r) => r.kind === k).reduce((s, r) => s + r.contribution, 0) + 0,
      indicators: new Set(rows.filter((r) => r.kind === k).map((r) => r.indicator)).size,
    }));
    const crosses = cbFrom.version !== cbTo.version;
    const comparable = !method || method.unrescorable.length === 0;
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
      comparable,
      reason: comparable
        ? null
        : `the ${t0.year} answers of ${method!.unrescorable.map((u) => u.indicator).join(", ")} cannot be rescored under ${cbTo.version} (${method!.unrescorable
            .map((u) => `${u.indicator}: ${u.why}`)
            .join("; ")}), so the method effect and the change of ${method!.unrescorable.length === 1 ? "this indicator" : "these indicators"} cannot be told apart`,
      method,
      rows,
      sections,
      indicators,
      kinds,
      unexplained: [...new Set(rows.filter((r) => r.kind === "unexplained" && r.contribution !== 0).map((r) => r.indicator))].sort(),
      residual: sum - change,
    });
  }
  return { pairs, rows: pairs.flatMap((p) => p.rows).sort(rowOrder) };
}

// ---------------------------------------------------------------------------------------------
// Tables and display

export const CHANGES_COLUMNS = ["country", "from_year", "to_year", "change", "section", "indicator", "kind", "contribution"] as const;

/**
 * changes.csv rows: one per contribution row, full precision, in attribution order. A pair in which
 * nothing moved and nothing was stated still gets one row (empty section and indicator, kind empty,
 * contribution 0), so every pair appears.
 */
export function changesTable(attribution: Attribution): Record<(typeof CHANGES_COLUMNS)[number], string | number>[] {
  return attribution.pairs.flatMap((p) => {
    const rows = p.rows.map((r) => ({
      country: r.country,
      from_year: r.from_year,
      to_year: r.to_year,
      change: p.change,
      section: r.section,
      indicator: r.indicator,
      kind: r.kind as string,
      contribution: r.contribution,
    }));
    return rows.length ? rows : [{ country: p.country, from_year: p.from_year, to_year: p.to_year, change: p.change, section: "", indicator: "", kind: "", contribution: 0 }];
  });
}

export interface DisplayPair {
  change: number; // two decimals
  from_total: number;
  to_total: number;
  sections: Record<string, number>; // section → displayed contribution; they add up to `change`
  rows: number[]; // displayed contribution of each of pair.rows (same order); a section's rows add up to its display
  indicators: Record<string, number>; // indicator → sum of its rows' displayed contributions
  kinds: Record<string, number>; // kind → displayed contribution (allocated from the change separately); they add up to `change`
  method: number | null; // displayed methodology total (sum of displayed methodology rows)
  /** The waterfall: each section that moved, in codebook order, from and to its running total (whole cents, so bars meet exactly). */
  steps: { section: string; amount: number; start: number; end: number }[];
}

/** The rounding policy (rounding.ts) applied to one pair: change → sections → rows; change → kinds. */
export function displayPair(pair: PairAttribution): DisplayPair {
  const changeCents = toCents(pair.change);
  const sectionCents = allocateCents(
    changeCents,
    pair.sections.map((s) => s.contribution),
  );
  const rowCents = new Array<number>(pair.rows.length).fill(0);
  pair.sections.forEach((s, k) => {
    const idx = pair.rows.map((r, i) => (r.section === s.section ? i : -1)).filter((i) => i >= 0);
    const cents = idx.length ? allocateCents(sectionCents[k]!, idx.map((i) => pair.rows[i]!.contribution)) : [];
    idx.forEach((i, j) => (rowCents[i] = cents[j]!));
  });
  const indicators: Record<string, number> = {};
  pair.rows.forEach((r, i) => (indicators[r.indicator] = (indicators[r.indicator] ?? 0) + rowCents[i]!));
  const kindCents = allocateCents(
    changeCents,
    pair.kinds.map((k) => k.contribution),
  );
  const methodCents = pair.rows.reduce((s, r, i) => (r.kind === "methodology" ? s + rowCents[i]! : s), 0);
  let running = toCents(pair.from_total);
  const steps = pair.sections.flatMap((s, k) => {
    const c = sectionCents[k]!;
    if (c === 0) return [];
    const start = running;
    running += c;
    return [{ section: s.section, amount: fromCents(c), start: fromCents(start), end: fromCents(running) }];
  });
  return {
    change: fromCents(changeCents),
    from_total: fromCents(toCents(pair.from_total)),
    to_total: fromCents(toCents(pair.to_total)),
    sections: Object.fromEntries(pair.sections.map((s, k) => [s.section, fromCents(sectionCents[k]!)])),
    rows: rowCents.map(fromCents),
    indicators: Object.fromEntries(Object.entries(indicators).map(([k, c]) => [k, fromCents(c)])),
    kinds: Object.fromEntries(pair.kinds.map((k, i) => [k.kind, fromCents(kindCents[i]!)])),
    method: pair.crosses_methodology ? fromCents(methodCents) : null,
    steps,
  };
}

/** A signed two-decimal figure for prose: `+12.14`, `−4.07` (true minus sign), `0.00`. */
export function signedText(x: number): string {
  const c = toCents(x);
  const s = (Math.abs(c) / 100).toFixed(2);
  return c > 0 ? `+${s}` : c < 0 ? `\u2212${s}` : s;
}
const plainText = (x: number) => {
  const c = toCents(x);
  return (c < 0 ? "\u2212" : "") + (Math.abs(c) / 100).toFixed(2);
};

export interface ExplainContext {
  countryName: string;
  sectionTitle: (section: string) => string;
  indicatorTitle: (indicator: string) => string;
}

/**
 * The plain-language paragraph of a pair, from displayed (rounded, sum-keeping) figures:
 * "Kazakhstan +12.14 (2023 122.51 → 2024 134.65): torture response mechanism +9.00, of which …".
 */
export function explainPair(pair: PairAttribution, ctx: ExplainContext, display: DisplayPair = displayPair(pair)): string {
  const parts: string[] = [];
  const head = `${ctx.countryName} ${signedText(pair.change)} (${pair.from_year} ${plainText(pair.from_total)} → ${pair.to_year} ${plainText(pair.to_total)})`;
  const moving = pair.sections
    .filter((s) => toCents(display.sections[s.section] ?? 0) !== 0)
    .sort((a, b) => Math.abs(display.sections[b.section]!) - Math.abs(display.sections[a.section]!) || byText(a.section, b.section));
  if (moving.length === 0) {
    const stated = pair.rows.filter((r) => r.contribution === 0 && r.reason);
    parts.push(
      `${head}: no section moved by a displayed cent` +
        (pair.change !== 0 ? ` (the exact change is ${fmt(pair.change)})` : "") +
        (stated.length ? `; the sheets state a change (${[...new Set(stated.map((r) => `${r.indicator} ${r.reason}`))].join(", ")}) that moved no points` : "") +
        ".",
    );
  } else {
    const sectionTexts = moving.map((s) => {
      const shown = display.sections[s.section]!;
      const inds = [...new Set(pair.rows.filter((r) => r.section === s.section).map((r) => r.indicator))]
        .map((id) => {
          const cents = pair.rows.reduce((sum, r, i) => (r.section === s.section && r.indicator === id ? sum + toCents(display.rows[i]!) : sum), 0);
          const kinds = ATTRIBUTION_KINDS.filter((k) => pair.rows.some((r) => r.section === s.section && r.indicator === id && r.kind === k && r.contribution !== 0));
          return { id, cents, kinds };
        })
        .filter((x) => x.cents !== 0)
        .sort((a, b) => Math.abs(b.cents) - Math.abs(a.cents) || byText(a.id, b.id));
      const listed = inds.slice(0, 3).map((x) => `${x.id} “${ctx.indicatorTitle(x.id)}” ${signedText(x.cents / 100)} (${x.kinds.join(", ")})`);
      const more = inds.length > 3 ? `, and ${inds.length - 3} more` : "";
      const solely = inds.length === 1 && inds[0]!.cents === toCents(shown) ? "all of it" : "of which";
      return `${ctx.sectionTitle(s.section)} ${signedText(shown)}${listed.length ? `, ${solely} ${listed.join(", ")}${more}` : ""}`;
    });
    parts.push(`${head}: ${sectionTexts.join("; ")}.`);
  }
  if (pair.crosses_methodology && pair.method) {
    const m = pair.method;
    const unrescorable = m.unrescorable.reduce((s, u) => s + u.contribution, 0);
    const [common, added, removed, mixed] = allocateCents(toCents(display.method ?? 0), [m.effect_common, m.added, m.removed, unrescorable]).map((c) => c / 100);
    parts.push(
      `The pair crosses the change of method (${m.from} → ${m.to}); ${signedText(display.method ?? 0)} of the change is the method's: ` +
        `rescoring the ${pair.from_year} answers under ${m.to} ${signedText(common!)}, indicators added ${signedText(added!)}, indicators removed ${signedText(removed!)}` +
        (m.unrescorable.length ? `, indicators that could not be rescored ${signedText(mixed!)}` : "") +
        "." +
        (pair.comparable ? "" : ` Not fully comparable: ${pair.reason}.`),
    );
  }
  if (pair.unexplained.length)
    parts.push(
      `${pair.unexplained.length === 1 ? "One indicator" : `${pair.unexplained.length} indicators`} moved without a reason in the sheet (unexplained): ${pair.unexplained.join(", ")}.`,
    );
  return parts.join(" ");
}
