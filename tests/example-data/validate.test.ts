// Pins of the reconstructed example data (data/ as committed): these tests hold only for the
// reconstruction. When data/ is replaced by the Working Group's files, delete or re-pin this folder;
// the engine's tests elsewhere in tests/ run on their own fixtures and stay meaningful.
//
// The validation rules on the example data's 2020 codebook, surveys and sheets (five roles, RM-06–08,
// Q1–Q15). The same rules on the fixture project: tests/validate.test.ts.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../loaders/problems.ts";
import { loadProject } from "../../loaders/project.ts";

describe("rules on the example data's 2020 codebook and surveys", async () => {
  const { validateSurvey, validateCodebooks } = await import("../../loaders/validate.ts");
  const project = await loadProject(path.resolve(__dirname, "../.."));
  const cb2020 = project.codebooks.find((c) => c.version === "2020")!;
  const survey = project.surveys.find((s) => s.country === "ARM" && s.year === 2024)!;

  it("accepts the committed survey", () => {
    expect(validateSurvey(survey, cb2020)).toEqual([]);
  });

  it("rejects a survey in which a role gave no rating (its score would average fewer roles)", () => {
    const noJudges = { ...survey, responses: survey.responses.filter((r) => r.role !== "judge") };
    const lines = validateSurvey(noJudges, cb2020).map(formatProblem);
    expect(lines).toContain(
      "data/surveys/2024/ARM.csv::role: no judge rated Q11, Q12, Q13, Q14, Q15, so RM-08 would average only 4 of the 5 roles (expected ratings from: lawyer, prosecutor, judge, investigator, defender)",
    );
  });

  it("rejects a survey with no rating at all on an indicator's questions", () => {
    const empty = { ...survey, responses: survey.responses.map((r) => (["Q1", "Q2", "Q3", "Q4", "Q5"].includes(r.question) ? { ...r, rating: null } : r)) };
    expect(validateSurvey(empty, cb2020).map(formatProblem)).toEqual([
      "data/surveys/2024/ARM.csv::rating: no rating on Q1, Q2, Q3, Q4, Q5, so RM-06 has no survey score (expected ratings from: lawyer, prosecutor, judge, investigator, defender)",
    ]);
  });

  it("refuses a ratio answer whose comma may separate thousands", async () => {
    const { validateSheet } = await import("../../loaders/validate.ts");
    const sheet = project.sheets.find((x) => x.country === "KAZ" && x.year === 2024)!;
    const answers = sheet.answers.map((a) => (a.indicator === "RM-03" ? { ...a, value: "1,234" } : a));
    const lines = validateSheet({ file: sheet.file, country: "KAZ", year: 2024, answers, indicators: null }, cb2020, "data/surveys/2024/KAZ.csv").map(formatProblem);
    const row = sheet.answers.find((a) => a.indicator === "RM-03")!.line;
    expect(lines).toEqual([
      `data/sheets/2024/KAZ.csv:${row}:value: "1,234" is ambiguous for RM-03: a decimal comma or a thousands separator? write it with a point, e.g. 1.234, or without the comma, e.g. 1234`,
    ]);
  });

  it("accepts every missing-data rule the engine applies (drop, carry_forward, worst)", () => {
    for (const rule of ["drop", "carry_forward", "worst"] as const)
      expect(validateCodebooks([{ file: "data/methodology/2020.yaml", codebook: { ...cb2020, previous: null, missing_data: { ...cb2020.missing_data, rule } } }]).map(formatProblem)).toEqual([]);
  });
});
