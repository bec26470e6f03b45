// One way to name a spreadsheet column, shared by the template, the readers' messages and the downloads.
import { describe, expect, it } from "vitest";
import { columnLetters } from "../loaders/workbook/address.ts";

describe("columnLetters", () => {
  it("names columns as Excel does, past Z and ZZ", () => {
    expect([1, 2, 26, 27, 52, 53, 702, 703, 16384].map(columnLetters)).toEqual(["A", "B", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"]);
  });
});
