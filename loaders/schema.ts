// The single definition of every input format (see ../README.md "Formats").
// Row schemas take the raw strings a reader produced (one record per row, keyed by
// normalised header) and return typed values; cross-file rules live in validate.ts.
import { z } from "zod";
import { keyed, keyedError } from "./issues.ts";
import { t, type StringKey } from "./shared/strings/index.ts";
import type { ProblemValue } from "./problems.ts";
import { CHANGE_RU, ROLE_RU } from "./workbook/russian-words.ts";

export const COUNTRY_CODE = /^[A-Z]{3}$/;
export const CHANGE_KINDS = ["law", "practice", "reassessment", "data"] as const;
/** What a codebook version changed from the one before (its `changes[].kind`). */
export const METHOD_CHANGE_KINDS = ["added", "removed", "rescored", "reworded", "moved", "survey", "rule"] as const;
export const ROLES = ["lawyer", "prosecutor", "judge", "investigator", "defender"] as const;
export const CLAIM_KINDS = [
  "change", // stated change of the total from the previous year
  "component_change", // stated change of a named part (section, indicator, survey score)
  "leader", // stated first place in the year
  "bottom", // stated to be among the lowest (one row per country named)
  "unchanged", // stated to be (virtually) unchanged from the previous year
  "rise", // stated to have risen, no figure
  "decline", // stated to have fallen, no figure
  "driver", // the named component is stated to be the main reason for the change
  "sole_driver", // the named component is stated to be the only reason for the change
  "component_value", // the stated level of a named part in the year (e.g. a survey score of 1.83 out of 10)
  "excluded", // indicators left out for lack of data: with a country, how many of its indicators; without, how many countries
] as const;

/**
 * True for `1,234` or `-12,500`: a comma followed by exactly three digits after a non-zero whole
 * part reads as a decimal comma in a Russian-locale file and as a thousands separator in an
 * English one. Such a value is refused rather than guessed (`0,350` and `93,77` are clear).
 */
export function ambiguousComma(raw: string): boolean {
  return /^[-+\u2212]?[1-9]\d{0,2},\d{3}$/.test(raw.trim());
}

/** A number as experts and releases write it: `93.77`, `93,77` (decimal comma), `-95,02`. Undefined when not a number or ambiguous. */
export function parseDecimal(raw: string): number | undefined {
  const s = raw.trim().replace(/\u2212/g, "-");
  if (!/^[-+]?(\d+([.,]\d+)?|[.,]\d+)$/.test(s) || ambiguousComma(s)) return undefined;
  const n = Number(s.replace(",", "."));
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A row's problem as a key of the strings tables and its values (`value`: the cell as written,
 * quoted), so that check and review word it in the reader's language; parseRows makes it a Problem.
 */
type Ctx = { addIssue: (issue: { code: "custom"; message: string; params: object }) => void };
const refuse = (ctx: Ctx, key: StringKey, raw: string | null, vars: Record<string, ProblemValue> = {}) =>
  ctx.addIssue({ code: "custom", ...keyed(key, raw === null ? vars : { value: JSON.stringify(raw), ...vars }) });

/** What a cell was expected to hold, as a phrase of the strings tables (problem.schema.what.*). */
type What = StringKey & `problem.schema.what.${string}`;
const phrase = (what: What) => ({ phrase: what });

const text = (what: What) => z.string({ error: keyed("problem.schema.expected", { what: phrase(what) }).message });
const required = (what: What) =>
  z.string().transform((raw, ctx) => {
    const s = raw.trim();
    if (s === "") {
      refuse(ctx, "problem.schema.empty", null, { what: phrase(what) });
      return z.NEVER;
    }
    return s;
  });

const decimal = (what: What = "problem.schema.what.number") =>
  z.string().transform((raw, ctx) => {
    const n = parseDecimal(raw);
    if (n === undefined) {
      if (ambiguousComma(raw)) refuse(ctx, "problem.schema.ambiguous", raw);
      else refuse(ctx, "problem.schema.not_a_number", raw, { what: phrase(what) });
      return z.NEVER;
    }
    return n;
  });

const integer = (what: What, min = -Infinity, max = Infinity) =>
  z.string().transform((raw, ctx) => {
    const s = raw.trim();
    const n = /^[-+]?\d+$/.test(s) ? Number(s) : NaN;
    if (!Number.isInteger(n) || n < min || n > max) {
      refuse(ctx, "problem.schema.not_whole", raw, { what: phrase(what) });
      return z.NEVER;
    }
    return n;
  });

// Messages quote what the user wrote (the raw cell), not the normalised value.
const countryCode = z.string().transform((raw, ctx) => {
  const s = raw.trim().toUpperCase();
  if (!COUNTRY_CODE.test(s)) {
    refuse(ctx, "problem.schema.not_a_country", raw);
    return z.NEVER;
  }
  return s;
});

/** The words a cell may hold, as the reader's sheet writes them: English the ids, Russian its words and then the ids. */
const inBoth = (values: readonly string[], ru: Readonly<Record<string, string>>): ProblemValue => ({
  en: values.join(", "),
  ru: t("ru", "problem.schema.expected_both", { words: values.map((v) => ru[v]).join(", "), ids: values.join(", ") }),
});

const oneOf = <T extends readonly [string, ...string[]]>(values: T, what: What, ru?: Readonly<Record<T[number], string>>) =>
  z.string().transform((raw, ctx): T[number] => {
    const s = raw.trim().toLowerCase();
    if (!(values as readonly string[]).includes(s)) {
      refuse(ctx, "problem.schema.not_one_of", raw, { what: phrase(what), expected: ru ? inBoth(values, ru) : values.join(", ") });
      return z.NEVER;
    }
    return s as T[number];
  });

// ---------- data/countries.csv ----------
export const CountryRow = z.object({
  code: countryCode,
  name_en: required("problem.schema.what.name_en"),
  name_ru: required("problem.schema.what.name_ru"),
});
export type Country = z.output<typeof CountryRow>;

// ---------- data/published/editions.csv ----------
export const EditionRow = z.object({
  edition: integer("problem.schema.what.edition", 1, 1000),
  published: z
    .string()
    .trim()
    .refine((s) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(s), keyedError("problem.schema.not_a_date")),
  year: integer("problem.schema.what.year", 1990, 2100),
  country: countryCode,
  index: decimal(),
  source: required("problem.schema.what.publication"),
});
export type Edition = z.output<typeof EditionRow>;

// ---------- data/published/claims.csv ----------
export const ClaimRow = z.object({
  id: required("problem.schema.what.claim_id"),
  edition: integer("problem.schema.what.edition_number", 1, 1000),
  country: z.string().transform((raw, ctx) => {
    const s = raw.trim().toUpperCase();
    if (s !== "" && !COUNTRY_CODE.test(s)) {
      refuse(ctx, "problem.schema.not_a_country_or_empty", raw);
      return z.NEVER;
    }
    return s;
  }),
  year: integer("problem.schema.what.year", 1990, 2100),
  kind: oneOf(CLAIM_KINDS, "problem.schema.what.claim_kind"),
  component: text("problem.schema.what.component").default("").transform((s) => s.trim()),
  value: z
    .string()
    .default("")
    .transform((raw, ctx) => {
      if (raw.trim() === "") return null;
      const n = parseDecimal(raw);
      if (n === undefined) {
        refuse(ctx, "problem.schema.not_a_number", raw, { what: phrase("problem.schema.what.stated_value") });
        return z.NEVER;
      }
      return n;
    }),
  text: required("problem.schema.what.gist"),
  source: required("problem.schema.what.release"),
});
export type Claim = z.output<typeof ClaimRow>;

// ---------- data/sheets/<year>/<CODE>.csv ----------
export const NA = "n/a";
export const SURVEY_VALUE = "survey";
export const SheetRow = z.object({
  indicator: required("problem.schema.what.indicator").transform((s) => s.toUpperCase()),
  // Canonical form: lower case; a number in either decimal notation (`0,35`, `0.350`, an XLSX
  // number cell) becomes the shortest JS form (`0.35`), so a sheet reads the same in every format.
  value: required("problem.schema.what.answer").transform((s) => {
    const n = parseDecimal(s);
    return n === undefined ? s.toLowerCase() : String(n);
  }),
  source: required("problem.schema.what.answer_source"),
  note: text("problem.schema.what.note").default(""),
  change: z
    .string()
    .default("")
    .transform((raw, ctx): (typeof CHANGE_KINDS)[number] | null => {
      const s = raw.trim().toLowerCase();
      if (s === "") return null;
      if (!(CHANGE_KINDS as readonly string[]).includes(s)) {
        refuse(ctx, "problem.schema.not_a_change", raw, { expected: inBoth(CHANGE_KINDS, CHANGE_RU) });
        return z.NEVER;
      }
      return s as (typeof CHANGE_KINDS)[number];
    }),
});
export type SheetAnswer = z.output<typeof SheetRow>;

// ---------- data/surveys/<year>/<CODE>.csv ----------
export const SurveyRow = z.object({
  respondent: required("problem.schema.what.respondent"),
  role: oneOf(ROLES, "problem.schema.what.role", ROLE_RU),
  question: required("problem.schema.what.question").transform((s) => s.toUpperCase()),
  rating: z.string().transform((raw, ctx) => {
    const s = raw.trim();
    if (s === "") return null;
    if (!/^\d+$/.test(s) || Number(s) > 10) {
      refuse(ctx, "problem.schema.not_a_rating", raw);
      return z.NEVER;
    }
    return Number(s);
  }),
});
export type SurveyResponse = z.output<typeof SurveyRow>;

// ---------- data/methodology/<version>.yaml ----------
const Id = z.string().refine((s) => /^[A-Z]{2,4}-\d{2}$/.test(s), keyedError("problem.schema.not_an_indicator_id"));
const SectionId = z.string().refine((s) => /^[A-Z]{2,4}$/.test(s), keyedError("problem.schema.not_a_section_id"));
const isFinite = keyedError("problem.schema.not_finite");
const finite = z.number().refine(Number.isFinite, isFinite);

export const Scale = z.discriminatedUnion("type", [
  z.object({ type: z.literal("binary"), yes: finite, no: finite }).strict(),
  z
    .object({
      type: z.literal("ordinal"),
      levels: z
        .array(
          z
            .object({
              level: z.string().min(1).transform((s) => s.toLowerCase()),
              /** The answer word in Russian, accepted in sheets and offered in Russian workbooks (e.g. "частично"). */
              level_ru: z.string().min(1).transform((s) => s.toLowerCase()).optional(),
              points: finite,
              label: z.string().optional(),
              label_ru: z.string().optional(),
            })
            .strict(),
        )
        .min(2),
    })
    .strict()
    .refine((s) => new Set(s.levels.map((l) => l.level)).size === s.levels.length, keyedError("problem.schema.levels_distinct")),
  z
    .object({
      type: z.literal("ratio"),
      min: finite,
      max: finite,
      points_at_min: finite,
      points_at_max: finite,
      unit: z.string().optional(),
      unit_ru: z.string().optional(),
    })
    .strict()
    .refine((s) => s.max > s.min, keyedError("problem.schema.ratio_max")),
  z.object({ type: z.literal("survey"), questions: z.array(z.string().min(1)).min(1), multiplier: finite }).strict(),
]);
export type Scale = z.output<typeof Scale>;

export const Section = z
  .object({
    id: SectionId,
    title: z.string().min(1),
    title_ru: z.string().optional(),
    description: z.string().min(1),
    description_ru: z.string().optional(),
    weight: finite,
  })
  .strict();
export type Section = z.output<typeof Section>;

export const Indicator = z
  .object({
    id: Id,
    section: SectionId,
    title: z.string().min(1),
    title_ru: z.string().optional(),
    question: z.string().min(1),
    question_ru: z.string().optional(),
    dimension: z.enum(["law", "practice"]),
    scale: Scale,
    excludable: z.boolean(),
    guidance: z.string().min(1),
    guidance_ru: z.string().optional(),
  })
  .strict();
export type Indicator = z.output<typeof Indicator>;

export const AGGREGATIONS = ["role_mean", "pooled_mean", "median"] as const;
export const MISSING_RULES = ["drop", "carry_forward", "worst"] as const;
/** How section points enter the Index: as they are, or every section mapped onto the same span (loaders/method.ts). */
export const NORMALISATIONS = ["raw", "minmax"] as const;
/** How a change between two years that crosses codebook versions is split into method and answers. */
export const SPLITS = ["shapley", "method_first"] as const;

export const Survey = z
  .object({
    roles: z.array(z.enum(ROLES)).min(1),
    aggregation: z.enum(AGGREGATIONS),
    aggregation_text: z.string().min(1),
    aggregation_text_ru: z.string().optional(),
    /** The survey score's interval (loaders/survey.ts surveyInterval) and the seed of the coverage check the methodology page states. */
    interval: z.object({ level: z.number().gt(0).lt(1), check_seed: z.number().int() }).strict(),
    questions: z.array(z.object({ id: z.string().regex(/^Q\d+$/), text: z.string().min(1), text_ru: z.string().optional() }).strict()).min(1),
    /** Each role's name in both languages (sheets and workbooks accept either; e.g. lawyer / адвокат). */
    role_labels: z.record(z.enum(ROLES), z.object({ en: z.string().min(1), ru: z.string().min(1) }).strict()).optional(),
    /**
     * What `check` and `review` ask of a new year's survey: a survey-scored indicator whose rating
     * moved by more than survey_move_threshold (rating points, 0–10 scale) needs a note; default 1.
     */
    review: z.object({ survey_move_threshold: z.number().positive().refine(Number.isFinite, isFinite) }).strict().optional(),
  })
  .strict();

export const Codebook = z
  .object({
    version: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    title_ru: z.string().optional(),
    reconstructed: z.boolean(),
    notice: z.string().min(1),
    notice_ru: z.string().optional(),
    /** Whose translation the *_ru texts are: the reconstructed codebook's Russian texts are ours, marked so on every page that shows them. */
    translations: z.object({ ru: z.object({ reconstructed: z.boolean(), note: z.string().min(1), note_ru: z.string().optional() }).strict() }).strict().optional(),
    years: z.object({ from: z.number().int(), to: z.number().int().nullable() }).strict(),
    previous: z.string().nullable(),
    changes: z.array(
      z
        .object({
          kind: z.enum(METHOD_CHANGE_KINDS),
          indicator: z.string().optional(),
          text: z.string().min(1),
          text_ru: z.string().optional(),
        })
        .strict(),
    ),
    missing_data: z.object({ rule: z.enum(MISSING_RULES), text: z.string().min(1), text_ru: z.string().optional() }).strict(),
    survey: Survey.nullable(),
    sections: z.array(Section).min(1),
    indicators: z.array(Indicator).min(1),
  })
  .strict();
export type Codebook = z.output<typeof Codebook>;

// ==========================================================================================
// ---------- data/methodology/sensitivity.yaml (issue 8: Sensitivity) ----------
// The uncertainty ranges of the sensitivity analysis (loaders/sensitivity.ts), beside the
// codebook. Weight ranges are multipliers of each section's published weight; the discrete
// choices list the alternatives drawn, each with equal probability. Appended block: the
// schemas above are not touched here.

const Multiplier = z.number().refine(Number.isFinite, isFinite).refine((x) => x >= 0, keyedError("problem.schema.negative_multiplier"));
const WeightRange = z
  .object({ low: Multiplier, high: Multiplier })
  .strict()
  .refine((r) => r.low <= r.high, keyedError("problem.schema.low_high"));

const distinctList = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .array(z.enum(values))
    .min(1, keyedError("problem.schema.no_alternative"))
    .refine((xs) => new Set(xs).size === xs.length, keyedError("problem.schema.alternatives_distinct"));

export const SensitivityConfig = z
  .object({
    /** Base seed of every draw (Monte Carlo and Sobol streams are derived from it with seedFor). */
    seed: z.number().int(),
    /** Monte Carlo draws shown on the page and used by the CLI unless --draws is given. */
    draws: z.number().int().min(1),
    /** Base samples N of the Saltelli design (N × (k + 2) model runs for k uncertain choices). */
    sobol_samples: z.number().int().min(2),
    weights: z
      .object({
        default: WeightRange,
        sections: z.record(SectionId, WeightRange).default({}),
      })
      .strict(),
    survey_method: distinctList(AGGREGATIONS),
    missing_data: distinctList(MISSING_RULES),
    normalisation: distinctList(NORMALISATIONS),
  })
  .strict();
export type SensitivityConfig = z.output<typeof SensitivityConfig>;
// ---------- end of the sensitivity block ----------

// ---------- a method file (`compute --method FILE`; loaders/method.ts) ----------
// Every choice the Index makes, each optional: what is not named is the codebook's own (the
// published method). Weights are absolute section weights; a section not named keeps the
// codebook's weight. Section ids are checked against the codebooks by loaders/method.ts.
export const MethodFile = z
  .object({
    title: z.string().min(1).optional(),
    weights: z
      .record(
        SectionId,
        z.number().refine(Number.isFinite, isFinite).refine((x) => x >= 0, keyedError("problem.schema.negative_weight")),
      )
      .default({}),
    survey: z.enum(AGGREGATIONS).optional(),
    missing: z.enum(MISSING_RULES).optional(),
    normalisation: z.enum(NORMALISATIONS).default("raw"),
    split: z.enum(SPLITS).default("shapley"),
  })
  .strict();
export type MethodFile = z.output<typeof MethodFile>;
// ==========================================================================================

// Build manifest (dist/manifest.json; written and verified by manifest.ts). Strict all the way down:
// a field added, renamed or of the wrong type makes the manifest unreadable rather than half-checked.
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, { error: "expected a SHA-256 in lowercase hex" });
const RelPath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith("/") && !p.split("/").some((s) => s === "" || s === "." || s === ".."), { error: "expected a relative path without . or .. segments" });
const Bytes = z.number().int().nonnegative();
const ManifestFile = z.strictObject({ file: RelPath, sha256: Sha256, bytes: Bytes });
export const BuildManifest = z.strictObject({
  format: z.string(),
  commit: z.strictObject({ id: z.string().regex(/^[0-9a-f]{40,64}$/), dirty: z.boolean() }).optional(),
  methodology: z.array(z.strictObject({ version: z.string().min(1), from: z.number().int(), to: z.number().int().nullable(), file: RelPath.nullable() })),
  inputs: z.array(ManifestFile.extend({ pipeline: z.boolean() })),
  seeds: z.strictObject({
    codebook: z.array(z.strictObject({ version: z.string().min(1), seed: z.number().int() })),
    outputs: z.array(z.strictObject({ file: RelPath, key: z.string().min(1), seed: z.number() })),
  }),
  outputs_rule: z.string(),
  outputs: z.array(ManifestFile.extend({ path: RelPath })),
  site_rule: z.string(),
  site: z.array(ManifestFile),
  self: Sha256,
});
export type BuildManifest = z.output<typeof BuildManifest>;
