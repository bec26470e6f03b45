// Vega-Lite specs shared by the pages.
import { countryScale } from "./palette.js";
import { figure, fmt, tr } from "./format.js";

/** Index series, one line per country; `names` maps code → display name. */
export function seriesSpec(rows, { field = "index", title = tr("page.common.index"), names = {}, height = 300 } = {}) {
  const codes = [...new Set(rows.map((r) => r.country))];
  const scales = countryScale(codes);
  const values = rows.map((r) => ({ ...r, name: names[r.country]?.name_en ?? r.country }));
  return {
    width: "container",
    height,
    data: { values },
    layer: [
      { mark: { type: "rule", color: "#555" }, encoding: { y: { datum: 0 } } },
      {
        mark: { type: "line", point: { size: 60, filled: true } },
        encoding: {
          x: { field: "year", type: "ordinal", title: tr("page.parts.data_year"), axis: { labelAngle: 0 } },
          y: { field, type: "quantitative", title },
          color: { field: "country", type: "nominal", scale: scales.color, title: tr("page.common.country") },
          shape: { field: "country", type: "nominal", scale: scales.shape, title: tr("page.common.country") },
          strokeDash: { field: "country", type: "nominal", legend: null },
          tooltip: [{ field: "name", title: tr("page.common.country") }, { field: "year", title: tr("page.common.year") }, { field, title, ...figure() }],
        },
      },
    ],
  };
}

/** Horizontal bars of one year's Index, sorted; negative bars run left of zero and carry a minus label. */
export function rankingSpec(rows, { names = {}, height } = {}) {
  const values = rows.map((r) => ({ ...r, name: `${r.rank}. ${names[r.country]?.name_en ?? r.country}`, label: fmt(r.index), sign: r.index < 0 ? "negative" : "positive" }));
  return {
    width: "container",
    height: height ?? Math.max(120, 28 * values.length),
    data: { values },
    encoding: {
      y: { field: "name", type: "nominal", sort: { field: "rank" }, title: null },
      x: { field: "index", type: "quantitative", title: tr("page.common.index") },
    },
    layer: [
      {
        mark: { type: "bar" },
        encoding: {
          color: { field: "sign", type: "nominal", scale: { domain: ["positive", "negative"], range: ["#0072B2", "#D55E00"] }, legend: null },
          tooltip: [{ field: "name", title: tr("page.common.country") }, { field: "index", title: tr("page.common.index"), ...figure() }],
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
        mark: { type: "text", align: "left", dx: 4, fontWeight: "bold", color: "#fff" },
        encoding: { text: { field: "label" } },
      },
    ],
  };
}
