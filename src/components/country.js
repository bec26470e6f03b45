// Country-page builders: section stack, indicator × year grid, list of changes, survey intervals.
import { figure, fmt, text, sourceLink } from "./format.js";
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
          x: { field: "year", type: "ordinal", title: "Data year", axis: { labelAngle: 0 } },
          y: { field: "weighted", type: "quantitative", title: "Points", stack: "zero" },
          // Below the chart: on the right, the six section titles left a phone's plot too narrow for its year labels.
          color: { field: "title", type: "nominal", title: "Section", scale: { range: OKABE_ITO.slice(0, ids.length) }, legend: { orient: "bottom", columns: { expr: "containerSize()[0] < 600 ? 1 : 2" }, labelLimit: 300 } },
          tooltip: [{ field: "year" }, { field: "title", title: "Section" }, { field: "weighted", title: "Points", ...figure() }],
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
    { key: "indicator", label: "Indicator" },
    { key: "title", label: "Title" },
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
  if (!changed.length) return text("p", "No answer changed between years.");
  return figuresTable(changed, [
    { key: "year", label: "Year" },
    { key: "indicator", label: "Indicator" },
    { key: "value", label: "Answer" },
    { key: "points", label: "Points", numeric: true },
    { key: "change", label: "Reason", format: (x) => x ?? "(not given)" },
    { key: "note", label: "Note" },
  ], { caption: "Answers that changed from the previous year", id: "change-list" });
}

export function surveySpec(surveys) {
  return {
    width: "container",
    height: 220,
    data: { values: surveys },
    encoding: {
      x: { field: "year", type: "ordinal", title: "Data year", axis: { labelAngle: 0 } },
      xOffset: { field: "indicator" },
      color: { field: "indicator", type: "nominal", title: "Indicator", scale: { range: OKABE_ITO } },
    },
    layer: [
      { mark: { type: "rule", strokeWidth: 2 }, encoding: { y: { field: "lo", type: "quantitative", title: "Score (0–10)", scale: { domain: [0, 10] } }, y2: { field: "hi" } } },
      {
        mark: { type: "point", filled: true, size: 60 },
        encoding: {
          y: { field: "value", type: "quantitative" },
          // Titled like the colour so Vega-Lite draws one legend, not "Indicator" and "indicator".
          shape: { field: "indicator", type: "nominal", title: "Indicator" },
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
  wrap.append(text("p", "Answers citing a public source (all other answers are reconstructed):"), ul);
  return wrap;
}
