// The method: every choice the Index makes, as data. The published method is the codebooks' own
// (each version's section weights, survey aggregation and missing-data rule; raw points; change
// pairs split by the Shapley value). Another method is a small YAML file (schema MethodFile):
//
//   weights: { LP: 0 }     # sections not named keep their codebook weight
//   survey: median
//   missing: worst
//   normalisation: raw
//
// computeIndex(project, method) is the one implementation that applies it; sensitivity draws,
// leave-one-section-out and `compute --method` are all methods handed to it.
import { MethodFile, AGGREGATIONS, MISSING_RULES, NORMALISATIONS, SPLITS, type Codebook } from "./schema.ts";
import { InputError, problem } from "./problems.ts";
import { parseYaml, readYamlText } from "./yaml.ts";
import { byText } from "./order.ts";

export type SurveyMethod = (typeof AGGREGATIONS)[number];
export type MissingRule = (typeof MISSING_RULES)[number];
export type Normalisation = (typeof NORMALISATIONS)[number];
export type Split = (typeof SPLITS)[number];

export interface Method {
  /** Where the method comes from: "codebook" (published) or the method file's path. */
  source: string;
  title: string;
  /** Absolute weights by section id; a section not named keeps its codebook weight. */
  weights: Readonly<Record<string, number>>;
  /** Survey aggregation; null: each codebook version's own. */
  survey: SurveyMethod | null;
  /** Missing-data rule; null: each codebook version's own. */
  missing: MissingRule | null;
  normalisation: Normalisation;
  split: Split;
}

export const PUBLISHED_METHOD: Method = Object.freeze({
  source: "codebook",
  title: "the published method (the codebooks' own choices)",
  weights: Object.freeze({}),
  survey: null,
  missing: null,
  normalisation: "raw",
  split: "shapley",
});

/** The method's choices for one codebook version. */
export interface VersionMethod {
  version: string;
  weights: Map<string, number>; // every section of the version
  survey: SurveyMethod | null; // null: the version has no survey block
  missing: MissingRule;
  normalisation: Normalisation;
}

export function methodFor(codebook: Codebook, method: Method): VersionMethod {
  return {
    version: codebook.version,
    weights: new Map(codebook.sections.map((s) => [s.id, method.weights[s.id] ?? s.weight])),
    survey: codebook.survey ? (method.survey ?? codebook.survey.aggregation) : null,
    missing: method.missing ?? codebook.missing_data.rule,
    normalisation: method.normalisation,
  };
}

/** True when the method changes nothing the codebooks decide. */
export function isPublished(method: Method, codebooks: readonly Codebook[]): boolean {
  return (
    method.normalisation === "raw" &&
    codebooks.every((cb) => {
      const v = methodFor(cb, method);
      const p = methodFor(cb, PUBLISHED_METHOD);
      return v.survey === p.survey && v.missing === p.missing && cb.sections.every((s) => v.weights.get(s.id) === s.weight);
    })
  );
}

/** A method file's text, checked against the codebooks' sections. `file` names it in messages. */
export function parseMethod(text: string, file: string, codebooks: readonly Codebook[]): Method {
  const { value, lineOf } = parseYaml(MethodFile, text, file);
  const sections = [...new Set(codebooks.flatMap((cb) => cb.sections.map((s) => s.id)))].sort(byText);
  const unknown = Object.keys(value.weights).filter((s) => !sections.includes(s));
  if (unknown.length)
    throw new InputError(
      unknown.map((s) => problem("problem.yaml.not_a_section", { section: s, sections: sections.join(", ") }, { file, row: lineOf(["weights", s]), column: `weights.${s}` })),
    );
  return Object.freeze({
    source: file,
    title: value.title ?? `the method in ${file}`,
    weights: Object.freeze({ ...value.weights }),
    survey: value.survey ?? null,
    missing: value.missing ?? null,
    normalisation: value.normalisation,
    split: value.split,
  });
}

/** Reads a method file; `file` is how messages name it (a path relative to where the user ran the command). */
export async function loadMethod(absolute: string, file: string, codebooks: readonly Codebook[]): Promise<Method> {
  return parseMethod(await readYamlText(absolute, file), file, codebooks);
}
