import { describe, expect, it } from "vitest";
import { LINKED_TERMS, formsOf, linkGlossaryTerms } from "../loaders/pages/glossary-links.ts";
import { GLOSSARY_TERMS } from "../loaders/pages/glossary.ts";
import glossaryPage from "../loaders/pages/glossary.ts";
import { pageContext, pageMarkdown } from "../loaders/pages/page.ts";
import type { Locale } from "../loaders/shared/format.ts";
import { SITE_PAGES } from "./helpers/pages.ts";

const link = (md: string, lang: Locale = "en") => linkGlossaryTerms(md, lang, lang === "en" ? "./glossary" : "../ru/glossary");

describe("linking a page's first use of each glossary term", () => {
  it("links the first use only, in the page's language", () => {
    expect(link("Sobol indices split the variance. Sobol indices again.\n\nA Monte Carlo run; Monte Carlo again.")).toBe(
      "[Sobol indices](./glossary#sobol) split the variance. Sobol indices again.\n\n" +
        "A [Monte Carlo](./glossary#monte-carlo) run; Monte Carlo again.",
    );
    expect(link("Индексы Соболя делят дисперсию; индекс Соболя ниже. Пересчёт методом Монте-Карло.", "ru")).toBe(
      "[Индексы Соболя](../ru/glossary#sobol) делят дисперсию; индекс Соболя ниже. Пересчёт [методом Монте-Карло](../ru/glossary#monte-carlo).",
    );
    // A case form counts as the same term's use: the second is not linked.
    expect(link("Доля по Шепли, затем значение Шепли.", "ru")).toBe("Доля [по Шепли](../ru/glossary#shapley), затем значение Шепли.");
  });

  it("takes the longest form and a capitalised sentence start, and no part of a longer word", () => {
    expect(link("Largest-remainder rounding keeps the sum.")).toBe("[Largest-remainder rounding](./glossary#largest-remainder) keeps the sum.");
    expect(link("The codebooks differ; the codebook is one.")).toBe("The [codebooks](./glossary#codebook) differ; the codebook is one.");
    expect(link("A non-release text and releasedate, then the release.")).toBe("A non-release text and releasedate, then the [release](./glossary#release).");
  });

  it("leaves headings, code, links, expressions, HTML, tables, quotes and front matter alone", () => {
    const md = [
      "---",
      "title: The codebook",
      "---",
      "",
      "# The codebook",
      "",
      "## Sobol indices",
      "",
      "```js",
      'const s = "Monte Carlo codebook";',
      "```",
      "",
      "<style>",
      ".codebook { color: red; }",
      "",
      ".sobol::after { content: 'Sobol'; }",
      "</style>",
      "",
      '<div class="reconstruction-notice" role="note">The codebook is a reconstruction.</div>',
      "",
      "> The codebook, as the release quotes it.",
      "",
      "| Term | Sobol |",
      "| --- | --- |",
      "| codebook | 0.5 |",
      "",
      "See the [codebook page](./methodology), `codebook.yaml`, ${text(\"codebook\", `Monte Carlo ${n}`)}, <span title=\"Sobol\">x</span> and <code>Shapley</code>.",
      "Then the codebook.",
    ].join("\n");
    const out = link(md);
    expect(out.split("\n").slice(0, -1)).toEqual(md.split("\n").slice(0, -1));
    expect(out.split("\n").at(-1)).toBe("Then the [codebook](./glossary#codebook).");
  });

  it("lists forms for linked terms only, each a glossary term with forms in both languages", () => {
    for (const id of LINKED_TERMS) {
      expect(GLOSSARY_TERMS as readonly string[]).toContain(id);
      expect(formsOf("en", id).length, id).toBeGreaterThan(0);
      expect(formsOf("ru", id).length, id).toBeGreaterThan(0);
      for (const f of formsOf("ru", id)) if (f !== "role_mean") expect(f, id).toMatch(/[а-яё]/i);
    }
    // The everyday words are not linked on their own.
    for (const id of ["index", "section", "indicator", "points", "weight", "rank", "edition", "sheet"])
      expect(link(`The ${id} and the ${id}s.`), id).toBe(`The ${id} and the ${id}s.`);
  });
});


/** The glossary terms a page's Markdown links, with where the links point. */
const glossaryLinks = (md: string) => [...md.matchAll(/\]\(((?:\.\.\/|\.\/)+(?:ru\/)?glossary)#([a-z-]+)\)/g)].map((m) => ({ href: m[1]!, id: m[2]! }));

describe("every page's glossary links", () => {
  const expected: Record<string, string[]> = {
    "/": ["attribution", "claim", "codebook", "reconstruction", "release"],
    "/reconstruction": ["codebook", "release", "sheet"],
    "/methodology": ["codebook", "maximum-attainable", "methodology"],
    "/countries/KAZ": ["largest-remainder", "waterfall"],
    "/changes/2024": ["attribution", "codebook", "largest-remainder", "methodology", "release", "shapley"],
    "/sensitivity": ["codebook", "exclusion", "monte-carlo", "role-mean", "sobol"],
  };
  const anchors = (lang: Locale) => new Set([...glossaryPage(pageContext(lang, "/glossary")).matchAll(/<dt id="([a-z-]+)">/g)].map((m) => m[1]));

  for (const lang of ["en", "ru"] as const)
    for (const [sitePath, page] of SITE_PAGES)
      it(`${sitePath} (${lang}): links each term at most once, to an anchor of the glossary in its language`, async () => {
        const md = await pageMarkdown(page, lang, sitePath);
        const links = glossaryLinks(md);
        const ids = links.map((l) => l.id);
        expect(ids.length, ids.join()).toBe(new Set(ids).size);
        for (const id of ids) expect(anchors(lang).has(id), id).toBe(true);
        const ctx = pageContext(lang, sitePath);
        for (const l of links) expect(l.href).toBe(ctx.href("/glossary"));
        expect(ctx.href("/glossary")).toMatch(lang === "en" ? /^(\.\.\/|\.\/)+glossary$/ : /^(\.\.\/)+ru\/glossary$/);
        expect([...ids].sort()).toEqual(expect.arrayContaining(expected[sitePath] ?? []));
        // No heading line carries a link the page did not write itself.
        const raw = await page(ctx);
        const headings = (s: string) => s.split("\n").filter((line) => /^#{1,6} /.test(line));
        expect(headings(md)).toEqual(headings(raw));
      });

  it("the glossary itself links none of its terms", async () => {
    for (const lang of ["en", "ru"] as const) {
      const md = await pageMarkdown(glossaryPage, lang, "/glossary");
      expect(md).toBe(glossaryPage(pageContext(lang, "/glossary")));
      expect(glossaryLinks(md)).toEqual([]);
    }
  });
});
