// Vega-Lite charts rendered as SVG from node_modules (nothing fetched), each with a text
// alternative and its numbers available as a table.
import embed, { vega } from "vega-embed";
import { figuresTable } from "./table.js";
import { text, pageLang, tr } from "./format.js";
import { VEGA_FORMAT_TYPE, vegaFormat } from "./engine.js";

// Chart labels, tooltips and axes format numbers with the engine's rule, never Vega's own format strings: specs
// say `...figure({...})` (formatType VEGA_FORMAT_TYPE) and fields without a format get it too.
// The page's language is the default locale (format.js): 2,5 on a Russian page.
vega.expressionFunction(VEGA_FORMAT_TYPE, (value, spec) => vegaFormat(value, { locale: pageLang(), ...spec }));
const CONFIG = {
  font: "system-ui, sans-serif",
  customFormatTypes: true,
  numberFormatType: VEGA_FORMAT_TYPE,
  // Axis ticks: as short as possible up to two decimals ("20", "2.5").
  numberFormat: { trim: true, locale: pageLang() },
};

export function vlChart(spec, { alt, caption, data, columns } = {}) {
  const figure = document.createElement("figure");
  figure.className = "chart";
  const target = document.createElement("div");
  target.className = "chart-canvas";
  target.setAttribute("role", "img");
  target.setAttribute("aria-label", alt ?? caption ?? "chart");
  figure.append(target);
  if (caption) figure.append(text("figcaption", caption));
  if (data && columns) {
    const details = document.createElement("details");
    details.className = "chart-data";
    details.append(text("summary", tr("page.common.show_numbers")));
    details.append(figuresTable(data, columns));
    figure.append(details);
  }
  figure.ready = embed(target, spec, {
    mode: "vega-lite",
    renderer: "svg",
    actions: false,
    config: CONFIG,
  }).then((result) => {
    target.querySelector("svg")?.setAttribute("aria-hidden", "true");
    return result;
  });
  return figure;
}
