// The audit's findings, all computed from the pipeline's one result and the published record:
//
//   reconciliation  every row of data/published/editions.csv beside its computed twin. A value
//                   `matches` when the computed Index rounded to two decimals (the published
//                   precision) equals it; else it `differs`; `not computed` when there is no sheet
//                   for that country-year. The full-precision difference (computed − published)
//                   is always given.
//   revisions       where two editions print different totals for one country-year: each change
//                   between consecutive editions that printed it (old → new), and which statements in
//                   claims.csv are consistent with the old value, the new one, both or neither.
//   breaks          which data years each codebook version governs, and which consecutive-year
//                   comparisons cross from one version to another (a change there mixes real change
//                   and the change of method).
//   (The claims check itself, every statement against the computed figures, is loaders/claims.ts;
//   for revisions this module tests statements about a total against each printed value, with the
//   claims check's thresholds: a stated figure agrees within half a cent, "unchanged" is < 1 point.)
//   missing         the ledger of excluded ("n/a") indicators: the note, the country-year's maximum
//                   attainable score, and the most the exclusion could have moved the total (the
//                   indicator's worst and best points × its section weight; an exclusion adds 0).
//
// Nothing here knows an edition number, a country or a year: rows added to editions.csv flow
// through unchanged. Nothing here rounds, except to decide `matches` (the published precision).
// A disagreement between editions, or between computed and published, is a finding, never an error.
import type { PipelineResult } from "./pipeline.ts";
import type { Claim, Codebook, Edition } from "./schema.ts";
import { STATED_TOLERANCE, UNCHANGED_THRESHOLD } from "./claims.ts";
import { byText } from "./order.ts";
import { round2 } from "./rounding.ts";
import { fmt, signed, type Locale } from "./shared/format.ts";
import { t, type StringKey } from "./shared/strings/index.ts";

export type Status = "matches" | "differs" | "not computed";

/** The published record as reconcile needs it (the rows of editions.csv; `line` when known). */
export type PublishedInput = Edition & { line?: number };
export type ClaimInput = Claim & { line?: number };

export interface ReconciliationRow {
  edition: number;
  published_on: string; // the edition's publication date
  country: string;
  year: number;
  published: number; // the printed total
  computed: number | null; // full precision; null when not computed
  computed_rounded: number | null; // computed at the published precision (two decimals)
  difference: number | null; // computed − published, full precision
  status: Status;
  methodology: string | null;
  source: string;
  line: number | null; // row in editions.csv
}

export interface RevisionClaim {
  id: string;
  edition: number;
  country: string;
  year: number;
  kind: string;
  value: number | null;
  text: string;
  source: string;
  /** Which printed value the statement agrees with. */
  consistent_with: "a" | "b" | "both" | "neither" | "undecidable";
  /** How it was decided, in words (English). */
  reason: string;
  /** The same, in Russian, for the Russian audit page. */
  reason_ru: string;
}

export interface Revision {
  country: string;
  year: number;
  edition_a: number; // the earlier edition
  published_a: string;
  value_a: number;
  edition_b: number; // the later edition
  published_b: string;
  value_b: number;
  difference: number; // value_b − value_a
  computed: number | null;
  computed_matches: "a" | "b" | "both" | "neither" | "not computed";
  claims: RevisionClaim[];
}

export interface MethodologyPeriod {
  version: string;
  title: string;
  previous: string | null;
  from: number;
  to: number | null; // null: open-ended
  /** Data years this version governs that appear in the sheets or the published record. */
  years: number[];
  changes: number; // how many changes from the previous version the codebook records
}

export interface Comparison {
  from_year: number;
  to_year: number;
  from_version: string | null;
  to_version: string | null;
  crosses_break: boolean;
  /** Statements about the change between these years (claims of kind change, rise, decline, unchanged). */
  claims: string[];
}

export interface MissingRow {
  country: string;
  year: number;
  methodology: string;
  section: string;
  indicator: string;
  note: string;
  source: string;
  weight: number;
  worst_points: number;
  best_points: number;
  /** The most the exclusion could have lowered / raised the total: min and max of weight × worst, weight × best. */
  could_lower: number;
  could_raise: number;
  index: number | null; // the computed total of the country-year
  max_attainable: number | null; // of the country-year, with the exclusions applied
  max_attainable_if_included: number | null; // … had this indicator been answered
  file: string;
  line: number;
}

export interface UnpublishedRow {
  country: string;
  year: number;
  methodology: string;
  computed: number;
}

export interface AuditReport {
  editions: { edition: number; published_on: string; rows: number; years: number[]; countries: string[] }[];
  reconciliation: ReconciliationRow[];
  /** Computed country-years no edition printed. */
  unpublished: UnpublishedRow[];
  revisions: Revision[];
  breaks: { periods: MethodologyPeriod[]; comparisons: Comparison[] };
  missing: MissingRow[];
  summary: {
    published: number;
    matches: number;
    differs: number;
    not_computed: number;
    revisions: number;
    excluded: number;
    country_years_with_exclusions: number;
  };
}

/** Columns of the CSV files `audit --out` writes (the first three are fixed by the Audit issue). */
export const AUDIT_CSV = {
  reconciliation: ["edition", "country", "year", "published", "computed", "difference", "status"],
  revisions: ["country", "year", "edition_a", "value_a", "edition_b", "value_b", "difference"],
  missing: [
    "country",
    "year",
    "methodology",
    "section",
    "indicator",
    "note",
    "weight",
    "worst_points",
    "best_points",
    "could_lower",
    "could_raise",
    "index",
    "max_attainable",
    "max_attainable_if_included",
    "file",
    "line",
  ],
} as const;

// ---------------------------------------------------------------------------------------------


const EPS = 1e-9;
/** Two printed values are the same figure (both have at most two decimals). */
const same = (a: number, b: number) => Math.abs(a - b) < EPS;
/** The computed value, rounded as published, equals the printed value. */
export const matchesPublished = (computed: number, published: number) => same(round2(computed), published);

/** A stated figure agrees with a computed one at the release's precision (the claims check's rule). */
const agrees = (stated: number, actual: number) => Math.abs(stated - actual) < STATED_TOLERANCE + EPS;

const key = (country: string, year: number) => `${country}/${year}`;
const byNumber = (a: number, b: number) => a - b;

// ---------------------------------------------------------------------------------------------

export function reconcile(result: PipelineResult, editions: readonly PublishedInput[], claims: readonly ClaimInput[] = []): AuditReport {
  const computed = new Map(result.index.map((t) => [key(t.country, t.year), t]));

  const reconciliation: ReconciliationRow[] = [...editions]
    .sort((a, b) => a.edition - b.edition || byText(a.country, b.country) || a.year - b.year)
    .map((e) => {
      const t = computed.get(key(e.country, e.year));
      const value = t ? t.index : null;
      return {
        edition: e.edition,
        published_on: e.published,
        country: e.country,
        year: e.year,
        published: e.index,
        computed: value,
        computed_rounded: value === null ? null : round2(value),
        difference: value === null ? null : value - e.index,
        status: value === null ? "not computed" : matchesPublished(value, e.index) ? "matches" : "differs",
        methodology: t?.methodology ?? null,
        source: e.source,
        line: e.line ?? null,
      };
    });

  const printed = new Set(editions.map((e) => key(e.country, e.year)));
  const unpublished = result.index
    .filter((t) => !printed.has(key(t.country, t.year)))
    .map((t) => ({ country: t.country, year: t.year, methodology: t.methodology, computed: t.index }));

  const editionList = [...new Set(editions.map((e) => e.edition))].sort(byNumber).map((n) => {
    const rows = editions.filter((e) => e.edition === n);
    return {
      edition: n,
      published_on: [...new Set(rows.map((r) => r.published))].sort().join(", "),
      rows: rows.length,
      years: [...new Set(rows.map((r) => r.year))].sort(byNumber),
      countries: [...new Set(rows.map((r) => r.country))].sort(),
    };
  });

  const revisions = findRevisions(editions, claims, computed);
  const breaks = methodologyBreaks(result.codebooks, [...result.index.map((t) => t.year), ...editions.map((e) => e.year)], claims);
  const missing = missingLedger(result);

  return {
    editions: editionList,
    reconciliation,
    unpublished,
    revisions,
    breaks,
    missing,
    summary: {
      published: reconciliation.length,
      matches: reconciliation.filter((r) => r.status === "matches").length,
      differs: reconciliation.filter((r) => r.status === "differs").length,
      not_computed: reconciliation.filter((r) => r.status === "not computed").length,
      revisions: revisions.length,
      excluded: missing.length,
      country_years_with_exclusions: new Set(missing.map((m) => key(m.country, m.year))).size,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Revisions

/**
 * Every change of a printed total between consecutive editions that printed the same country-year
 * (editions in number order; an edition that repeats the previous value is no revision).
 */
export function findRevisions(
  editions: readonly PublishedInput[],
  claims: readonly ClaimInput[] = [],
  computed: Map<string, { index: number }> = new Map(),
): Revision[] {
  const groups = new Map<string, PublishedInput[]>();
  for (const e of editions) {
    const k = key(e.country, e.year);
    groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  const out: Revision[] = [];
  for (const rows of groups.values()) {
    rows.sort((a, b) => a.edition - b.edition);
    for (let i = 1; i < rows.length; i++) {
      const a = rows[i - 1]!;
      const b = rows[i]!;
      if (same(a.index, b.index)) continue;
      const c = computed.get(key(a.country, a.year))?.index ?? null;
      const ma = c !== null && matchesPublished(c, a.index);
      const mb = c !== null && matchesPublished(c, b.index);
      out.push({
        country: a.country,
        year: a.year,
        edition_a: a.edition,
        published_a: a.published,
        value_a: a.index,
        edition_b: b.edition,
        published_b: b.published,
        value_b: b.index,
        difference: b.index - a.index,
        computed: c,
        computed_matches: c === null ? "not computed" : ma && mb ? "both" : ma ? "a" : mb ? "b" : "neither",
        claims: revisionClaims(a, b, editions, claims),
      });
    }
  }
  return out.sort((x, y) => byText(x.country, y.country) || x.year - y.year || x.edition_a - y.edition_a);
}

/** Printed values of a country-year: the claim's own edition first when it printed one, else every edition's. */
function printedValues(editions: readonly PublishedInput[], country: string, year: number, edition: number): number[] {
  const rows = editions.filter((e) => e.country === country && e.year === year);
  const own = rows.filter((e) => e.edition === edition);
  return [...new Set((own.length ? own : rows).map((e) => e.index))];
}

type RevisionKey = StringKey extends infer K ? (K extends `reconcile.${infer R}` ? R : never) : never;
const say = (lang: Locale, key: RevisionKey, vars?: Record<string, string | number>) => t(lang, `reconcile.${key}` as StringKey, vars);
/** A reason in both languages: its sentence built once per language. */
const inBoth = (reason: (lang: Locale) => string) => ({ reason: reason("en"), reason_ru: reason("ru") });

/** Revisions as a page in `lang` shows them: each statement's reason in that language (English as before, field for field). */
export function revisionsIn(lang: Locale, revisions: readonly Revision[]) {
  return revisions.map((r) => ({ ...r, claims: r.claims.map(({ reason_ru, ...c }) => (lang === "en" ? c : { ...c, reason: reason_ru })) }));
}

const verdict = (okA: boolean, okB: boolean): RevisionClaim["consistent_with"] => (okA && okB ? "both" : okA ? "a" : okB ? "b" : "neither");

/**
 * The statements bearing on a revised total: those about the same country-year (the change into it,
 * its rank) and those about the change out of it into the next year. Each is tested against the old
 * and the new printed value; the other end of a change is the printed value of the neighbouring year
 * (in the claim's edition when it printed one, else in any edition).
 */
function revisionClaims(a: PublishedInput, b: PublishedInput, editions: readonly PublishedInput[], claims: readonly ClaimInput[]): RevisionClaim[] {
  const { country, year } = a;
  const out: RevisionClaim[] = [];
  for (const c of claims) {
    if (c.country !== country || (c.year !== year && c.year !== year + 1)) continue;
    const into = c.year === year; // the claim is about the change from year − 1 into this year
    let result: { consistent_with: RevisionClaim["consistent_with"]; reason: string; reason_ru: string } | null = null;
    switch (c.kind) {
      case "change":
      case "rise":
      case "decline":
      case "unchanged": {
        const otherYear = into ? year - 1 : year + 1;
        const others = printedValues(editions, country, otherYear, c.edition);
        if (others.length === 0) {
          result = { consistent_with: "undecidable", ...inBoth((l) => say(l, "no_printed_total", { country, year: otherYear })) };
          break;
        }
        const delta = (v: number, o: number) => (into ? v - o : o - v); // change from the earlier to the later year
        const ok = (v: number) =>
          others.some((o) => {
            const d = delta(v, o);
            if (c.kind === "change") return c.value !== null && agrees(c.value, d);
            if (c.kind === "rise") return d > EPS && (c.value === null || agrees(Math.abs(c.value), d));
            if (c.kind === "decline") return d < -EPS && (c.value === null || agrees(Math.abs(c.value), -d));
            return Math.abs(d) < UNCHANGED_THRESHOLD;
          });
        if (c.kind === "change" && c.value === null) {
          result = { consistent_with: "undecidable", ...inBoth((l) => say(l, "no_figure")) };
          break;
        }
        const okA = ok(a.index);
        const okB = ok(b.index);
        const from = into ? year - 1 : year;
        const to = into ? year : year + 1;
        const show = (l: Locale, v: number) => others.map((o) => signed(delta(v, o), { locale: l })).join(say(l, "or"));
        const stated = (l: Locale) =>
          c.kind === "change"
            ? say(l, "stated_change", { value: signed(c.value!, { locale: l }) })
            : c.kind === "unchanged"
              ? say(l, "stated_unchanged", { threshold: l === "en" ? String(UNCHANGED_THRESHOLD) : fmt(UNCHANGED_THRESHOLD, { locale: l, digits: 6, trim: true }) })
              : say(l, c.kind === "rise" ? "stated_rise" : "stated_decline");
        result = {
          consistent_with: verdict(okA, okB),
          ...inBoth((l) =>
            say(l, "change", {
              stated: stated(l),
              from,
              to,
              edition_a: a.edition,
              value_a: fmt(a.index, { locale: l }),
              change_a: show(l, a.index),
              edition_b: b.edition,
              value_b: fmt(b.index, { locale: l }),
              change_b: show(l, b.index),
            }),
          ),
        };
        break;
      }
      case "leader": {
        if (!into) continue;
        const rivals = editions.filter((e) => e.edition === c.edition && e.year === year && e.country !== country).map((e) => e.index);
        if (rivals.length === 0) {
          result = { consistent_with: "undecidable", ...inBoth((l) => say(l, "leader_no_rivals", { edition: c.edition, year })) };
          break;
        }
        const top = rivals.reduce((a, b) => Math.max(a, b)); // no spread over an input-sized list
        result = {
          consistent_with: verdict(a.index > top, b.index > top),
          ...inBoth((l) => say(l, "leader", { year, edition: c.edition, top: fmt(top, { locale: l }) })),
        };
        break;
      }
      default:
        continue; // bottom (a group), component statements: not about one total
    }
    out.push({
      id: c.id,
      edition: c.edition,
      country: c.country,
      year: c.year,
      kind: c.kind,
      value: c.value,
      text: c.text,
      source: c.source,
      ...result!,
    });
  }
  return out.sort((x, y) => x.year - y.year || x.edition - y.edition || byText(x.id, y.id));
}

// ---------------------------------------------------------------------------------------------
// Methodology breaks

const governs = (cb: Codebook, year: number) => year >= cb.years.from && (cb.years.to === null || year <= cb.years.to);
const versionOf = (codebooks: readonly Codebook[], year: number) => {
  const found = codebooks.filter((c) => governs(c, year));
  return found.length === 1 ? found[0]!.version : null;
};

/** Which years each codebook governs, and every consecutive-year comparison among the years seen. */
export function methodologyBreaks(
  codebooks: readonly Codebook[],
  yearsSeen: readonly number[],
  claims: readonly ClaimInput[] = [],
): { periods: MethodologyPeriod[]; comparisons: Comparison[] } {
  const years = [...new Set(yearsSeen)].sort(byNumber);
  const periods = [...codebooks]
    .sort((a, b) => a.years.from - b.years.from)
    .map((cb) => ({
      version: cb.version,
      title: cb.title,
      previous: cb.previous,
      from: cb.years.from,
      to: cb.years.to,
      years: years.filter((y) => governs(cb, y)),
      changes: cb.changes.length,
    }));
  const yearSet = new Set(years);
  const comparisons = years
    .filter((y) => yearSet.has(y - 1))
    .map((y) => {
      const from_version = versionOf(codebooks, y - 1);
      const to_version = versionOf(codebooks, y);
      return {
        from_year: y - 1,
        to_year: y,
        from_version,
        to_version,
        crosses_break: from_version !== to_version,
        claims: claims
          .filter((c) => c.year === y && ["change", "rise", "decline", "unchanged"].includes(c.kind))
          .map((c) => c.id)
          .sort(),
      };
    });
  return { periods, comparisons };
}

// ---------------------------------------------------------------------------------------------
// Missing-data ledger

export function missingLedger(result: PipelineResult): MissingRow[] {
  const sections = new Map(result.sections.map((s) => [`${key(s.country, s.year)}/${s.section}`, s]));
  const totals = new Map(result.index.map((t) => [key(t.country, t.year), t]));
  return result.answers
    .filter((a) => a.excluded)
    .map((a) => {
      const weight = sections.get(`${key(a.country, a.year)}/${a.section}`)?.weight ?? sectionWeight(result.codebooks, a.methodology, a.section);
      const lo = weight * a.worst;
      const hi = weight * a.best;
      const t = totals.get(key(a.country, a.year));
      return {
        country: a.country,
        year: a.year,
        methodology: a.methodology,
        section: a.section,
        indicator: a.indicator,
        note: a.note,
        source: a.source,
        weight,
        worst_points: a.worst,
        best_points: a.best,
        could_lower: Math.min(lo, hi) + 0,
        could_raise: Math.max(lo, hi) + 0,
        index: t?.index ?? null,
        max_attainable: t?.max_attainable ?? null,
        max_attainable_if_included: t ? t.max_attainable + Math.max(lo, hi) : null,
        file: a.file,
        line: a.line,
      };
    })
    .sort((x, y) => byText(x.country, y.country) || x.year - y.year || byText(x.indicator, y.indicator));
}

function sectionWeight(codebooks: readonly Codebook[], version: string, section: string): number {
  const w = codebooks.find((c) => c.version === version)?.sections.find((s) => s.id === section)?.weight;
  if (w === undefined) throw new Error(`no weight for section ${section} in methodology ${version}`);
  return w;
}

