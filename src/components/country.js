// Country-page builders: section stack, indicator × year grid, list of changes, survey intervals.
import { figure, fmt, text, sourceLink, tr } from "./format.js";
import { figuresTable } from "./table.js";
import { OKABE_ITO } from "./palette.js";

export function sectionStackSpec(sections) {
  const ids = [...new Set(sections.map((s) => s.section))];
  return {
    width: "container",
    height: 260,
    data: { values: sections },
    layer: [
      {
        mark: { type: "bar", stroke: "#fff", strokeWidth: 0.5 },
        encoding: {
          x: { field: "year", type: "ordinal", title: tr("page.parts.data_year"), axis: { labelAngle: 0 } },
          y: { field: "weighted", type: "quantitative", title: tr("page.common.points"), stack: "zero" },
          // Below the chart: on the right, the six section titles left a phone's plot too narrow for its year labels.
          color: { field: "title", type: "nominal", title: tr("page.common.section"), scale: { range: OKABE_ITO.slice(0, ids.length) }, legend: { orient: "bottom", columns: { expr: "containerSize()[0] < 600 ? 1 : 2" }, labelLimit: 300 } },
          tooltip: [{ field: "year", title: tr("page.common.year") }, { field: "title", title: tr("page.common.section") }, { field: "weighted", title: tr("page.common.points"), ...figure() }],
        },
      },
      { mark: { type: "rule", color: "#000", strokeWidth: 1.5 }, encoding: { y: { datum: 0 } } },
    ],
  };
}

export function answerGrid(c) {
  const rows = c.indicators.map((ind) => {
    const row = { indicator: ind.id, title: ind.title };
    for (const cell of c.cells.filter((x) => x.indicator === ind.id)) row[cell.year] = cell;
    return row;
  });
  const cellText = (cell) => {
    if (!cell) return "—";
    const value = cell.value === "survey" ? `survey ${fmt(cell.survey_score)}` : cell.value;
    return `${cell.changed ? "● " : ""}${value} (${cell.excluded ? "excluded" : fmt(cell.points)})`;
  };
  return figuresTable(rows, [
    { key: "indicator", label: tr("page.common.indicator") },
    { key: "title", label: tr("page.methodology.col.title") },
    ...c.years.map((y) => ({
      key: y,
      label: String(y),
      format: (cell) => cellText(cell),
      className: (cell) => (cell?.changed ? "changed" : cell?.points < 0 ? "negative-points" : ""),
    })),
  ], { caption: `${c.name_en}: answers (points) by indicator and year`, id: "answer-grid" });
}

export function changeList(c) {
  const changed = c.cells.filter((x) => x.changed).sort((a, b) => a.year - b.year || a.indicator.localeCompare(b.indicator));
  if (!changed.length) return text("p", tr("page.parts.no_answer_changed"));
  return figuresTable(changed, [
    { key: "year", label: tr("page.common.year") },
    { key: "indicator", label: tr("page.common.indicator") },
    { key: "value", label: tr("page.parts.answer") },
    { key: "points", label: tr("page.common.points"), numeric: true },
    { key: "change", label: tr("page.parts.reason"), format: (x) => x ?? tr("page.parts.not_given") },
    { key: "note", label: tr("page.parts.note") },
  ], { caption: tr("page.parts.changed_answers"), id: "change-list" });
}

export function surveySpec(surveys) {
  return {
    width: "container",
    height: 220,
    data: { values: surveys },
    encoding: {
      x: { field: "year", type: "ordinal", title: tr("page.parts.data_year"), axis: { labelAngle: 0 } },
      xOffset: { field: "indicator" },
      color: { field: "indicator", type: "nominal", title: tr("page.common.indicator"), scale: { range: OKABE_ITO } },
    },
    layer: [
      { mark: { type: "rule", strokeWidth: 2 }, encoding: { y: { field: "lo", type: "quantitative", title: tr("page.parts.score_axis"), scale: { domain: [0, 10] } }, y2: { field: "hi" } } },
      {
        mark: { type: "point", filled: true, size: 60 },
        encoding: {
          y: { field: "value", type: "quantitative" },
          // Titled like the colour so Vega-Lite draws one legend, not "Indicator" and "indicator".
          shape: { field: "indicator", type: "nominal", title: tr("page.common.indicator") },
          tooltip: [{ field: "year" }, { field: "indicator" }, { field: "value", ...figure() }, { field: "lo", ...figure() }, { field: "hi", ...figure() }],
        },
      },
    ],
  };
}

export function sourceList(c) {
  const ul = document.createElement("ul");
  for (const s of c.sources) {
    const li = document.createElement("li");
    li.append(sourceLink(s.source), text("span", ` — ${s.indicators.join(", ")} (${s.years.join(", ")})`));
    ul.append(li);
  }
  const wrap = document.createElement("div");
  wrap.append(text("p", tr("page.parts.public_sources")), ul);
  return wrap;
}
