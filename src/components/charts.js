// Vega-Lite specs shared by the pages. Words come from the strings tables (chart.*) in the page's
// language; colours from palette.js (each ≥ 3:1 against the background).
import { countryScale, INCREASE, DECREASE, inkOn } from "./palette.js";
import { figure, fmt } from "./format.js";
import { pageLang } from "./chart.js";
import { t } from "./engine.js";

const nameOf = (names, code, lang) => (lang === "ru" ? names[code]?.name_ru : undefined) ?? names[code]?.name_en ?? code;

/**
 * One label per line at its last point, with `label_y` moved so that no two labels are closer than a
 * line of text (13 px, reckoned on the plot's height and the values' range, a little generously since
 * Vega rounds the axis outwards).
 */
export function endLabels(values, field, height) {
  const ends = new Map();
  for (const r of values) if (Number.isFinite(r[field]) && !(ends.get(r.country)?.year >= r.year)) ends.set(r.country, r);
  const ys = values.map((r) => r[field]).filter(Number.isFinite);
  const span = Math.max(...ys, 0) - Math.min(...ys, 0) || 1;
  const gap = (15 * span * 1.25) / height;
  const sorted = [...ends.values()].sort((a, b) => b[field] - a[field] || String(a.name).localeCompare(String(b.name)));
  const out = [];
  let previous = Infinity;
  for (const r of sorted) {
    const y = Math.min(r[field], previous - gap);
    out.push({ ...r, label_y: y });
    previous = y;
  }
  return out;
}

/**
 * Index series, one line per country; `names` maps code → {name_en, name_ru}. Each line is named at its
 * last point (direct labels, no colour legend) and differs from the others by colour, dash and point shape.
 */
export function seriesSpec(rows, { field = "index", title, names = {}, height = 300, lang } = {}) {
  const l = pageLang(lang);
  const label = title ?? t(l, "chart.index");
  const codes = [...new Set(rows.map((r) => r.country))];
  const scales = countryScale(codes);
  const values = rows.map((r) => ({ ...r, name: nameOf(names, r.country, l) }));
  const country = t(l, "chart.country");
  const xy = {
    x: { field: "year", type: "ordinal", title: t(l, "chart.data_year"), axis: { labelAngle: 0 } },
    y: { field, type: "quantitative", title: label },
    color: { field: "country", type: "nominal", scale: scales.color, legend: null },
  };
  return {
    width: "container",
    height,
    data: { values },
    layer: [
      { mark: { type: "rule", color: "#555" }, encoding: { y: { datum: 0 } } },
      {
        mark: { type: "line", point: { size: 60, filled: true } },
        encoding: {
          ...xy,
          shape: { field: "country", type: "nominal", scale: scales.shape, legend: null },
          strokeDash: { field: "country", type: "nominal", scale: scales.strokeDash, legend: null },
          tooltip: [{ field: "name", title: country }, { field: "year", title: t(l, "chart.year") }, { field, title: label, ...figure({ locale: l }) }],
        },
      },
      {
        // The country's name beside its last point, in its line's colour, moved apart where lines end close together.
        data: { values: endLabels(values, field, height) },
        mark: { type: "text", align: "left", dx: 8, fontSize: 12, fontWeight: "bold", baseline: "middle" },
        encoding: { ...xy, y: { ...xy.y, field: "label_y" }, text: { field: "name" } },
      },
    ],
  };
}

/** Horizontal bars of one year's Index from zero, sorted; negative bars run left of zero and carry a minus label. */
export function rankingSpec(rows, { names = {}, height, lang } = {}) {
  const l = pageLang(lang);
  const values = rows.map((r) => ({ ...r, name: `${r.rank}. ${nameOf(names, r.country, l)}`, label: fmt(r.index, { locale: l }), sign: r.index < 0 ? "negative" : "positive" }));
  const index = t(l, "chart.index");
  return {
    width: "container",
    height: height ?? Math.max(120, 28 * values.length),
    data: { values },
    encoding: {
      y: { field: "name", type: "nominal", sort: { field: "rank" }, title: null },
      x: { field: "index", type: "quantitative", title: index, scale: { zero: true } },
    },
    layer: [
      {
        mark: { type: "bar" },
        encoding: {
          color: { field: "sign", type: "nominal", scale: { domain: ["positive", "negative"], range: [INCREASE, DECREASE] }, legend: null },
          tooltip: [{ field: "name", title: t(l, "chart.country") }, { field: "index", title: index, ...figure({ locale: l }) }],
        },
      },
      {
        transform: [{ filter: "datum.index >= 0" }],
        mark: { type: "text", align: "left", dx: 4 },
        encoding: { text: { field: "label" } },
      },
      {
        // Inside the bar's far end, so it never collides with the country names.
        transform: [{ filter: "datum.index < 0" }],
        mark: { type: "text", align: "left", dx: 4, fontWeight: "bold", color: inkOn(DECREASE) },
        encoding: { text: { field: "label" } },
      },
    ],
  };
}
