// A minimal stand-in for the browser's document, for tests that render a page's components in
// node: createElement, createTextNode, append, lastChild, textContent, and the properties the
// components set (className, lang, dataset, attributes).
export class FakeNode {
  children: FakeNode[] = [];
  own = "";
  className = "";
  lang = "";
  dataset: Record<string, string> = {};
  attributes: Record<string, string> = {};
  readonly tagName: string;
  constructor(readonly tag: string) {
    this.tagName = tag.toUpperCase();
  }
  set textContent(v: string) {
    this.children = [];
    this.own = String(v);
  }
  get textContent(): string {
    return this.own + this.children.map((c) => c.textContent).join("");
  }
  append(...nodes: FakeNode[]) {
    this.children.push(...nodes);
  }
  get lastChild(): FakeNode | null {
    return this.children.at(-1) ?? null;
  }
  setAttribute(k: string, v: string) {
    this.attributes[k] = v;
  }
}

/** Every node under `n`, itself first. */
export const allNodes = (n: FakeNode): FakeNode[] => [n, ...n.children.flatMap(allNodes)];

/** Puts the stand-in in place of document (and Node, for instanceof); returns the function that takes it away. */
export function installFakeDocument(): () => void {
  const g = globalThis as { document?: unknown; Node?: unknown };
  g.document = {
    documentElement: { lang: "" },
    createElement: (tag: string) => new FakeNode(tag),
    createTextNode: (s: string) => Object.assign(new FakeNode("#text"), { own: s }),
  };
  g.Node = FakeNode;
  return () => {
    delete g.document;
    delete g.Node;
  };
}
