// Every page, for a reader without a mouse or without sight of the charts: the first Tab reaches the
// skip link, which is visible when focused and leads to the content; every chart is an image with a
// written summary (not Vega's "Vega visualization"), its numbers as a table, and downloads (SVG, PNG, CSV) as buttons.
import type { Scenario } from "../scenarios.ts";

export const scenarios: Scenario[] = [
  {
    name: "keyboard: the first Tab reaches a visible skip link to the content",
    applies: () => true,
    async run(page) {
      // Earlier scenarios moved the focus and Tab goes on from where it last was: start again from the page's top.
      await page.evaluate(() => {
        window.scrollTo(0, 0);
        document.body.tabIndex = -1;
        document.body.focus();
        document.body.removeAttribute("tabindex");
      });
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const r = el?.getBoundingClientRect();
        return { cls: el?.className ?? "", href: el?.getAttribute("href") ?? "", visible: !!r && r.top >= 0 && r.height > 0, outline: el ? getComputedStyle(el).outlineStyle : "" };
      });
      if (focused.cls !== "skip-link" || focused.href !== "#observablehq-main") throw new Error(`the first Tab reached ${focused.cls || "nothing"} (${focused.href}), not the skip link`);
      if (!focused.visible) throw new Error("the focused skip link is not on screen");
      if (focused.outline === "none") throw new Error("the focused skip link has no visible focus outline");
      await page.keyboard.press("Enter");
      const target = await page.evaluate(() => location.hash);
      if (target !== "#observablehq-main") throw new Error(`the skip link led to "${target}"`);
    },
  },
  {
    name: "charts: an image with a written summary, and downloads",
    applies: () => true,
    async run(page) {
      // The download buttons appear once a chart is drawn.
      await page.waitForFunction(() => [...document.querySelectorAll("figure.chart")].every((f) => f.querySelector(".chart-downloads button")), null, { timeout: 15_000 }).catch(() => undefined);
      const charts = await page.$$eval("figure.chart", (figs) =>
        figs.map((f) => {
          const canvas = f.querySelector(".chart-canvas");
          return {
            role: canvas?.getAttribute("role") ?? "",
            label: canvas?.getAttribute("aria-label") ?? "",
            svgHidden: canvas?.querySelector("svg")?.getAttribute("aria-hidden") ?? "",
            buttons: [...f.querySelectorAll(".chart-downloads button")].map((b) => b.className),
            table: !!f.querySelector("details.chart-data table"),
          };
        }),
      );
      const bad = charts.filter((c) => c.role !== "img" || c.label.length < 12 || /vega visualization/i.test(c.label) || c.svgHidden !== "true" || !c.buttons.includes("chart-download-svg") || !c.buttons.includes("chart-download-png") || !c.buttons.includes("chart-download-csv") || !c.table);
      if (bad.length) throw new Error(`${bad.length} of ${charts.length} chart(s) without role="img", a summary, its numbers or downloads: ${bad.map((b) => b.label.slice(0, 60) || "(no label)").join(" | ")}`);
      return charts.length ? [`${charts.length} chart(s) with summary, numbers and downloads`] : [];
    },
  },
];

/** The downloads of the first chart work: an SVG file, a PNG file, and a CSV whose first line is the table's header. */
scenarios.push({
  name: "charts: the first chart downloads as SVG, PNG and CSV",
  applies: (p) => p === "/",
  async run(page) {
    const fig = page.locator("figure.chart").first();
    const got: string[] = [];
    for (const [cls, ext] of [["chart-download-svg", ".svg"], ["chart-download-png", ".png"], ["chart-download-csv", ".csv"]] as const) {
      const [download] = await Promise.all([page.waitForEvent("download", { timeout: 10_000 }), fig.locator(`button.${cls}`).click()]);
      const name = download.suggestedFilename();
      if (!name.endsWith(ext)) throw new Error(`${cls} saved ${name}, expected a ${ext} file`);
      const file = await download.path();
      const { readFileSync } = await import("node:fs");
      const body = readFileSync(file!);
      if (ext === ".svg" && !body.toString("utf8").includes("<svg")) throw new Error("the SVG download holds no <svg>");
      if (ext === ".png" && body.subarray(1, 4).toString("latin1") !== "PNG") throw new Error("the PNG download is not a PNG");
      if (ext === ".csv") {
        const header = body.toString("utf8").split("\r\n")[0];
        const expected = await fig.locator("details.chart-data thead tr th").allTextContents();
        if (header !== expected.join(",")) throw new Error(`CSV header "${header}" is not the table's "${expected.join(",")}"`);
      }
      got.push(name);
    }
    return [`downloads: ${got.join(", ")}`];
  },
});
