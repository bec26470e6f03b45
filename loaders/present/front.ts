// The front page's payload: the latest year's Index per country as one line a reader can quote
// (Index of the maximum attainable, rank, the change and its largest parts from the attribution,
// the release's own words where a checked statement names the driver), the countries left out,
// where the published record disagrees with itself, the map's shapes and the cite line's edition.
// Everything comes from the one result (loaders/result.ts); this module only words it.
import type { Project } from "../project.ts";
import type { IndexTotal } from "../aggregate.ts";
import type { ClaimCheck, WithChanges } from "../claims.ts";
import { pointsRange } from "../score.ts";
import { byText } from "../order.ts";
import { fmt, signed, type Locale } from "../shared/format.ts";
import { LANGS, t, type StringKey } from "../shared/strings/index.ts";
import { changesPayload, type ChangesPair, type ExplanationItem } from "./changes.ts";
import { labelPoint, REGION, shapeArea, SMALL_LABEL_AREA, type CountryShape } from "./map.ts";

/** A line names at most this many parts of the change. */
export const REASONS_MAX = 2;
/** A second part is named only if it is at least this share of the change: "mainly because of" must stay true. */
export const REASON_SHARE = 0.25;
/** Statements that name what drove a change; a matching one is quoted beside the computed parts. */
const DRIVER_KINDS = new Set(["driver", "sole_driver"]);

type Texts = Record<Locale, string>;
const inBoth = (f: (lang: Locale) => string): Texts => Object.fromEntries(LANGS.map((l) => [l, f(l)])) as Texts;
const joinList = (lang: Locale, items: string[]) => items.join(t(lang, "page.front.list_and"));

/** The parts of a change a line names: the largest in the change's direction (items come largest first). */
export function mainReasons(items: readonly ExplanationItem[], change: number): ExplanationItem[] {
  const along = items.filter((i) => Math.sign(i.shown) === Math.sign(change) && i.shown !== 0);
  return along.slice(0, REASONS_MAX).filter((i, k) => k === 0 || Math.abs(i.shown) >= REASON_SHARE * Math.abs(change));
}

/** The checked statement of the release that names the driver of a country's change (largest first), if it agrees with the computation. */
function releaseDriver(checks: readonly ClaimCheck[], country: string, year: number): ClaimCheck | null {
  return (
    checks
      .filter((c) => c.country === country && c.year === year && DRIVER_KINDS.has(c.kind) && c.status === "matches")
      .sort((a, b) => Math.abs(b.computed ?? 0) - Math.abs(a.computed ?? 0) || byText(a.id, b.id))[0] ?? null
  );
}

/** The highest Index a codebook allows: every indicator at its best points, times its section's weight. */
function codebookMaximum(project: Project, version: string): number | null {
  const cb = project.codebooks.find((c) => c.version === version);
  if (!cb) return null;
  const weight = new Map(cb.sections.map((s) => [s.id, s.weight]));
  return cb.indicators.reduce((sum, ind) => sum + pointsRange(ind).best * (weight.get(ind.section) ?? 0), 0);
}

/** `pairs`: the What changed pages' pairs, when the caller has them already (the build does: loaders/present/changes-data.ts). */
export function frontPayload(project: Project, result: WithChanges, shapes: readonly CountryShape[], pairs: ChangesPair[] = changesPayload(project, result).pairs) {
  const names = new Map(project.countries.map((c) => [c.code, { en: c.name_en, ru: c.name_ru }]));
  const nameIn = (code: string, lang: Locale) => names.get(code)?.[lang] ?? code;
  const years = [...new Set(result.index.map((r) => r.year))].sort((a, b) => a - b);
  const year = years.at(-1) ?? null;
  const latest = result.index.filter((r) => r.year === year).sort((a, b) => a.rank - b.rank || byText(a.country, b.country));
  // The first pair of each country-year, as find() gave.
  const pairOf = new Map<string, ChangesPair>();
  for (const p of pairs) if (!pairOf.has(`${p.country}\u0000${p.to_year}`)) pairOf.set(`${p.country}\u0000${p.to_year}`, p);

  const lineOf = (r: IndexTotal) => {
    const pair = pairOf.get(`${r.country}\u0000${r.year}`) ?? null;
    const driver = pair ? releaseDriver(result.claims, r.country, r.year) : null;
    const reasons = inBoth((lang) => {
      const items = pair ? mainReasons(pair.explanation[lang].items, pair.change) : [];
      return items.map((i) => t(lang, "page.front.reason_item", { title: i.title, points: signed(i.shown, { locale: lang }) })).join(t(lang, "page.front.reason_and"));
    });
    const text = inBoth((lang) => {
      const vars = { country: nameIn(r.country, lang), index: fmt(r.index, { locale: lang }), max: fmt(r.max_attainable, { locale: lang }), year: r.year, rank: r.rank, count: r.countries, previous: r.year - 1 };
      if (!pair) return t(lang, "page.front.line_new", vars);
      const change = signed(pair.display.change, { locale: lang });
      return reasons[lang] ? t(lang, "page.front.line", { ...vars, change, reason: reasons[lang] }) : t(lang, "page.front.line_still", { ...vars, change });
    });
    return {
      country: r.country,
      name: { en: nameIn(r.country, "en"), ru: nameIn(r.country, "ru") },
      year: r.year,
      index: r.index,
      max_attainable: r.max_attainable,
      rank: r.rank,
      countries: r.countries,
      change: pair?.change ?? null,
      shown_change: pair?.display.change ?? null,
      reasons: pair ? mainReasons(pair.explanation.en.items, pair.change).map((i) => ({ indicator: i.indicator, shown: i.shown })) : [],
      line: text,
      // The release's words are English only; the Russian page says so.
      release: driver ? { id: driver.id, year: driver.year, text: driver.text, line: inBoth((lang) => t(lang, "page.front.release_says", { year: driver.year, text: driver.text })) } : null,
    };
  };

  const measured = new Set(latest.map((r) => r.country));
  const absent = project.countries
    .filter((c) => !measured.has(c.code))
    .map((c) => {
      const earlier = years.filter((y) => result.index.some((r) => r.country === c.code && r.year === y));
      const key: StringKey = earlier.length ? "page.front.absent_earlier" : "page.front.absent_never";
      return { country: c.code, years: earlier, line: inBoth((lang) => t(lang, key, { country: nameIn(c.code, lang), years: joinList(lang, earlier.map(String)), year: year ?? "" })) };
    })
    .sort((a, b) => byText(a.country, b.country));

  const disagreements = result.claims
    .filter((c) => c.kind === "change" && c.status === "differs" && c.stated !== null)
    .flatMap((c) => {
      // The edition's own table for both years: a statement at odds with it is the record disagreeing with itself.
      const row = (y: number) => project.editions.find((e) => e.edition === c.edition && e.country === c.country && e.year === y);
      const from = row(c.year - 1);
      const to = row(c.year);
      if (!from || !to) return [];
      const tableChange = to.index - from.index;
      const vars = (lang: Locale) => ({
        country: nameIn(c.country, lang),
        year: c.year,
        previous: c.year - 1,
        edition: c.edition,
        text: c.text,
        from: fmt(from.index, { locale: lang }),
        to: fmt(to.index, { locale: lang }),
        computed: signed(tableChange, { locale: lang }),
        stated: signed(c.stated, { locale: lang }),
        difference: signed(tableChange - c.stated!, { locale: lang }),
      });
      return [{ id: c.id, country: c.country, year: c.year, edition: c.edition, stated: c.stated, table_change: tableChange, text: c.text, source: c.source, line: inBoth((lang) => t(lang, "page.front.disagree", vars(lang))) }];
    })
    .sort((a, b) => b.year - a.year || byText(a.country, b.country));

  const latestEdition = project.editions.reduce<{ edition: number; published: string } | null>((m, e) => (!m || e.edition > m.edition ? { edition: e.edition, published: e.published } : m), null);
  const indexOf = new Map(latest.map((r) => [r.country, r]));
  const codeOfName = new Map(project.countries.map((c) => [c.name_en, c.code]));
  const features = shapes.map((s) => {
    const code = codeOfName.get(s.name) ?? null;
    const r = code ? indexOf.get(code) : undefined;
    return {
      type: "Feature" as const,
      id: s.id,
      properties: { code, name_en: code ? nameIn(code, "en") : s.name, name_ru: code ? nameIn(code, "ru") : s.name, index: r?.index ?? null },
      geometry: { type: "MultiPolygon" as const, coordinates: s.polygons },
    };
  });
  // A country measured but not drawn (its name_en is not the boundaries' English name, or it lies outside the window) is said under the map, not dropped in silence.
  const unmapped = latest.filter((r) => !features.some((f) => f.properties.code === r.country)).map((r) => r.country);
  const labels = features.flatMap((f) => {
    const shape = shapes.find((s) => s.id === f.id && s.name === (codeOfName.has(s.name) ? s.name : f.properties.name_en));
    const point = f.properties.code && indexOf.has(f.properties.code) && shape ? labelPoint(shape) : null;
    return point ? [{ country: f.properties.code!, name_en: f.properties.name_en, name_ru: f.properties.name_ru, index: f.properties.index, longitude: point[0], latitude: point[1], beside: shapeArea(shape!) < SMALL_LABEL_AREA }] : [];
  });

  return {
    year,
    previous_year: year === null ? null : year - 1,
    max_attainable: latest[0] ? codebookMaximum(project, latest[0].methodology) : null,
    // The map's colour scale: from zero (or the lowest Index, if negative) to the maximum attainable.
    color_domain: latest[0] ? [Math.min(0, ...latest.map((r) => r.index)), codebookMaximum(project, latest[0].methodology) ?? 0] : null,
    lines: latest.map(lineOf),
    absent,
    disagreements,
    // Countries with a page: every country with a computed Index in any year.
    pages: [...new Set(result.index.map((r) => r.country))].sort(byText).map((code) => ({ country: code, name: { en: nameIn(code, "en"), ru: nameIn(code, "ru") } })),
    edition: latestEdition,
    map: {
      region: REGION,
      features,
      labels,
      unmapped,
      unmapped_line: unmapped.length ? inBoth((lang) => t(lang, "page.front.unmapped", { list: joinList(lang, unmapped.map((c) => nameIn(c, lang))) })) : null,
    },
  };
}

export type FrontPayload = ReturnType<typeof frontPayload>;
