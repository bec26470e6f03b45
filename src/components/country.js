// Country-page builders: section stack, indicator × year grid, list of changes, survey intervals.
import { count, figure, fmt, text, sourceLink, tr } from "./format.js";
import { figuresTable } from "./table.js";
import { SECTION_COLOURS, COUNTRY_COLOURS, inkOn } from "./palette.js";
import { pageLang } from "./chart.js";
import { t, printedYears, printedChanges } from "./engine.js";
import { changeBlock } from "./waterfall.js";

/**
 * Each year's section subtotals stacked from zero (positive up, negative down), the sections always in
 * the codebook's order. Not by colour alone: each segment tall enough is labelled with its section code,
 * and the legend lists code and title in the stacking order.
 */
export function sectionStackSpec(sections, { lang } = {}) {
  const l = pageLang(lang);
  const ids = [...new Set(sections.map((s) => s.section))];
  const order = new Map(ids.map((id, i) => [id, i]));
  const rows = [];
  for (const year of [...new Set(sections.map((s) => s.year))]) {
    let up = 0;
    let down = 0;
    for (const s of sections.filter((x) => x.year === year).sort((a, b) => order.get(a.section) - order.get(b.section))) {
      const from = s.weighted >= 0 ? up : down;
      const to = from + s.weighted;
      if (s.weighted >= 0) up = to;
      else down = to;
      const i = order.get(s.section);
      rows.push({ ...s, key: `${s.section} ${s.title}`, y0: from, y1: to, mid: (from + to) / 2, ink: inkOn(SECTION_COLOURS[i % SECTION_COLOURS.length]) });
    }
  }
  const span = Math.max(1, ...rows.map((r) => r.y1), 0) - Math.min(0, ...rows.map((r) => r.y1));
  const keys = ids.map((id) => rows.find((r) => r.section === id)?.key ?? id);
  const points = t(l, "chart.points");
  const x = { field: "year", type: "ordinal", title: t(l, "chart.data_year"), axis: { labelAngle: 0 } };
  return {
    width: "container",
    height: 260,
    data: { values: rows },
    layer: [
      {
        mark: { type: "bar", stroke: "#fff", strokeWidth: 1 },
        encoding: {
          x,
          y: { field: "y0", type: "quantitative", title: points },
          y2: { field: "y1" },
          // Below the chart: on the right, the six section titles left a phone's plot too narrow for its year labels.
          color: { field: "key", type: "nominal", title: t(l, "chart.section"), sort: keys, scale: { domain: keys, range: keys.map((_, i) => SECTION_COLOURS[i % SECTION_COLOURS.length]) }, legend: { orient: "bottom", columns: { expr: "containerSize()[0] < 600 ? 1 : 2" }, labelLimit: 300, symbolType: "square" } },
          tooltip: [{ field: "year", title: t(l, "chart.year") }, { field: "title", title: t(l, "chart.section") }, { field: "weighted", title: points, ...figure({ locale: l }) }],
        },
      },
      {
        // The section code inside every segment tall enough to hold it (a sixteenth of the range drawn).
        transform: [{ filter: `abs(datum.y1 - datum.y0) >= ${span / 16}` }],
        mark: { type: "text", fontWeight: "bold", fontSize: 11, baseline: "middle" },
        encoding: { x, y: { field: "mid", type: "quantitative" }, text: { field: "section" }, fill: { field: "ink", type: "nominal", scale: null, legend: null } },
      },
      { mark: { type: "rule", color: "#000", strokeWidth: 1.5 }, encoding: { y: { datum: 0 } } },
    ],
  };
}

const countryName = (c, l) => (l === "ru" ? c.name_ru : undefined) ?? c.name_en;

export function answerGrid(c, { lang } = {}) {
  const l = pageLang(lang);
  const rows = c.indicators.map((ind) => {
    const row = { indicator: ind.id, title: ind.title };
    for (const cell of c.cells.filter((x) => x.indicator === ind.id)) row[cell.year] = cell;
    return row;
  });
  const cellText = (cell) => {
    if (!cell) return "—";
    const value = cell.value === "survey" ? t(l, "table.country.survey_value", { score: fmt(cell.survey_score, { locale: l }) }) : (cell.value_shown ?? cell.value);
    return `${cell.changed ? "● " : ""}${value} (${cell.excluded ? t(l, "table.country.excluded") : fmt(cell.points, { locale: l })})`;
  };
  // In print, the last PRINTED_YEARS years' columns alone (loaders/shared/print.ts): twenty year
  // columns on an A4 page left each answer a letter or two a line; the earlier years stay on the web
  // page and in the downloads.
  const printed = printedYears(c.years);
  const grid = figuresTable(rows, [
    { key: "indicator", label: t(l, "table.change.indicator") },
    { key: "title", label: t(l, "table.change.title") },
    ...c.years.map((y) => ({
      key: y,
      label: String(y),
      format: (cell) => cellText(cell),
      className: (cell) => (cell?.changed ? "changed" : cell?.points < 0 ? "negative-points" : ""),
      columnClass: printed.includes(y) ? undefined : "web-only",
    })),
  ], { caption: t(l, "table.country.grid_caption", { name: countryName(c, l) }), id: "answer-grid", lang: l });
  if (printed.length === c.years.length) return grid;
  const box = document.createElement("div");
  box.append(grid, text("p", t(l, "table.country.grid_printed", { from: String(printed[0]), to: String(printed.at(-1)), first: String(c.years[0]) }), "print-only muted"));
  return box;
}

/**
 * The country's changes, one block per pair of years, the latest first. In print, those between its
 * printed years alone (printedChanges), and a line saying where the earlier ones are: on this page on
 * the web, and each on its year's What changed page. `block` draws one (waterfall.js changeBlock).
 */
export function changeBlocks(c, { lang, block: blockOf = changeBlock } = {}) {
  const l = pageLang(lang);
  if (c.pairs.length === 0) return text("p", t(l, "page.country.one_year"));
  const printed = new Set(printedChanges(c.pairs));
  const box = document.createElement("div");
  for (const pair of [...c.pairs].reverse()) {
    const block = blockOf(pair, { heading: "h3", id: `change-${pair.to_year}`, lang: l });
    if (!printed.has(pair)) block.className += " web-only";
    box.append(block);
  }
  const earlier = c.pairs.length - printed.size;
  if (earlier) {
    const first = [...printed][0];
    box.append(text("p", t(l, "table.country.blocks_printed", { from: String(first.from_year), to: String(c.pairs.at(-1).to_year), m: count(earlier, l), first: String(c.pairs[0].from_year) }), "print-only muted"));
  }
  return box;
}

export function changeList(c, { lang } = {}) {
  const l = pageLang(lang);
  const changed = c.cells.filter((x) => x.changed).sort((a, b) => a.year - b.year || a.indicator.localeCompare(b.indicator));
  if (!changed.length) return text("p", t(l, "table.country.none_changed"));
  // In print, the latest year's changed answers alone: every earlier year's, with its reasons and
  // notes, stays on the web page and in the downloads, and a printed line says so. At twenty years
  // the whole list ran to half of a country's PDF, and printing it cost most of that PDF's time.
  const latest = Math.max(...c.cells.map((x) => x.year));
  const earlier = changed.filter((x) => x.year < latest).length;
  const table = figuresTable(changed, [
    { key: "year", label: t(l, "chart.year") },
    { key: "indicator", label: t(l, "table.change.indicator") },
    // A Russian page's payload gives the answer and the kind of change in Russian words (value_shown, change_shown).
    { key: "value", label: t(l, "table.country.answer"), format: (x, r) => r.value_shown ?? x },
    { key: "points", label: t(l, "chart.points"), numeric: true },
    { key: "change", label: t(l, "table.country.reason"), format: (x, r) => (r.change_shown ?? x) ?? t(l, "table.country.not_given") },
    { key: "note", label: t(l, "table.change.note"), asWritten: true },
  ], { caption: t(l, "table.country.changes_caption"), id: "change-list", lang: l, rowClass: (r) => (r.year < latest ? "web-only" : "") });
  if (!earlier) return table;
  const printed = changed.length - earlier;
  if (!printed) table.className += " web-only";
  const box = document.createElement("div");
  box.append(table, text("p", printed
    ? t(l, "table.country.changes_printed", { year: String(latest), n: count(printed, l), m: count(earlier, l) })
    : t(l, "table.country.changes_printed_none", { year: String(latest), m: count(earlier, l) }), "print-only muted"));
  return box;
}

export function surveySpec(surveys, { lang } = {}) {
  const l = pageLang(lang);
  const indicator = t(l, "table.change.indicator");
  return {
    width: "container",
    height: 220,
    data: { values: surveys },
    encoding: {
      x: { field: "year", type: "ordinal", title: t(l, "chart.data_year"), axis: { labelAngle: 0 } },
      xOffset: { field: "indicator" },
      color: { field: "indicator", type: "nominal", title: indicator, scale: { range: COUNTRY_COLOURS } },
    },
    layer: [
      { mark: { type: "rule", strokeWidth: 2 }, encoding: { y: { field: "lo", type: "quantitative", title: t(l, "chart.survey_score"), scale: { domain: [0, 10] } }, y2: { field: "hi" } } },
      {
        mark: { type: "point", filled: true, size: 60 },
        encoding: {
          y: { field: "value", type: "quantitative" },
          // Titled like the colour so Vega-Lite draws one legend, not "Indicator" and "indicator": the legend shows shape and colour together.
          shape: { field: "indicator", type: "nominal", title: indicator },
          tooltip: [
            { field: "year", title: t(l, "chart.year") },
            { field: "indicator", title: indicator },
            { field: "value", title: t(l, "chart.survey_value"), ...figure({ locale: l }) },
            { field: "lo", title: t(l, "chart.survey_low"), ...figure({ locale: l }) },
            { field: "hi", title: t(l, "chart.survey_high"), ...figure({ locale: l }) },
          ],
        },
      },
    ],
  };
}

export function sourceList(c, { lang } = {}) {
  const l = pageLang(lang);
  const ul = document.createElement("ul");
  for (const s of c.sources) {
    const li = document.createElement("li");
    li.append(sourceLink(s.source), text("span", ` — ${s.indicators.join(", ")} (${s.years.join(", ")})`));
    ul.append(li);
  }
  const wrap = document.createElement("div");
  wrap.append(text("p", t(l, "table.country.sources_intro")), ul);
  return wrap;
}
