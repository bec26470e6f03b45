import { describe, expect, it } from "vitest";
import { formatProblem } from "../loaders/problems.ts";
import { loadProject } from "../loaders/project.ts";
import { repeats, validateSheet, validateSurvey } from "../loaders/validate.ts";
import { FIXTURE_ROOT } from "./fixtures/copy-fixture.ts";

describe("keys written more than once", async () => {
  const project = await loadProject(FIXTURE_ROOT);
  const cb = project.codebooks.find((c) => c.version === "2020")!;

  it("lists every repeat in file order, with the first row of its key and its count so far", () => {
    const rows = [
      { id: "B", line: 2 },
      { id: "A", line: 3 },
      { id: "B", line: 4 },
      { id: "A", line: 5 },
      { id: "B", line: 6 },
      { id: "C", line: 7 },
    ];
    expect(repeats(rows, ["id"]).map(({ row, first, n }) => [row.line, first.line, n])).toEqual([
      [4, 2, 2],
      [5, 3, 2],
      [6, 2, 3],
    ]);
    const pairs = [
      { respondent: "R1", question: "Q1", line: 2 },
      { respondent: "R1", question: "Q2", line: 3 },
      { respondent: "R2", question: "Q1", line: 4 },
      { respondent: "R1", question: "Q1", line: 5 },
    ];
    expect(repeats(pairs, ["respondent", "question"]).map(({ row, first }) => [row.line, first.line])).toEqual([[5, 2]]);
    expect(repeats([], ["id"])).toEqual([]);
  });

  it("a sheet: an indicator written three times is named at each repeat, against its first row", () => {
    const sheet = project.sheets.find((s) => s.country === "KAZ" && s.year === 2020)!;
    const indicators = [
      ...sheet.answers.map((a) => ({ id: a.indicator, line: a.line })),
      { id: "RM-04", line: 9 },
      { id: "LP-01", line: 10 },
      { id: "RM-04", line: 11 },
    ];
    expect(validateSheet({ ...sheet, indicators }, cb, "data/surveys/2020/KAZ.csv").map(formatProblem)).toEqual([
      "data/sheets/2020/KAZ.csv:9:indicator: indicator RM-04 appears twice (first on row 6)",
      "data/sheets/2020/KAZ.csv:10:indicator: indicator LP-01 appears twice (first on row 2)",
      "data/sheets/2020/KAZ.csv:11:indicator: indicator RM-04 appears 3 times (first on row 6)",
    ]);
  });

  it("a survey: a respondent's role is the one on their first row, and each repeated answer names the first", () => {
    const survey = project.surveys.find((s) => s.country === "KAZ" && s.year === 2020)!;
    const responses = [
      ...survey.responses,
      { respondent: "R1", role: "judge" as const, question: "Q1", rating: 2, line: 11 },
      { respondent: "R1", role: "lawyer" as const, question: "Q3", rating: 2, line: 12 },
    ];
    expect(validateSurvey({ ...survey, responses }, cb).map(formatProblem)).toEqual([
      'data/surveys/2020/KAZ.csv:11:role: respondent R1 is "judge" here but "lawyer" on row 2 (a respondent has one role)',
      "data/surveys/2020/KAZ.csv:11:question: respondent R1 answered Q1 twice (first on row 2)",
    ]);
  });
});
