// The step log in words: each step's sentence, in either language, from the facts the pipeline
// records (loaders/pipeline.ts StepFacts). The English sentences are the engine's log as it has
// always read (compute's log.json, the results page), so its counts stay ungrouped there.
import type { LogStep, StepFacts } from "../pipeline.ts";
import type { Method } from "../method.ts";
import { fmt, type Locale } from "../shared/format.ts";
import { t, LANGS, type StringKey } from "../shared/strings/index.ts";
import { byText } from "../order.ts";
import { methodName } from "./lang.ts";

const whole = (n: number, lang: Locale) => fmt(n, { digits: 0, group: lang !== "en", locale: lang });
const exactly = (x: number, lang: Locale) => fmt(x, { digits: 6, trim: true, group: false, locale: lang });

/** The method's choices in one line ("codebook weights; survey as in the codebook; …"). */
export function methodChoices(method: Method, lang: Locale = "en"): string {
  const tr = (key: StringKey, vars?: Record<string, string>) => t(lang, key, vars);
  const weights = Object.entries(method.weights).sort(([a], [b]) => byText(a, b));
  const asCodebook = tr("pipeline.method.as_codebook");
  return [
    weights.length ? tr("pipeline.method.weights", { list: weights.map(([s, w]) => `${s}=${exactly(w, lang)}`).join(", ") }) : tr("pipeline.method.weights_codebook"),
    tr("pipeline.method.survey", { name: method.survey ? methodName(lang, "survey", method.survey) : asCodebook }),
    tr("pipeline.method.missing", { name: method.missing ? methodName(lang, "missing", method.missing) : asCodebook }),
    tr("pipeline.method.normalisation", { name: methodName(lang, "normalisation", method.normalisation) }),
    tr("pipeline.method.split", { name: methodName(lang, "split", method.split) }),
  ].join("; ");
}

/** The method's title: a method file's own as written; the published method's in the page's language. */
const methodTitle = (method: Method, lang: Locale) => (lang === "en" || method.source !== "codebook" ? method.title : t(lang, "pipeline.method.published_title"));

/** What one step did, as a sentence. */
export function stepSentence(s: StepFacts, lang: Locale = "en"): string {
  const n = (x: number) => whole(x, lang);
  switch (s.step) {
    case "load":
      return t(lang, "pipeline.step.load", { files: n(s.files), sheets: n(s.sheets), surveys: n(s.surveys), versions: n(s.versions.length), list: s.versions.join(", ") });
    case "method":
      return t(lang, "pipeline.step.method", { title: methodTitle(s.method, lang), choices: methodChoices(s.method, lang) });
    case "survey":
      return t(lang, "pipeline.step.survey", {
        scores: n(s.scores),
        method: s.method ? methodName(lang, "survey", s.method) : t(lang, "pipeline.step.survey.no_method"),
        intervals: s.intervals ? t(lang, "pipeline.step.survey.intervals", { level: s.level === null ? "—" : exactly(s.level, lang) }) : t(lang, "pipeline.step.survey.no_intervals"),
      });
    case "score":
      return t(lang, "pipeline.step.score", { answers: n(s.answers), excluded: n(s.excluded) });
    case "missing":
      return t(lang, "pipeline.step.missing", { rules: s.rules.map((r) => methodName(lang, "missing", r)).join(", "), dropped: n(s.dropped), filled: n(s.filled) });
    case "sections":
      return t(lang, "pipeline.step.sections", { sections: n(s.sections), normalisation: methodName(lang, "normalisation", s.normalisation) });
    case "index":
      return t(lang, "pipeline.step.index", { values: n(s.values) });
  }
}

/** The log as the command line writes it (log.json): step, count, sentence, in English. */
export const logRecord = (log: readonly LogStep[]) => log.map((s) => ({ step: s.step, count: s.count, summary: stepSentence(s) }));

/** The log as the results page shows it: each step's name and sentence in both languages (the page picks its own). */
export const logRows = (log: readonly LogStep[]) =>
  log.map((s) => ({
    step: s.step,
    name: Object.fromEntries(LANGS.map((l) => [l, t(l, `pipeline.step.${s.step}.name`)])) as Record<Locale, string>,
    count: s.count,
    summary: Object.fromEntries(LANGS.map((l) => [l, stepSentence(s, l)])) as Record<Locale, string>,
  }));
