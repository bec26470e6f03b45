// The published record: every total each edition printed, validated.
import { readTable, parseRows } from "./read.ts";
import { EditionRow, type Edition } from "./schema.ts";
import { InputError } from "./problems.ts";

export const EDITIONS_FILE = "data/published/editions.csv";

export async function loadEditions(root: string): Promise<(Edition & { line: number })[]> {
  const table = await readTable(root, EDITIONS_FILE, { required: ["edition", "published", "year", "country", "index", "source"] });
  const { rows, problems } = parseRows(table, EditionRow);
  if (problems.length) throw new InputError(problems);
  return rows;
}

/** The published record in the shape pages display: the latest edition's countries × years table. */
export async function loadPublished(root: string) {
  const editions = await loadEditions(root);
  const latest = Math.max(...editions.map((e) => e.edition));
  const rows = editions.filter((e) => e.edition === latest);
  return {
    latest_edition: latest,
    published: rows[0]?.published ?? null,
    years: [...new Set(rows.map((r) => r.year))].sort(),
    countries: [...new Set(rows.map((r) => r.country))].sort(),
    rows: rows.map(({ edition, year, country, index, source }) => ({ edition, year, country, index, source })),
  };
}
