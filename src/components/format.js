// Numbers become text only through the engine's shared formatter (loaders/shared/format.ts,
// bundled into ./engine.js by scripts/bundle-shared.ts): the same rounding rule as the engine,
// so a page never shows a figure the engine would round differently.
//
// Every page is emitted in English and in Russian (loaders/pages/); the build writes the page's
// language into <html lang>, and these wrappers default to it, so a Russian page prints 134,65
// and −95,02 through the same formatter without each call naming its locale.
import * as engine from "./engine.js";

export const MISSING = engine.MISSING;

/** The page's language: <html lang> as the build writes it; the preview server writes none, so the path decides there. */
export function pageLang() {
  const lang = typeof document === "undefined" ? "" : document.documentElement.lang;
  if (lang === "ru" || lang === "en") return lang;
  return typeof location !== "undefined" && /\/ru(\/|$)/.test(location.pathname) ? "ru" : "en";
}
const withLocale = (o) => ({ locale: pageLang(), ...(typeof o === "number" ? { digits: o } : (o ?? {})) });

export const fmt = (x, o) => engine.fmt(x, withLocale(o));
export const signed = (x, o) => engine.signed(x, withLocale(o));
export const count = (n, locale = pageLang()) => engine.count(n, locale);
export const percent = (share, o) => engine.percent(share, withLocale(o));
export const ordinal = (n, locale = pageLang()) => engine.ordinal(n, locale);
export const figure = (spec = {}) => engine.figure({ locale: pageLang(), ...spec });
export const dateText = (iso, locale = pageLang()) => engine.dateText(iso, locale);
/** An interface string in the page's language (loaders/shared/strings). */
export const tr = (key, vars) => engine.t(pageLang(), key, vars);

/** Plain-text element: untrusted strings (sheet notes, sources) never become HTML. */
export function text(tag, content, className) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  el.textContent = content ?? "";
  return el;
}

/**
 * The language of a text shown as written (sheet notes and sources, the releases' words), for its
 * element's lang (WCAG 3.1.2): "en" for Latin letters without Cyrillic, "ru" for Cyrillic on a page
 * not in Russian, "" where the page's own language is right (or the text has no letters).
 */
export function textLang(content, page = pageLang()) {
  const s = String(content ?? "");
  if (/\p{Script=Cyrillic}/u.test(s)) return page === "ru" ? "" : "ru";
  return /\p{Script=Latin}/u.test(s) ? "en" : "";
}

/** Sets el.lang from textLang(content) when it differs from the page's; returns el. */
export function markLang(el, content, page) {
  const l = textLang(content, page);
  if (l) el.lang = l;
  return el;
}

/** Plain-text element in the language of its text (textLang): for notes, sources and quotes as written. */
export function asWritten(tag, content, className, page) {
  return markLang(text(tag, content, className), content, page);
}

/** A link whose text and address come from data; only http(s) and relative addresses become links. */
export function sourceLink(source) {
  const m = /https?:\/\/[^\s;,)]+/.exec(source ?? "");
  if (!m) return asWritten("span", source);
  const span = markLang(document.createElement("span"), source);
  const a = document.createElement("a");
  a.href = m[0];
  a.rel = "noopener noreferrer nofollow";
  a.textContent = source;
  span.append(a);
  return span;
}
