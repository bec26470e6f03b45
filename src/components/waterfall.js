// What drove a year's change: a waterfall from last year's total through the section contributions
// to this year's total, and the block that explains it. Reused by the "What changed" pages and the
// country pages. Input: one entry of `pairs` in src/data/changes.json (loaders/claims.ts
// changesPayload). Every figure drawn is a displayed figure from the loader (`display`, `shown`):
// rounded by the stated policy so the steps add up exactly; nothing is computed here but positions.
import { vlChart } from "./chart.js";
import { figuresTable } from "./table.js";
import { fmt, signed, text, sourceLink } from "./format.js";

const INCREASE = "#0072B2"; // Okabe–Ito blue
const DECREASE = "#D55E00"; // Okabe–Ito vermillion
const TOTAL = "#7f7f7f";

/** Where a pair is explained, relative to a page one folder deep (e.g. /countries/KAZ, /changes/2024). */
export function changeHref(pair, prefix = "../") {
  return `${prefix}changes/${pair.to_year}#${pair.country}`;
}

/**
 * The waterfall's rows: the from-year total, the loader's steps (each section that moved, with its
 * running start and end: loaders/attribution.ts displayPair), the to-year total. Only labels here.
 */
export function waterfallData(pair) {
  const title = Object.fromEntries(pair.sections.map((s) => [s.section, s.title]));
  const total = (year, value, order) => ({ order, step: `${year} total`, title: `Index ${year}`, type: "total", amount: value, start: 0, end: value, label: fmt(value) });
  return [
    total(pair.from_year, pair.display.from_total, 0),
    ...pair.display.steps.map((s, i) => ({
      order: i + 1,
      step: `${s.section} ${title[s.section]}`,
      title: title[s.section],
      type: s.amount > 0 ? "increase" : "decrease",
      amount: s.amount,
      start: s.start,
      end: s.end,
      label: signed(s.amount),
    })),
    total(pair.to_year, pair.display.to_total, pair.display.steps.length + 1),
  ];
}

/**
 * The x range to draw. The steps of a year are often small beside the totals (Belarus −93.83 → −95.02):
 * when the span of the running total is under 35% of the larger total, the axis is zoomed on that span
 * (it then does not start at zero, total bars are cut at the edge, and the caption says so). Room is
 * left on both sides for the labels.
 */
export function waterfallDomain(pair) {
  const rows = waterfallData(pair);
  const steps = rows.flatMap((r) => (r.type === "total" ? [r.end] : [r.start, r.end]));
  const lo0 = Math.min(...steps);
  const hi0 = Math.max(...steps);
  const big = Math.max(Math.abs(pair.display.from_total), Math.abs(pair.display.to_total));
  const zoomed = hi0 - lo0 < 0.35 * big;
  const lo = zoomed ? lo0 : Math.min(0, lo0);
  const hi = zoomed ? hi0 : Math.max(0, hi0);
  const pad = Math.max(0.5, 0.38 * (hi - lo));
  return { domain: [lo - pad, hi + pad], zoomed };
}

/** Vega-Lite spec of the waterfall (horizontal: long section titles stay readable). */
export function waterfallSpec(pair, { height } = {}) {
  const values = waterfallData(pair).map((r) => ({
    ...r,
    // Labels sit at the end a bar points to: right of an increase or a positive total, left of a
    // decrease or a negative total.
    anchor: r.type === "total" ? r.end : r.type === "increase" ? Math.max(r.start, r.end) : Math.min(r.start, r.end),
    side: (r.type === "total" && r.end < 0) || r.type === "decrease" ? "left" : "right",
  }));
  const { domain, zoomed } = waterfallDomain(pair);
  // The scale's padding keeps up to 44 px beyond the domain at each end for the amounts written beside
  // the end bars ("104.00"): padding in data units alone left too little room on a phone, cutting them.
  // At most a sixth of the plot: a fixed 44 px exceeded half of a plot squeezed mid-resize (NaN positions).
  // Two lines when zoomed, ending at the axis's right end: centred on one line, the title is wider than
  // a narrow plot and Vega cut it at the edge.
  const x = { type: "quantitative", axis: { titleAnchor: "end" }, title: zoomed ? ["Index points", "(axis zoomed, not from zero)"] : "Index points", scale: { domain, nice: false, zero: false, padding: { expr: "min(44, width / 6)" } } };
  return {
    width: "container",
    height: height ?? Math.max(120, 30 * values.length),
    data: { values },
    encoding: {
      // Section titles take at most 45% of the width: at a fixed 260 px a phone had no room left for the bars.
      y: { field: "step", type: "nominal", sort: { field: "order" }, title: null, axis: { labelLimit: { expr: "min(260, 0.45 * containerSize()[0])" } } },
    },
    layer: [
      ...(domain[0] <= 0 && domain[1] >= 0 ? [{ mark: { type: "rule", color: "#333" }, encoding: { x: { datum: 0, ...x, title: null } } }] : []),
      {
        mark: { type: "bar", height: { band: 0.7 }, clip: true },
        encoding: {
          x: { field: "start", ...x },
          x2: { field: "end" },
          color: {
            field: "type",
            type: "nominal",
            title: null,
            scale: { domain: ["total", "increase", "decrease"], range: [TOTAL, INCREASE, DECREASE] },
            // Two columns on a phone: the three entries in one row were wider than the plot and cut off.
            legend: { orient: "bottom", columns: { expr: "containerSize()[0] < 480 ? 2 : 3" } },
          },
          tooltip: [
            { field: "title", title: "Step" },
            { field: "label", title: "Amount" },
          ],
        },
      },
      {
        // The amount beside each bar, with its sign: the chart does not rely on colour.
        transform: [{ filter: "datum.side === 'right'" }],
        mark: { type: "text", align: "left", dx: 4, fontWeight: "bold" },
        encoding: { x: { field: "anchor", ...x }, text: { field: "label" } },
      },
      {
        transform: [{ filter: "datum.side === 'left'" }],
        mark: { type: "text", align: "right", dx: -4, fontWeight: "bold" },
        encoding: { x: { field: "anchor", ...x }, text: { field: "label" } },
      },
    ],
  };
}

/** The waterfall as a figure (SVG, text alternative, numbers as a table). */
export function waterfallChart(pair, { caption } = {}) {
  const rows = waterfallData(pair);
  const { zoomed } = waterfallDomain(pair);
  const steps = rows.slice(1, -1).map((r) => `${r.title} ${r.label}`).join(", ");
  const zoomNote = zoomed ? " The axis is zoomed on the steps and does not start at zero; the total bars are cut at its edge." : "";
  return vlChart(waterfallSpec(pair), {
    alt: `Waterfall for ${pair.name} from ${fmt(pair.display.from_total)} in ${pair.from_year} to ${fmt(pair.display.to_total)} in ${pair.to_year}: ${steps || "no section moved"}.`,
    caption: (caption ?? `${pair.name}, ${pair.from_year} → ${pair.to_year}: from last year's total through the section contributions (${signed(pair.display.change)} in all) to this year's.`) + zoomNote,
    data: rows.map((r) => ({ step: r.title, amount: r.amount, end: r.end })),
    columns: [
      { key: "step", label: "Step" },
      { key: "amount", label: "Amount", numeric: true, format: (v, r) => (r.step.startsWith("Index ") ? fmt(v) : signed(v)) },
      { key: "end", label: "Running total", numeric: true },
    ],
  });
}

/** Table of the indicators that moved most (|contribution|), with the sheet's reason and note as text. */
export function movedIndicators(pair, { limit = 8 } = {}) {
  const moved = pair.indicators.filter((i) => i.contribution !== 0 || i.reason).slice(0, limit);
  if (!moved.length) return text("p", "No indicator moved and no sheet states a change.");
  return figuresTable(
    moved.map((i) => ({ ...i, kind: i.kinds.join(", ") })),
    [
      { key: "indicator", label: "Indicator" },
      { key: "title", label: "Title" },
      { key: "shown", label: "Contribution", numeric: true, format: (v) => signed(v) },
      { key: "kind", label: "Kind", className: (v) => (v.includes("unexplained") ? "status-differs" : "") },
      { key: "move", label: `Answer ${pair.from_year} → ${pair.to_year}` },
      { key: "reason", label: "Reason in the sheet", format: (v) => v ?? "(none given)" },
      { key: "detail", label: "How it was computed" },
      { key: "note", label: "Note" },
    ],
    { caption: `Indicators that moved most, ${pair.name} ${pair.from_year} → ${pair.to_year}` },
  );
}

const STATUS_LABEL = { matches: "matches", differs: "DIFFERS", "not checkable": "not checkable" };

/** One release statement with its check status; `differs` is marked in words, weight and colour. */
export function claimItem(c) {
  const item = document.createElement("li");
  item.className = `claim claim-${c.status.replace(" ", "-")}${c.status === "differs" ? " finding" : ""}`;
  item.dataset.status = c.status;
  item.dataset.claim = c.id;
  const badge = text("strong", STATUS_LABEL[c.status] ?? c.status, c.status === "differs" ? "status-differs" : c.status === "matches" ? "status-matches" : "status-unchecked");
  item.append(badge, document.createTextNode(" "));
  item.append(text("q", c.text));
  const meta = [`edition ${c.edition}`, `${c.kind}${c.component ? " " + c.component : ""}`];
  if (c.stated !== null) meta.push(`stated ${fmt(c.stated)}`);
  if (c.computed !== null && c.kind !== "leader" && c.kind !== "bottom") meta.push(`computed ${fmt(c.computed)}`);
  if (c.difference !== null && c.status === "differs") meta.push(`difference ${signed(c.difference)}`);
  item.append(text("div", meta.join(" · "), "claim-meta"));
  item.append(text("div", c.reason, "claim-reason"));
  const src = document.createElement("div");
  src.className = "claim-source";
  src.append(text("span", "Source: "), sourceLink(c.source));
  item.append(src);
  return item;
}

export function claimList(claims, { empty = "The release makes no checkable statement about this country-year." } = {}) {
  if (!claims.length) return text("p", empty, "muted");
  const list = document.createElement("ul");
  list.className = "claims";
  // Mismatches first.
  const rank = { differs: 0, matches: 1, "not checkable": 2 };
  for (const c of [...claims].sort((a, b) => rank[a.status] - rank[b.status])) list.append(claimItem(c));
  return list;
}

/** A change as the loader lists it (loaders/present/changes.ts explainPair): largest contributions first, the rest summed, notes. */
export function explanationList(e) {
  const box = document.createElement("div");
  box.className = "change-paragraph";
  box.append(text("p", e.head, "change-head"));
  const list = document.createElement("ul");
  list.className = "change-items";
  for (const item of e.items) list.append(text("li", item.text));
  if (e.rest) list.append(text("li", e.rest.text));
  if (list.children.length) box.append(list);
  for (const note of e.notes) box.append(text("p", note));
  return box;
}

/**
 * Everything about one country's change in one block with id = country code (link target
 * `../changes/<year>#<CODE>`): heading, generated paragraph, waterfall, moved indicators, statements.
 */
export function changeBlock(pair, { heading = "h2", withClaims = true, id = pair.country, lang = "en" } = {}) {
  const block = document.createElement("section");
  block.className = "change-block";
  if (id) block.id = id;
  block.dataset.country = pair.country;
  block.append(text(heading, `${pair.name}: ${signed(pair.display.change)} (${pair.from_year} ${fmt(pair.display.from_total)} → ${pair.to_year} ${fmt(pair.display.to_total)})`));
  // The loader words it (loaders/attribution.ts methodOrdersText): the method's share in each order and the Shapley value shown.
  if (pair.method_note) block.append(text("p", pair.method_note, pair.comparable ? "method-note" : "method-note finding"));
  const grid = document.createElement("div");
  grid.className = "change-grid";
  const left = document.createElement("div");
  left.className = "change-main";
  left.append(explanationList(pair.explanation[lang]));
  left.append(waterfallChart(pair));
  grid.append(left);
  if (withClaims) {
    const right = document.createElement("aside");
    right.className = "change-claims";
    right.append(text("h3", "What the release said"));
    right.append(claimList(pair.claims));
    grid.append(right);
  }
  block.append(grid);
  block.append(movedIndicators(pair));
  if (pair.unexplained.length)
    block.append(text("p", `Finding: ${pair.unexplained.join(", ")} moved without a reason in the sheet (kind "unexplained").`, "finding status-differs"));
  return block;
}
