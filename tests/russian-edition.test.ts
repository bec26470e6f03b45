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
import { CLAIM_KINDS } from "../loaders/schema.ts";
import downloads from "../loaders/pages/downloads.ts";
import { DISPLAY_ROUNDING, countryPayload, methodologyPayload } from "../loaders/present/pages.ts";
import { INTERVAL_METHOD } from "../loaders/survey.ts";
import { COVERAGE_MODEL } from "../loaders/survey-coverage.ts";
import { ROUNDING_POLICY } from "../loaders/rounding.ts";
import { AUDIT_RULES, auditPayload } from "../loaders/present/audit.ts";
import { reconcile } from "../loaders/reconcile.ts";
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
import { SITE_PAGES } from "./helpers/pages.ts";
import { formatTrace, traceable, traceCountryYear } from "../loaders/present/trace.ts";

// The pages whose Markdown holds the interface strings this file checks (the front, results and
// review pages have tests of their own).
const PAGES = SITE_PAGES.filter(([p]) => !["/", "/results", "/review/2025"].includes(p));
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

  it("names a codebook version's kinds of change in the page's language (the English page by their ids, as the codebook writes them)", async () => {
    const kinds = (md: string) => JSON.parse(/const changeKind = (\{.*\});/.exec(md)![1]!);
    expect(kinds(await render("ru", "/methodology", methodology))).toEqual({ added: "добавлен", removed: "исключён", rescored: "новые баллы", reworded: "новая формулировка", moved: "перенесён", survey: "опрос", rule: "правило" });
    expect(kinds(await render("en", "/methodology", methodology))).toEqual({ added: "added", removed: "removed", rescored: "rescored", reworded: "reworded", moved: "moved", survey: "survey", rule: "rule" });
  });

  it("names the kinds of release statement in the page's language in the audit's and the changes page's tables (the English page by their ids)", async () => {
    const kinds = (md: string) => JSON.parse(/const claimKind = (\{.*\});/.exec(md)![1]!);
    for (const [sitePath, page] of [["/audit", audit], ["/changes/2024", changes]] as [string, RenderPage][]) {
      const ru = kinds(await render("ru", sitePath, page));
      expect(Object.keys(ru)).toEqual([...CLAIM_KINDS, "precision"]);
      expect(ru).toMatchObject({ driver: "главная причина", bottom: "в конце рейтинга", leader: "первое место" });
      for (const name of Object.values(ru)) expect(CYRILLIC.test(name as string), name as string).toBe(true);
      expect(kinds(await render("en", sitePath, page))).toEqual(Object.fromEntries([...CLAIM_KINDS, "precision"].map((k) => [k, k])));
    }
  });

  it("says once, near the experts' notes, that notes and sources are shown as the experts wrote them (Russian pages only)", async () => {
    const review = (await import("../loaders/pages/review.ts")).default(2025);
    for (const [sitePath, page] of [["/countries/KAZ", country], ["/changes/2024", changes], ["/audit", audit], ["/review/2025", review]] as [string, RenderPage][]) {
      expect((await render("ru", sitePath, page)).split(ru["page.common.notes_as_written"]).length - 1, sitePath).toBe(1);
      expect(await render("en", sitePath, page), sitePath).not.toContain(en["page.common.notes_as_written"]);
    }
    // Beside what the notes are: the country page's answers, the audit page's trace.
    expect(await render("ru", "/countries/KAZ", country)).toContain(`${ru["page.country.answers_text"]} ${ru["page.common.notes_as_written"]}`);
    expect(await render("ru", "/audit", audit)).toContain(`${ru["page.audit.trace_in_english"]} ${ru["page.common.notes_as_written"]}`);
  });

  it("the country's series chart lists its numbers under the page's own headers (year, Index, methodology), not the data's field names", async () => {
    for (const [lang, headers] of [
      ["ru", ['{ key: "year", label: "Год" }', '{ key: "index", label: "Индекс", numeric: true }', '{ key: "methodology", label: "Методология" }']],
      ["en", ['{ key: "year", label: "Year" }', '{ key: "index", label: "Index", numeric: true }', '{ key: "methodology", label: "Method" }']],
    ] as const) {
      const md = await render(lang, "/countries/KAZ", country);
      const chart = md.slice(md.indexOf("display(vlChart(seriesSpec("), md.indexOf("display(figuresTable(c.series"));
      expect(chart).toContain("data: c.series,");
      const columns = chart.slice(chart.indexOf("columns: ["));
      expect([...columns.matchAll(/key: "(\w+)"/g)].map((m) => m[1]), lang).toEqual(["year", "index", "methodology"]);
      for (const h of headers) expect(columns, lang).toContain(h);
    }
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
      expect(latest.translation_note).toBe(cb.translations?.ru?.note_ru ?? cb.translations?.ru?.note ?? null);
      // The rule column in Russian: no English rule words, the answer words the codebook gives in Russian.
      for (const v of m.versions) for (const i of v.indicators) expect(i.rule, `${v.version} ${i.id}`).not.toMatch(/\b(yes|no|partial|linear|survey score)\b/);
      const ordinal = cb.indicators.find((i) => i.scale.type === "ordinal" && i.scale.levels.every((l) => l.level_ru))!;
      expect(latest.indicators.find((i) => i.id === ordinal.id)!.rule).toContain("частично");
      expect(m.rounding.startsWith("Расчёт ведётся с полной точностью")).toBe(true);
      expect(methodologyPayload(project, { interval_check: null }).rounding).toBe(DISPLAY_ROUNDING);
    });

    it("methodology: the codebook's notice, changes, missing-data rule, survey aggregation and translation note in Russian; the English payload as the codebook writes it", () => {
      const ruVersions = methodologyPayload(project, { interval_check: null }, "ru").versions;
      const enVersions = methodologyPayload(project, { interval_check: null }).versions;
      const cb = project.codebooks.at(-1)!;
      const latest = ruVersions.at(-1)!;
      expect(latest.notice).toBe(cb.notice_ru);
      expect(latest.notice.startsWith("Эта кодовая книга — реконструкция, а не кодовая книга Рабочей группы.")).toBe(true);
      expect(latest.title).toBe("Индекс запрета пыток: пересмотренная методология (с 2020 года), восстановленная версия");
      expect(latest.changes).toHaveLength(17);
      expect(latest.changes.map((c) => c.text)).toEqual(cb.changes.map((c) => c.text_ru));
      expect(latest.changes.find((c) => c.indicator === "RM-06")!.text).toBe("Независимость органа расследования пыток по данным опроса экспертов (1,5 × оценка опроса).");
      for (const c of latest.changes) expect(CYRILLIC.test(c.text), c.text).toBe(true);
      expect(latest.missing_data).toEqual({ rule: "drop", text: cb.missing_data.text_ru });
      expect(latest.missing_data.text).toContain("В примечании нужно указать, каких данных не хватило.");
      expect(latest.survey!.aggregation_text).toBe(cb.survey!.aggregation_text_ru);
      expect(latest.survey!.aggregation_text).toContain("Баллы = множитель × оценка опроса.");
      expect(latest.translation_note).toBe(cb.translations!.ru.note_ru);
      expect(latest.translation_note!.startsWith("Русские тексты этой кодовой книги")).toBe(true);
      expect(ruVersions[0]!.notice).toBe(project.codebooks[0]!.notice_ru);
      expect(ruVersions[0]!.missing_data.text.startsWith("Как и в пилотном замере, параметр")).toBe(true);
      // Every text has its Russian twin, so the page adds no note on English texts.
      expect(ruVersions.map((v) => v.english_note)).toEqual([null, null]);
      // The English payload: the codebook's English texts, with the same keys in the same order as before the twins.
      enVersions.forEach((v, k) => {
        const book = project.codebooks[k]!;
        expect(v.title).toBe(book.title);
        expect(v.notice).toBe(book.notice);
        expect(JSON.stringify(v.changes)).toBe(JSON.stringify(book.changes.map((c) => ({ kind: c.kind, ...(c.indicator === undefined ? {} : { indicator: c.indicator }), text: c.text }))));
        expect(JSON.stringify(v.missing_data)).toBe(JSON.stringify({ rule: book.missing_data.rule, text: book.missing_data.text }));
        expect(v.translation_note).toBeNull();
        expect("english_note" in v).toBe(false);
      });
      expect(enVersions.at(-1)!.survey!.aggregation_text).toBe(cb.survey!.aggregation_text);
      expect(Object.keys(enVersions.at(-1)!.survey!)).not.toContain("aggregation_text_ru");
      expect(enVersions.at(-1)!.changes[0]!.text.startsWith("New expert-survey block inside the state torture response mechanism")).toBe(true);
    });

    it("audit trace: the survey's method text and the missing-data rule in Russian for the Russian page, in English for the English one and the CLI", () => {
      const traces = traceable(result).map((c) => traceCountryYear(result, project, c.country, c.year)!).filter((t) => t.methodology === "2020");
      const cb = project.codebooks.at(-1)!;
      const surveys = traces.flatMap((t) => t.surveys);
      expect(surveys.length).toBeGreaterThan(0);
      for (const v of surveys) {
        expect(v.method_text_ru).toBe(cb.survey!.aggregation_text_ru);
        expect(v.method_text).toBe(cb.survey!.aggregation_text);
      }
      expect(traces[0]!.missing_rule_ru).toBe(cb.missing_data.text_ru);
      expect(traces[0]!.missing_rule).toBe(cb.missing_data.text);
      const withSurvey = traces.find((t) => t.surveys.length)!;
      const printed = formatTrace(withSurvey);
      expect(printed).toContain(`Survey scores: ${cb.survey!.aggregation_text}`);
      expect(printed).not.toContain(cb.survey!.aggregation_text_ru!.slice(0, 40));
    });

    it("country: the survey's roles carry the codebook's Russian names (role_ru) in either language's payload, the ids kept", () => {
      const labels = new Map(project.codebooks.map((cb) => [cb.version, cb.survey?.role_labels as Record<string, { ru: string }> | undefined]));
      const methodology = new Map(result.index.map((r) => [`${r.country}/${r.year}`, r.methodology]));
      let roles = 0;
      for (const code of new Set(result.index.map((r) => r.country)))
        for (const lang of ["ru", "en"] as const)
          for (const s of countryPayload(project, result, code, lang).surveys)
            for (const r of s.roles) {
              roles++;
              expect(r.role).toMatch(/^[a-z]+$/);
              expect(r.role_ru, `${code} ${s.year} ${r.role}`).toBe(labels.get(methodology.get(`${code}/${s.year}`)!)![r.role]!.ru);
            }
      expect(roles).toBeGreaterThan(0);
      const kaz = countryPayload(project, result, "KAZ", "ru").surveys.flatMap((s) => s.roles.map((r) => [r.role, r.role_ru] as const));
      expect(Object.fromEntries(kaz)).toMatchObject({ lawyer: "адвокат", judge: "судья" });
    });

    it("country: the answers and kinds of change in Russian words on the Russian page; the sheets' words kept, and the English payload as before", () => {
      const ru = countryPayload(project, result, "KAZ", "ru").cells;
      const en = countryPayload(project, result, "KAZ", "en").cells;
      expect(en.some((c) => "value_shown" in c || "change_shown" in c)).toBe(false);
      expect(ru.map((c) => c.value)).toEqual(en.map((c) => c.value));
      const words = new Map(ru.map((c) => [c.value, c.value_shown]));
      expect([words.get("yes"), words.get("no"), words.get("partial"), words.get("survey")]).toEqual(["да", "нет", "частично", "опрос"]);
      const kinds = new Map(ru.filter((c) => c.change !== null).map((c) => [c.change, c.change_shown]));
      expect(Object.fromEntries(kinds)).toMatchObject({ law: "закон", practice: "практика" });
      for (const c of ru) expect(c.value_shown, `${c.year} ${c.indicator} "${c.value}"`).not.toMatch(/^(yes|no|partial|full|none|minimal|n\/a|survey)$/);
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

    it("audit and changes: the claims check's reasons and the revisions' sentences in Russian on the Russian pages, in English as before on the English ones", () => {
      const checked = withChanges(project, result);
      // A second printing of one total, so that the revisions table has statements to explain.
      const first = project.editions.find((e) => project.claims.some((c) => c.country === e.country && c.year === e.year + 1 && c.kind === "rise"))!;
      const editions = [...project.editions, { ...first, edition: 99, index: first.index + 1 }];
      const withAudit = { ...checked, reconciliation: reconcile(result, editions, project.claims) };
      const manifest = { files: [] } as unknown as Parameters<typeof auditPayload>[2];
      const ruAudit = auditPayload(project, withAudit, manifest, "ru");
      const enAudit = auditPayload(project, withAudit, manifest);
      const ruChanges = changesPayload(project, checked, "ru");
      const ruReasons = [...ruAudit.claims, ...ruChanges.claims, ...ruChanges.pairs.flatMap((p) => p.claims), ...ruAudit.revisions.flatMap((r) => r.claims)].map((c) => c.reason);
      expect(ruAudit.revisions.flatMap((r) => r.claims).length).toBeGreaterThan(0);
      for (const reason of ruReasons) {
        expect(CYRILLIC.test(reason), reason).toBe(true);
        expect(englishPieces.filter(({ piece }) => reason.includes(piece)).map((p) => p.key), reason).toEqual([]);
      }
      const kaz = ruAudit.claims.find((c) => c.id === "E6-KAZ-change")!;
      expect(kaz.reason).toBe("заявленное изменение +12,14 совпадает с вычисленным +12,14 (2023: 122,51 → 2024: 134,65) до двух знаков.");
      expect(enAudit.claims.find((c) => c.id === "E6-KAZ-change")!.reason).toBe("stated +12.14 agrees with the computed change +12.14 (2023: 122.51 → 2024: 134.65) at two decimals.");
      expect(enAudit.claims.map((c) => c.reason)).toEqual(checked.claims.map((c) => c.reason));
      expect(enAudit.revisions.flatMap((r) => r.claims).map((c) => c.reason)).toEqual(withAudit.reconciliation.revisions.flatMap((r) => r.claims).map((c) => c.reason));
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

    it("changes: the sheet's kind of change in the Russian sheets' words on the Russian pages, as the sheet writes it on the English ones", () => {
      const checked = withChanges(project, result);
      const ru = changesPayload(project, checked, "ru").pairs.flatMap((p) => p.indicators.map((i) => i.reason));
      const en = changesPayload(project, checked).pairs.flatMap((p) => p.indicators.map((i) => i.reason));
      expect(new Set(en.filter((r) => r !== null))).toEqual(new Set(["law", "practice", "reassessment", "data"]));
      expect(ru.map((r, k) => [en[k], r]).filter(([e]) => e !== null).every(([e, r]) => r === ({ law: "закон", practice: "практика", reassessment: "переоценка", data: "данные" } as Record<string, string>)[e!])).toBe(true);
      expect(ru.filter((r) => r === null).length).toBe(en.filter((r) => r === null).length);
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
