// A plain-text rendering of a Markdown document: headings, lists and paragraphs become
// elements with textContent only, so nothing in the file can inject HTML.
import { text } from "./format.js";

/**
 * An element holding `source` with Markdown's inline **strong** and `code` as <strong> and <code>
 * (their text set with textContent, like everything else): the page no longer shows the asterisks.
 */
export function inline(tag, source) {
  const el = document.createElement(tag);
  for (const part of String(source ?? "").split(/(\*\*[^*]+\*\*|`[^`]+`)/)) {
    if (!part) continue;
    if (part.startsWith("**") && part.endsWith("**") && part.length > 4) el.append(text("strong", part.slice(2, -2)));
    else if (part.startsWith("`") && part.endsWith("`") && part.length > 2) el.append(text("code", part.slice(1, -1)));
    else el.append(document.createTextNode(part));
  }
  return el;
}

export function plainMarkdown(source) {
  const root = document.createElement("div");
  const blocks = source.replace(/\r\n/g, "\n").split(/\n{2,}/);
  for (const block of blocks) {
    const lines = block.split("\n");
    const heading = /^(#{1,4})\s+(.*)$/.exec(lines[0]);
    if (heading && lines.length === 1) {
      root.append(inline(`h${Math.min(heading[1].length + 1, 4)}`, heading[2]));
    } else if (lines.every((l) => /^\s*([-*]|\d+\.)\s+/.test(l) || /^\s{2,}\S/.test(l))) {
      const ul = document.createElement("ul");
      for (const l of lines) {
        if (/^\s*([-*]|\d+\.)\s+/.test(l)) ul.append(inline("li", l.replace(/^\s*([-*]|\d+\.)\s+/, "")));
        else if (ul.lastChild) ul.lastChild.append(inline("span", " " + l.trim()));
      }
      root.append(ul);
    } else if (lines[0].startsWith("```") || lines[0].startsWith("|")) {
      root.append(text("pre", block.replace(/^```\w*\n?|```$/g, "")));
    } else {
      if (heading) root.append(inline(`h${Math.min(heading[1].length + 1, 4)}`, heading[2]));
      root.append(inline("p", (heading ? lines.slice(1) : lines).join(" ")));
    }
  }
  return root;
}
