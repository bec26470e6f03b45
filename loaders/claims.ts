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
  type AttributionKind,
  type PairAttribution,
} from "./attribution.ts";
import { byText } from "./order.ts";
import { fmt, percent as percentText, signed as signedText, type Locale } from "./shared/format.ts";
import { t, type StringKey } from "./shared/strings/index.ts";
import { kindName } from "./attribution-words.ts";

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
  reason: string; // in English, as claims-check.csv gives it
  reason_ru: string; // the same reason in Russian, for the Russian pages
  text: string; // the statement's gist, as in claims.csv (untrusted text)
  source: string;
  line: number;
}

export const CLAIMS_CHECK_COLUMNS = ["id", "edition", "country", "year", "kind", "stated", "computed", "difference", "status", "reason"] as const;

const agrees = (stated: number, computed: number) => Math.abs(stated - computed) < STATED_TOLERANCE + EXACTNESS_TOLERANCE;

type ReasonKey = StringKey extends infer K ? (K extends `claims.reason.${infer R}` ? R : never) : never;

/** A reason's words and numbers in one language (English: claims-check.csv and the English pages). */
interface Words {
  say: (key: ReasonKey, vars?: Record<string, string | number>) => string;
  /** A figure, with a sign only when negative. */
  num: (x: number) => string;
  signed: (x: number) => string;
  percent: (share: number) => string;
  /** A count, a threshold or a stated count, as written (English: as JavaScript prints it, as always). */
  whole: (x: number) => string;
  /** A kind of change by its name (English: its id, as changes.csv writes it). */
  kind: (k: AttributionKind) => string;
}
const wordsIn = (lang: Locale): Words => ({
  say: (key, vars) => t(lang, `claims.reason.${key}` as StringKey, vars),
  kind: (k) => kindName(k, lang),
  num: (x) => fmt(x, { locale: lang }),
  signed: (x) => signedText(x, { locale: lang }),
  percent: (share) => percentText(share, { locale: lang, digits: 1, trim: true }),
  whole: (x) => (lang === "en" ? String(x) : fmt(x, { locale: lang, digits: 6, trim: true, group: false })),
});
const WORDS: Record<Locale, Words> = { en: wordsIn("en"), ru: wordsIn("ru") };

/** ", agree at two decimals" or ", difference …" after a stated and a computed figure. */
const verdictText = (w: Words, ok: boolean, difference: number) => (ok ? w.say("agree") : w.say("difference", { difference: w.signed(difference) }));

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
function missing(ctx: Context, w: Words, country: string, year: number): string | null {
  if (!ctx.totals.has(`${country}/${year}`)) return w.say("no_values_year", { country, year });
  if (!ctx.totals.has(`${country}/${year - 1}`)) return w.say("no_values_previous", { country, previous: year - 1, year });
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
function checkExcluded(ctx: Context, w: Words, claim: Claim): Verdict {
  const { country, year, value: stated } = claim;
  const measured = [...ctx.excluded.entries()].filter(([k]) => k.endsWith(`/${year}`)).map(([k, n]) => ({ country: k.split("/")[0]!, n }));
  if (measured.length === 0) return notCheckable(stated, w.say("no_values_in_year", { year }));
  const statedText = stated === null ? "" : w.say("stated_count", { stated: w.whole(stated) });
  if (!country) {
    const withExclusions = measured.filter((m) => m.n > 0).sort((a, b) => byText(a.country, b.country));
    const computed = withExclusions.length;
    const ok = stated === null ? computed > 0 : computed === stated;
    return {
      stated,
      computed,
      difference: stated === null ? null : computed - stated,
      status: ok ? "matches" : "differs",
      reason: w.say("excluded_countries", {
        year,
        count: w.whole(computed),
        total: w.whole(measured.length),
        list: withExclusions.map((m) => `${m.country} ${w.whole(m.n)}`).join(", ") || w.say("none"),
        stated: statedText,
      }),
    };
  }
  const n = ctx.excluded.get(`${country}/${year}`);
  if (n === undefined) return notCheckable(stated, w.say("no_values_country_year", { country, year }));
  const ok = stated === null ? n > 0 : n === stated;
  return { stated, computed: n, difference: stated === null ? null : n - stated, status: ok ? "matches" : "differs", reason: w.say("excluded_country", { country, year, count: w.whole(n), stated: statedText }) };
}

/** The stated level of a part in one year; for a survey-scale indicator its survey score (0–10). */
function checkComponentValue(ctx: Context, w: Words, claim: Claim): Verdict {
  const { country, year, component, value: stated } = claim;
  if (!country || !component) return notCheckable(stated, w.say("no_country_or_component"));
  const ind = codebookFor(ctx.codebooks, year)?.indicators.find((i) => i.id === component);
  if (ind?.scale.type !== "survey") return notCheckable(stated, w.say("not_survey_value", { component, year }));
  const score = ctx.surveys.get(`${country}/${year}/${component}`);
  if (score === undefined) return notCheckable(stated, w.say("no_survey_score", { country, component, year }));
  if (stated === null) return { stated, computed: score, difference: null, status: "not checkable", reason: w.say("value_no_figure", { component, score: w.num(score) }) };
  return statedAgainst(stated, score, (ok) => w.say("value", { component, year, stated: w.num(stated), computed: w.num(score), verdict: verdictText(w, ok, score - stated) }));
}

function checkOne(ctx: Context, claim: Claim, w: Words): Verdict {
  const stated = claim.value;
  const { country, year, kind } = claim;
  if (kind === "excluded") return checkExcluded(ctx, w, claim);
  if (kind === "component_value") return checkComponentValue(ctx, w, claim);
  if (kind === "leader" || kind === "bottom") {
    if (!country) return notCheckable(stated, w.say("no_country"));
    if (!ctx.totals.has(`${country}/${year}`)) return notCheckable(stated, w.say("no_values_year", { country, year }));
    const ranking = ctx.ranks.get(year)!;
    const me = ranking.find((r) => r.country === country)!;
    const listing = w.say("ranked_among", { count: w.whole(ranking.length), year });
    if (kind === "leader") {
      const top = ranking.filter((r) => r.rank === 1);
      const ok = me.rank === 1;
      return {
        stated,
        computed: me.rank,
        difference: null,
        status: ok ? "matches" : "differs",
        reason: ok
          ? w.say("leader_first", { index: w.num(me.index), listing, next: ranking.filter((r) => r.rank > 1).slice(0, 1).map((r) => `${r.country} ${w.num(r.index)}`).join("") || w.say("none") })
          : w.say("leader_not_first", { rank: w.whole(me.rank), index: w.num(me.index), listing, top: top.map((r) => `${r.country} (${w.num(r.index)})`).join(", ") }),
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
      reason: w.say("bottom", { rank: w.whole(me.rank), count: w.whole(ranking.length), index: w.num(me.index), lowest: lowest.map((r) => `${r.country} ${w.num(r.index)}`).join(", ") }),
    };
  }

  const threshold = w.whole(UNCHANGED_THRESHOLD);
  if (!country) {
    if (kind === "unchanged") {
      const pairs = [...ctx.pairs.values()].filter((p) => p.to_year === year);
      if (pairs.length === 0) return notCheckable(stated, w.say("no_change_into", { year }));
      const big = pairs.filter((p) => Math.abs(p.change) >= UNCHANGED_THRESHOLD).sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
      const largest = [...pairs].sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || byText(a.country, b.country))[0]!;
      return {
        stated,
        computed: largest.change,
        difference: null,
        status: big.length ? "differs" : "matches",
        reason: w.say("unchanged_all", {
          threshold,
          detail: big.length
            ? w.say("unchanged_all_big", { count: w.whole(big.length), total: w.whole(pairs.length), threshold, list: big.map((p) => `${p.country} ${w.signed(p.change)}`).join(", ") })
            : w.say("unchanged_all_small", { total: w.whole(pairs.length), threshold, largest: `${largest.country} ${w.signed(largest.change)}` }),
        }),
      };
    }
    return notCheckable(stated, w.say("no_country"));
  }

  const why = missing(ctx, w, country, year);
  if (why) return notCheckable(stated, why);
  const pair = ctx.pairs.get(`${country}/${year}`)!;
  const methodNote = pair.crosses_methodology
    ? " " + w.say("method_note", { from: pair.methodology_from, to: pair.methodology_to, comparable: pair.comparable ? "" : w.say("not_comparable") })
    : "";
  const path = `${year - 1}: ${w.num(pair.from_total)} → ${year}: ${w.num(pair.to_total)}`;
  const direction = (x: number) => w.say(x > 0 ? "a_rise" : x < 0 ? "a_decline" : "no_change");

  switch (kind) {
    case "change": {
      if (stated === null) return notCheckable(stated, w.say("no_figure_change"));
      return statedAgainst(
        stated,
        pair.change,
        (ok) =>
          (ok
            ? w.say("change_agrees", { stated: w.signed(stated), computed: w.signed(pair.change), path })
            : w.say("change_differs", { stated: w.signed(stated), computed: w.signed(pair.change), path, difference: w.signed(pair.change - stated) })) + `.${methodNote}`,
      );
    }
    case "unchanged": {
      const ok = Math.abs(pair.change) < UNCHANGED_THRESHOLD;
      return {
        stated,
        computed: pair.change,
        difference: stated === null ? null : pair.change - stated,
        status: ok ? "matches" : "differs",
        reason: w.say(ok ? "unchanged_below" : "unchanged_not_below", { threshold, change: w.signed(pair.change), path }) + methodNote,
      };
    }
    case "rise":
    case "decline": {
      const sign = kind === "rise" ? 1 : -1;
      if (claim.component) {
        // "the independence of the investigation body improved": the direction of one part.
        const comp = componentOf(ctx, pair, claim.component);
        if (!comp) return notCheckable(stated, w.say("unknown_component", { component: claim.component, previous: year - 1, year }));
        const c = comp.contribution;
        const ok = Math.sign(c) === sign && (stated === null || agrees(Math.abs(stated), Math.abs(c)));
        return {
          stated,
          computed: c,
          difference: stated === null ? null : Math.abs(c) - Math.abs(stated),
          status: ok ? "matches" : "differs",
          reason:
            w.say("direction_component", { component: claim.component, contribution: w.signed(c), change: w.signed(pair.change), path, actual: direction(c), stated: direction(sign) }) + methodNote,
        };
      }
      const signOk = Math.sign(pair.change) === sign;
      // A release writes "dropped by 1.19": a stated figure is compared by its size.
      const sizeOk = stated === null || agrees(Math.abs(stated), Math.abs(pair.change));
      const size =
        stated === null ? "" : sizeOk ? w.say("size_agrees", { stated: w.num(Math.abs(stated)) }) : w.say("size_differs", { stated: w.num(Math.abs(stated)), computed: w.num(Math.abs(pair.change)) });
      return {
        stated,
        computed: pair.change,
        difference: stated === null ? null : Math.abs(pair.change) - Math.abs(stated),
        status: signOk && sizeOk ? "matches" : "differs",
        reason: w.say("direction", { change: w.signed(pair.change), path, actual: direction(pair.change), size }) + methodNote,
      };
    }
    case "component_change":
    case "driver":
    case "sole_driver": {
      if (!claim.component) return notCheckable(stated, w.say("no_component"));
      const comp = componentOf(ctx, pair, claim.component);
      if (!comp) return notCheckable(stated, w.say("unknown_component", { component: claim.component, previous: year - 1, year }));
      if (kind === "component_change") {
        const ind = codebookFor(ctx.codebooks, year)?.indicators.find((i) => i.id === claim.component);
        if (ind?.scale.type === "survey") {
          const s0 = ctx.surveys.get(`${country}/${year - 1}/${ind.id}`);
          const s1 = ctx.surveys.get(`${country}/${year}/${ind.id}`);
          if (s0 === undefined || s1 === undefined) return notCheckable(stated, w.say("survey_missing", { indicator: ind.id, country, year: s0 === undefined ? year - 1 : year }));
          const d = s1 - s0;
          if (stated === null) return { stated, computed: d, difference: null, status: "not checkable", reason: w.say("survey_no_figure", { indicator: ind.id, change: w.signed(d) }) };
          return statedAgainst(
            stated,
            d,
            (ok) =>
              w.say("survey_change", {
                indicator: ind.id,
                previous: year - 1,
                from: w.num(s0),
                year,
                to: w.num(s1),
                stated: w.signed(stated),
                computed: w.signed(d),
                verdict: verdictText(w, ok, d - stated),
                contribution: w.signed(comp.contribution),
              }) + methodNote,
          );
        }
        if (stated === null) return { stated, computed: comp.contribution, difference: null, status: "not checkable", reason: w.say("component_no_figure", { component: claim.component, contribution: w.signed(comp.contribution) }) };
        return statedAgainst(
          stated,
          comp.contribution,
          (ok) =>
            w.say(comp.level === "section" ? "section_change" : "indicator_change", {
              component: claim.component,
              stated: w.signed(stated),
              computed: w.signed(comp.contribution),
              verdict: verdictText(w, ok, comp.contribution - stated),
            }) + methodNote,
        );
      }
      const c = comp.contribution;
      const levels = w.say(`among.${comp.level}`);
      const statedOk = stated === null || agrees(stated, c);
      const statedText =
        stated === null ? "" : " " + (statedOk ? w.say("stated_agrees", { stated: w.signed(stated) }) : w.say("stated_differs", { stated: w.signed(stated), difference: w.signed(c - stated) }));
      if (kind === "driver") {
        if (pair.change === 0) return { stated, computed: c, difference: null, status: "differs", reason: w.say("driver_zero") + methodNote };
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
            w.say("driver", {
              levels,
              share: w.whole(DRIVER_SHARE * 100),
              component: claim.component,
              contribution: w.signed(c),
              change: w.signed(pair.change),
              share_of_change: w.percent(share),
              against: sameSign ? "" : c === 0 ? w.say("did_not_move") : w.say("against", { own: w.say(c > 0 ? "up" : "down"), index: w.say(pair.change > 0 ? "up" : "down") }),
              largest: largest ? w.say("largest", { levels }) : top ? w.say("largest_is", { top: `${top.id} ${w.signed(top.c)}` }) : "",
            }) +
            statedText +
            methodNote,
        };
      }
      // sole_driver
      const rest = comp.others.filter((o) => Math.abs(o.c) > EXACTNESS_TOLERANCE);
      const equal = Math.abs(c - pair.change) <= EXACTNESS_TOLERANCE;
      const ok = equal && rest.length === 0 && statedOk;
      const kinds = pair.indicators.find((i) => i.indicator === claim.component)?.kinds ?? [];
      const shown = rest
        .sort((a, b) => Math.abs(b.c) - Math.abs(a.c))
        .slice(0, 5)
        .map((o) => `${o.id} ${w.signed(o.c)}`)
        .join(", ");
      return {
        stated,
        computed: c,
        difference: stated === null ? null : c - stated,
        status: ok ? "matches" : "differs",
        reason:
          w.say("sole_driver", {
            levels,
            component: claim.component,
            contribution: w.signed(c),
            kinds: comp.level === "indicator" && kinds.length ? w.say("kinds", { kinds: kinds.map(w.kind).join(", ") }) : "",
            change: w.signed(pair.change),
            rest: rest.length
              ? w.say("others_moved", { others: w.say(`others.${comp.level}`), list: shown, more: rest.length > 5 ? w.say("and_more", { count: w.whole(rest.length - 5) }) : "" })
              : equal
                ? w.say("no_other_moved", { one: w.say(`one.${comp.level}`) })
                : "",
          }) +
          statedText +
          methodNote,
      };
    }
  }
  return notCheckable(stated, w.say("not_checked_kind", { kind }));
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
      const v = checkOne(ctx, claim, WORDS.en);
      return {
        id: claim.id,
        edition: claim.edition,
        country: claim.country,
        year: claim.year,
        kind: claim.kind,
        component: claim.component,
        ...v,
        reason_ru: checkOne(ctx, claim, WORDS.ru).reason,
        text: claim.text,
        source: claim.source,
        line: claim.line ?? 0,
      };
    })
    .sort(claimOrder);
}

export const claimOrder = (a: ClaimCheck, b: ClaimCheck) =>
  a.edition - b.edition || a.year - b.year || byText(a.country, b.country) || CLAIM_KINDS.indexOf(a.kind) - CLAIM_KINDS.indexOf(b.kind) || byText(a.id, b.id);

/** A check as a page shows it: one `reason`, in the page's language. */
export type ClaimShown = Omit<ClaimCheck, "reason_ru">;

/** The checks with each reason in `lang` (English as before, field for field), for the pages' payloads. */
export function claimsIn(lang: Locale, checks: readonly ClaimCheck[]): ClaimShown[] {
  return checks.map(({ reason_ru, ...check }) => (lang === "en" ? check : { ...check, reason: reason_ru }));
}

/** claims-check.csv rows, full precision. */
export function claimsTable(checks: ClaimCheck[]) {
  return checks.map((c) => Object.fromEntries(CLAIMS_CHECK_COLUMNS.map((k) => [k, c[k]])) as Record<(typeof CLAIMS_CHECK_COLUMNS)[number], string | number | null>);
}

/** Reads a claims file other than data/published/claims.csv (e.g. a test fixture), with the same schema. */
// ---------------------------------------------------------------------------------------------
// What the "What changed" pages show (src/data/changes/[year].json.ts prints one year of it).

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

