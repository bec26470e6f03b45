// How a page's render function puts interface strings into the Markdown it emits. A string is
// looked up when the page is rendered (so the Markdown a reader gets holds the words of its language,
// and tests can read them); a figure known only in the browser goes into the string as a JavaScript
// expression, in a Framework inline expression (prose) or a template literal (cells).
import type { PageContext } from "./page.ts";
import type { StringKey } from "../shared/strings/index.ts";

type Exprs = Record<string, string | number>;

const HOLE = (name: string) => `\u0000${name}\u0000`;

/** The string with each {name} of exprs left as a marker, to be replaced by an expression after escaping; vars are filled in as text. */
function withHoles(ctx: PageContext, key: StringKey, exprs: Exprs, vars: Exprs = {}): string {
  return ctx.t(key, { ...vars, ...Object.fromEntries(Object.keys(exprs).map((k) => [k, HOLE(k)])) });
}
const fillHoles = (s: string, exprs: Exprs, wrap: (e: string) => string) =>
  s.replace(/\u0000(\w+)\u0000/g, (_, name: string) => wrap(String(exprs[name])));

export interface Words {
  /** Prose for the Markdown: each {name} of exprs becomes the inline expression ${exprs[name]}, each of vars its text (known when the page is rendered). */
  md: (key: StringKey, exprs?: Exprs, vars?: Exprs) => string;
  /** A JavaScript string literal of the string (no placeholders). */
  str: (key: StringKey, vars?: Record<string, string | number>) => string;
  /** A JavaScript template literal: each {name} becomes ${exprs[name]}. */
  tpl: (key: StringKey, exprs?: Exprs) => string;
  /** A JavaScript object literal naming each id in the page's language: {id: t(prefix + id)} (kinds of claim, of change…). */
  names: (prefix: string, ids: readonly string[]) => string;
}

export function words(ctx: PageContext): Words {
  return {
    md: (key, exprs = {}, vars = {}) => fillHoles(withHoles(ctx, key, exprs, vars), exprs, (e) => "${" + e + "}"),
    str: (key, vars) => JSON.stringify(ctx.t(key, vars)),
    tpl: (key, exprs = {}) => {
      const escaped = withHoles(ctx, key, exprs).replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${");
      return "`" + fillHoles(escaped, exprs, (e) => "${" + e + "}") + "`";
    },
    names: (prefix, ids) => JSON.stringify(Object.fromEntries(ids.map((id) => [id, ctx.t(`${prefix}${id}` as StringKey)]))),
  };
}

/** The page's language and its data folder for the browser: `const L = "ru"` and where its payloads live. */
export const dataDir = (ctx: PageContext) => (ctx.lang === "en" ? `${ctx.base}data/` : `${ctx.base}data/${ctx.lang}/`);

/** A route parameter Framework passes a page loader (`--code=ARM`), or an error naming it. */
export function routeParam(name: string, argv = process.argv): string {
  const arg = argv.find((a) => a.startsWith(`--${name}=`));
  if (!arg) throw new Error(`page loader needs --${name}=… (Framework passes it for a [${name}] route)`);
  return arg.slice(name.length + 3);
}
