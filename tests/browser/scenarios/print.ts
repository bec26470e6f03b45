// Every page as printed (and as scripts/pdf.ts prints it into the PDFs): on an A4 page with the PDF's
// margins, no chart is wider or taller than the page or allowed to break across pages, every chart's
// numbers are printed with it, nothing is cut at the right edge, the navigation is left out, and
// whatever print leaves out of the page (.web-only) has a printed line beside it saying so.
import type { Scenario } from "../scenarios.ts";
import { HIDE_NOTICE } from "../../../scripts/print-notice.ts";

// A4 less the PDF's margins, in CSS pixels: the size scripts/pdf.ts lays pages out at to print them.
import { PRINTED } from "../../../scripts/print-page.ts";
export { PRINTED };

// In the page, as a string: tsx would wrap named inner functions in a helper (__name) that does
// not exist there.
const IN_PAGE = (size: { width: number; height: number }) => `(() => {
  const size = ${JSON.stringify(size)};
  const problems = [];
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (typeof el.className === "string" && el.className ? "." + el.className.split(" ")[0] : "");
  const shown = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  for (const sel of [".site-nav", "#observablehq-toc", "#observablehq-sidebar", ".skip-link", ".chart-downloads"])
    for (const el of document.querySelectorAll(sel)) if (shown(el)) problems.push(sel + " is printed");
  // A chart left out of print with its block (.web-only) is not printed at all.
  const charts = [...document.querySelectorAll("figure.chart")].filter((fig) => !fig.closest(".web-only"));
  charts.forEach((fig, i) => {
    const label = "chart " + (i + 1) + " (" + JSON.stringify((fig.querySelector(".chart-canvas")?.getAttribute("aria-label") ?? "").slice(0, 50)) + ")";
    const svg = fig.querySelector(".chart-canvas svg");
    if (!svg) { problems.push(label + " has no SVG"); return; }
    const r = svg.getBoundingClientRect();
    if (r.right > size.width + 1) problems.push(label + " reaches " + Math.round(r.right) + " px on a " + size.width + " px page");
    if (r.height > size.height) problems.push(label + " is " + Math.round(r.height) + " px tall on a " + size.height + " px page");
    for (const el of [fig, fig.querySelector(".chart-canvas")]) {
      const b = getComputedStyle(el).breakInside;
      if (b !== "avoid") problems.push(label + ": " + name(el) + " may break across pages (break-inside: " + b + ")");
    }
    const table = fig.querySelector("details.chart-data table");
    if (!table || !shown(table)) problems.push(label + ": its numbers are not printed");
  });
  // What print leaves out (.web-only) is said beside it, in a printed line (.print-only), and no such line stands alone.
  for (const el of document.querySelectorAll(".web-only")) {
    let box = el.parentElement;
    while (box && !box.querySelector(":scope > .print-only")) box = box.parentElement;
    if (!box) { problems.push(name(el) + " is left out of print and no printed line says so"); break; }
  }
  for (const line of document.querySelectorAll(".print-only")) {
    if (!shown(line)) problems.push("a printed line is not printed: " + line.textContent.slice(0, 60));
    else if (!line.parentElement.querySelector(".web-only")) problems.push("a printed line with nothing left out beside it: " + line.textContent.slice(0, 60));
  }
  const cut = [];
  for (const el of document.querySelectorAll("#observablehq-main *")) {
    // A chart's own marks are measured by its SVG, above.
    if (el.tagName.toLowerCase() !== "svg" && el.closest("svg")) continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > size.width + 1) cut.push(name(el) + " (" + Math.round(r.right) + " px)");
  }
  if (cut.length) problems.push(cut.length + " element(s) run past the page's right edge: " + cut.slice(0, 5).join(", "));
  return { problems, charts: charts.length };
})()`;

export const scenarios: Scenario[] = [
  {
    name: "print: every chart whole on the page with its numbers, nothing cut, no navigation",
    applies: () => true,
    async run(page) {
      const before = page.viewportSize();
      await page.emulateMedia({ media: "print" });
      await page.setViewportSize(PRINTED);
      try {
        await page.waitForTimeout(400); // charts sized to their container redraw on resize
        const found = (await page.evaluate(IN_PAGE(PRINTED))) as { problems: string[]; charts: number };
        // The notice prints at the page's head, and the merged report's style for its later pages leaves it out.
        const notice = "#observablehq-header .reconstruction-notice";
        const noticeShown = () => page.$eval(notice, (el) => el.getBoundingClientRect().height > 0).catch(() => false);
        if (!(await noticeShown())) found.problems.push("the reconstruction notice is not printed at the page's head");
        const style = await page.addStyleTag({ content: HIDE_NOTICE });
        if (await noticeShown()) found.problems.push("the report's later pages would print the notice again");
        await style.evaluate((el) => (el as Element).remove());
        if (found.problems.length) throw new Error(found.problems.slice(0, 8).join("; "));
        return found.charts ? [`print: ${found.charts} chart(s) fit a ${PRINTED.width} × ${PRINTED.height} px page, with their numbers`] : [];
      } finally {
        await page.emulateMedia({ media: null });
        if (before) await page.setViewportSize(before);
        await page.waitForTimeout(200);
      }
    },
  },
];

// A country page prints its answer grid's last six years, the last five changes (between those
// years) and its latest year's changed answers alone, each with a line saying what it leaves out
// (that stays on the screen and in the downloads); scripts/pdf.ts takes the screen-only cells, rows
// and blocks out before printing, so the PDF shows what this print shows.
const CHANGED_ROWS = `(() => {
  const shown = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const rows = [...document.querySelectorAll("#change-list tbody tr")];
  const note = document.querySelector("#change-list")?.closest(".table-scroll")?.parentElement?.querySelector(":scope > .print-only");
  const gridNote = document.querySelector("#answer-grid")?.closest(".table-scroll")?.parentElement?.querySelector(":scope > .print-only");
  return {
    years: rows.map((r) => [r.cells[0].textContent, shown(r)]),
    note: note ? [note.textContent, shown(note)] : null,
    grid: [...document.querySelectorAll("#answer-grid thead th")].slice(2).map((th) => [th.textContent, shown(th)]),
    gridNote: gridNote ? [gridNote.textContent, shown(gridNote)] : null,
    blocks: [...document.querySelectorAll("section.change-block")].map((b) => [b.id, shown(b)]),
    blocksNote: (() => { const n = document.querySelector("section.change-block")?.parentElement?.querySelector(":scope > .print-only"); return n ? [n.textContent, shown(n)] : null; })(),
  };
})()`;

scenarios.push({
  name: "print: a country page prints its grid's last six years, the changes between them and its latest year's changed answers, and says where the others are",
  applies: (p) => p.startsWith("/countries/"),
  async run(page, { lang }) {
    type Shown = [string, boolean];
    type Found = { years: Shown[]; note: Shown | null; grid: Shown[]; gridNote: Shown | null; blocks: Shown[]; blocksNote: Shown | null };
    const screen = (await page.evaluate(CHANGED_ROWS)) as Found;
    if (screen.grid.some(([, s]) => !s)) throw new Error("on screen, a year of the answer grid is hidden");
    if (screen.blocks.some(([, s]) => !s)) throw new Error("on screen, a change block is hidden");
    if (screen.note?.[1] || screen.gridNote?.[1] || screen.blocksNote?.[1]) throw new Error("on screen, a print-only line is shown");
    if (screen.years.some(([, s]) => !s)) throw new Error("on screen, a changed answer's row is hidden");
    await page.emulateMedia({ media: "print" });
    try {
      const print = (await page.evaluate(CHANGED_ROWS)) as Found;
      // The grid: the last six years (as many as there are, if fewer), and a line when any is left out.
      const printedYears = print.grid.filter(([, s]) => s).map(([y]) => y);
      const lastSix = screen.grid.map(([y]) => y).slice(-6);
      if (printedYears.join() !== lastSix.join()) throw new Error(`in print, the answer grid shows ${printedYears.join(", ")}, not ${lastSix.join(", ")}`);
      if ((printedYears.length < screen.grid.length) !== Boolean(print.gridNote?.[1])) throw new Error(`in print, the grid leaves out ${screen.grid.length - printedYears.length} year(s) and its line is ${print.gridNote?.[1] ? "shown" : "not shown"}`);
      // The change blocks (latest first): the last five, and a line when any is left out.
      const printedBlocks = print.blocks.filter(([, s]) => s).map(([id]) => id);
      const lastFive = screen.blocks.map(([id]) => id).slice(0, 5);
      if (printedBlocks.join() !== lastFive.join()) throw new Error(`in print, the change blocks shown are ${printedBlocks.join(", ")}, not ${lastFive.join(", ")}`);
      if ((printedBlocks.length < screen.blocks.length) !== Boolean(print.blocksNote?.[1])) throw new Error(`in print, ${screen.blocks.length - printedBlocks.length} change block(s) are left out and the line is ${print.blocksNote?.[1] ? "shown" : "not shown"}`);
      const blocksSaid = `${printedBlocks.length} of ${screen.blocks.length} change blocks`;
      if (!screen.years.length) return [`print: the answer grid's ${printedYears.length} of ${screen.grid.length} years; ${blocksSaid}`];
      const latest = screen.years.map(([y]) => Number(y)).reduce((a, b) => Math.max(a, b));
      const wrong = print.years.filter(([y, s]) => s !== (Number(y) === latest));
      if (wrong.length) throw new Error(`in print, ${wrong.length} row(s) are shown or hidden wrongly: ${JSON.stringify(wrong.slice(0, 3))}`);
      const left = print.years.filter(([, s]) => !s).length;
      if (!left) return [`print: ${blocksSaid}; all ${print.years.length} changed answers are in ${latest}`];
      if (!print.note?.[1]) throw new Error(`in print, ${left} earlier changed answers are left out and no line says so`);
      // The count as the page's language writes it, its thousands separators taken out (2,446; 2 446).
      const said = print.note[0].replace(/(\d)[,\s\u202f\u00a0](?=\d{3})/g, "$1");
      const expected = lang === "ru" ? `(всего ${left})` : `(${left} in all)`;
      if (!said.includes(expected) || !said.includes(String(latest))) throw new Error(`the printed line does not say ${expected} for ${latest}: ${print.note[0]}`);
      return [`print: the answer grid's ${printedYears.length} of ${screen.grid.length} years; ${blocksSaid}; ${print.years.length - left} changed answers of ${latest} printed, ${left} earlier ones on the screen only`];
    } finally {
      await page.emulateMedia({ media: null });
    }
  },
});
