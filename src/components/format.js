// Display rounding only: the engine keeps full precision; pages show two decimals, as published.
// The rule is the engine's (loaders/rounding.ts): half away from zero, after taking the value to
// 12 significant digits so binary noise (1.005 is stored as 1.00499…) does not decide it. A test
// checks that the two agree.
export function fmt(x, digits = 2) {
  if (x === null || x === undefined || Number.isNaN(x)) return "—";
  const scale = 10 ** digits;
  const units = Math.round(Number((Math.abs(x) * scale).toPrecision(12)));
  const s = (units / scale).toFixed(digits);
  return (x < 0 && units !== 0 ? "−" : "") + s;
}

export function signed(x, digits = 2) {
  if (x === null || x === undefined) return "—";
  return (x > 0 ? "+" : "") + fmt(x, digits);
}

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
