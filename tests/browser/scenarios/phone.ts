// Every page at phone width: nothing wider than the screen except inside scrollable containers.
import type { Scenario } from "../scenarios.ts";

export const PHONE = { width: 390, height: 844 };

export const scenarios: Scenario[] = [
  {
    name: "readable at phone width",
    applies: () => true,
    async run(page) {
      await page.setViewportSize(PHONE);
      await page.waitForTimeout(400); // charts sized to their container redraw on resize
      const overflow = await page.evaluate((w) => {
        const wide: string[] = [];
        for (const el of document.querySelectorAll("#observablehq-main *")) {
          const r = el.getBoundingClientRect();
          if (r.right <= w + 1 || r.width === 0) continue;
          // Inside a container that scrolls horizontally is fine (wide tables).
          let p: Element | null = el.parentElement;
          let scrolls = false;
          while (p) {
            const s = getComputedStyle(p);
            if (s.overflowX === "auto" || s.overflowX === "scroll") { scrolls = true; break; }
            p = p.parentElement;
          }
          if (!scrolls) wide.push(`${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.className && typeof el.className === "string" ? "." + el.className.split(" ")[0] : ""} (${Math.round(r.right)} px)`);
        }
        return { wide: wide.slice(0, 5), count: wide.length, page: document.documentElement.scrollWidth };
      }, PHONE.width);
      if (overflow.count > 0 || overflow.page > PHONE.width + 1)
        throw new Error(`at ${PHONE.width} px the page is ${overflow.page} px wide; ${overflow.count} element(s) overflow: ${overflow.wide.join(", ")}`);
    },
  },
];
