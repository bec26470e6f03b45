// The changes as shown: changes.csv's rows, each pair's figures rounded by the sum-keeping policy
// (rounding.ts), the sentences that explain a change, and the What changed pages' payload. The
// attribution itself (loaders/attribution.ts) and the claims check (loaders/claims.ts) compute; this
// module only presents their result.
import type { Project } from "../project.ts";
import type { Codebook } from "../schema.ts";
import {
  ATTRIBUTION_KINDS,
  EXACTNESS_TOLERANCE,
  KIND_TEXT,
  ORDERS,
  ORDER_TEXT,
  SECTION_OFFSET,
  surveyMoveText,
  type Attribution,
  type AttributionKind,
  type ContributionRow,
  type Order,
  type PairAttribution,
} from "../attribution.ts";
import { CLAIM_RULES, DRIVER_SHARE, UNCHANGED_THRESHOLD, claimsIn, type ClaimStatus, type WithChanges } from "../claims.ts";
import { allocateCents, fromCents, toCents, ROUNDING_POLICY } from "../rounding.ts";
import { byText } from "../order.ts";
import { count, exact, fmt as figure, signed, type Locale } from "../shared/format.ts";
import { t, type StringKey } from "../shared/strings/index.ts";
import { countryName, indicatorTitle as titleOfIndicator, sectionTitle as titleOfSection } from "./lang.ts";
import { kindName, phrase, say, type Term } from "../attribution-words.ts";
import { changeIn } from "../workbook/words.ts";
import { groupBy } from "../group.ts";

export { kindName };

/** The pair's reason for not being comparable, in `lang` (the attribution's English when it gives no phrase). */
const reasonIn = (r: { reason: string | null; reason_phrase: Term | null }, lang: Locale) => (r.reason_phrase ? say(r.reason_phrase, lang) : r.reason);


export const CHANGES_COLUMNS = ["country", "from_year", "to_year", "change", "section", "indicator", "kind", "contribution"] as const;

/** A pair's rows in one split: "shapley" gives the pair's own split (the method's: the Shapley value unless it says method_first), an order its own (the same rows for a pair within one codebook). */
export function rowsOf(pair: PairAttribution, split: "shapley" | Order = "shapley"): ContributionRow[] {
  return split === "shapley" || !pair.orders ? pair.rows : pair.orders[split].rows;
}

/**
 * changes.csv rows (changes-method-first.csv with split "method_first"): one per contribution row,
 * full precision, in attribution order. A pair in which nothing moved and nothing was stated still
 * gets one row (empty section and indicator, kind empty, contribution 0), so every pair appears.
 */
export function changesTable(attribution: Attribution, split: "shapley" | Order = "shapley"): Record<(typeof CHANGES_COLUMNS)[number], string | number>[] {
  return attribution.pairs.flatMap((p) => {
    const rows = rowsOf(p, split).map((r) => ({
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
  method: number | null; // displayed methodology total (sum of displayed methodology rows), the pair's own split
  /** Crossing pairs: the method's share in each order (two decimals) and answers first − method first. */
  method_orders: { method_first: number; answers_first: number; difference: number } | null;
  /** The waterfall: each section that moved, in codebook order, from and to its running total (whole cents, so bars meet exactly). */
  steps: { section: string; amount: number; start: number; end: number }[];
}

/** The positions of `items` under each key, in order; the keys in the order they first appear. */
function groupIndices<T>(items: readonly T[], key: (item: T) => string): Map<string, number[]> {
  return groupBy(items.map((_, i) => i), (i) => key(items[i]!));
}

/** The rounding policy (rounding.ts) applied to one pair: change → sections → rows; change → kinds. */
export function displayPair(pair: PairAttribution): DisplayPair {
  const changeCents = toCents(pair.change);
  const sectionCents = allocateCents(
    changeCents,
    pair.sections.map((s) => s.contribution),
  );
  const rowCents = new Array<number>(pair.rows.length).fill(0);
  // Each section's rows, in row order, found in one pass (not one pass over every row per section).
  const rowsOfSection = groupIndices(pair.rows, (r) => r.section);
  pair.sections.forEach((s, k) => {
    const idx = rowsOfSection.get(s.section) ?? [];
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
    method_orders: pair.orders
      ? {
          method_first: fromCents(toCents(pair.orders.method_first.method.total)),
          answers_first: fromCents(toCents(pair.orders.answers_first.method.total)),
          // Of the displayed figures, so that the page's arithmetic holds (−1.64 − −6.07 = 4.43, not 4.435 → 4.44).
          difference: fromCents(toCents(pair.orders.answers_first.method.total) - toCents(pair.orders.method_first.method.total)),
        }
      : null,
    steps,
  };
}

/** A signed two-decimal figure for prose: `+12.14`, `−4.07` (true minus sign), `0.00`. */
export const signedText = (x: number): string => signed(x);
const plainText = (x: number) => figure(x);

export interface ExplainContext {
  countryName: string;
  sectionTitle: (section: string) => string;
  indicatorTitle: (indicator: string) => string;
}

/** How many of a change's largest contributions an explanation names; the rest are summed in one line. */
export const EXPLAIN_TOP = 3;

export interface ExplanationItem {
  indicator: string; // the codebook id, or SECTION_OFFSET
  section: string;
  title: string; // in the explanation's language
  shown: number; // displayed contribution (two decimals; the items and `rest` add up to the displayed change)
  kinds: string[]; // the kinds of its non-zero rows, ATTRIBUTION_KINDS order
  /** "survey score 4.4 → 6.8" when the survey ratings moved, else null. */
  survey_move: string | null;
  text: string; // "Title (ID): +3.60"
}

/** A pair's change as a short list: its largest contributions first, the rest summed, then notes. */
export interface Explanation {
  head: string; // "Kazakhstan +12.14 (2023 122.51 → 2024 134.65)"
  items: ExplanationItem[]; // at most EXPLAIN_TOP, largest |shown| first (ties: by indicator id)
  rest: { count: number; shown: number; text: string } | null; // the other indicators that moved by a displayed cent
  notes: string[]; // nothing moved; the method's share; not comparable; moved without a reason
}

/**
 * A pair's change as a short list in `lang`, from displayed (rounded, sum-keeping) figures: the
 * contributions of the indicators that moved, largest first, then "and 7 smaller changes, +0.42 in all".
 * `ctx` gives names and titles in the same language.
 */
export function explainPair(pair: PairAttribution, ctx: ExplainContext, display: DisplayPair = displayPair(pair), lang: Locale = "en"): Explanation {
  const say = (key: StringKey, vars: Record<string, string | number> = {}) => t(lang, key, vars);
  const num = (x: number) => figure(x, { locale: lang });
  const sig = (x: number) => signed(x, { locale: lang });
  const head = say("page.explain.head", { country: ctx.countryName, change: sig(pair.change), from_year: pair.from_year, from_total: num(pair.from_total), to_year: pair.to_year, to_total: num(pair.to_total) });
  // An indicator's displayed contribution is the sum of its rows' displayed cents (rows of one indicator can sit in two kinds).
  const rowsOfKey = groupIndices(pair.rows, (r) => `${r.section}\u0000${r.indicator}`);
  const moved = [...rowsOfKey]
    .map(([key, idx]) => {
      const [section, indicator] = key.split("\u0000") as [string, string];
      const cents = idx.reduce((sum, i) => sum + toCents(display.rows[i]!), 0);
      const own = idx.map((i) => pair.rows[i]!).filter((r) => r.contribution !== 0);
      const survey = own.find((r) => r.kind === "survey");
      return { section, indicator, cents, kinds: ATTRIBUTION_KINDS.filter((k) => own.some((r) => r.kind === k)) as string[], survey_move: survey ? surveyMoveText(survey.survey_from, survey.survey_to, lang) : null };
    })
    .filter((x) => x.cents !== 0)
    .sort((a, b) => Math.abs(b.cents) - Math.abs(a.cents) || byText(a.indicator, b.indicator) || byText(a.section, b.section));
  const items: ExplanationItem[] = moved.slice(0, EXPLAIN_TOP).map((x) => {
    const shown = fromCents(x.cents);
    const title = x.indicator === SECTION_OFFSET ? `${say("page.explain.offset")}: ${ctx.sectionTitle(x.section)}` : ctx.indicatorTitle(x.indicator);
    // A codebook without titles gives the id as title: said once, not "BB-01 (BB-01)".
    const text = x.indicator === SECTION_OFFSET || title === x.indicator ? `${title}: ${sig(shown)}` : say("page.explain.item", { title, indicator: x.indicator, points: sig(shown) });
    return { indicator: x.indicator, section: x.section, title, shown, kinds: x.kinds, survey_move: x.survey_move, text };
  });
  const others = moved.slice(EXPLAIN_TOP);
  const restCents = others.reduce((s, x) => s + x.cents, 0);
  const rest = others.length
    ? { count: others.length, shown: fromCents(restCents), text: others.length === 1 ? say("page.explain.rest_one", { points: sig(fromCents(restCents)) }) : say("page.explain.rest", { count: count(others.length, lang), points: sig(fromCents(restCents)) }) }
    : null;
  const notes: string[] = [];
  if (moved.length === 0) notes.push(pair.change !== 0 ? say("page.explain.still_exact", { exact: figure(pair.change, { locale: lang, digits: 6, trim: true, group: false }) }) : say("page.explain.still"));
  if (pair.crosses_methodology && pair.method) notes.push(say("page.explain.method", { points: sig(display.method ?? 0), from: pair.method.from, to: pair.method.to }));
  if (pair.crosses_methodology && !pair.comparable && pair.reason) notes.push(say("page.explain.not_comparable", { reason: reasonIn(pair, lang)! }));
  if (pair.unexplained.length) notes.push(say("page.explain.unexplained", { list: pair.unexplained.join(", ") }));
  return { head, items, rest, notes };
}

/** The method's share of a crossing pair, split into its parts, in `lang` (the What changed pages show it beside the list), or null. */
export function methodShareText(pair: PairAttribution, display: DisplayPair = displayPair(pair), lang: Locale = "en"): string | null {
  if (!pair.crosses_methodology || !pair.method || !display.method_orders) return null;
  const m = pair.method;
  const o = display.method_orders;
  const sig = (x: number) => signed(x, { locale: lang });
  const unrescorable = m.unrescorable.reduce((s, u) => s + u.contribution, 0);
  // The offsets' share only when there is one (minmax), so the published figures are allocated as before.
  const [common, added, removed, mixed, offsets] = allocateCents(toCents(display.method ?? 0), [m.effect_common, m.added, m.removed, unrescorable, ...(m.offsets !== 0 ? [m.offsets] : [])]).map((c) => c / 100);
  const which =
    o.difference === 0
      ? phrase("attribution.method_share.same")
      : pair.split === "method_first"
        ? phrase("attribution.method_share.method_first", { answers_first: sig(o.answers_first) })
        : phrase("attribution.method_share.mean", { method_first: sig(o.method_first), answers_first: sig(o.answers_first) });
  return say(
    phrase("attribution.method_share", {
      from: m.from,
      to: m.to,
      shown: sig(display.method ?? 0),
      which,
      common: sig(common!),
      added: sig(added!),
      removed: sig(removed!),
      unrescorable: m.unrescorable.length ? phrase("attribution.method_share.unrescorable", { points: sig(mixed!) }) : "",
      offsets: m.offsets !== 0 ? phrase("attribution.method_share.offsets", { points: sig(offsets!) }) : "",
      not_comparable: pair.comparable ? "" : phrase("attribution.method_share.not_comparable", { reason: reasonIn(pair, lang) ?? "" }),
    }),
    lang,
  );
}

/**
 * What the pages say about the two orders of a crossing pair, from displayed figures: the method's
 * share method first and answers first, how far apart they are, and the split shown (the method's: the Shapley value, or the method-first order).
 */
export function methodOrdersText(pair: PairAttribution, display: DisplayPair = displayPair(pair), lang: Locale = "en"): string | null {
  const o = display.method_orders;
  if (!pair.orders || !o) return null;
  if (lang !== "en") {
    const n = (x: number) => signed(x, { locale: lang });
    const vars = { from_method: pair.methodology_from, to_method: pair.methodology_to, from_year: pair.from_year, method_first: n(o.method_first), answers_first: n(o.answers_first), difference: figure(Math.abs(o.difference), { locale: lang }), shown: n(display.method ?? 0), reason: reasonIn(pair, lang) ?? "" };
    const body =
      o.difference === 0
        ? t(lang, "page.changes.orders_same", vars)
        : t(lang, "page.changes.orders_differ", vars) + " " + t(lang, pair.split === "method_first" ? "page.changes.orders_shown_method_first" : "page.changes.orders_shown_shapley", vars);
    return body + (pair.comparable ? "" : " " + t(lang, "page.changes.orders_not_comparable", vars));
  }
  const head = `This pair crosses the change of method (${pair.methodology_from} → ${pair.methodology_to}).`;
  const mf = `rescoring the ${pair.from_year} answers under ${pair.methodology_to} first`;
  const af = `applying the answers' changes under ${pair.methodology_from} first`;
  const text =
    o.difference === 0
      ? `${head} Both orders of the two steps (${mf}, or ${af}) give the method the same share: ${signedText(display.method ?? 0)} of the change.`
      : `${head} How much of the change is the method's depends on the order of the two steps: ${mf} gives ${signedText(o.method_first)}, ${af} gives ${signedText(o.answers_first)}; ` +
        `they differ by ${plainText(Math.abs(o.difference))}. ` +
        (pair.split === "method_first"
          ? `Shown is the method-first order, as the method chooses: ${signedText(display.method ?? 0)} of the change is the method's.`
          : `Shown is their mean, the Shapley value, which depends on no order: ${signedText(display.method ?? 0)} of the change is the method's.`);
  return text + (pair.comparable ? "" : ` Not fully comparable: ${pair.reason}.`);
}

/**
 * A frozen pair's presentation shared by the English and the Russian payload: the build's result is
 * frozen (loaders/result.ts deepFreeze), so nothing it shows can change between the two; a pair that
 * is not frozen is presented afresh each time. The explanation also depends on the countries' names and
 * the codebooks' titles, so it is reused only with the same project and codebooks.
 */
const neutralMemo = new WeakMap<PairAttribution, { project: Project; codebooks: unknown; value: unknown }>();
function languageNeutral<T>(pair: PairAttribution, project: Project, result: WithChanges, make: () => T): T {
  if (!Object.isFrozen(pair)) return make();
  const hit = neutralMemo.get(pair);
  if (hit && hit.project === project && hit.codebooks === result.codebooks) return hit.value as T;
  const value = make();
  neutralMemo.set(pair, { project, codebooks: result.codebooks, value });
  return value;
}

/**
 * How many of a pair's moved indicators its change block lists ("Indicators that moved most",
 * src/components/waterfall.js movedIndicators, which shows the payload's as they are): the payload
 * carries those alone. With 200 indicators the whole list was three quarters of every What changed
 * and country file, and none of it shown.
 */
export const MOVED_SHOWN = 8;

export function changesPayload(project: Project, result: WithChanges, lang: Locale = "en") {
  const { attribution } = result;
  // Each check's reason in the page's language.
  const checks = claimsIn(lang, result.claims);
  const names: Record<string, string> = Object.fromEntries(project.countries.map((c) => [c.code, countryName(lang, c)]));
  // Each codebook's sections and indicators by id (the first of an id, as find() gave), looked up per item.
  const byId = <T extends { id: string }>(items: readonly T[]) => {
    const m = new Map<string, T>();
    for (const x of items) if (!m.has(x.id)) m.set(x.id, x);
    return m;
  };
  const cbByVersion = new Map<string, { sections: Map<string, Codebook["sections"][number]>; indicators: Map<string, Codebook["indicators"][number]> }>();
  for (const c of result.codebooks) if (!cbByVersion.has(c.version)) cbByVersion.set(c.version, { sections: byId(c.sections), indicators: byId(c.indicators) });
  const sectionOf = (pair: PairAttribution, id: string) => cbByVersion.get(pair.methodology_to)?.sections.get(id) ?? cbByVersion.get(pair.methodology_from)?.sections.get(id);
  const indicatorOf = (pair: PairAttribution, id: string) => cbByVersion.get(pair.methodology_to)?.indicators.get(id) ?? cbByVersion.get(pair.methodology_from)?.indicators.get(id);
  const sectionTitle = (pair: PairAttribution) => (id: string) => {
    const s = sectionOf(pair, id);
    return s ? titleOfSection(lang, s) : id;
  };
  const indicatorTitle = (pair: PairAttribution) => (id: string) => {
    const i = indicatorOf(pair, id);
    return i ? titleOfIndicator(lang, i) : id;
  };
  // The sentences of the attribution and the claims check in the page's language (English: the engine's own).
  const kindText = (k: (typeof ATTRIBUTION_KINDS)[number]) => (lang === "en" ? KIND_TEXT[k] : t(lang, `page.changes.kind.${k}` as StringKey));
  const rules = lang === "en" ? CLAIM_RULES : (Object.fromEntries(Object.keys(CLAIM_RULES).map((k) => [k, t(lang, `page.changes.rule.${k}` as StringKey, { threshold: figure(UNCHANGED_THRESHOLD, { locale: lang, trim: true }), share: figure(DRIVER_SHARE * 100, { locale: lang, trim: true }) })])) as typeof CLAIM_RULES);
  // The change as a short list in both languages (the page picks its own), titles from the later codebook, else the earlier.
  const namesIn = (l: Locale): Record<string, string> => Object.fromEntries(project.countries.map((c) => [c.code, countryName(l, c)]));
  const titlesIn = (l: Locale) => (pair: PairAttribution) => ({
    sectionTitle: (id: string) => {
      const s = sectionOf(pair, id);
      return s ? titleOfSection(l, s) : id;
    },
    indicatorTitle: (id: string) => {
      const i = indicatorOf(pair, id);
      return i ? titleOfIndicator(l, i) : id;
    },
  });
  const explainIn = (l: Locale) => {
    const n = namesIn(l);
    const titles = titlesIn(l);
    return (p: PairAttribution, display: ReturnType<typeof displayPair>) => explainPair(p, { countryName: n[p.country] ?? p.country, ...titles(p) }, display, l);
  };
  const explainEn = explainIn("en");
  const explainRu = explainIn("ru");
  // What a pair shows in either language (its displayed figures, its explanation in both, its rows),
  // made once per pair for both payloads.
  const neutral = (p: PairAttribution) =>
    languageNeutral(p, project, result, () => {
      const display = displayPair(p);
      return {
        display,
        explanation: { en: explainEn(p, display), ru: explainRu(p, display) },
      };
    });
  const claimsOf = new Map<string, typeof checks>();
  for (const c of checks) {
    const key = `${c.country}\u0000${c.year}`;
    const list = claimsOf.get(key);
    if (list) list.push(c);
    else claimsOf.set(key, [c]);
  }

  const pairs = [...attribution.pairs]
    .sort((a, b) => a.to_year - b.to_year || byText(a.country, b.country))
    .map((p) => {
      const { display, explanation } = neutral(p);
      const st = sectionTitle(p);
      const it = indicatorTitle(p);
      return {
        country: p.country,
        name: names[p.country] ?? p.country,
        from_year: p.from_year,
        to_year: p.to_year,
        methodology_from: p.methodology_from,
        methodology_to: p.methodology_to,
        crosses_methodology: p.crosses_methodology,
        comparable: p.comparable,
        reason: reasonIn(p, lang),
        from_total: p.from_total,
        to_total: p.to_total,
        change: p.change,
        residual: p.residual,
        display: {
          change: display.change,
          from_total: display.from_total,
          to_total: display.to_total,
          method: display.method,
          method_orders: display.method_orders,
          steps: display.steps,
        },
        sections: p.sections.map((s) => ({ ...s, title: st(s.section), shown: display.sections[s.section] ?? 0 })),
        kinds: p.kinds.map((k) => ({ ...k, name: kindName(k.kind, lang), text: kindText(k.kind), shown: display.kinds[k.kind] ?? 0 })),
        // The attribution names indicators and says how they moved in English; the page names them in its own language (same codebook: the later).
        // The ones the page shows (MOVED_SHOWN), in the attribution's order; every changed answer and its points are on the country page, in the audit's trace and in the downloads.
        indicators: p.indicators.filter((i) => i.contribution !== 0 || i.reason).slice(0, MOVED_SHOWN).map(({ move_phrase, detail_phrase, ...i }) => ({
          ...i,
          title: it(i.indicator),
          move: say(move_phrase, lang),
          detail: say(detail_phrase, lang),
          kind_names: i.kinds.map((k) => kindName(k, lang)),
          // The sheet's kind of change as the Russian sheets write it (закон, практика…); English as the sheet has it.
          reason: changeIn(i.reason, lang),
          section_title: st(i.section),
          shown: display.indicators[i.indicator] ?? 0,
        })),
        unexplained: p.unexplained,
        method: p.method && { ...p.method, unrescorable: p.method.unrescorable.map(({ why_phrase, ...u }) => ({ ...u, why: say(why_phrase, lang) })) },
        // Crossing pairs: each order's method share (full precision) and whether it is comparable; rows only in changes-method-first.csv.
        orders: p.orders
          ? Object.fromEntries(ORDERS.map((o) => [o, { text: lang === "en" ? ORDER_TEXT[o] : t(lang, `page.changes.order.${o}` as StringKey), method: p.orders![o].method.total, comparable: p.orders![o].comparable, reason: reasonIn(p.orders![o], lang) }]))
          : null,
        method_note: methodOrdersText(p, display, lang),
        explanation,
        method_detail: methodShareText(p, display, lang),
        claims: claimsOf.get(`${p.country}\u0000${p.to_year}`) ?? [],
      };
    });
  const years = [...new Set(pairs.map((p) => p.to_year))].sort((a, b) => a - b);
  const count = (s: ClaimStatus) => checks.filter((c) => c.status === s).length;
  return {
    rounding_policy: lang === "en" ? ROUNDING_POLICY : t(lang, "page.changes.rounding_policy"),
    rules,
    kinds: ATTRIBUTION_KINDS.map((k) => ({ kind: k, name: kindName(k, lang), text: kindText(k) })),
    unchanged_threshold: UNCHANGED_THRESHOLD,
    years,
    names,
    pairs,
    claims: checks,
    claims_summary: { checked: checks.length, matches: count("matches"), differs: count("differs"), not_checkable: count("not checkable") },
    claims_by_year: Object.fromEntries(
      [...new Set(checks.map((c) => c.year))].sort((a, b) => a - b).map((y) => {
        const ofYear = checks.filter((c) => c.year === y);
        const n = (status: ClaimStatus) => ofYear.filter((c) => c.status === status).length;
        return [y, { checked: ofYear.length, matches: n("matches"), differs: n("differs"), not_checkable: n("not checkable") }];
      }),
    ),
    exact: attribution.pairs.every((p) => Math.abs(p.residual) <= EXACTNESS_TOLERANCE),
  };
}

export type ChangesPayload = ReturnType<typeof changesPayload>;
export type ChangesPair = ChangesPayload["pairs"][number];
