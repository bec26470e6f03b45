// Vega-Lite specs shared by the pages. Words come from the strings tables (chart.*) in the page's
// language; colours from palette.js (each ≥ 3:1 against the background).
import { countryScale, INCREASE, DECREASE, inkOn } from "./palette.js";
import { figure, fmt } from "./format.js";
import { pageLang } from "./chart.js";
import { t } from "./engine.js";

const nameOf = (names, code, lang) => (lang === "ru" ? names[code]?.name_ru : undefined) ?? names[code]?.name_en ?? code;

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
        // The country's name beside its last point, in its line's colour.
        transform: [{ joinaggregate: [{ op: "max", field: "year", as: "last_year" }], groupby: ["country"] }, { filter: "datum.year === datum.last_year" }],
        mark: { type: "text", align: "left", dx: 8, fontSize: 12, fontWeight: "bold" },
        encoding: { ...xy, text: { field: "name" } },
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
