// The Russian edition: every page written once and emitted in both languages, with no English
// interface string left on a Russian page and no Russian on an English one; the payloads' sentences
// in the page's language; the English strings identical to the engine's own wording.
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { pageContext, type RenderPage } from "../loaders/pages/page.ts";
import { header, localiseHtml, type SiteMap } from "../loaders/pages/chrome.ts";
import { en } from "../loaders/shared/strings/en.ts";
import { ru } from "../loaders/shared/strings/ru.ts";
import type { Locale } from "../loaders/shared/format.ts";
import reconstruction from "../loaders/pages/reconstruction.ts";
import methodology from "../loaders/pages/methodology.ts";
import country from "../loaders/pages/country.ts";
import changes from "../loaders/pages/changes.ts";
import sensitivity from "../loaders/pages/sensitivity.ts";
import audit from "../loaders/pages/audit.ts";
import downloads from "../loaders/pages/downloads.ts";
import { DISPLAY_ROUNDING, methodologyPayload } from "../loaders/present/pages.ts";
import { INTERVAL_METHOD } from "../loaders/survey.ts";
import { COVERAGE_MODEL } from "../loaders/survey-coverage.ts";
import { ROUNDING_POLICY } from "../loaders/rounding.ts";
import { AUDIT_RULES } from "../loaders/present/audit.ts";
import { KIND_TEXT, ORDER_TEXT } from "../loaders/attribution.ts";
import { CLAIM_RULES, withChanges } from "../loaders/claims.ts";
import { DOWNLOADS, NUMBERS_NOTE, downloadsListing } from "../loaders/present/downloads.ts";
import { headlinesOf } from "../loaders/present/sensitivity.ts";
import { changesPayload } from "../loaders/present/changes.ts";
import { analyseSensitivity, prepareMatrix } from "../loaders/sensitivity.ts";
import { loadSensitivityConfig } from "../loaders/sensitivity/config.ts";
import { runPipeline, type PipelineResult } from "../loaders/pipeline.ts";
import type { Project } from "../loaders/project.ts";
import { repoRoot } from "./helpers/project-copy.ts";

const PAGES: [string, RenderPage][] = [
  ["/reconstruction", reconstruction],
  ["/methodology", methodology],
  ["/countries/KAZ", country],
  ["/changes/2024", changes],
  ["/sensitivity", sensitivity],
  ["/audit", audit],
  ["/downloads", downloads],
];
const render = async (lang: Locale, sitePath: string, page: RenderPage) => page(pageContext(lang, sitePath));

/**
 * The pieces of an English string a Russian page must not show: its text between placeholders, of two
 * words or more and longer than 12 characters, where Russian says something else. (Single words are
 * left out: the pages' code names data fields such as `normalisation`.)
 */
const englishPieces = (Object.keys(en) as (keyof typeof en)[]).flatMap((key) =>
  en[key] === ru[key] ? [] : en[key].split(/\{\w+\}/).map((s) => s.trim()).filter((s) => s.length > 12 && /\s/.test(s) && !ru[key].includes(s)).map((piece) => ({ key, piece })),
);
const CYRILLIC = /[\u0400-\u04ff]/;

describe("every page in both languages", () => {
  it("has its Russian twin under src/ru/ for each English page loader", () => {
    const walk = (dir: string): string[] =>
      readdirSync(path.join(repoRoot, dir), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? (["ru", "data", "components", ".observablehq"].includes(e.name) && dir === "src" ? [] : walk(`${dir}/${e.name}`)) : [`${dir}/${e.name}`],
      );
    const pages = walk("src").filter((f) => /\.md(\.ts)?$/.test(f));
    const loaders = pages.filter((f) => f.endsWith(".md.ts")).map((f) => f.slice(4));
    expect(loaders).toEqual(expect.arrayContaining(["index.md.ts", "results.md.ts", "glossary.md.ts", "review/[year].md.ts", "methodology.md.ts", "countries/[code].md.ts", "changes/[year].md.ts", "sensitivity.md.ts", "audit.md.ts", "downloads.md.ts", "reconstruction.md.ts"]));
    const twins = new Set(walk("src/ru").map((f) => f.slice("src/ru/".length)));
    expect(loaders.filter((f) => !twins.has(f))).toEqual([]);
    // Plain Markdown cannot be emitted in two languages: no page is left as one.
    expect(pages.filter((f) => f.endsWith(".md")).map((f) => f.slice(4))).toEqual([]);
  });

  it("catches an English string on a Russian page (the check itself)", () => {
    const leaked = "<p>" + en["page.audit.no_missing"] + "</p>";
    expect(englishPieces.filter(({ piece }) => leaked.includes(piece)).map((p) => p.key)).toEqual(["page.audit.no_missing"]);
  });

  for (const [sitePath, page] of PAGES) {
    it(`${sitePath}: the Russian page holds no English interface string, the English page no Cyrillic`, async () => {
      const ruPage = await render("ru", sitePath, page);
      expect(englishPieces.filter(({ piece }) => ruPage.includes(piece)).map(({ key, piece }) => `${key}: ${piece}`)).toEqual([]);
      expect(CYRILLIC.test(ruPage)).toBe(true);
      const enPage = await render("en", sitePath, page);
      expect(enPage.split("\n").filter((line) => CYRILLIC.test(line))).toEqual([]);
    });
  }

  it("the Russian methodology page shows the Working Group's section names and survey sentence, with their source", async () => {
    const md = await render("ru", "/methodology", methodology);
    expect(md).toContain("> 1. государственного механизма реагирования на пытки,");
    expect(md).toContain("> 6. степени принятия государством международных обязательств в области запрета пыток.");
    expect(md).toContain("Кроме того, добавлен новый раздел с оценками эффективности расследования через опросы экспертов в данной сфере (адвокатов, прокуроров, судей, следователей, правозащитников).");
    expect(md).toContain("https://ihahr.org/news/mezhdunarodnaya-platforma-grazhdanskaya-solidarnost-predstavila-vtoroy-ezhegodnyy-zamer-indeksa");
    expect(md).toContain('FileAttachment("../data/ru/methodology.json")');
    expect(await render("en", "/methodology", methodology)).toContain('FileAttachment("./data/methodology.json")');
  });

  it("country and year pages read their data and PDFs in their own language", async () => {
    const md = await render("ru", "/countries/KAZ", country);
    expect(md).toContain('FileAttachment("../../data/ru/countries/KAZ.json")');
    expect(md).toContain('"../../pdf/report.ru.pdf"');
    expect(md).toContain("pdfA.href = `../../pdf/${c.code}.ru.pdf`");
    expect(await render("en", "/countries/KAZ", country)).toContain('"../pdf/report.pdf"');
    expect(await render("ru", "/changes/2024", changes)).toContain("# Что изменилось в 2024 году");
  });
});

describe("site chrome per language", () => {
  const site: SiteMap = {
    pages: [
      { key: "site.nav.results", path: "/" },
      { key: "site.nav.methodology", path: "/methodology" },
      { key: "site.nav.countries", path: "/countries" },
      { key: "site.nav.glossary", path: "/glossary" },
    ],
    countries: [{ code: "KAZ", name_en: "Kazakhstan", name_ru: "Казахстан" }],
    changeYears: [2024],
    exists: (lang, p) => !(lang === "ru" && p === "/glossary"),
  };

  it("links the Russian page's navigation to Russian pages, its switch to the same English page, and its notice in Russian", () => {
    const h = header("/ru/countries/KAZ", site);
    expect(h).toContain('<a href="../../ru/methodology">Методология</a>');
    expect(h).toContain('<a href="../../ru/countries/KAZ" aria-current="page">Казахстан</a>');
    expect(h).toContain('<a class="language-switch" href="../../countries/KAZ" hreflang="en" lang="en"');
    expect(h).toContain(">English version</a>");
    expect(h).toContain('<div class="reconstruction-notice" role="note"><strong>Восстановленные данные примера.</strong>');
    expect(h).toContain('<a href="../../ru/reconstruction">Как сделана реконструкция</a>.');
    // A page not yet written in Russian is linked in English, and says so.
    expect(h).toContain('<a href="../../glossary" hreflang="en">Глоссарий</a>');
  });

  it("links the English page to the Russian twin, and leaves the switch out where there is none", () => {
    const h = header("/methodology", site);
    expect(h).toContain('<a class="language-switch" href="./ru/methodology" hreflang="ru" lang="ru"');
    expect(h).toContain("Reconstructed example data.");
    expect(header("/glossary", site)).not.toContain("language-switch");
  });

  it("writes <html lang> and the site title in the page's language", () => {
    const html = "<!DOCTYPE html>\n<html>\n<head><title>Методология | Prohibition of Torture Index</title>";
    expect(localiseHtml("ru/methodology.html", html)).toBe('<!DOCTYPE html>\n<html lang="ru">\n<head><title>Методология | Индекс запрета пыток</title>');
    const toc = '<aside id="observablehq-toc" data-selector="h2">\n<nav>\n<div>Contents</div>';
    expect(localiseHtml("ru/audit.html", toc)).toBe('<aside id="observablehq-toc" data-selector="h2">\n<nav>\n<div>Содержание</div>');
    expect(localiseHtml("audit.html", toc)).toBe(toc);
    expect(localiseHtml("methodology.html", html.replace("Методология", "Methodology"))).toBe('<!DOCTYPE html>\n<html lang="en">\n<head><title>Methodology | Prohibition of Torture Index</title>');
  });
});

describe("payloads in the page's language", () => {
  it("English strings of the payloads are the engine's own wording, word for word", () => {
    expect(en["page.methodology.rounding_text"]).toBe(DISPLAY_ROUNDING);
    expect(en["page.methodology.interval_method"]).toBe(INTERVAL_METHOD);
    expect(en["page.methodology.coverage_model"]).toBe(COVERAGE_MODEL);
    expect(en["page.changes.rounding_policy"]).toBe(ROUNDING_POLICY);
    expect(en["page.downloads.numbers_note"]).toBe(NUMBERS_NOTE);
    for (const [k, v] of Object.entries(AUDIT_RULES)) expect(en[`page.audit.rule.${k}` as keyof typeof en], k).toBe(v);
    for (const [k, v] of Object.entries(KIND_TEXT)) expect(en[`page.changes.kind.${k}` as keyof typeof en], k).toBe(v);
    for (const [k, v] of Object.entries(ORDER_TEXT)) expect(en[`page.changes.order.${k}` as keyof typeof en], k).toBe(v);
    expect(Object.keys(CLAIM_RULES).filter((k) => !(`page.changes.rule.${k}` in ru))).toEqual([]);
    for (const d of DOWNLOADS) expect(en[`page.downloads.level.${d.file}.title` as keyof typeof en]).toBe(d.title);
  });

  it("download descriptions in Russian; the English listing as before", () => {
    expect(downloadsListing("en").levels.find((l) => l.file === "index")).toEqual({ file: "index", title: "Index", description: DOWNLOADS.find((d) => d.file === "index")!.description });
    expect(downloadsListing("ru").levels.find((l) => l.file === "index")!.title).toBe("Индекс");
    expect(downloadsListing("ru").numbers).toContain("-95.02"); // the files' own number format, quoted
  });

  describe("from the example data", () => {
    let project: Project;
    let result: PipelineResult;
    beforeAll(async () => {
      ({ project, result } = await runPipeline(repoRoot));
    });

    it("methodology: the Working Group's section names, codebook Russian texts with English fallback, the translation note", () => {
      const m = methodologyPayload(project, { interval_check: null }, "ru");
      const latest = m.versions.at(-1)!;
      // The words themselves are pinned in tests/example-data/codebook-ru.test.ts; here, that the page shows them.
      const cb = project.codebooks.at(-1)!;
      expect(latest.sections.map((s) => s.title)).toEqual(cb.sections.map((s) => s.title_ru));
      expect(latest.sections[1]!.title).toBe("Судебный контроль");
      for (const ind of cb.indicators) expect(latest.indicators.find((i) => i.id === ind.id)!.title, ind.id).toBe(ind.title_ru ?? ind.title);
      expect(latest.translation_note).toBe(cb.translations?.ru?.note ?? null);
      expect(m.rounding.startsWith("Расчёт ведётся с полной точностью")).toBe(true);
      expect(methodologyPayload(project, { interval_check: null }).rounding).toBe(DISPLAY_ROUNDING);
    });

    it("changes: the indicators that moved carry the codebook's Russian titles on the Russian pages, the English ones on the English pages", () => {
      const titles = new Map(project.codebooks.flatMap((cb) => cb.indicators.map((i) => [`${cb.version}:${i.id}`, i] as const)));
      const ruPairs = changesPayload(project, withChanges(project, result), "ru").pairs;
      const enPairs = changesPayload(project, withChanges(project, result)).pairs;
      const moved = ruPairs.flatMap((p) => p.indicators.map((i) => ({ i, def: titles.get(`${p.methodology_to}:${i.indicator}`) ?? titles.get(`${p.methodology_from}:${i.indicator}`) })));
      expect(moved.length).toBeGreaterThan(100);
      for (const { i, def } of moved) expect(i.title, i.indicator).toBe(def!.title_ru ?? def!.title);
      const kaz = ruPairs.find((p) => p.country === "KAZ" && p.to_year === 2024)!.indicators.filter((i) => i.contribution !== 0);
      expect(kaz.length).toBeGreaterThan(0);
      for (const i of kaz) expect(CYRILLIC.test(i.title), i.title).toBe(true);
      for (const p of enPairs) for (const i of p.indicators) expect(i.title, i.indicator).toBe((titles.get(`${p.methodology_to}:${i.indicator}`) ?? titles.get(`${p.methodology_from}:${i.indicator}`))!.title);
    });

    it("changes: how each contribution was computed, the kinds and the method's share in Russian on the Russian pages, the engine's English on the English pages", () => {
      const changes = withChanges(project, result);
      const ruPayload = changesPayload(project, changes, "ru");
      const enPayload = changesPayload(project, changes);
      // The pieces of the attribution's English sentences (attribution.*) that Russian words differently.
      const pieces = englishPieces.filter(({ key }) => key.startsWith("attribution."));
      expect(pieces.length).toBeGreaterThan(20);
      const english = (text: string) => pieces.filter(({ piece }) => text.includes(piece)).map(({ key, piece }) => `${key}: ${piece}`);
      const moved = ruPayload.pairs.flatMap((p) => p.indicators);
      expect(moved.length).toBeGreaterThan(100);
      for (const i of moved) {
        expect(english(i.detail), `${i.indicator}: ${i.detail}`).toEqual([]);
        expect(english(i.move), `${i.indicator}: ${i.move}`).toEqual([]);
        expect(CYRILLIC.test(i.detail), i.detail).toBe(true);
        expect(i.kind_names.every((k) => CYRILLIC.test(k)), i.kind_names.join(", ")).toBe(true);
      }
      const shares = ruPayload.pairs.flatMap((p) => (p.method_detail ? [p.method_detail] : []));
      expect(shares.length).toBeGreaterThan(0);
      for (const text of shares) {
        expect(english(text), text).toEqual([]);
        expect(text.startsWith("Эта пара пересекает смену методологии (")).toBe(true);
      }
      expect(ruPayload.kinds.map((k) => k.name)).toEqual(["закон", "практика", "переоценка", "данные", "опрос", "охват", "методология", "без причины"]);
      // English: the attribution's own sentences, word for word; the kinds by their ids.
      const attribution = changes.attribution;
      for (const p of enPayload.pairs) {
        const own = attribution.pairs.find((a) => a.country === p.country && a.to_year === p.to_year)!;
        for (const i of p.indicators) expect(i.detail).toBe(own.indicators.find((x) => x.indicator === i.indicator)!.detail);
        expect(p.kinds.map((k) => k.name)).toEqual(p.kinds.map((k) => k.kind));
      }
      expect(enPayload.kinds.map((k) => k.name)).toEqual(enPayload.kinds.map((k) => k.kind));
      const detailOf = (payload: typeof ruPayload) => payload.pairs.find((p) => p.country === "KAZ" && p.to_year === 2024)!.indicators.find((i) => i.contribution !== 0)!.detail;
      expect(detailOf(enPayload)).toMatch(/weight of [A-Z]+ × \(points in 2024 − points in 2023\)$/);
      expect(detailOf(ruPayload)).toMatch(/вес раздела [A-Z]+ × \(баллы 2024 года − баллы 2023 года\)$/);
    });

    it("sensitivity headlines in Russian, with Russian ordinals and numbers", async () => {
      const config = await loadSensitivityConfig(repoRoot);
      const a = analyseSensitivity(prepareMatrix(project, result), config, { draws: 200, samples: 20, seed: 7 });
      const names = Object.fromEntries(project.countries.map((c) => [c.code, c.name_ru]));
      const ruLines = headlinesOf(a, names, "ru");
      const enLines = headlinesOf(a, Object.fromEntries(project.countries.map((c) => [c.code, c.name_en])));
      expect(ruLines.map((h) => h.kind)).toEqual(enLines.map((h) => h.kind));
      const leader = ruLines.find((h) => h.kind === "leader")!;
      const r = a.ranks.find((x) => x.country === leader.country && x.year === leader.year)!;
      expect(leader.text).toBe(`${names[r.country]} на 1-м месте в ${r.year} году в ${r.same_rank} из 200 выборок (медианное место — ${r.median_rank}-е; интервал 5–95 % — от ${r.rank_p05}-е до ${r.rank_p95}-е).`);
      for (const h of ruLines) expect(englishPieces.filter(({ piece }) => h.text.includes(piece)).map((p) => p.key), h.text).toEqual([]);
    });
  });
});

describe("dates in the page's language", () => {
  it("Russian pages date as the Working Group's Russian releases do; English pages keep the ISO date", async () => {
    const { dateText } = await import("../loaders/shared/format.ts");
    expect(dateText("2025-08-08", "ru")).toBe("8 августа 2025 г.");
    expect(dateText("2023-06-27", "ru")).toBe("27 июня 2023 г.");
    expect(dateText("2025-08-08")).toBe("2025-08-08");
    expect(dateText(null, "ru")).toBe("—");
  });
});
