// Numbers become text only through the engine's shared formatter (loaders/shared/format.ts,
// bundled into ./engine.js by scripts/bundle-shared.ts): the same rounding rule as the engine,
// so a page never shows a figure the engine would round differently.
export { fmt, signed, count, percent, ordinal, figure, MISSING } from "./engine.js";

/** Plain-text element: untrusted strings (sheet notes, sources) never become HTML. */
export function text(tag, content, className) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  el.textContent = content ?? "";
  return el;
}

/** A link whose text and address come from data; only http(s) and relative addresses become links. */
export function sourceLink(source) {
  const m = /https?:\/\/[^\s;,)]+/.exec(source ?? "");
  if (!m) return text("span", source);
  const span = document.createElement("span");
  const a = document.createElement("a");
  a.href = m[0];
  a.rel = "noopener noreferrer nofollow";
  a.textContent = source;
  span.append(a);
  return span;
}
