// The calculation trace of one country-year (loaders/trace.ts, the same content `explain` prints)
// as tables, an explorer to pick the country and year, and a plain <select> filter for tables.
// Everything from data is put in with textContent (notes and sources are untrusted text).
import { figuresTable } from "./table.js";
import { count, fmt, percent, signed, text, sourceLink } from "./format.js";

const el = (tag, props = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "className") e.className = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
};

/** A labelled plain <select>; onChange(value). Options: [{value, label}]. */
export function selectInput(label, options, value, onChange) {
  const select = document.createElement("select");
  for (const o of options) {
    const opt = document.createElement("option");
    opt.value = String(o.value);
    opt.textContent = o.label;
    select.append(opt);
  }
  select.value = String(value);
  select.addEventListener("change", () => onChange(select.value));
  const wrap = el("label", { className: "audit-select" }, text("span", label + " "), select);
  wrap.style.marginRight = "1rem";
  wrap.select = select;
  return wrap;
}

/**
 * A table with a <select> per filter: filters [{key, label}] take their options from the rows
 * ("all" first). Returns one element holding the selects, a count and the table.
 */
export function filteredTable(rows, columns, { filters = [], caption, id } = {}) {
  const root = el("div", { className: "filtered-table" });
  const state = Object.fromEntries(filters.map((f) => [f.key, "all"]));
  const controls = el("div", { className: "filters no-print" });
  const count = text("p", "");
  count.setAttribute("aria-live", "polite");
  const holder = el("div");
  const render = () => {
    const shown = rows.filter((r) => filters.every((f) => state[f.key] === "all" || String(r[f.key]) === state[f.key]));
    count.textContent = `${shown.length} of ${rows.length} rows`;
    holder.replaceChildren(figuresTable(shown, columns, { caption, id }));
  };
  for (const f of filters) {
    const values = [...new Set(rows.map((r) => r[f.key]))].sort((a, b) => (typeof a === "number" ? a - b : String(a).localeCompare(String(b))));
    const input = selectInput(f.label, [{ value: "all", label: "all" }, ...values.map((v) => ({ value: v, label: f.format ? f.format(v) : String(v) }))], "all", (v) => {
      state[f.key] = v;
      render();
    });
    input.select.id = `${id ?? "table"}-filter-${f.key}`;
    controls.append(input);
  }
  root.append(controls, count, holder);
  render();
  return root;
}

/** The applied rule, with the indicator's whole scale under it in smaller type. */
function ruleCell(applied, rule) {
  const wrap = document.createElement("span");
  wrap.append(text("span", applied));
  if (rule && rule !== applied) {
    const small = text("small", rule);
    small.style.display = "block";
    small.style.color = "#666";
    wrap.append(small);
  }
  return wrap;
}

/** Source (a link only for http(s)) and note, as text. */
function sourceAndNote(r) {
  const wrap = document.createElement("span");
  wrap.append(sourceLink(r.source));
  if (r.note) {
    const note = text("small", r.note);
    note.style.display = "block";
    wrap.append(note);
  }
  return wrap;
}

/** One country-year's calculation: sections with every indicator, survey steps, total, published values. */
export function traceView(t) {
  const root = el("div", { className: "trace" });
  root.append(
    text("h3", `${t.country}${t.country_name ? ` (${t.country_name})` : ""} ${t.year}: Index ${fmt(t.total)}`),
    text(
      "p",
      `Methodology ${t.methodology} (${t.methodology_title}). Answers from ${t.sheet}. ${t.indicators} indicators, ${t.excluded} excluded; attainable from ${fmt(t.min_attainable)} to ${fmt(t.max_attainable)}.` +
        (t.excluded ? ` Missing data: ${t.missing_rule}` : ""),
    ),
  );

  const prev = t.previous_year;
  for (const s of t.sections) {
    root.append(
      figuresTable(
        s.indicators,
        [
          { key: "indicator", label: "Indicator" },
          { key: "line", label: "Sheet row" },
          { key: "title", label: "What it asks" },
          { key: "value", label: "Answer" },
          { key: "applied", label: "Scored as (rule)", render: (v, r) => ruleCell(v, r.rule) },
          { key: "points", label: "Points", numeric: true },
          { key: "weighted", label: `× weight ${fmt(s.weight)}`, numeric: true },
          ...(prev === null
            ? []
            : [
                {
                  key: "changed",
                  label: `vs ${prev}`,
                  format: (v, r) => (v ? (r.previous ? `was ${r.previous.value} (${fmt(r.previous.points)})` : "new") + (r.change ? `; ${r.change}` : "") : ""),
                  className: (v) => (v ? "changed" : ""),
                },
              ]),
          { key: "source", label: "Source and note", render: (v, r) => sourceAndNote(r) },
        ],
        {
          caption: `${s.section}: ${s.title}. Subtotal ${fmt(s.points)} points × weight ${fmt(s.weight)} = ${fmt(s.weighted)} (attainable ${fmt(s.min_attainable)} to ${fmt(s.max_attainable)}${s.excluded ? `; ${s.excluded} excluded` : ""})`,
        },
      ),
    );
  }

  for (const v of t.surveys) {
    const box = el("div", { className: "trace-survey" });
    box.append(text("h4", `Survey score ${v.indicator}: ${v.title}`), text("p", v.method_text));
    const steps = el("ol");
    steps.append(
      text("li", `Respondent means over ${v.questions.join(", ")} (${v.answered} ratings, ${v.missing} empty): ${v.respondents.length} respondents, listed below.`),
      text("li", `Role means: ${v.roles.map((r) => `${r.role} ${fmt(r.mean, 3)} (n = ${r.respondents})`).join("; ")}.`),
      text(
        "li",
        v.method === "role_mean"
          ? `Mean of the ${v.roles.length} role means: ${fmt(v.value, 3)}.`
          : v.method === "pooled_mean"
            ? `Mean over all ${v.respondents.length} respondents: ${fmt(v.value, 3)}.`
            : `Median over all ${v.respondents.length} respondents: ${fmt(v.value, 3)}.`,
      ),
      text("li", `× multiplier ${fmt(v.multiplier, 2)} = ${fmt(v.points)} points.`),
    );
    box.append(steps);
    box.append(
      text(
        "p",
        `${percent(v.level)} interval of the score: ${fmt(v.lo, 3)} to ${fmt(v.hi, 3)} (${fmt(v.points_lo)} to ${fmt(v.points_hi)} points): ${v.interval_text}. Responses: ${v.file}.`,
      ),
    );
    const details = el("details");
    details.append(text("summary", "Respondent means"));
    details.append(
      figuresTable(v.respondents, [
        { key: "respondent", label: "Respondent" },
        { key: "role", label: "Role" },
        { key: "mean", label: "Mean rating", numeric: true, format: (x) => fmt(x, 3) },
      ]),
    );
    box.append(details);
    root.append(box);
  }

  root.append(
    text("p", `Total: ${t.sections.map((s) => `${s.section} ${fmt(s.weighted)}`).join(" + ")} = ${fmt(t.total)} (full precision ${t.total}).`),
  );
  if (t.published.length === 0) root.append(text("p", "No edition published this country-year."));
  else
    root.append(
      figuresTable(
        t.published,
        [
          { key: "edition", label: "Edition" },
          { key: "published_on", label: "Published" },
          { key: "value", label: "Published total", numeric: true },
          { key: "difference", label: "Computed − published (full precision)", format: (x) => String(x), className: () => "num" },
          { key: "matches", label: "Status", format: (x) => (x ? "matches" : "differs"), className: (x) => (x ? "status-matches" : "status-differs") },
          { key: "source", label: "Source", render: (x) => sourceLink(x) },
        ],
        { caption: "Published value(s) beside the computed total" },
      ),
    );
  if (prev !== null) {
    const head = `Changes from ${prev}: ${fmt(t.previous_total)} → ${fmt(t.total)} (${signed(t.change)})${t.crosses_break ? "; the methodology changed between these years" : ""}.`;
    root.append(text("p", t.changes.length ? head : `${head} No indicator changed.`));
    if (t.changes.length)
      root.append(
        figuresTable(t.changes, [
          { key: "indicator", label: "Indicator" },
          { key: "from", label: "From" },
          { key: "to", label: "To" },
          { key: "points_from", label: "Points before", numeric: true },
          { key: "points_to", label: "Points now", numeric: true },
          { key: "change", label: "Kind of change" },
        ]),
      );
  }
  return root;
}

/** Country and year selects over every trace; shows the chosen one. */
export function traceExplorer({ countries, traces }, { country, year, more } = {}) {
  const root = el("div", { className: "trace-explorer" });
  if (!traces.length) {
    root.append(text("p", "No country-year has been computed."));
    return root;
  }
  let c = country && countries.some((x) => x.code === country) ? country : countries[0].code;
  const yearsOf = (code) => countries.find((x) => x.code === code).years;
  let y = year && yearsOf(c).includes(year) ? year : yearsOf(c).at(-1);
  const controls = el("div", { className: "no-print" });
  const holder = el("div", { id: "trace-view" });
  const yearSelect = () =>
    selectInput("Year", yearsOf(c).map((v) => ({ value: v, label: String(v) })), y, (v) => {
      y = Number(v);
      show();
    });
  let ySel = yearSelect();
  ySel.select.id = "trace-year";
  const cSel = selectInput("Country", countries.map((x) => ({ value: x.code, label: `${x.code} ${x.name}` })), c, (v) => {
    c = v;
    if (!yearsOf(c).includes(y)) y = yearsOf(c).at(-1);
    const next = yearSelect();
    next.select.id = "trace-year";
    ySel.replaceWith(next);
    ySel = next;
    show();
  });
  cSel.select.id = "trace-country";
  controls.append(cSel, ySel);
  // Traces not shipped with the first view are fetched once, on the first pick that needs them.
  let loading = null;
  const show = async () => {
    const want = [c, y];
    let t = traces.find((x) => x.country === c && x.year === y);
    if (!t && more) {
      holder.replaceChildren(text("p", "Loading the calculation trace…"));
      loading ??= more().then((all) => (traces = all.traces));
      await loading;
      if (want[0] !== c || want[1] !== y) return; // another pick came in meanwhile
      t = traces.find((x) => x.country === c && x.year === y);
    }
    holder.replaceChildren(traceView(t));
  };
  root.append(controls, holder);
  show();
  return root;
}
