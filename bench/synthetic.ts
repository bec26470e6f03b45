// A synthetic in-memory Project (codebook, sheets, surveys generated on the fly, never written
// to disk) for the scale benchmark and for tests that need data of a known shape.
// Deterministic for a seed (random.ts).
import type { Project, Sheet, SurveyFile } from "../loaders/project.ts";
import type { Codebook, Indicator } from "../loaders/schema.ts";
import { ROLES } from "../loaders/schema.ts";
import { rng, seedFor } from "../loaders/random.ts";

export interface SyntheticOptions {
  countries: number;
  years: number;
  indicators: number; // per codebook
  respondents: number; // per survey (spread over the five roles)
  seed?: number;
  firstYear?: number;
  /** Share of excludable answers given as "n/a". */
  naShare?: number;
  /** Two codebook versions (the second from the middle year, with rescored levels) instead of one. */
  twoVersions?: boolean;
}

const SECTIONS = ["RM", "JR", "LP", "PG", "PI", "IS"];
const QUESTIONS = 10;

function countryCodes(n: number): string[] {
  const out: string[] = [];
  const A = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (let i = 0; out.length < n; i++) out.push(`X${A[Math.floor(i / 26) % 26]}${A[i % 26]}`);
  return out;
}

function makeIndicators(count: number, variant: number): Indicator[] {
  const perSection = new Array(SECTIONS.length).fill(0);
  const out: Indicator[] = [];
  const surveyEvery = 40;
  for (let i = 0; i < count; i++) {
    const s = i % SECTIONS.length;
    const section = SECTIONS[s]!;
    perSection[s]++;
    const id = `${section}-${String(perSection[s]).padStart(2, "0")}`;
    const kind = i % surveyEvery === 0 ? "survey" : ["binary", "ordinal", "ratio"][i % 3]!;
    const k = variant === 0 ? 1 : 1.5;
    const scale: Indicator["scale"] =
      kind === "survey"
        ? { type: "survey", questions: [`Q${(i % QUESTIONS) + 1}`, `Q${((i + 1) % QUESTIONS) + 1}`], multiplier: 1.5 }
        : kind === "binary"
          ? { type: "binary", yes: 5 * k, no: -5 }
          : kind === "ordinal"
            ? {
                type: "ordinal",
                levels: [
                  { level: "yes", points: 4 * k },
                  { level: "partial", points: 1 },
                  { level: "no", points: -3 },
                ],
              }
            : { type: "ratio", min: 0, max: 1, points_at_min: -5, points_at_max: 5 * k };
    out.push({
      id,
      section,
      title: `Synthetic indicator ${id}`,
      question: `Question of ${id}?`,
      dimension: i % 2 ? "practice" : "law",
      scale,
      excludable: i % 5 === 2,
      guidance: "synthetic",
    });
  }
  return out;
}

function codebook(version: string, from: number, to: number | null, indicators: number, variant: number): Codebook {
  return {
    version,
    title: `Synthetic codebook ${version}`,
    reconstructed: true,
    notice: "Synthetic, generated for benchmarks and tests.",
    years: { from, to },
    previous: null,
    changes: [],
    missing_data: { rule: "drop", text: "dropped" },
    survey: {
      roles: [...ROLES],
      aggregation: "role_mean",
      aggregation_text: "mean of role means",
      interval: { level: 0.9, check_seed: 4242 },
      questions: Array.from({ length: QUESTIONS }, (_, q) => ({ id: `Q${q + 1}`, text: `Survey question ${q + 1}` })),
    },
    sections: SECTIONS.map((id) => ({ id, title: `Section ${id}`, description: "synthetic", weight: 1 })),
    indicators: makeIndicators(indicators, variant),
  };
}

export function syntheticProject(o: SyntheticOptions): Project {
  const seed = o.seed ?? 1;
  const firstYear = o.firstYear ?? 2001;
  const naShare = o.naShare ?? 0.05;
  const codes = countryCodes(o.countries);
  const years = Array.from({ length: o.years }, (_, i) => firstYear + i);
  const split = o.twoVersions && o.years > 1 ? firstYear + Math.floor(o.years / 2) : null;
  const codebooks =
    split === null
      ? [codebook("synthetic", firstYear, null, o.indicators, 0)]
      : [codebook("synthetic-a", firstYear, split - 1, o.indicators, 0), codebook("synthetic-b", split, null, o.indicators, 1)];
  const cbFor = (y: number) => codebooks.find((c) => y >= c.years.from && (c.years.to === null || y <= c.years.to))!;
  const sheets: Sheet[] = [];
  const surveys: SurveyFile[] = [];
  for (const country of codes) {
    const level = rng(seedFor(seed, country))(); // a country's general standing
    // Last year's answers: a changed answer states a kind of change, as check requires of real sheets.
    let before = new Map<string, string>();
    for (const year of years) {
      const cb = cbFor(year);
      const random = rng(seedFor(seed, country, year));
      const file = `data/sheets/${year}/${country}.csv`;
      const answers = cb.indicators.map((ind, i) => {
        const good = random() < 0.25 + 0.5 * level;
        let value: string;
        if (ind.excludable && random() < naShare) value = "n/a";
        else if (ind.scale.type === "survey") value = "survey";
        else if (ind.scale.type === "binary") value = good ? "yes" : "no";
        else if (ind.scale.type === "ordinal") value = good ? "yes" : random() < 0.5 ? "partial" : "no";
        else value = String(Math.round((good ? 0.5 + 0.5 * random() : 0.5 * random()) * 100) / 100);
        const then = before.get(ind.id);
        const changed = then !== undefined && then !== value && then !== "n/a" && value !== "n/a";
        return { indicator: ind.id, value, source: "synthetic", note: value === "n/a" ? "no data" : "", change: changed ? ("practice" as const) : null, line: i + 2 };
      });
      before = new Map(answers.map((a) => [a.indicator, a.value]));
      sheets.push({ file, country, year, methodology: cb.version, answers });
      const responses: SurveyFile["responses"] = [];
      let line = 2;
      for (let r = 0; r < o.respondents; r++) {
        const role = ROLES[r % ROLES.length]!;
        const bias = random() * 4 - 2;
        for (let q = 1; q <= QUESTIONS; q++) {
          const rating = random() < 0.05 ? null : Math.max(0, Math.min(10, Math.round(10 * level + bias + (random() * 4 - 2))));
          responses.push({ respondent: `R${String(r + 1).padStart(3, "0")}`, role, question: `Q${q}`, rating, line: line++ });
        }
      }
      surveys.push({ file: `data/surveys/${year}/${country}.csv`, country, year, responses });
    }
  }
  return {
    root: "(synthetic)",
    countries: codes.map((code) => ({ code, name_en: `Country ${code}`, name_ru: code })),
    editions: [],
    claims: [],
    codebooks,
    sheets,
    surveys,
    files: [...sheets.map((s) => s.file), ...surveys.map((s) => s.file)].sort(),
  };
}
