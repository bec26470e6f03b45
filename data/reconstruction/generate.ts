// Generator of the RECONSTRUCTED example sheets and surveys (see README.md beside this file).
//
//   node --import tsx data/reconstruction/generate.ts            writes data/sheets/** and data/surveys/**
//   node --import tsx data/reconstruction/generate.ts --out DIR  writes DIR/sheets/** and DIR/surveys/**
//   options: --quiet (no per-country-year table), --trace CODE|all (to stderr: where each residual
//   went, and every answer with its points for that country or all countries)
//
// It reads the codebooks (data/methodology/*.yaml), the published totals
// (data/published/editions.csv: for each country-year the latest edition that printed it) and the
// driver decisions in targets.yaml, builds every country-year's answers, places the residual that
// the decisions leave on the declared practice indicators, and VERIFIES the files before writing
// them: every file's text is parsed back (RFC 4180) through the project's schemas and scored with
// loaders/score.ts and loaders/survey.ts (the codebook's aggregation, role_mean), and the run fails,
// writing nothing, unless every total equals the published one to 1e-9. Deterministic: every random draw comes from loaders/random.ts, seeded from targets.yaml.
// The pipeline never imports this file.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse as parseYaml } from "yaml";
import { CHANGE_KINDS, Codebook, EditionRow, NA, ROLES, SURVEY_VALUE, SheetRow, SurveyRow, parseDecimal } from "../../loaders/schema.ts";
import type { Indicator } from "../../loaders/schema.ts";
import { pointsRange, ratioPoints, ratioValueFor, scoreAnswer } from "../../loaders/score.ts";
// Sheet values are machine-readable numbers (ASCII minus, no grouping), not display text.
import { plainText as fmt } from "../../loaders/shared/format.ts";
import { aggregateSurvey } from "../../loaders/survey.ts";
import { rng, seedFor } from "../../loaders/random.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const TOLERANCE = 1e-9;
const RECONSTRUCTED = "reconstructed";

type ChangeKind = (typeof CHANGE_KINDS)[number];
type Role = (typeof ROLES)[number];

// ---------------------------------------------------------------- targets.yaml (this generator's own input)
interface FactSpec { value: string | number; source: string; note: string }
interface SetSpec { value: string | number; change: ChangeKind; note: string; source?: string; standing?: string }
interface SpreadSpec { indicators: string[]; change?: ChangeKind; note?: string }
interface YearSpec {
  answers?: Record<string, string | number>;
  notes?: Record<string, string>;
  set?: Record<string, SetSpec>;
  survey?: Record<string, number | { delta: number }>;
  survey_notes?: Record<string, { note: string; source?: string; change?: ChangeKind }>;
  spread?: SpreadSpec;
}
interface CountrySpec { facts?: Record<string, FactSpec>; years: Record<string, YearSpec> }
interface Targets {
  seed: number;
  survey: { per_role: number; role_bias: Record<Role, number>; respondent_spread: number; item_spread: number; blank_rate: number };
  spread_defaults: { change: ChangeKind; note: string };
  survey_change_note: string;
  /** Cited sources by key; a `source` written `@key` in the countries below means sources[key]. */
  sources: Record<string, string>;
  countries: Record<string, CountrySpec>;
}

// ---------------------------------------------------------------- small CSV writer / reader (RFC 4180)
function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
function csvLine(fields: string[]): string {
  return fields.map(csvField).join(",");
}
/** RFC 4180 reader for the files this generator writes (comma, `\n`, quotes doubled). */
export function readCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let field = "";
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\n") row.push(field), rows.push(row), (row = []), (field = "");
    else if (c !== "\r") field += c;
  }
  if (field !== "" || row.length) row.push(field), rows.push(row);
  const [header, ...body] = rows;
  if (!header) return [];
  return body.map((r) => Object.fromEntries(header.map((h, j) => [h, r[j] ?? ""])));
}

// ---------------------------------------------------------------- helpers
const isRatio = (ind: Indicator) => ind.scale.type === "ratio";
const isSurvey = (ind: Indicator) => ind.scale.type === "survey";
/** A ratio answer as written in a sheet: at most four decimals, no trailing zeros. */
function formatRatio(x: number): string {
  const r = Math.round(x * 10000) / 10000;
  if (Math.abs(r - x) > 1e-9) throw new Error(`ratio value ${x} needs more than four decimals`);
  return fmt(Number(r.toFixed(4)));
}
const round2 = (x: number) => Math.round(x * 100) / 100;
const onGrid = (x: number, step: number) => Math.abs(x / step - Math.round(x / step)) < 1e-6;

interface Cell { value: string; source: string; note: string }
interface SheetCell { indicator: string; value: string; source: string; note: string; change: ChangeKind | null }
interface Built {
  code: string;
  year: number;
  version: string;
  target: number;
  sheet: SheetCell[];
  surveyScores: Map<string, number>;
  surveyRows: { respondent: string; role: Role; question: string; rating: number | null }[] | null;
}

function governing(codebooks: Codebook[], year: number): Codebook {
  const cb = codebooks.find((c) => c.years.from <= year && (c.years.to === null || year <= c.years.to));
  if (!cb) throw new Error(`no codebook governs ${year}`);
  return cb;
}

function publishedTotals(root: string): Map<string, number> {
  const rows = readCsv(readFileSync(path.join(root, "data/published/editions.csv"), "utf8")).map((r) => EditionRow.parse(r));
  const latest = new Map<string, { edition: number; index: number }>();
  for (const r of rows) {
    const key = `${r.country} ${r.year}`;
    const seen = latest.get(key);
    if (!seen || r.edition > seen.edition) latest.set(key, { edition: r.edition, index: r.index });
  }
  return new Map([...latest].map(([k, v]) => [k, v.index]));
}

function loadCodebooks(root: string): Codebook[] {
  const dir = path.join(root, "data/methodology");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => parseYaml(readFileSync(path.join(dir, f), "utf8")) as Record<string, unknown>)
    .filter((doc) => doc && typeof doc === "object" && "indicators" in doc) // other YAML there is not a codebook
    .map((doc) => Codebook.parse(doc));
}

// ---------------------------------------------------------------- scoring of an in-memory country-year
function totalOf(cb: Codebook, cells: Map<string, Cell>, scores: Map<string, number>): number {
  const weight = new Map(cb.sections.map((s) => [s.id, s.weight]));
  let total = 0;
  for (const ind of cb.indicators) {
    const cell = cells.get(ind.id)!;
    const sc = scoreAnswer(ind, cell.value, isSurvey(ind) ? scores.get(ind.id) : undefined);
    if (!sc.excluded) total += weight.get(ind.section)! * sc.points!;
  }
  return total;
}

// ---------------------------------------------------------------- survey ratings
interface Block { respondent: string; role: Role; ratings: (number | null)[] }

function roster(t: Targets, code: string): { id: string; role: Role }[] {
  const roles: Role[] = ROLES.flatMap((r) => Array.from({ length: t.survey.per_role }, () => r));
  const random = rng(seedFor(t.seed, code, "roster"));
  for (let i = roles.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [roles[i], roles[j]] = [roles[j]!, roles[i]!];
  }
  return roles.map((role, i) => ({ id: `R${String(i + 1).padStart(2, "0")}`, role }));
}

/**
 * Integer ratings 0–10 on `nq` questions whose role_mean score is exactly `score` (a multiple of 0.01).
 * With the same number of respondents in every role, score × 100 = Σ_respondents unit × (sum / k),
 * unit = 100 / (roles × per_role), k = the respondent's number of ratings. One rating step on a
 * respondent who answered all questions moves it by unit / nq (= 1 with 4 per role and 5 questions).
 */
function makeBlock(t: Targets, people: { id: string; role: Role }[], nq: number, score: number, seed: number): Block[] {
  const random = rng(seed);
  const goal = Math.round(score * 100);
  if (Math.abs(goal - score * 100) > 1e-6 || score < 0 || score > 10) throw new Error(`survey score ${score} is not a multiple of 0.01 in 0–10`);
  const unit = 100 / (ROLES.length * t.survey.per_role);
  const step = unit / nq;
  const shrink = Math.min(1, score / 2.5, (10 - score) / 2.5);
  const spread = Math.max(shrink, 0.3);
  const blocks: Block[] = people.map((p) => {
    const base = score + t.survey.role_bias[p.role] * shrink + (random() - 0.5) * 2 * t.survey.respondent_spread * spread;
    const blank = random() < t.survey.blank_rate ? Math.floor(random() * nq) : -1;
    const ratings = Array.from({ length: nq }, (_, q) => {
      const r = Math.max(0, Math.min(10, Math.round(base + (random() - 0.5) * 2 * t.survey.item_spread * spread)));
      return q === blank ? null : r;
    });
    return { respondent: p.id, role: p.role, ratings };
  });
  // A respondent with k < nq ratings contributes unit × sum / k: on the grid of `step` only when
  // sum is a multiple of k / gcd(nq, k). Nudge such a respondent's ratings to the nearest one.
  for (const b of blocks) {
    const k = b.ratings.filter((r) => r !== null).length;
    if (k === nq) continue;
    const m = k / gcd(nq, k);
    let sum = b.ratings.reduce<number>((a, r) => a + (r ?? 0), 0);
    const want = Math.min(10 * k - ((10 * k) % m), Math.round(sum / m) * m);
    while (sum !== want) {
      const dir = Math.sign(want - sum);
      const idx = b.ratings.findIndex((r) => r !== null && r + dir >= 0 && r + dir <= 10);
      b.ratings[idx] = b.ratings[idx]! + dir;
      sum += dir;
    }
  }
  const total = blocks.reduce((acc, b) => {
    const given = b.ratings.filter((r): r is number => r !== null);
    return acc + (unit * given.reduce((a, r) => a + r, 0)) / given.length;
  }, 0);
  let steps = (goal - total) / step;
  if (Math.abs(steps - Math.round(steps)) > 1e-6) throw new Error(`survey score ${score} is not reachable in steps of ${step / 100}`);
  steps = Math.round(steps);
  const full = blocks.filter((b) => b.ratings.every((r) => r !== null));
  let guard = 0;
  while (steps !== 0) {
    if (guard++ > 1_000_000) throw new Error(`cannot reach survey score ${score}`);
    const dir = Math.sign(steps);
    const b = full[Math.floor(random() * full.length)]!;
    const q = Math.floor(random() * nq);
    const r = b.ratings[q]!;
    if (r + dir < 0 || r + dir > 10) continue;
    b.ratings[q] = r + dir;
    steps -= dir;
  }
  return blocks;
}
function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

// ---------------------------------------------------------------- build
export interface GenerateResult {
  files: Map<string, string>; // path relative to the output data dir → content
  built: Built[];
  report: string[];
}

export interface GenerateOptions {
  /** Print, to stderr, where every residual went and (for a country code, or `all`) every answer and its points. */
  trace?: string;
}

export function generate(root = ROOT, options: GenerateOptions = {}): GenerateResult {
  const targets = parseYaml(readFileSync(path.join(root, "data/reconstruction/targets.yaml"), "utf8")) as Targets;
  resolveSources(targets);
  const codebooks = loadCodebooks(root);
  const published = publishedTotals(root);
  const built: Built[] = [];
  const report: string[] = [];
  const problems: string[] = [];
  const trace: string[] = []; // where each residual went (printed with --trace)
  const traced = (code: string) => options.trace === code || options.trace === "all";

  for (const [code, spec] of Object.entries(targets.countries)) {
    const years = Object.keys(spec.years).map(Number).sort((a, b) => a - b);
    const people = roster(targets, code);
    let prev: { cb: Codebook; cells: Map<string, Cell>; scores: Map<string, number>; blocks: Map<string, Block[]> } | null = null;
    for (const year of years) {
      const ys = spec.years[String(year)]!;
      const cb = governing(codebooks, year);
      const target = published.get(`${code} ${year}`);
      if (target === undefined) throw new Error(`${code} ${year}: no published total in editions.csv`);
      const byId = new Map(cb.indicators.map((i) => [i.id, i]));
      const cells = new Map<string, Cell>();
      const changes = new Map<string, { change: ChangeKind; note: string }>();
      const isNew = new Set<string>();
      // 1. carry over the previous sheet (reconstructed change notes do not carry; fact notes do)
      for (const ind of cb.indicators) {
        const before = prev?.cells.get(ind.id);
        if (before) cells.set(ind.id, { ...before });
        else isNew.add(ind.id);
      }
      // 2. facts (first appearance of an indicator) and first answers
      for (const ind of cb.indicators) {
        if (!isNew.has(ind.id)) continue;
        const fact = spec.facts?.[ind.id];
        const answer = ys.answers?.[ind.id];
        if (isSurvey(ind)) {
          cells.set(ind.id, { value: SURVEY_VALUE, source: RECONSTRUCTED, note: "" });
          continue;
        }
        if (fact && answer !== undefined) throw new Error(`${code} ${year} ${ind.id}: both a fact and an answer`);
        if (fact) cells.set(ind.id, { value: valueString(ind, fact.value), source: fact.source, note: fact.note });
        else if (answer !== undefined) cells.set(ind.id, { value: valueString(ind, answer), source: RECONSTRUCTED, note: ys.notes?.[ind.id] ?? "" });
        else throw new Error(`${code} ${year} ${ind.id}: no answer for a new indicator`);
      }
      // standing notes of answers carried over may be replaced (no change of the answer)
      for (const [id, note] of Object.entries(ys.notes ?? {})) {
        if (!byId.has(id)) throw new Error(`${code} ${year}: notes lists ${id}, which is not in ${cb.version}`);
        if (!isNew.has(id)) cells.get(id)!.note = note;
      }
      for (const id of Object.keys(ys.answers ?? {}))
        if (!byId.has(id) || !isNew.has(id)) throw new Error(`${code} ${year}: answers lists ${id}, which is not new in ${cb.version}`);
      // 3. declared changes
      for (const [id, s] of Object.entries(ys.set ?? {})) {
        const ind = byId.get(id);
        if (!ind) throw new Error(`${code} ${year}: set ${id} is not in ${cb.version}`);
        const value = valueString(ind, s.value);
        const cell = cells.get(id)!;
        if (value === cell.value) throw new Error(`${code} ${year} ${id}: set to the value it already has (${value})`);
        if (!(CHANGE_KINDS as readonly string[]).includes(s.change)) throw new Error(`${code} ${year} ${id}: bad change kind ${s.change}`);
        const source = s.source ?? cell.source;
        // the note shown in later years: a cited fact keeps its note; a reconstructed answer keeps none
        cells.set(id, { value, source, note: s.standing ?? (source === RECONSTRUCTED ? "" : s.note) });
        changes.set(id, { change: s.change, note: s.note });
      }
      // 4. survey scores
      const scores = new Map<string, number>();
      for (const ind of cb.indicators.filter(isSurvey)) {
        const t = ys.survey?.[ind.id];
        const before = prev?.scores.get(ind.id);
        let s: number | undefined;
        if (typeof t === "number") s = t;
        else if (t && typeof t === "object") s = round2((before ?? NaN) + t.delta);
        else s = before;
        if (s === undefined || !Number.isFinite(s)) throw new Error(`${code} ${year} ${ind.id}: no survey score`);
        scores.set(ind.id, s);
      }
      // 5. place the residual on the spread indicators
      const spread = ys.spread;
      let residual = target - totalOf(cb, cells, scores);
      const spreadChanged = new Set<string>();
      if (Math.abs(residual) > TOLERANCE) {
        if (!spread || spread.indicators.length === 0) {
          problems.push(`${code} ${year}: residual ${residual.toFixed(4)} but no spread indicators`);
        } else {
          const list = spread.indicators.map((id) => {
            const ind = byId.get(id);
            if (!ind) throw new Error(`${code} ${year}: spread ${id} is not in ${cb.version}`);
            if (!isRatio(ind) && !isSurvey(ind)) throw new Error(`${code} ${year}: spread ${id} is neither ratio nor survey`);
            if (cells.get(id)!.value === NA) throw new Error(`${code} ${year}: spread ${id} is n/a`);
            return ind;
          });
          const pts = (ind: Indicator) =>
            isSurvey(ind) ? scoreAnswer(ind, SURVEY_VALUE, scores.get(ind.id)).points! : scoreAnswer(ind, cells.get(ind.id)!.value).points!;
          const cap = (ind: Indicator) => {
            const r = pointsRange(ind);
            return residual > 0 ? r.best - pts(ind) : pts(ind) - r.worst;
          };
          const caps = list.map(cap);
          const capacity = caps.reduce((a, c) => a + c, 0);
          trace.push(`${code} ${year}: residual ${residual.toFixed(2)} on ${list.map((ind, i) => `${ind.id}(room ${caps[i]!.toFixed(2)})`).join(" ")}`);
          if (capacity + TOLERANCE < Math.abs(residual)) {
            problems.push(`${code} ${year}: residual ${residual.toFixed(4)} exceeds the spread capacity ${capacity.toFixed(4)} of ${spread.indicators.join(", ")}`);
          } else {
            const share = residual / capacity;
            list.forEach((ind, i) => {
              const last = i === list.length - 1;
              const p0 = pts(ind);
              const want = last ? p0 + residual : p0 + share * caps[i]!;
              if (isSurvey(ind)) {
                if (!last) throw new Error(`${code} ${year}: a survey indicator can only be the last (balancing) spread entry`);
                const m = (ind.scale as { multiplier: number }).multiplier;
                const s = want / m;
                if (!onGrid(s, 0.01) || s < -1e-9 || s > 10 + 1e-9) {
                  problems.push(`${code} ${year} ${ind.id}: balancing survey score ${s} is not a multiple of 0.01 in 0–10`);
                  return;
                }
                if (round2(s) !== scores.get(ind.id)) spreadChanged.add(ind.id);
                scores.set(ind.id, round2(s));
                residual -= m * round2(s) - p0;
                return;
              }
              const scale = ind.scale as Extract<Indicator["scale"], { type: "ratio" }>;
              let x = ratioValueFor(scale, want);
              if (!last) x = Math.min(scale.max, Math.max(scale.min, round2(x)));
              else {
                if (x < scale.min - 1e-9 || x > scale.max + 1e-9 || !onGrid(x, 0.0001)) {
                  problems.push(`${code} ${year} ${ind.id}: balancing value ${x} is outside [${scale.min}, ${scale.max}] or needs more than four decimals`);
                  return;
                }
                x = Math.round(x * 10000) / 10000;
              }
              const value = formatRatio(x);
              const cell = cells.get(ind.id)!;
              if (value !== cell.value) spreadChanged.add(ind.id);
              residual -= ratioPoints(scale, x) - p0;
              cells.set(ind.id, { ...cell, value });
            });
          }
        }
      }
      // 6. the sheet: change kinds and notes
      const sheet: SheetCell[] = [];
      for (const ind of cb.indicators) {
        const cell = cells.get(ind.id)!;
        let change: ChangeKind | null = null;
        let note = cell.note;
        let source = cell.source;
        const first = prev === null || isNew.has(ind.id);
        if (isSurvey(ind)) {
          const before = prev?.scores.get(ind.id);
          const sn = ys.survey_notes?.[ind.id];
          if (sn) {
            note = sn.note
              .replace("{from}", before === undefined ? "" : before.toFixed(2))
              .replace("{to}", scores.get(ind.id)!.toFixed(2));
            if (sn.source) source = sn.source;
          }
          if (!first && before !== undefined && before !== scores.get(ind.id)) {
            change = sn?.change ?? "practice";
            if (!sn) note = targets.survey_change_note.replace("{from}", before.toFixed(2)).replace("{to}", scores.get(ind.id)!.toFixed(2));
          }
        } else if (!first) {
          const before = prev!.cells.get(ind.id)!;
          if (before.value !== cell.value) {
            const declared = changes.get(ind.id);
            if (declared) ({ change, note } = { change: declared.change, note: declared.note });
            else if (spreadChanged.has(ind.id)) {
              change = spread?.change ?? targets.spread_defaults.change;
              note = spread?.note ?? targets.spread_defaults.note;
            } else throw new Error(`${code} ${year} ${ind.id}: changed without a declared reason`);
          }
        }
        if (cell.value === NA && note === "") problems.push(`${code} ${year} ${ind.id}: n/a without a note`);
        if (change && source === RECONSTRUCTED && !note.startsWith("reconstructed:"))
          problems.push(`${code} ${year} ${ind.id}: a reconstructed change needs a note starting "reconstructed:"`);
        sheet.push({ indicator: ind.id, value: cell.value, source, note, change });
      }
      // 7. survey ratings: unchanged scores keep last year's ratings
      let surveyRows: Built["surveyRows"] = null;
      const blocks = new Map<string, Block[]>();
      if (cb.survey) {
        for (const ind of cb.indicators.filter(isSurvey)) {
          const qs = (ind.scale as { questions: string[] }).questions;
          const s = scores.get(ind.id)!;
          const old = prev?.blocks.get(ind.id);
          if (old && prev!.scores.get(ind.id) === s) blocks.set(ind.id, old);
          else blocks.set(ind.id, makeBlock(targets, people, qs.length, s, seedFor(targets.seed, code, year, ind.id)));
        }
        const questionOf = new Map<string, string[]>(cb.indicators.filter(isSurvey).map((i) => [i.id, (i.scale as { questions: string[] }).questions]));
        surveyRows = [];
        for (const p of people)
          for (const q of cb.survey.questions) {
            const owner = [...questionOf].find(([, qs]) => qs.includes(q.id));
            const rating = owner ? blocks.get(owner[0])!.find((b) => b.respondent === p.id)!.ratings[questionOf.get(owner[0])!.indexOf(q.id)]! : null;
            surveyRows.push({ respondent: p.id, role: p.role, question: q.id, rating });
          }
      }
      if (traced(code)) {
        trace.push(`--- ${code} ${year} (${cb.version})`);
        for (const ind of cb.indicators) {
          const c = cells.get(ind.id)!;
          const sc = scoreAnswer(ind, c.value, isSurvey(ind) ? scores.get(ind.id) : undefined);
          trace.push(`    ${ind.id} ${c.value.padEnd(8)} ${isSurvey(ind) ? scores.get(ind.id)!.toFixed(2) : "    "} ${sc.points === null ? "excl" : sc.points.toFixed(2)}`);
        }
      }
      const b: Built = { code, year, version: cb.version, target, sheet, surveyScores: scores, surveyRows };
      built.push(b);
      prev = { cb, cells, scores, blocks };
    }
  }
  if (options.trace) console.error(trace.join("\n"));
  if (problems.length) throw new Error(`the reconstruction does not close:\n  ${problems.join("\n  ")}`);

  // ---------------------------------------------------------------- files
  const files = new Map<string, string>();
  for (const b of built) {
    const lines = [csvLine(["indicator", "value", "source", "note", "change"])];
    for (const r of b.sheet) lines.push(csvLine([r.indicator, r.value, r.source, r.note, r.change ?? ""]));
    files.set(`sheets/${b.year}/${b.code}.csv`, lines.join("\n") + "\n");
    if (b.surveyRows) {
      const sl = [csvLine(["respondent", "role", "question", "rating"])];
      for (const r of b.surveyRows) sl.push(csvLine([r.respondent, r.role, r.question, r.rating === null ? "" : String(r.rating)]));
      files.set(`surveys/${b.year}/${b.code}.csv`, sl.join("\n") + "\n");
    }
  }
  report.push(...verify(files, codebooks, published, built));
  return { files, built, report };
}

/** Replaces every `@key` source with targets.sources[key]; an unknown key is an error. */
function resolveSources(t: Targets) {
  const resolve = (src: string | undefined, where: string) => {
    if (src === undefined || !src.startsWith("@")) return src;
    const url = t.sources[src.slice(1)];
    if (!url) throw new Error(`targets.yaml ${where}: unknown source ${src}`);
    return url;
  };
  for (const [code, c] of Object.entries(t.countries)) {
    for (const [id, f] of Object.entries(c.facts ?? {})) f.source = resolve(f.source, `${code} facts ${id}`)!;
    for (const [year, y] of Object.entries(c.years)) {
      for (const [id, s] of Object.entries(y.set ?? {})) s.source = resolve(s.source, `${code} ${year} set ${id}`);
      for (const [id, s] of Object.entries(y.survey_notes ?? {})) s.source = resolve(s.source, `${code} ${year} survey_notes ${id}`);
    }
  }
}

function valueString(ind: Indicator, v: string | number): string {
  if (typeof v === "number") {
    if (!isRatio(ind)) throw new Error(`${ind.id}: a number given for a ${ind.scale.type} indicator`);
    return formatRatio(v);
  }
  const s = v.trim().toLowerCase();
  if (isRatio(ind) && s !== NA) {
    const x = parseDecimal(s);
    if (x === undefined) throw new Error(`${ind.id}: ${v} is not a number`);
    return formatRatio(x);
  }
  scoreAnswer(ind, s, 0); // throws on a value outside the scale
  return s;
}

// ---------------------------------------------------------------- self-check: read back what was written, score it, compare
function verify(files: Map<string, string>, codebooks: Codebook[], published: Map<string, number>, built: Built[]): string[] {
  const lines: string[] = [];
  const failures: string[] = [];
  for (const b of built) {
    const cb = governing(codebooks, b.year);
    const sheet = readCsv(files.get(`sheets/${b.year}/${b.code}.csv`)!).map((r) => SheetRow.parse(r));
    const survey = b.surveyRows ? readCsv(files.get(`surveys/${b.year}/${b.code}.csv`)!).map((r) => SurveyRow.parse(r)) : [];
    if (sheet.map((r) => r.indicator).join() !== cb.indicators.map((i) => i.id).join())
      failures.push(`${b.code} ${b.year}: the sheet's rows are not the codebook's indicators in order`);
    const weight = new Map(cb.sections.map((s) => [s.id, s.weight]));
    let total = 0;
    for (const ind of cb.indicators) {
      const row = sheet.find((r) => r.indicator === ind.id)!;
      if (row.value === NA && !ind.excludable) failures.push(`${b.code} ${b.year} ${ind.id}: n/a on an indicator that is not excludable`);
      const score = isSurvey(ind) ? aggregateSurvey(survey, (ind.scale as { questions: string[] }).questions, cb.survey!.aggregation).value : undefined;
      const sc = scoreAnswer(ind, row.value, score);
      if (!sc.excluded) total += weight.get(ind.section)! * sc.points!;
    }
    const target = published.get(`${b.code} ${b.year}`)!;
    const ok = Math.abs(total - target) < TOLERANCE;
    if (!ok) failures.push(`${b.code} ${b.year}: computed ${total} ≠ published ${target}`);
    lines.push(`${b.code} ${b.year} ${b.version.padEnd(10)} published ${fmt(target).padStart(8)}  computed ${total.toFixed(12).padStart(18)}  ${ok ? "ok" : "FAIL"}`);
  }
  if (failures.length) throw new Error(`self-check failed:\n  ${failures.join("\n  ")}`);
  return lines;
}

// ---------------------------------------------------------------- CLI
function main(argv: string[]) {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith("--")) throw new Error(`${name} needs a value`);
    return v;
  };
  const outArg = arg("--out");
  const out = outArg ? path.resolve(outArg) : path.join(ROOT, "data");
  const quiet = argv.includes("--quiet");
  const { files, report } = generate(ROOT, { trace: arg("--trace") });
  for (const [rel, content] of files) {
    const file = path.join(out, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  if (!quiet) console.log(report.join("\n"));
  console.log(`self-check passed: ${report.length} country-years equal the published totals; ${files.size} files written to ${out}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main(process.argv.slice(2));
