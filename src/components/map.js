// The front page's map: the region's countries (boundaries clipped in loaders/present/map.ts),
// those measured coloured by the latest Index, the others grey, each measured country named on it.
import { t, fmt, figure } from "./engine.js";
import { BOUNDARY } from "./palette.js";

/** Vega-Lite spec of the front payload's map in `lang` ("en" | "ru"). */
export function mapSpec(front, lang, { height = 440 } = {}) {
  const name = lang === "ru" ? "name_ru" : "name_en";
  const features = front.map.features;
  // Small countries are named beside themselves, to the west, so the name leaves their neighbour's visible.
  const label = (extra, beside) => ({
    data: { values: front.map.labels.filter((l) => l.beside === beside) },
    mark: { type: "text", fontSize: 12, fontWeight: "bold", ...(beside ? { align: "right", dx: -7 } : {}), ...extra },
    encoding: {
      longitude: { field: "longitude", type: "quantitative" },
      latitude: { field: "latitude", type: "quantitative" },
      text: { field: name },
    },
  });
  return {
    width: "container",
    height,
    projection: { type: "conicConformal", parallels: [40, 65], rotate: [-52, 0] },
    layer: [
      // Every country of the window in grey: those not measured stay so.
      { data: { values: features }, mark: { type: "geoshape", fill: "#d4d4d4", stroke: BOUNDARY, strokeWidth: 0.6 } },
      {
        data: { values: features },
        transform: [{ filter: "datum.properties.index !== null" }, { calculate: `datum.properties.${name}`, as: "country" }, { calculate: "datum.properties.index", as: "index" }],
        mark: { type: "geoshape", stroke: BOUNDARY, strokeWidth: 0.8 },
        encoding: {
          color: {
            field: "index",
            type: "quantitative",
            scale: { scheme: "viridis", reverse: true, domain: front.color_domain },
            legend: { title: t(lang, "page.front.map_legend", { year: front.year, max: fmt(front.max_attainable, { locale: lang }) }), orient: "bottom", direction: "horizontal", gradientLength: 260, titleLimit: 600, ...figure({ locale: lang }) },
          },
          tooltip: [{ field: "country", title: t(lang, "page.results.col_country") }, { field: "index", title: t(lang, "page.results.col_index"), ...figure({ locale: lang }) }],
        },
      },
      ...[false, true].flatMap((beside) => [label({ stroke: "#ffffff", strokeWidth: 3, strokeJoin: "round" }, beside), label({ fill: "#111111" }, beside)]),
    ],
  };
}
