// "What changed" pages: one waterfall per country block, drawn; every `differs` statement visible.
import type { Scenario } from "../scenarios.ts";
import { fmt } from "../../../loaders/shared/format.ts";
import { t } from "../../../loaders/shared/strings/index.ts";

const isChangesPage = (p: string) => /^\/changes\/\d{4}$/.test(p);

export const scenarios: Scenario[] = [
  {
    name: "changes: each country block has a drawn waterfall, an id = its code, and a paragraph",
    applies: isChangesPage,
    async run(page) {
      const blocks = await page.$$eval(".change-block", (els) =>
        els.map((el) => ({
          id: el.id,
          bars: el.querySelectorAll(".chart-canvas svg path, .chart-canvas svg rect").length,
          svg: !!el.querySelector(".chart-canvas svg"),
          paragraph: el.querySelector(".change-paragraph")?.textContent ?? "",
        })),
      );
      if (blocks.length === 0) throw new Error("no country block on the page");
      const bad = blocks.filter((b) => !/^[A-Z]{3}$/.test(b.id) || !b.svg || b.bars < 2 || b.paragraph.length < 10);
      if (bad.length) throw new Error(`blocks without id, waterfall or paragraph: ${bad.map((b) => b.id || "?").join(", ")}`);
      const rows = await page.$$eval("#changes-table tbody tr", (trs) => trs.length);
      if (rows !== blocks.length) throw new Error(`summary table has ${rows} rows for ${blocks.length} blocks`);
      return [`${blocks.length} waterfalls drawn`];
    },
  },
  {
    name: "changes: every statement that differs is visible and marked in words",
    applies: isChangesPage,
    async run(page, { lang }) {
      const differs = await page.$$eval('li.claim[data-status="differs"]', (els) =>
        els.map((el) => {
          const r = (el as HTMLElement).getBoundingClientRect();
          const style = getComputedStyle(el);
          return { id: (el as HTMLElement).dataset.claim ?? "", visible: r.width > 0 && r.height > 0 && style.visibility !== "hidden" && style.display !== "none", label: el.querySelector("strong")?.textContent ?? "" };
        }),
      );
      const hidden = differs.filter((d) => !d.visible || d.label !== t(lang, "page.parts.status_differs"));
      if (hidden.length) throw new Error(`differs statements not visible or not labelled: ${hidden.map((d) => d.id).join(", ")}`);
      return differs.length ? [`${differs.length} differing statement(s) shown`] : [];
    },
  },
  {
    name: "changes 2024: Kyrgyzstan's stated −11.29 is shown as differing from the computed −15.87",
    applies: (p) => p === "/changes/2024",
    async run(page, { lang }) {
      const inBlock = await page.$$eval('#KGZ li.claim[data-status="differs"]', (els) => els.map((e) => e.textContent ?? ""));
      const [stated, computed, ukraine] = [11.29, 15.87, -11.25].map((x) => fmt(x, { locale: lang }));
      const hit = inBlock.find((t) => t.includes(stated!) && t.includes(computed!));
      if (!hit) throw new Error(`no differing Kyrgyzstan change statement with 11.29 and 15.87 in #KGZ (found: ${inBlock.length})`);
      const top = await page.$$eval("#differs li.claim", (els) => els.length);
      if (top === 0) throw new Error("the summary of differing statements at the top of the page is missing");
      const ukr = await page.$eval("#UKR .change-paragraph", (el) => el.textContent ?? "");
      if (!ukr.includes("LP-02") || !ukr.includes(ukraine!)) throw new Error(`Ukraine's paragraph does not name LP-02 −11.25: ${ukr}`);
    },
  },
];
