// A plain-text rendering of a Markdown document: headings, lists and paragraphs become
// elements with textContent only, so nothing in the file can inject HTML.
import { text } from "./format.js";

export function plainMarkdown(source) {
  const root = document.createElement("div");
  const blocks = source.replace(/\r\n/g, "\n").split(/\n{2,}/);
  for (const block of blocks) {
    const lines = block.split("\n");
    const heading = /^(#{1,4})\s+(.*)$/.exec(lines[0]);
    if (heading && lines.length === 1) {
      root.append(text(`h${Math.min(heading[1].length + 1, 4)}`, heading[2]));
    } else if (lines.every((l) => /^\s*([-*]|\d+\.)\s+/.test(l) || /^\s{2,}\S/.test(l))) {
      const ul = document.createElement("ul");
      for (const l of lines) {
        if (/^\s*([-*]|\d+\.)\s+/.test(l)) ul.append(text("li", l.replace(/^\s*([-*]|\d+\.)\s+/, "")));
        else if (ul.lastChild) ul.lastChild.textContent += " " + l.trim();
      }
      root.append(ul);
    } else if (lines[0].startsWith("```") || lines[0].startsWith("|")) {
      root.append(text("pre", block.replace(/^```\w*\n?|```$/g, "")));
    } else {
      if (heading) root.append(text(`h${Math.min(heading[1].length + 1, 4)}`, heading[2]));
      root.append(text("p", (heading ? lines.slice(1) : lines).join(" ")));
    }
  }
  return root;
}
