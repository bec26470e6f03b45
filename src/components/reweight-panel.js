// The interactive reweighting panel of the sensitivity page: one slider per section weight,
// a reset to the published weights, and a table of rank changes against the published ranking.
// Sliders are Framework Inputs; the arithmetic is reweight.js.
import * as Inputs from "@observablehq/inputs";
import { prepareTable, reweight } from "./reweight.js";
import { fmt, text } from "./format.js";
import { scrollRegion, yearsInPrint } from "./table.js";
import { t as translate } from "./engine.js";

/**
 * table: the loader's points table; sections: [{id, title}]; names: code → name.
 * Returns an element with .update() (recompute and redraw) and .prepared.
 */
export function reweightPanel(table, { sections, names = {}, max = 3, step = 0.05, lang } = {}) {
  const l = String(lang ?? document.documentElement.lang ?? "").toLowerCase().startsWith("ru") ? "ru" : "en";
  const tr_ = (key, vars) => translate(l, key, vars);
  const prepared = prepareTable(table);
  const values = new Float64Array(prepared.S).fill(1);
  const root = document.createElement("div");
  root.id = "reweight";
  root.className = "reweight";

  // One Framework Inputs range per section (bundled from node_modules: nothing is fetched).
  const form = document.createElement("div");
  form.className = "reweight-sliders";
  const sliders = prepared.sections.map((id, s) => {
    const label = `${id}: ${sections?.find((x) => x.id === id)?.title ?? id}`;
    const slider = Inputs.range([0, max], { label, step, value: 1 });
    slider.dataset.section = id;
    // The range gets a stable id (the checks find it by section); its label must follow, or the slider
    // has no accessible name. The number box beside it is named for the same section.
    const range = slider.querySelector("input[type=range]");
    range.id = `reweight-${id}`;
    slider.querySelector("label")?.setAttribute("for", range.id);
    slider.querySelector("input[type=number]")?.setAttribute("aria-label", tr_("table.reweight.weight_of", { section: label }));
    slider.addEventListener("input", () => {
      values[s] = slider.value;
      update();
    });
    form.append(slider);
    return slider;
  });
  const reset = document.createElement("button");
  reset.type = "button";
  reset.id = "reweight-reset";
  reset.textContent = tr_("table.reweight.reset");
  reset.addEventListener("click", () => {
    values.fill(1);
    for (const slider of sliders) slider.value = 1;
    update();
  });
  form.append(reset);
  root.append(form);

  const summary = text("p", "", "reweight-summary");
  summary.id = "reweight-summary";
  summary.setAttribute("aria-live", "polite");
  root.append(summary);

  // The table is built once; an update only rewrites cell texts (rows keep their order:
  // latest year first, then published rank), so nothing jumps under the reader's eye.
  const order = prepared.cells.map((_, c) => c).sort((a, b) => prepared.cells[b].year - prepared.cells[a].year || prepared.publishedRank[a] - prepared.publishedRank[b]);
  const t = document.createElement("table");
  t.className = "figures";
  t.id = "reweight-table";
  t.append(text("caption", tr_("table.reweight.caption")));
  const head = document.createElement("tr");
  for (const [label, numeric] of [["year", false], ["country", false], ["published_rank", true], ["your_rank", true], ["change", true], ["published_index", true], ["your_index", true]].map(([k, n]) => [tr_(`table.reweight.${k}`), n])) {
    const th = text("th", label, numeric ? "num" : "");
    th.scope = "col";
    head.append(th);
  }
  const thead = document.createElement("thead");
  thead.append(head);
  const tbody = document.createElement("tbody");
  const cellsOf = [];
  const print = yearsInPrint(prepared.cells.map((cell) => cell.year), { lang: l });
  for (const c of order) {
    const cell = prepared.cells[c];
    const tr = document.createElement("tr");
    // In print, the last six years' rows (yearsInPrint); kept whatever a slider marks.
    if (print.rowClass(cell)) tr.classList.add("web-only");
    const year = text("th", String(cell.year));
    year.scope = "row";
    const pubIndex = text("td", fmt(cell.index, { locale: l }), "num" + (cell.index < 0 ? " negative" : ""));
    const rank = text("td", "", "num");
    const change = text("td", "", "num");
    const index = text("td", "", "num");
    tr.append(year, text("td", names[cell.country] ?? cell.country), text("td", String(prepared.publishedRank[c]), "num"), rank, change, pubIndex, index);
    tbody.append(tr);
    cellsOf.push({ c, tr, rank, change, index });
  }
  t.append(thead, tbody);
  root.append(print.noted(scrollRegion(t, tr_("table.reweight.caption"))));

  // Only what changed is written to the DOM (a slider step usually moves few ranks), which keeps
  // the re-layout after each change small.
  const set = (el, key, value, write) => {
    if (el[key] !== value) {
      el[key] = value;
      write(value);
    }
  };
  let lastSummary = "";
  function update() {
    reweight(prepared, values);
    let moved = 0;
    for (const row of cellsOf) {
      const { c, tr, rank, change, index } = row;
      const r = prepared.rank[c];
      const d = prepared.publishedRank[c] - r;
      if (d !== 0) moved++;
      set(row, "r", r, (v) => (rank.textContent = String(v)));
      set(row, "d", d, (v) => {
        change.textContent = v > 0 ? `▲ ${v}` : v < 0 ? `▼ ${-v}` : "–";
        change.setAttribute("aria-label", v > 0 ? tr_("table.reweight.up", { n: v }) : v < 0 ? tr_("table.reweight.down", { n: -v }) : tr_("table.reweight.unchanged"));
        tr.classList.toggle("rank-moved", v !== 0);
      });
      const x = prepared.index[c];
      set(row, "shown", fmt(x, { locale: l }), (v) => (index.textContent = v));
      set(row, "cls", "num" + (x < 0 ? " negative" : "") + (d !== 0 ? " changed" : ""), (v) => (index.className = v));
    }
    const all = values.every((v) => v === 1);
    const line = all
      ? tr_("table.reweight.summary_published", { n: prepared.C })
      : tr_("table.reweight.summary_moved", { moved, n: prepared.C });
    if (line !== lastSummary) summary.textContent = lastSummary = line;
  }
  update();
  root.update = update;
  root.prepared = prepared;
  return root;
}
