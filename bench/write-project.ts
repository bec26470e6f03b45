// The synthetic project (bench/synthetic.ts) written out as a real data/ tree — countries, codebooks,
// one sheet and one survey file per country-year — so that the end-to-end bench reads, validates and
// builds it exactly as it would the Working Group's files.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { syntheticProject, type SyntheticOptions } from "./synthetic.ts";

const csvCell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const csvLine = (cells: string[]) => cells.map(csvCell).join(",") + "\n";

/**
 * Replaces `root`/data with the synthetic project of `o`; the sensitivity configuration and the
 * reconstruction's README (and its Russian translation) are taken from `from` (the real tree), as the build reads them.
 * Returns the numbers of files written.
 */
export function writeSyntheticProject(root: string, from: string, o: SyntheticOptions): { sheets: number; surveys: number } {
  const project = syntheticProject(o);
  const data = path.join(root, "data");
  rmSync(data, { recursive: true, force: true });
  for (const dir of ["methodology", "published", "reconstruction"]) mkdirSync(path.join(data, dir), { recursive: true });
  copyFileSync(path.join(from, "data", "methodology", "sensitivity.yaml"), path.join(data, "methodology", "sensitivity.yaml"));
  for (const readme of ["README.md", "README.ru.md"]) copyFileSync(path.join(from, "data", "reconstruction", readme), path.join(data, "reconstruction", readme));
  writeFileSync(path.join(data, "countries.csv"), "code,name_en,name_ru\n" + project.countries.map((c) => csvLine([c.code, c.name_en, c.name_ru])).join(""));
  // Every year but the last has been published (one edition a year, as the Working Group's), so
  // that only the last year is under review, as in a real project; each edition states one total and
  // the first a release statement. The synthetic Index was never released, so the audit reports
  // them as not reproduced.
  const first = project.sheets[0]!;
  const years = [...new Set(project.sheets.map((s) => s.year))].sort((a, b) => a - b);
  const editions = (years.length > 1 ? years.slice(0, -1) : years).map((year, i) => `${i + 1},${year + 1}-06-01,${year},${first.country},0,synthetic\n`);
  writeFileSync(path.join(data, "published", "editions.csv"), "edition,published,year,country,index,source\n" + editions.join(""));
  writeFileSync(path.join(data, "published", "claims.csv"), `id,edition,country,year,kind,component,value,text,source\nE1-leader,1,${first.country},${first.year},leader,,,${first.country} led the Index,synthetic\n`);
  for (const cb of project.codebooks) writeFileSync(path.join(data, "methodology", `${cb.version}.yaml`), stringify(cb));
  for (const s of project.sheets) {
    const file = path.join(root, s.file);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, "indicator,value,source,note,change\n" + s.answers.map((a) => csvLine([a.indicator, a.value, a.source, a.note, a.change ?? ""])).join(""));
  }
  for (const s of project.surveys) {
    const file = path.join(root, s.file);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, "respondent,role,question,rating\n" + s.responses.map((r) => csvLine([r.respondent, r.role, r.question, r.rating === null ? "" : String(r.rating)])).join(""));
  }
  return { sheets: project.sheets.length, surveys: project.surveys.length };
}
