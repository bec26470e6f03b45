// HTML tables built from data with textContent only (notes and sources are untrusted text).
import { fmt, markLang, text } from "./format.js";
import { t, printedYears } from "./engine.js";

const langOf = (lang) => (String(lang ?? (typeof document !== "undefined" ? document.documentElement.lang : "") ?? "").toLowerCase().startsWith("ru") ? "ru" : "en");

/**
 * In print, a table's rows of the last PRINTED_YEARS years alone (loaders/shared/print.ts): `rowClass`
 * marks the others' rows for the screen only (web-only: the print stylesheet hides them and
 * scripts/pdf.ts takes them out before printing), and `noted(el)` adds the printed line saying where
 * they are, or gives `el` back as it is when every year prints. `key`: the rows' field holding the year.
 */
export function yearsInPrint(years, { key = "year", lang } = {}) {
  const l = langOf(lang);
  const all = [...new Set(years)].sort((a, b) => a - b);
  const printed = new Set(printedYears(all));
  return {
    rowClass: (row) => (printed.has(row[key]) ? "" : "web-only"),
    noted(el) {
      if (printed.size === all.length) return el;
      const box = document.createElement("div");
      box.append(el, text("p", t(l, "table.printed_years", { from: String(Math.min(...printed)), to: String(all.at(-1)), first: String(all[0]) }), "print-only muted"));
      return box;
    },
  };
}

/**
 * The wrapper that lets a wide table scroll sideways: focusable (tabindex 0), so a keyboard can scroll
 * it, and a named region, so a screen reader says which table it is.
 */
export function scrollRegion(table, label) {
  const wrap = document.createElement("div");
  wrap.className = "table-scroll";
  wrap.tabIndex = 0;
  wrap.setAttribute("role", "region");
  wrap.setAttribute("aria-label", label);
  wrap.append(table);
  return wrap;
}

/**
 * columns: [{key, label, numeric?, format?(value,row), className?(value,row), columnClass?, asWritten?}]; asWritten marks
 * a cell of text shown as written (notes, sources) with its language (textLang); columnClass goes on the
 * column's header and every one of its cells (e.g. web-only: left out in print).
 * options: {caption, id, lang, rowClass?(row)}; numbers in the page's language (<html lang>) unless lang is given.
 */
export function figuresTable(rows, columns, { caption, id, lang, rowClass } = {}) {
  const l = langOf(lang);
  const table = document.createElement("table");
  table.className = "figures";
  if (id) table.id = id;
  if (caption) table.append(text("caption", caption));
  const thead = document.createElement("thead");
  const hr = document.createElement("tr");
  for (const c of columns) {
    const th = text("th", c.label, [c.numeric ? "num" : "", c.columnClass ?? ""].filter(Boolean).join(" "));
    th.scope = "col";
    hr.append(th);
  }
  thead.append(hr);
  table.append(thead);
  const tbody = document.createElement("tbody");
  for (const row of rows) {
    const tr = document.createElement("tr");
    const rc = rowClass?.(row);
    if (rc) tr.className = rc;
    columns.forEach((c, i) => {
      const v = row[c.key];
      const shown = c.format ? c.format(v, row) : c.numeric ? fmt(v, { locale: l }) : v;
      const cell = c.render ? c.render(v, row) : null;
      const td = document.createElement(i === 0 && c.rowHeader !== false ? "th" : "td");
      if (td.tagName === "TH") td.scope = "row";
      if (cell instanceof Node) td.append(cell);
      else td.textContent = shown ?? "";
      if (c.asWritten && !(cell instanceof Node)) markLang(td, td.textContent, l);
      const classes = [];
      if (c.numeric) classes.push("num");
      if (c.numeric && typeof v === "number" && v < 0) classes.push("negative");
      if (c.className) classes.push(c.className(v, row) ?? "");
      if (c.columnClass) classes.push(c.columnClass);
      td.className = classes.filter(Boolean).join(" ");
      if (c.numeric && typeof v === "number" && v < 0) td.setAttribute("aria-label", t(l, "table.minus", { value: fmt(-v, { locale: l }) }));
      tr.append(td);
    });
    tbody.append(tr);
  }
  table.append(tbody);
  return scrollRegion(table, caption ?? columns.map((c) => c.label).join(", "));
}
