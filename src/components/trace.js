// The calculation trace of one country-year (loaders/trace.ts, the same content `explain` prints)
// as tables, an explorer to pick the country and year, and a plain <select> filter for tables.
// Everything from data is put in with textContent (notes and sources are untrusted text).
import { figuresTable } from "./table.js";
import { fmt as fmtEn, percent as percentEn, signed as signedEn, asWritten, text, sourceLink } from "./format.js";
import { t as translate } from "./engine.js";
import { pageLang } from "./chart.js";

// The page's language for words and numbers (a trace is shown on one page, in one language).
const L = () => pageLang();
const tr = (key, vars) => translate(L(), key, vars);
// A name or title in the page's language: the Russian twin where there is one, else the English.
const nameIn = (en, ru) => (L() === "ru" && ru ? ru : en);
// A survey role by the codebook's name in Russian (role_ru), its id in English.
const roleOf = (r) => (L() === "ru" && r.role_ru ? r.role_ru : r.role);
// What an answer was the year before: the survey score's move, or the answer and its points, in the page's language.
const wasText = (r) =>
  r.survey_move ? nameIn(r.survey_move, r.survey_move_ru) : r.previous ? tr("table.trace.was", { value: nameIn(r.previous.value, r.previous.value_ru), points: fmt(r.previous.points) }) : tr("table.trace.new");
const fmt = (x, digits) => fmtEn(x, { locale: L(), ...(typeof digits === "number" ? { digits } : {}) });
const signed = (x) => signedEn(x, { locale: L() });
const percent = (x) => percentEn(x, { locale: L() });

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
    count.textContent = tr("table.trace.rows_shown", { shown: shown.length, all: rows.length });
    holder.replaceChildren(figuresTable(shown, columns, { caption, id, lang: L() }));
  };
  for (const f of filters) {
    const values = [...new Set(rows.map((r) => r[f.key]))].sort((a, b) => (typeof a === "number" ? a - b : String(a).localeCompare(String(b))));
    const input = selectInput(f.label, [{ value: "all", label: tr("table.trace.all") }, ...values.map((v) => ({ value: v, label: f.format ? f.format(v) : String(v) }))], "all", (v) => {
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
    small.style.color = "#55585d";
    wrap.append(small);
  }
  return wrap;
}

/** Source (a link only for http(s)) and note, as text. */
function sourceAndNote(r) {
  const wrap = document.createElement("span");
  wrap.append(sourceLink(r.source));
  if (r.note) {
    const note = asWritten("small", r.note);
    note.style.display = "block";
    wrap.append(note);
  }
  return wrap;
}

/** One country-year's calculation: sections with every indicator, survey steps, total, published values. */
export function traceView(t) {
  const name = nameIn(t.country_name, t.country_name_ru);
  const root = el("div", { className: "trace" });
  root.append(
    text("h3", tr("table.trace.heading", { country: `${t.country}${name ? ` (${name})` : ""}`, year: t.year, total: fmt(t.total) })),
    text(
      "p",
      tr("table.trace.intro", { methodology: t.methodology, title: nameIn(t.methodology_title, t.methodology_title_ru), sheet: t.sheet, indicators: t.indicators, excluded: t.excluded, min: fmt(t.min_attainable), max: fmt(t.max_attainable) }) +
        (t.excluded ? " " + tr("table.trace.missing", { rule: L() === "ru" ? t.missing_rule_ru : t.missing_rule }) : ""),
    ),
  );

  const prev = t.previous_year;
  for (const s of t.sections) {
    root.append(
      figuresTable(
        s.indicators,
        [
          { key: "indicator", label: tr("table.change.indicator") },
          { key: "line", label: tr("table.trace.sheet_row") },
          { key: "title", label: tr("table.trace.asks"), format: (v, r) => nameIn(v, r.title_ru) },
          { key: "value", label: tr("table.country.answer"), format: (v, r) => nameIn(v, r.value_ru) },
          { key: "applied", label: tr("table.trace.scored_as"), render: (v, r) => (L() === "ru" ? ruleCell(r.applied_ru ?? v, r.rule_ru ?? r.rule) : ruleCell(v, r.rule)) },
          { key: "points", label: tr("chart.points"), numeric: true },
          { key: "weighted", label: tr("table.trace.times_weight", { weight: fmt(s.weight) }), numeric: true },
          ...(prev === null
            ? []
            : [
                {
                  key: "changed",
                  label: tr("table.trace.versus", { year: prev }),
                  format: (v, r) => (v ? wasText(r) + (r.change ? `; ${nameIn(r.change, r.change_ru)}` : "") : ""),
                  className: (v) => (v ? "changed" : ""),
                },
              ]),
          { key: "source", label: tr("table.trace.source_note"), render: (v, r) => sourceAndNote(r) },
        ],
        {
          caption: tr("table.trace.section_caption", { section: s.section, title: nameIn(s.title, s.title_ru), points: fmt(s.points), weight: fmt(s.weight), weighted: fmt(s.weighted), min: fmt(s.min_attainable), max: fmt(s.max_attainable) }) + (s.excluded ? " " + tr("table.trace.section_excluded", { n: s.excluded }) : ""),
          lang: L(),
        },
      ),
    );
  }

  for (const v of t.surveys) {
    const box = el("div", { className: "trace-survey" });
    box.append(text("h4", tr("table.trace.survey_heading", { indicator: v.indicator, title: nameIn(v.title, v.title_ru) })), text("p", L() === "ru" ? v.method_text_ru : v.method_text));
    const steps = el("ol");
    steps.append(
      text("li", tr("table.trace.survey_respondents", { questions: v.questions.join(", "), answered: v.answered, missing: v.missing, n: v.respondents.length })),
      text("li", tr("table.trace.survey_roles", { roles: v.roles.map((r) => `${roleOf(r)} ${fmt(r.mean, 3)} (n = ${r.respondents})`).join("; ") })),
      text(
        "li",
        v.method === "role_mean"
          ? tr("table.trace.survey_role_mean", { roles: v.roles.length, value: fmt(v.value, 3) })
          : v.method === "pooled_mean"
            ? tr("table.trace.survey_pooled_mean", { n: v.respondents.length, value: fmt(v.value, 3) })
            : tr("table.trace.survey_median", { n: v.respondents.length, value: fmt(v.value, 3) }),
      ),
      text("li", tr("table.trace.survey_multiplier", { multiplier: fmt(v.multiplier, 2), points: fmt(v.points) })),
    );
    box.append(steps);
    box.append(
      text(
        "p",
        tr("table.trace.survey_interval", { level: percent(v.level), lo: fmt(v.lo, 3), hi: fmt(v.hi, 3), points_lo: fmt(v.points_lo), points_hi: fmt(v.points_hi), how: L() === "ru" ? v.interval_text_ru : v.interval_text, file: v.file }),
      ),
    );
    const details = el("details");
    details.append(text("summary", tr("table.trace.respondent_means")));
    details.append(
      figuresTable(v.respondents, [
        { key: "respondent", label: tr("table.trace.respondent") },
        { key: "role", label: tr("table.trace.role"), format: (v, r) => roleOf(r) },
        { key: "mean", label: tr("table.trace.mean_rating"), numeric: true, format: (x) => fmt(x, 3) },
      ], { caption: tr("table.trace.respondent_means"), lang: L() }),
    );
    box.append(details);
    root.append(box);
  }

  root.append(
    text("p", tr("table.trace.total", { sum: t.sections.map((s) => `${s.section} ${fmt(s.weighted)}`).join(" + "), total: fmt(t.total), full: String(t.total) })),
  );
  if (t.published.length === 0) root.append(text("p", tr("table.trace.none_published")));
  else
    root.append(
      figuresTable(
        t.published,
        [
          { key: "edition", label: tr("table.trace.edition") },
          { key: "published_on", label: tr("table.trace.published_on") },
          { key: "value", label: tr("table.trace.published_total"), numeric: true },
          { key: "difference", label: tr("table.trace.difference"), format: (x) => String(x), className: () => "num" },
          { key: "matches", label: tr("table.trace.status"), format: (x) => tr(x ? "table.claim.matches" : "table.trace.differs"), className: (x) => (x ? "status-matches" : "status-differs") },
          { key: "source", label: tr("table.trace.source"), render: (x) => sourceLink(x) },
        ],
        { caption: tr("table.trace.published_caption"), lang: L() },
      ),
    );
  if (prev !== null) {
    const head = tr(t.crosses_break ? "table.trace.changes_break" : "table.trace.changes", { year: prev, from: fmt(t.previous_total), to: fmt(t.total), change: signed(t.change) });
    root.append(text("p", t.changes.length ? head : `${head} ${tr("table.trace.no_change")}`));
    if (t.changes.length)
      root.append(
        figuresTable(t.changes, [
          { key: "indicator", label: tr("table.change.indicator") },
          { key: "from", label: tr("table.trace.from"), format: (v, r) => nameIn(v, r.from_ru) },
          { key: "to", label: tr("table.trace.to"), format: (v, r) => nameIn(v, r.to_ru) },
          { key: "points_from", label: tr("table.trace.points_before"), numeric: true },
          { key: "points_to", label: tr("table.trace.points_now"), numeric: true },
          { key: "change", label: tr("table.trace.kind_of_change"), format: (v, r) => nameIn(v, r.change_ru) },
        ], { caption: tr("table.trace.changes_caption", { year: prev }), lang: L() }),
      );
  }
  return root;
}

/** Traces with each survey's texts back from the first view's method_texts (loaders/present/trace.ts shipped). */
const unpacked = (traces, method_texts = {}) =>
  traces.map((t) => ({ ...t, surveys: t.surveys.map((v) => ({ ...method_texts[t.methodology], ...v })) }));

/**
 * Country and year selects over every country-year; shows the chosen one. `more(code)` gives the
 * promise of that country's file (src/data/trace/<CODE>.json): only the first view's trace comes
 * with the payload, and each other country is fetched once, when first picked.
 */
export function traceExplorer(payload, { country, year, more } = {}) {
  const { countries, method_texts } = payload;
  let traces = unpacked(payload.traces, method_texts);
  const root = el("div", { className: "trace-explorer" });
  if (!traces.length) {
    root.append(text("p", tr("table.trace.none_computed")));
    return root;
  }
  let c = country && countries.some((x) => x.code === country) ? country : countries[0].code;
  const yearsOf = (code) => countries.find((x) => x.code === code).years;
  let y = year && yearsOf(c).includes(year) ? year : yearsOf(c).at(-1);
  const controls = el("div", { className: "no-print" });
  const holder = el("div", { id: "trace-view" });
  const yearSelect = () =>
    selectInput(tr("chart.year"), yearsOf(c).map((v) => ({ value: v, label: String(v) })), y, (v) => {
      y = Number(v);
      show();
    });
  let ySel = yearSelect();
  ySel.select.id = "trace-year";
  const cSel = selectInput(tr("chart.country"), countries.map((x) => ({ value: x.code, label: `${x.code} ${nameIn(x.name, x.name_ru)}` })), c, (v) => {
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
  const loading = new Map(); // country code → the promise of its file, so each is fetched once
  const show = async () => {
    const want = [c, y];
    let t = traces.find((x) => x.country === c && x.year === y);
    if (!t && more) {
      holder.replaceChildren(text("p", tr("table.trace.loading")));
      if (!loading.has(c))
        loading.set(
          c,
          Promise.resolve(more(c)).then((file) => {
            const mine = unpacked(file?.traces ?? [], method_texts);
            traces = [...traces.filter((x) => !mine.some((m) => m.country === x.country && m.year === x.year)), ...mine];
          }),
        );
      await loading.get(c);
      if (want[0] !== c || want[1] !== y) return; // another pick came in meanwhile
      t = traces.find((x) => x.country === c && x.year === y);
    }
    holder.replaceChildren(t ? traceView(t) : text("p", tr("table.trace.none_computed")));
  };
  root.append(controls, holder);
  show();
  return root;
}
