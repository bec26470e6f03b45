// The codebook's and the project's words in a page's language. Russian texts come from the codebook's
// *_ru fields, falling back to English where one is absent; the six sections take the Working Group's
// own Russian names from its releases (the strings table, page.common.section.*), because the
// report must call them as the Working Group does.
import type { Locale } from "../shared/format.ts";
import { t, type StringKey } from "../shared/strings/index.ts";
import type { Codebook, Indicator, Section } from "../schema.ts";

/** The sections the Working Group's Russian releases name (ihahr.org, 2nd edition; bureau.kz, 4th edition). */
export const WORKING_GROUP_SECTIONS = ["RM", "JR", "LP", "PG", "PI", "IS"] as const;

export function sectionTitle(lang: Locale, s: Pick<Section, "id" | "title" | "title_ru">): string {
  if (lang === "en") return s.title;
  if ((WORKING_GROUP_SECTIONS as readonly string[]).includes(s.id)) return t(lang, `page.common.section.${s.id}` as StringKey);
  return s.title_ru ?? s.title;
}

export const sectionDescription = (lang: Locale, s: Pick<Section, "description" | "description_ru">) => (lang === "ru" ? (s.description_ru ?? s.description) : s.description);
export const indicatorTitle = (lang: Locale, i: Pick<Indicator, "title" | "title_ru">) => (lang === "ru" ? (i.title_ru ?? i.title) : i.title);
export const indicatorQuestion = (lang: Locale, i: Pick<Indicator, "question" | "question_ru">) => (lang === "ru" ? (i.question_ru ?? i.question) : i.question);
export const indicatorGuidance = (lang: Locale, i: Pick<Indicator, "guidance" | "guidance_ru">) => (lang === "ru" ? (i.guidance_ru ?? i.guidance) : i.guidance);
export const countryName = (lang: Locale, c: { name_en: string; name_ru: string }) => (lang === "ru" ? c.name_ru : c.name_en);

/**
 * A survey role's name: the codebook's role_labels; without them the role id in English and, in
 * Russian, the professions as the Working Group's release lists them (ihahr.org).
 */
export function roleName(lang: Locale, cb: Pick<Codebook, "survey">, role: string): string {
  const labels = cb.survey?.role_labels as Record<string, { en: string; ru: string }> | undefined;
  return labels?.[role]?.[lang] ?? (lang === "en" ? role : t(lang, `page.common.role.${role}` as StringKey));
}

/** The note a page shows beside the codebook's Russian texts (the reconstructed codebook's are our translation); null in English. */
export function translationNote(lang: Locale, cb: Pick<Codebook, "translations">): string | null {
  if (lang === "en") return null;
  const ru = cb.translations?.ru;
  return ru ? (ru.note_ru ?? ru.note) : null;
}

/** One of the codebook's own texts in the page's language: its *_ru twin, else the English. */
export const codebookText = (lang: Locale, en: string, ru: string | undefined) => (lang === "ru" ? (ru ?? en) : en);

export const codebookTitle = (lang: Locale, cb: Pick<Codebook, "title" | "title_ru">) => codebookText(lang, cb.title, cb.title_ru);
export const codebookNotice = (lang: Locale, cb: Pick<Codebook, "notice" | "notice_ru">) => codebookText(lang, cb.notice, cb.notice_ru);
export const missingDataText = (lang: Locale, cb: Pick<Codebook, "missing_data">) => codebookText(lang, cb.missing_data.text, cb.missing_data.text_ru);
export const aggregationText = (lang: Locale, survey: Pick<NonNullable<Codebook["survey"]>, "aggregation_text" | "aggregation_text_ru">) =>
  codebookText(lang, survey.aggregation_text, survey.aggregation_text_ru);

/**
 * Whether the methodology page in Russian shows any of this codebook's texts in English for want of
 * a *_ru twin (a codebook written in English only, as the Working Group's own may be), so it can say so.
 */
export function hasEnglishTexts(cb: Codebook): boolean {
  const twins = [
    cb.notice_ru,
    cb.missing_data.text_ru,
    ...cb.changes.map((c) => c.text_ru),
    ...(cb.translations ? [cb.translations.ru.note_ru] : []),
    ...(cb.survey ? [cb.survey.aggregation_text_ru, ...cb.survey.questions.map((q) => q.text_ru)] : []),
    ...cb.indicators.flatMap((i) => [i.title_ru, i.question_ru]),
  ];
  return twins.some((r) => r === undefined);
}

/** The method choices by kind, as method files and sensitivity.yaml name them. */
export type MethodKind = "survey" | "missing" | "normalisation" | "split";

/** A method choice's name (role_mean, carry_forward, minmax, …): the id itself in English, words in Russian. */
export const methodName = (lang: Locale, kind: MethodKind, id: string): string => t(lang, `method.${kind}.${id}` as StringKey);
