// The claims check: every checkable statement of the releases (data/published/claims.csv) against
// the computed figures. A mismatch is a finding to show; nothing here edits a claim or a total.
//
// Rules (also in CLAIM_RULES, shown on the pages):
//   precision       stated figures are compared at the release's precision, two decimals: a stated
//                   figure matches when it differs from the computed one by less than half a cent
//                   (|stated − computed| < 0.005), i.e. the computed figure rounds to it.
//   change          stated change of the total vs computed Index(year) − Index(year − 1).
//   component_change  a section id: the change of the section's weighted subtotal (its contribution
//                   to the Index change); an indicator id: its contribution (weight × change of points),
//                   except a SURVEY-scale indicator, for which releases state the change of the survey
//                   score itself (0–10 scale, e.g. Armenia 2024 RM-08 −3.62): that is what is compared.
//   leader          computed rank 1 in the year (ties share the rank).
//   bottom          among the two lowest computed totals of the year (at most one country lower).
//   unchanged       |computed change| < 1 point (UNCHANGED_THRESHOLD).
//   rise / decline  the sign of the computed change (and its size, when a figure is stated).
//   driver          the component's contribution has the sign of the change AND is either the largest
//                   (in absolute value) of the contributions at its level (sections, or indicators) or at
//                   least 50% of the change.
//   sole_driver     the component's contribution equals the change and every other contribution at its
//                   level is 0 (both within 1e-9).
// Status: `matches`, `differs` (stated, computed and difference = computed − stated), or
// `not checkable` with the reason (no computed values for the country-year, no figure stated, …).
import type { Project } from "./project.ts";
import type { PipelineResult } from "./pipeline.ts";
import { CLAIM_KINDS, type Claim, type Codebook } from "./schema.ts";
import { codebookFor } from "./validate.ts";
import {
  EXACTNESS_TOLERANCE,
  attributeChanges,
  type Attribution,
  type PairAttribution,
} from "./attribution.ts";
import { byText } from "./order.ts";
import { percent as percentText, signed as signedText } from "./shared/format.ts";

export type ClaimKind = (typeof CLAIM_KINDS)[number];
export const CLAIM_STATUSES = ["matches", "differs", "not checkable"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** |change| below this many points counts as "unchanged". */
export const UNCHANGED_THRESHOLD = 1;
/** A stated figure matches when it is within half a unit of the release's last decimal (two decimals). */
export const STATED_TOLERANCE = 0.005;
/** Share of the change at or above which a same-signed component counts as a driver. */
export const DRIVER_SHARE = 0.5;

export const CLAIM_RULES: Record<ClaimKind | "precision", string> = {
  precision:
    "Stated figures are compared at the release's precision, two decimals: a statement matches when the computed figure rounds to the stated one (they differ by less than 0.005).",
  change: "The stated change of the total against the computed Index of the year minus that of the year before.",
  component_change:
    "A section: the change of its weighted subtotal (its contribution to the Index change). An indicator: its contribution (weight × change of its points); for a survey-scale indicator, the change of the survey score itself (0–10 scale), which is what the releases state.",
  leader: "The country has computed rank 1 in the year (the computed column holds its rank).",
  bottom: "The country is among the two lowest computed totals of the year (the computed column holds its rank).",
  unchanged: `The computed change is smaller than ${UNCHANGED_THRESHOLD} point in absolute value.`,
  rise: "The computed change is positive (and, when a figure is stated, equal to it at two decimals). With a component: that component's contribution is positive.",
  decline: "The computed change is negative (and, when a figure is stated, equal to its size at two decimals). With a component: that component's contribution is negative.",
  component_value: "The stated level of a survey-scale indicator in the year against its computed survey score (0–10), at two decimals.",
  excluded: "Without a country: the number of countries with at least one indicator excluded (\"n/a\") in the year. With a country: the number of its excluded indicators.",
  driver: `The component's contribution has the sign of the change and is either the largest (in absolute value) at its level (among sections, or among indicators) or at least ${DRIVER_SHARE * 100}% of the change.`,
  sole_driver: `The component's contribution equals the change and every other contribution at its level is zero (within ${EXACTNESS_TOLERANCE}).`,
};

export interface ClaimCheck {
  id: string;
  edition: number;
  country: string;
  year: number;
  kind: ClaimKind;
  component: string;
  stated: number | null;
  computed: number | null; // full precision: change, contribution, survey-score change or rank, by kind
  difference: number | null; // computed − stated, when both are figures of the same quantity
  status: ClaimStatus;
  reason: string;
  text: string; // the statement's gist, as in claims.csv (untrusted text)
  source: string;
  line: number;
}

export const CLAIMS_CHECK_COLUMNS = ["id", "edition", "country", "year", "kind", "stated", "computed", "difference", "status", "reason"] as const;

const num = (x: number) => {
  const s = signedText(x);
  return s.startsWith("+") ? s.slice(1) : s;
};
const percent = (share: number) => percentText(share, { digits: 1, trim: true });
const agrees = (stated: number, computed: number) => Math.abs(stated - computed) < STATED_TOLERANCE + EXACTNESS_TOLERANCE;

/** A stated figure against its computed twin: matches at the release's precision, else differs. */
function statedAgainst(stated: number, computed: number, reason: (ok: boolean) => string): Verdict {
  const ok = agrees(stated, computed);
  return { stated, computed, difference: computed - stated, status: ok ? "matches" : "differs", reason: reason(ok) };
}

interface Context {
  pairs: Map<string, PairAttribution>;
  totals: Map<string, number>;
  ranks: Map<number, { country: string; index: number; rank: number }[]>;
  codebooks: Codebook[];
  surveys: Map<string, number>; // country/year/indicator → survey score
  excluded: Map<string, number>; // country/year → indicators excluded ("n/a")
}

type Verdict = Pick<ClaimCheck, "stated" | "computed" | "difference" | "status" | "reason">;
const notCheckable = (stated: number | null, reason: string): Verdict => ({ stated, computed: null, difference: null, status: "not checkable", reason });

/** Why a country-year has no computed figures, in words. */
function missing(ctx: Context, country: string, year: number): string | null {
  if (!ctx.totals.has(`${country}/${year}`))
    return `no computed values for ${country} in ${year} (no indicator sheet data/sheets/${year}/${country}.csv, so no computed Index)`;
  if (!ctx.totals.has(`${country}/${year - 1}`))
    return `no computed values for ${country} in ${year - 1}, so there is no computed change into ${year}`;
  return null;
}

function singleComponent(ctx: Context, pair: PairAttribution, component: string) {
  const sec = pair.sections.find((s) => s.section === component);
  if (sec) return { level: "section" as const, contribution: sec.contribution, all: pair.sections.map((s) => ({ id: s.section, c: s.contribution })) };
  const cb = codebookFor(ctx.codebooks, pair.to_year);
  const known = cb?.indicators.some((i) => i.id === component) || codebookFor(ctx.codebooks, pair.from_year)?.indicators.some((i) => i.id === component);
  if (!known) return null;
  const ind = pair.indicators.find((i) => i.indicator === component);
  return { level: "indicator" as const, contribution: ind?.contribution ?? 0, all: pair.indicators.map((i) => ({ id: i.indicator, c: i.contribution })) };
}

/**
 * A claim's component: one section or indicator id, or several joined by "+" when a release names
 * them together ("mainly on the criminal prohibition and procedural guarantees": LP+PG), which are
 * then judged by their joint contribution. Parts must be of one level.
 */
function componentOf(ctx: Context, pair: PairAttribution, component: string) {
  const parts = component.split("+").map((x) => x.trim());
  const found = parts.map((x) => singleComponent(ctx, pair, x));
  if (found.some((f) => f === null)) return null;
  const level = found[0]!.level;
  if (found.some((f) => f!.level !== level)) return null;
  return {
    level,
    contribution: found.reduce((sum, f) => sum + f!.contribution, 0),
    others: found[0]!.all.filter((o) => !parts.includes(o.id)),
  };
}

/** "Some parameters were left out for four countries": counts of exclusions ("n/a") in the year. */
function checkExcluded(ctx: Context, claim: Claim): Verdict {
  const { country, year, value: stated } = claim;
  const measured = [...ctx.excluded.entries()].filter(([k]) => k.endsWith(`/${year}`)).map(([k, n]) => ({ country: k.split("/")[0]!, n }));
  if (measured.length === 0) return notCheckable(stated, `no computed values in ${year}`);
  if (!country) {
    const withExclusions = measured.filter((m) => m.n > 0).sort((a, b) => byText(a.country, b.country));
    const computed = withExclusions.length;
    const ok = stated === null ? computed > 0 : computed === stated;
    return {
      stated,
      computed,
      difference: stated === null ? null : computed - stated,
      status: ok ? "matches" : "differs",
      reason: `countries with at least one indicator excluded in ${year}: ${computed} of ${measured.length} (${withExclusions.map((m) => `${m.country} ${m.n}`).join(", ") || "none"})${stated === null ? "" : `; stated ${stated}`}.`,
    };
  }
  const n = ctx.excluded.get(`${country}/${year}`);
  if (n === undefined) return notCheckable(stated, `no computed values for ${country} in ${year}`);
  const ok = stated === null ? n > 0 : n === stated;
  return { stated, computed: n, difference: stated === null ? null : n - stated, status: ok ? "matches" : "differs", reason: `${country} ${year}: ${n} indicator(s) excluded${stated === null ? "" : `; stated ${stated}`}.` };
}

/** The stated level of a part in one year; for a survey-scale indicator its survey score (0–10). */
function checkComponentValue(ctx: Context, claim: Claim): Verdict {
  const { country, year, component, value: stated } = claim;
  if (!country || !component) return notCheckable(stated, "the statement names no country or no component");
  const ind = codebookFor(ctx.codebooks, year)?.indicators.find((i) => i.id === component);
  if (ind?.scale.type !== "survey") return notCheckable(stated, `only survey scores are checked as stated values; ${component} is not a survey-scale indicator in ${year}`);
  const score = ctx.surveys.get(`${country}/${year}/${component}`);
  if (score === undefined) return notCheckable(stated, `${country} has no computed ${component} survey score in ${year}`);
  if (stated === null) return { stated, computed: score, difference: null, status: "not checkable", reason: `the statement gives no figure; the survey score of ${component} is ${num(score)}` };
  return statedAgainst(stated, score, (ok) => `survey score of ${component} (0–10) in ${year}: stated ${num(stated)}, computed ${num(score)}${ok ? ", agree at two decimals" : `, difference ${signedText(score - stated)}`}.`);
}

function checkOne(ctx: Context, claim: Claim): Verdict {
  const stated = claim.value;
  const { country, year, kind } = claim;
  if (kind === "excluded") return checkExcluded(ctx, claim);
  if (kind === "component_value") return checkComponentValue(ctx, claim);
  if (kind === "leader" || kind === "bottom") {
    if (!country) return notCheckable(stated, "the statement names no country");
    if (!ctx.totals.has(`${country}/${year}`)) return notCheckable(stated, `no computed values for ${country} in ${year} (no indicator sheet data/sheets/${year}/${country}.csv, so no computed Index)`);
    const ranking = ctx.ranks.get(year)!;
    const me = ranking.find((r) => r.country === country)!;
    const listing = `ranked among the ${ranking.length} countries with a computed Index in ${year}`;
    if (kind === "leader") {
      const top = ranking.filter((r) => r.rank === 1);
      const ok = me.rank === 1;
      return {
        stated,
        computed: me.rank,
        difference: null,
        status: ok ? "matches" : "differs",
        reason: ok
          ? `computed rank 1 (Index ${num(me.index)}), ${listing}; next: ${ranking.filter((r) => r.rank > 1).slice(0, 1).map((r) => `${r.country} ${num(r.index)}`).join("") || "none"}`
          : `computed rank ${me.rank} (Index ${num(me.index)}), ${listing}; rank 1 is ${top.map((r) => `${r.country} (${num(r.index)})`).join(", ")}`,
      };
    }
    const lower = ranking.filter((r) => r.index < me.index);
    const lowest = [...ranking].sort((a, b) => a.index - b.index).slice(0, 2);
    const ok = lower.length <= 1;
    return {
      stated,
      computed: me.rank,
      difference: null,
      status: ok ? "matches" : "differs",
      reason: `rule: among the two lowest of the year. Computed rank ${me.rank} of ${ranking.length} (Index ${num(me.index)}); the two lowest computed: ${lowest.map((r) => `${r.country} ${num(r.index)}`).join(", ")}`,
    };
  }

  if (!country) {
    if (kind === "unchanged") {
      const pairs = [...ctx.pairs.values()].filter((p) => p.to_year === year);
      if (pairs.length === 0) return notCheckable(stated, `no computed change into ${year}`);
      const big = pairs.filter((p) => Math.abs(p.change) >= UNCHANGED_THRESHOLD).sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
      const largest = [...pairs].sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || byText(a.country, b.country))[0]!;
      return {
        stated,
        computed: largest.change,
        difference: null,
        status: big.length ? "differs" : "matches",
        reason:
          `rule: every country's |change| < ${UNCHANGED_THRESHOLD} point. ` +
          (big.length
            ? `${big.length} of ${pairs.length} countries changed by ${UNCHANGED_THRESHOLD} point or more: ${big.map((p) => `${p.country} ${signedText(p.change)}`).join(", ")}`
            : `all ${pairs.length} changes are below ${UNCHANGED_THRESHOLD} point; the largest is ${largest.country} ${signedText(largest.change)}`),
      };
    }
    return notCheckable(stated, "the statement names no country");
  }

  const why = missing(ctx, country, year);
  if (why) return notCheckable(stated, why);
  const pair = ctx.pairs.get(`${country}/${year}`)!;
  const methodNote = pair.crosses_methodology
    ? ` The pair crosses the change of method (${pair.methodology_from} → ${pair.methodology_to})${pair.comparable ? "" : " and is not fully comparable"}.`
    : "";
  const path = `${year - 1}: ${num(pair.from_total)} → ${year}: ${num(pair.to_total)}`;

  switch (kind) {
    case "change": {
      if (stated === null) return notCheckable(stated, "the statement gives no figure for the change");
      return statedAgainst(
        stated,
        pair.change,
        (ok) =>
          (ok
            ? `stated ${signedText(stated)} agrees with the computed change ${signedText(pair.change)} (${path}) at two decimals`
            : `stated ${signedText(stated)}, computed ${signedText(pair.change)} (${path}): difference ${signedText(pair.change - stated)}`) + `.${methodNote}`,
      );
    }
    case "unchanged": {
      const ok = Math.abs(pair.change) < UNCHANGED_THRESHOLD;
      return {
        stated,
        computed: pair.change,
        difference: stated === null ? null : pair.change - stated,
        status: ok ? "matches" : "differs",
        reason: `rule: |change| < ${UNCHANGED_THRESHOLD} point. Computed change ${signedText(pair.change)} (${path}) is ${ok ? "below" : "not below"} the threshold.${methodNote}`,
      };
    }
    case "rise":
    case "decline": {
      const sign = kind === "rise" ? 1 : -1;
      if (claim.component) {
        // "the independence of the investigation body improved": the direction of one part.
        const comp = componentOf(ctx, pair, claim.component);
        if (!comp) return notCheckable(stated, `${claim.component} is neither a section nor an indicator of the codebooks governing ${year - 1} and ${year}`);
        const c = comp.contribution;
        const ok = Math.sign(c) === sign && (stated === null || agrees(Math.abs(stated), Math.abs(c)));
        return {
          stated,
          computed: c,
          difference: stated === null ? null : Math.abs(c) - Math.abs(stated),
          status: ok ? "matches" : "differs",
          reason: `${claim.component} contributed ${signedText(c)} to the change of ${signedText(pair.change)} (${path}): ${c > 0 ? "a rise" : c < 0 ? "a decline" : "no change"}, stated ${kind === "rise" ? "a rise" : "a decline"}.${methodNote}`,
        };
      }
      const signOk = Math.sign(pair.change) === sign;
      // A release writes "dropped by 1.19": a stated figure is compared by its size.
      const sizeOk = stated === null || agrees(Math.abs(stated), Math.abs(pair.change));
      return {
        stated,
        computed: pair.change,
        difference: stated === null ? null : Math.abs(pair.change) - Math.abs(stated),
        status: signOk && sizeOk ? "matches" : "differs",
        reason:
          `computed change ${signedText(pair.change)} (${path}) is ${pair.change > 0 ? "a rise" : pair.change < 0 ? "a decline" : "no change"}` +
          (stated === null ? "" : sizeOk ? `; its size agrees with the stated ${num(Math.abs(stated))}` : `; stated size ${num(Math.abs(stated))}, computed ${num(Math.abs(pair.change))}`) +
          `.${methodNote}`,
      };
    }
    case "component_change":
    case "driver":
    case "sole_driver": {
      if (!claim.component) return notCheckable(stated, "the statement names no component (section or indicator)");
      const comp = componentOf(ctx, pair, claim.component);
      if (!comp) return notCheckable(stated, `${claim.component} is neither a section nor an indicator of the codebooks governing ${year - 1} and ${year}`);
      if (kind === "component_change") {
        const ind = codebookFor(ctx.codebooks, year)?.indicators.find((i) => i.id === claim.component);
        if (ind?.scale.type === "survey") {
          const s0 = ctx.surveys.get(`${country}/${year - 1}/${ind.id}`);
          const s1 = ctx.surveys.get(`${country}/${year}/${ind.id}`);
          if (s0 === undefined || s1 === undefined)
            return notCheckable(stated, `${ind.id} is a survey-scale indicator: the statement is compared with the change of its survey score, and ${country} has no computed ${ind.id} survey score in ${s0 === undefined ? year - 1 : year}`);
          const d = s1 - s0;
          if (stated === null) return { stated, computed: d, difference: null, status: "not checkable", reason: `the statement gives no figure; the survey score of ${ind.id} moved ${signedText(d)}` };
          return statedAgainst(
            stated,
            d,
            (ok) =>
              `compared with the change of the SURVEY SCORE of ${ind.id} (0–10 scale: ${year - 1} ${num(s0)} → ${year} ${num(s1)}), not with its points: stated ${signedText(stated)}, computed ${signedText(d)}${ok ? ", agree at two decimals" : `, difference ${signedText(d - stated)}`}; its contribution to the Index change is ${signedText(comp.contribution)}.${methodNote}`,
          );
        }
        if (stated === null) return { stated, computed: comp.contribution, difference: null, status: "not checkable", reason: `the statement gives no figure; ${claim.component} contributed ${signedText(comp.contribution)}` };
        return statedAgainst(
          stated,
          comp.contribution,
          (ok) =>
            `${comp.level === "section" ? `section ${claim.component}: change of its weighted subtotal` : `indicator ${claim.component}: weight × change of its points`}: stated ${signedText(stated)}, computed ${signedText(comp.contribution)}${ok ? ", agree at two decimals" : `, difference ${signedText(comp.contribution - stated)}`}.${methodNote}`,
        );
      }
      const c = comp.contribution;
      const levelName = comp.level === "section" ? "sections" : "indicators";
      const statedOk = stated === null || agrees(stated, c);
      const statedText = stated === null ? "" : statedOk ? ` The stated ${signedText(stated)} agrees with it.` : ` The stated figure ${signedText(stated)} does not (difference ${signedText(c - stated)}).`;
      if (kind === "driver") {
        if (pair.change === 0) return { stated, computed: c, difference: null, status: "differs", reason: `the computed change is 0: there is nothing to drive.${methodNote}` };
        const sameSign = Math.sign(c) === Math.sign(pair.change);
        const largest = comp.others.every((o) => Math.abs(o.c) <= Math.abs(c));
        const share = c / pair.change;
        const ok = sameSign && (largest || share >= DRIVER_SHARE) && statedOk;
        const top = [...comp.others].sort((a, b) => Math.abs(b.c) - Math.abs(a.c))[0];
        return {
          stated,
          computed: c,
          difference: stated === null ? null : c - stated,
          status: ok ? "matches" : "differs",
          reason:
            `rule: same sign as the change and the largest among the ${levelName} or at least ${DRIVER_SHARE * 100}% of the change. ` +
            `${claim.component} contributed ${signedText(c)} of ${signedText(pair.change)} (${percent(share)})` +
            (sameSign ? "" : c === 0 ? ": it did not move" : `: it moved against the change (${c > 0 ? "up" : "down"} while the Index went ${pair.change > 0 ? "up" : "down"}), so it is not a driver of it by this rule`) +
            (largest ? `, the largest among the ${levelName}` : top ? `; the largest is ${top.id} ${signedText(top.c)}` : "") +
            `.${statedText}${methodNote}`,
        };
      }
      // sole_driver
      const rest = comp.others.filter((o) => Math.abs(o.c) > EXACTNESS_TOLERANCE);
      const equal = Math.abs(c - pair.change) <= EXACTNESS_TOLERANCE;
      const ok = equal && rest.length === 0 && statedOk;
      const kinds = pair.indicators.find((i) => i.indicator === claim.component)?.kinds ?? [];
      return {
        stated,
        computed: c,
        difference: stated === null ? null : c - stated,
        status: ok ? "matches" : "differs",
        reason:
          `rule: its contribution equals the change and every other contribution among the ${levelName} is 0. ` +
          `${claim.component} contributed ${signedText(c)}${comp.level === "indicator" && kinds.length ? ` (kind ${kinds.join(", ")})` : ""} of ${signedText(pair.change)}` +
          (rest.length
            ? `; other ${levelName} moved too: ${rest
                .sort((a, b) => Math.abs(b.c) - Math.abs(a.c))
                .slice(0, 5)
                .map((o) => `${o.id} ${signedText(o.c)}`)
                .join(", ")}${rest.length > 5 ? `, and ${rest.length - 5} more` : ""}`
            : equal
              ? `; no other ${comp.level} moved`
              : "") +
          `.${statedText}${methodNote}`,
      };
    }
  }
  return notCheckable(stated, `claims of kind ${kind} are not checked`);
}

/** Checks every claim against the computed figures (attribution computed from the same result). */
export function checkClaims(
  claims: (Claim & { line?: number })[],
  result: Pick<PipelineResult, "codebooks" | "index" | "surveys">,
  attribution: Attribution,
): ClaimCheck[] {
  const ranks = new Map<number, { country: string; index: number; rank: number }[]>();
  for (const r of result.index) {
    const list = ranks.get(r.year) ?? [];
    list.push({ country: r.country, index: r.index, rank: r.rank });
    ranks.set(r.year, list);
  }
  const ctx: Context = {
    pairs: new Map(attribution.pairs.map((p) => [`${p.country}/${p.to_year}`, p])),
    totals: new Map(result.index.map((t) => [`${t.country}/${t.year}`, t.index])),
    ranks,
    codebooks: result.codebooks,
    surveys: new Map(result.surveys.map((s) => [`${s.country}/${s.year}/${s.indicator}`, s.value])),
    excluded: new Map(result.index.map((t) => [`${t.country}/${t.year}`, t.excluded])),
  };
  return claims
    .map((claim) => {
      const v = checkOne(ctx, claim);
      return {
        id: claim.id,
        edition: claim.edition,
        country: claim.country,
        year: claim.year,
        kind: claim.kind,
        component: claim.component,
        ...v,
        text: claim.text,
        source: claim.source,
        line: claim.line ?? 0,
      };
    })
    .sort(claimOrder);
}

export const claimOrder = (a: ClaimCheck, b: ClaimCheck) =>
  a.edition - b.edition || a.year - b.year || byText(a.country, b.country) || CLAIM_KINDS.indexOf(a.kind) - CLAIM_KINDS.indexOf(b.kind) || byText(a.id, b.id);

/** claims-check.csv rows, full precision. */
export function claimsTable(checks: ClaimCheck[]) {
  return checks.map((c) => Object.fromEntries(CLAIMS_CHECK_COLUMNS.map((k) => [k, c[k]])) as Record<(typeof CLAIMS_CHECK_COLUMNS)[number], string | number | null>);
}

/** Reads a claims file other than data/published/claims.csv (e.g. a test fixture), with the same schema. */
// ---------------------------------------------------------------------------------------------
// What the "What changed" pages show (src/data/changes.json.ts prints this).

export interface ChangesPayloadOptions {
  /** Claims to check instead of project.claims. */
  claims?: (Claim & { line?: number })[];
}

/** Attribution and claims check of a project, in one call (the CLI and the page loader use it). */
export function analyseChanges(project: Pick<Project, "claims" | "surveys">, result: PipelineResult, options: ChangesPayloadOptions = {}) {
  const attribution = attributeChanges(result, { surveyFiles: project.surveys });
  const checks = checkClaims(options.claims ?? project.claims, result, attribution);
  return { attribution, checks };
}

/** A run with its attribution and claims check (the one result of loaders/result.ts is one). */
export type WithChanges = PipelineResult & { attribution: Attribution; claims: ClaimCheck[] };

/** A run with its changes analysed, for callers that hold only computeIndex's output (tests, other methods). */
export function withChanges(project: Pick<Project, "claims" | "surveys">, result: PipelineResult, options: ChangesPayloadOptions = {}): WithChanges {
  const { attribution, checks } = analyseChanges(project, result, options);
  return { ...result, attribution, claims: checks };
}

