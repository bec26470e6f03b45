// What drove a year's change: a waterfall from last year's total through the section contributions
// to this year's total, and the block that explains it. Reused by the "What changed" pages and the
// country pages. Input: one entry of `pairs` in src/data/changes/<year>.json (loaders/claims.ts
// changesPayload). Every figure drawn is a displayed figure from the loader (`display`, `shown`):
// rounded by the stated policy so the steps add up exactly; nothing is computed here but positions.
import { vlChart, pageLang } from "./chart.js";
import { figuresTable } from "./table.js";
import { asWritten, fmt, signed, text, sourceLink } from "./format.js";
import { INCREASE, DECREASE, TOTAL } from "./palette.js";
import { t } from "./engine.js";

/** Where a pair is explained, relative to a page one folder deep (e.g. /countries/KAZ, /changes/2024). */
export function changeHref(pair, prefix = "../") {
  return `${prefix}changes/${pair.to_year}#${pair.country}`;
}

/**
 * The waterfall's rows: the from-year total, the loader's steps (each section that moved, with its
 * running start and end: loaders/attribution.ts displayPair), the to-year total. Only labels here.
 */
export function waterfallData(pair, { lang } = {}) {
  const l = pageLang(lang);
  const title = Object.fromEntries(pair.sections.map((s) => [s.section, s.title]));
  const total = (year, value, order) => ({
    order,
    step: t(l, "chart.waterfall.total_step", { year }),
    title: t(l, "chart.waterfall.total_title", { year }),
    type: "total",
    amount: value,
    start: value,
    end: value,
    label: fmt(value, { locale: l }),
  });
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
      label: signed(s.amount, { locale: l }),
    })),
    total(pair.to_year, pair.display.to_total, pair.display.steps.length + 1),
  ];
}

/**
 * The x range to draw. The steps of a year are often small beside the totals (Belarus −93.83 → −95.02):
 * when the span of the running total is under 35% of the larger total, the axis is zoomed on that span
 * and does not start at zero. That is honest because no length on it stands for a total: totals are
 * points (a position), and each step's bar is as long as its amount. Room is left for the labels.
 */
export function waterfallDomain(pair) {
  const rows = waterfallData(pair, { lang: "en" });
  const steps = rows.flatMap((r) => [r.start, r.end]);
  const lo0 = Math.min(...steps);
  const hi0 = Math.max(...steps);
  const big = Math.max(Math.abs(pair.display.from_total), Math.abs(pair.display.to_total));
  const zoomed = hi0 - lo0 < 0.35 * big;
  const lo = zoomed ? lo0 : Math.min(0, lo0);
  const hi = zoomed ? hi0 : Math.max(0, hi0);
  const pad = Math.max(0.5, 0.38 * (hi - lo));
  return { domain: [lo - pad, hi + pad], zoomed };
}

/**
 * Vega-Lite spec of the waterfall (horizontal: long section titles stay readable). Totals are points
 * with their value; a section's step is a bar from the running total before it to the one after, in
 * blue for a rise and vermillion for a fall, with its signed amount written beside it (no colour legend:
 * the sign says it).
 */
export function waterfallSpec(pair, { height, lang } = {}) {
  const l = pageLang(lang);
  const values = waterfallData(pair, { lang: l }).map((r) => ({
    ...r,
    // Labels sit at the end a bar points to: right of an increase or a positive total, left of a
    // decrease or a negative total.
    anchor: r.type === "total" ? r.end : r.type === "increase" ? Math.max(r.start, r.end) : Math.min(r.start, r.end),
    side: (r.type === "total" && r.end < 0) || r.type === "decrease" ? "left" : "right",
  }));
  const { domain, zoomed } = waterfallDomain(pair);
  // The scale's padding keeps up to 44 px beyond the domain at each end for the amounts written beside
  // the end marks ("104.00"): padding in data units alone left too little room on a phone, cutting them.
  // At most a sixth of the plot: a fixed 44 px exceeded half of a plot squeezed mid-resize (NaN positions).
  // Two lines when zoomed, ending at the axis's right end: centred on one line, the title is wider than
  // a narrow plot and Vega cut it at the edge.
  const points = t(l, "chart.waterfall.axis");
  const x = { type: "quantitative", axis: { titleAnchor: "end" }, title: zoomed ? [points, t(l, "chart.waterfall.axis_zoomed")] : points, scale: { domain, nice: false, zero: false, padding: { expr: "min(44, width / 6)" } } };
  const tooltip = [
    { field: "title", title: t(l, "chart.waterfall.step") },
    { field: "label", title: t(l, "chart.waterfall.amount") },
  ];
  const color = { field: "type", type: "nominal", legend: null, scale: { domain: ["total", "increase", "decrease"], range: [TOTAL, INCREASE, DECREASE] } };
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
        transform: [{ filter: "datum.type !== 'total'" }],
        mark: { type: "bar", height: { band: 0.7 }, clip: true },
        encoding: { x: { field: "start", ...x }, x2: { field: "end" }, color, tooltip },
      },
      {
        transform: [{ filter: "datum.type === 'total'" }],
        mark: { type: "point", shape: "diamond", size: 160, filled: true, opacity: 1 },
        encoding: { x: { field: "end", ...x }, color, tooltip },
      },
      {
        // The amount beside each mark, with its sign: the chart does not rely on colour.
        transform: [{ filter: "datum.side === 'right'" }],
        mark: { type: "text", align: "left", dx: 8, fontWeight: "bold" },
        encoding: { x: { field: "anchor", ...x }, text: { field: "label" } },
      },
      {
        transform: [{ filter: "datum.side === 'left'" }],
        mark: { type: "text", align: "right", dx: -8, fontWeight: "bold" },
        encoding: { x: { field: "anchor", ...x }, text: { field: "label" } },
      },
    ],
  };
}

/** The waterfall as a figure (SVG, written summary, numbers as a table and CSV, downloads). */
export function waterfallChart(pair, { caption, lang } = {}) {
  const l = pageLang(lang);
  const rows = waterfallData(pair, { lang: l });
  const { zoomed } = waterfallDomain(pair);
  const steps = rows.slice(1, -1).map((r) => `${r.title} ${r.label}`).join(", ");
  const from = { name: pair.name, from_year: pair.from_year, to_year: pair.to_year, from: fmt(pair.display.from_total, { locale: l }), to: fmt(pair.display.to_total, { locale: l }) };
  return vlChart(waterfallSpec(pair, { lang: l }), {
    lang: l,
    name: `waterfall-${pair.country}-${pair.from_year}-${pair.to_year}`,
    alt: t(l, "chart.waterfall.alt", { ...from, steps: steps || t(l, "chart.waterfall.no_step") }),
    caption: (caption ?? t(l, "chart.waterfall.caption", { ...from, change: signed(pair.display.change, { locale: l }) })) + (zoomed ? " " + t(l, "chart.waterfall.zoom_note") : ""),
    data: rows.map((r) => ({ step: r.title, type: r.type, amount: r.amount, end: r.end })),
    columns: [
      { key: "step", label: t(l, "chart.waterfall.step") },
      { key: "amount", label: t(l, "chart.waterfall.amount"), numeric: true, format: (v, r) => (r.type === "total" ? fmt(v, { locale: l }) : signed(v, { locale: l })) },
      { key: "end", label: t(l, "chart.waterfall.running_total"), numeric: true },
    ],
  });
}

/**
 * Table of the indicators that moved most (|contribution|), with the sheet's reason and note as text:
 * the pair's `indicators` as the loader chose them (loaders/present/changes.ts MOVED_SHOWN).
 */
export function movedIndicators(pair, { lang } = {}) {
  const l = pageLang(lang);
  const moved = pair.indicators;
  if (!moved.length) return text("p", t(l, "table.change.none_moved"));
  const years = { from_year: pair.from_year, to_year: pair.to_year };
  return figuresTable(
    // The kinds by their names in the page's language (the payload's), their ids where a payload has no names.
    moved.map((i) => ({ ...i, kind: (i.kind_names ?? i.kinds).join(", ") })),
    [
      { key: "indicator", label: t(l, "table.change.indicator") },
      { key: "title", label: t(l, "table.change.title") },
      { key: "shown", label: t(l, "table.change.contribution"), numeric: true, format: (v) => signed(v, { locale: l }) },
      { key: "kind", label: t(l, "table.change.kind"), className: (v, r) => (r.kinds.includes("unexplained") ? "status-differs" : "") },
      { key: "move", label: t(l, "table.change.answer", years) },
      { key: "reason", label: t(l, "table.change.reason"), format: (v) => v ?? t(l, "table.change.no_reason") },
      { key: "detail", label: t(l, "table.change.detail") },
      { key: "note", label: t(l, "table.change.note"), asWritten: true },
    ],
    { caption: t(l, "table.change.caption", { name: pair.name, ...years }), lang: l },
  );
}

const STATUS_KEY = { matches: "table.claim.matches", differs: "table.claim.differs", "not checkable": "table.claim.not_checkable" };

/** One release statement with its check status; `differs` is marked in words, weight and colour. */
export function claimItem(c, { lang } = {}) {
  const l = pageLang(lang);
  const item = document.createElement("li");
  item.className = `claim claim-${c.status.replace(" ", "-")}${c.status === "differs" ? " finding" : ""}`;
  item.dataset.status = c.status;
  item.dataset.claim = c.id;
  const badge = text("strong", STATUS_KEY[c.status] ? t(l, STATUS_KEY[c.status]) : c.status, c.status === "differs" ? "status-differs" : c.status === "matches" ? "status-matches" : "status-unchecked");
  item.append(badge, document.createTextNode(" "));
  // The release's own words, in their language (the releases are in English).
  item.append(asWritten("q", c.text, undefined, l));
  const meta = [t(l, "table.claim.edition", { edition: c.edition }), `${t(l, `claims.kind.${c.kind}`)}${c.component ? " " + c.component : ""}`];
  if (c.stated !== null) meta.push(t(l, "table.claim.stated", { value: fmt(c.stated, { locale: l }) }));
  if (c.computed !== null && c.kind !== "leader" && c.kind !== "bottom") meta.push(t(l, "table.claim.computed", { value: fmt(c.computed, { locale: l }) }));
  if (c.difference !== null && c.status === "differs") meta.push(t(l, "table.claim.difference", { value: signed(c.difference, { locale: l }) }));
  item.append(text("div", meta.join(" · "), "claim-meta"));
  item.append(text("div", c.reason, "claim-reason"));
  const src = document.createElement("div");
  src.className = "claim-source";
  src.append(text("span", t(l, "table.claim.source") + " "), sourceLink(c.source));
  item.append(src);
  return item;
}

export function claimList(claims, { empty, lang } = {}) {
  const l = pageLang(lang);
  if (!claims.length) return text("p", empty ?? t(l, "table.claim.none"), "muted");
  const list = document.createElement("ul");
  list.className = "claims";
  // Mismatches first.
  const rank = { differs: 0, matches: 1, "not checkable": 2 };
  for (const c of [...claims].sort((a, b) => rank[a.status] - rank[b.status])) list.append(claimItem(c, { lang: l }));
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
export function changeBlock(pair, { heading = "h2", withClaims = true, id = pair.country, lang } = {}) {
  const l = pageLang(lang);
  const block = document.createElement("section");
  block.className = "change-block";
  if (id) block.id = id;
  block.dataset.country = pair.country;
  block.append(
    text(
      heading,
      t(l, "chart.waterfall.heading", {
        name: pair.name,
        change: signed(pair.display.change, { locale: l }),
        from_year: pair.from_year,
        from: fmt(pair.display.from_total, { locale: l }),
        to_year: pair.to_year,
        to: fmt(pair.display.to_total, { locale: l }),
      }),
    ),
  );
  // The loader words it (loaders/attribution.ts methodOrdersText): the method's share in each order and the Shapley value shown.
  if (pair.method_note) block.append(text("p", pair.method_note, pair.comparable ? "method-note" : "method-note finding"));
  const grid = document.createElement("div");
  grid.className = "change-grid";
  const left = document.createElement("div");
  left.className = "change-main";
  left.append(explanationList(pair.explanation[l]));
  left.append(waterfallChart(pair, { lang: l }));
  grid.append(left);
  if (withClaims) {
    const right = document.createElement("aside");
    right.className = "change-claims";
    right.append(text(heading === "h2" ? "h3" : "h4", t(l, "table.claim.heading")));
    right.append(claimList(pair.claims, { lang: l }));
    grid.append(right);
  }
  block.append(grid);
  block.append(movedIndicators(pair, { lang: l }));
  if (pair.unexplained.length) block.append(text("p", t(l, "table.change.unexplained", { indicators: pair.unexplained.join(", ") }), "finding status-differs"));
  return block;
}
