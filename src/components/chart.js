// Vega-Lite charts rendered as SVG from node_modules (nothing fetched). Each chart is a figure with
// a written summary (role="img" and aria-label: Vega's own "Vega visualization" label is turned
// off), a caption, its numbers as a table, and downloads of the chart (SVG, PNG) and of its numbers
// (CSV), all made in the browser from the drawn view and the chart's data.
import embed, { vega } from "vega-embed";
import { figuresTable } from "./table.js";
import { text } from "./format.js";
import { VEGA_FORMAT_TYPE, vegaFormat, plainText, t } from "./engine.js";

/** The page's language: the option, else <html lang> (the build sets it), else English. */
export function pageLang(lang) {
  const l = lang ?? (typeof document !== "undefined" ? document.documentElement.lang : "") ?? "";
  return String(l).toLowerCase().startsWith("ru") ? "ru" : "en";
}

// Chart labels, tooltips and axes format numbers with the engine's rule, never Vega's own format strings: specs
// say `...figure({...})` (formatType VEGA_FORMAT_TYPE) and fields without a format get it too; in the page's language
// unless a spec names one.
vega.expressionFunction(VEGA_FORMAT_TYPE, (value, spec) => vegaFormat(value, { locale: pageLang(), ...(spec ?? {}) }));
const config = (lang) => ({
  font: "system-ui, sans-serif",
  customFormatTypes: true,
  numberFormatType: VEGA_FORMAT_TYPE,
  // Axis ticks: as short as possible up to two decimals ("20", "2.5").
  numberFormat: { trim: true, locale: lang },
  // The figure carries the summary; Vega's generic ARIA labels would only repeat "Vega visualization".
  aria: false,
});

// The numbers behind each chart print with it: closed <details> print nothing, so they are opened for
// printing and closed again after (style.css also shows them under @media print).
if (typeof window !== "undefined" && !window.__chartDataPrint) {
  window.__chartDataPrint = true;
  let opened = [];
  window.addEventListener("beforeprint", () => {
    opened = [...document.querySelectorAll("details.chart-data:not([open])")];
    for (const d of opened) d.open = true;
  });
  window.addEventListener("afterprint", () => {
    for (const d of opened) d.open = false;
    opened = [];
  });
}

/** A CSV cell: numbers as plain machine-readable text, other values quoted when they hold a comma, quote or line break. */
export function csvCell(value) {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? plainText(value) : "";
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The chart's numbers as CSV: one header row of column labels, the raw values (not the display text). */
export function chartCsv(rows, columns) {
  const lines = [columns.map((c) => csvCell(c.label)).join(",")];
  for (const r of rows) lines.push(columns.map((c) => csvCell(c.csv ? c.csv(r[c.key], r) : r[c.key])).join(","));
  return lines.join("\r\n") + "\r\n";
}

/** A file name from a chart's name or caption: lower case letters, digits and hyphens. */
export function fileStem(name) {
  const stem = String(name ?? "")
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase()
    .slice(0, 60)
    .replace(/-+$/, "");
  return stem || "chart";
}

function save(href, filename) {
  const a = document.createElement("a");
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
}

function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  save(url, filename);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function button(label, onClick, className) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = className;
  b.textContent = label;
  b.addEventListener("click", onClick);
  return b;
}

/**
 * spec: a Vega-Lite spec. options: alt (the written summary: what the chart shows), caption, data and
 * columns (the numbers: a table, and the CSV), name (file name of the downloads), lang.
 */
/**
 * The columns of a chart whose page named none: every field of the spec's own rows, in the order of the
 * first row, headed by the field's name (numbers right-aligned). Empty when the spec has no inline rows.
 */
export function columnsOf(rows) {
  const first = rows?.[0];
  if (!first || typeof first !== "object") return [];
  return Object.keys(first)
    .filter((k) => rows.every((r) => r[k] === null || r[k] === undefined || typeof r[k] !== "object"))
    .map((k) => ({ key: k, label: k, numeric: rows.some((r) => typeof r[k] === "number") && !/year|rank|seed|respondents/.test(k) }));
}

export function vlChart(spec, { alt, caption, data: given, columns: named, name, lang, print } = {}) {
  const l = pageLang(lang);
  // Every chart shows and downloads its numbers: the page's table when it names one, else the spec's own rows.
  const data = given ?? (Array.isArray(spec?.data?.values) ? spec.data.values : undefined);
  const columns = named ?? (data ? columnsOf(data) : undefined);
  const figure = document.createElement("figure");
  figure.className = "chart";
  const summary = alt ?? caption ?? t(l, "chart.untitled");
  // The image and its summary wrap Vega's own container: Vega sets role="graphics-document" and
  // aria-roledescription on the element it draws into, which would replace ours.
  const canvas = document.createElement("div");
  canvas.className = "chart-canvas";
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", summary);
  const target = document.createElement("div");
  target.className = "chart-vega";
  canvas.append(target);
  figure.append(canvas);
  if (caption) figure.append(text("figcaption", caption));
  if (data && columns?.length) {
    const details = document.createElement("details");
    details.className = "chart-data";
    details.append(text("summary", t(l, "chart.show_numbers")));
    // `print` (table.js yearsInPrint): the numbers of the printed years alone, and a line saying where the rest are.
    const table = figuresTable(data, columns, { lang: l, rowClass: print?.rowClass });
    details.append(print ? print.noted(table) : table);
    figure.append(details);
  }
  const stem = fileStem(name ?? caption ?? alt);
  const tools = document.createElement("div");
  tools.className = "chart-downloads no-print";
  tools.setAttribute("role", "group");
  tools.setAttribute("aria-label", t(l, "chart.downloads_label"));
  figure.append(tools);
  figure.ready = embed(target, { description: summary, ...spec }, {
    mode: "vega-lite",
    renderer: "svg",
    actions: false,
    config: config(l),
  }).then((result) => {
    target.querySelector("svg")?.setAttribute("aria-hidden", "true");
    const { view } = result;
    tools.append(
      text("span", t(l, "chart.download_chart") + " ", "chart-downloads-label"),
      button(t(l, "chart.download_svg"), async () => saveBlob(new Blob([await view.toSVG()], { type: "image/svg+xml" }), `${stem}.svg`), "chart-download-svg"),
      document.createTextNode(" "),
      button(t(l, "chart.download_png"), async () => save(await view.toImageURL("png", 2), `${stem}.png`), "chart-download-png"),
    );
    if (data && columns?.length) {
      tools.append(
        document.createTextNode(" "),
        button(t(l, "chart.download_numbers"), () => saveBlob(new Blob([chartCsv(data, columns)], { type: "text/csv;charset=utf-8" }), `${stem}.csv`), "chart-download-csv"),
      );
    }
    return result;
  });
  return figure;
}
