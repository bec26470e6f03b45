import { describe, expect, it } from "vitest";
import glossaryPage, { GLOSSARY_TERMS, definitionKey, termKey } from "../loaders/pages/glossary.ts";
import { pageContext } from "../loaders/pages/page.ts";
import { en } from "../loaders/shared/strings/en.ts";
import { ru } from "../loaders/shared/strings/ru.ts";

describe("glossary", () => {
  it("has every term the pages use, each with an anchor", () => {
    expect([...GLOSSARY_TERMS]).toEqual(expect.arrayContaining([
      "index", "section", "indicator", "maximum-attainable", "survey-score", "role-mean", "interval", "attribution", "shapley",
      "sobol", "monte-carlo", "largest-remainder", "reconstruction", "edition", "claim", "reconciliation",
    ]));
    expect(new Set(GLOSSARY_TERMS).size).toBe(GLOSSARY_TERMS.length);
    for (const id of GLOSSARY_TERMS) expect(id, id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it("explains each term in English and in Russian, in different words", () => {
    for (const id of GLOSSARY_TERMS)
      for (const key of [termKey(id), definitionKey(id)]) {
        expect(key in en, `${key} (en)`).toBe(true);
        expect(ru[key]?.trim(), `${key} (ru)`).toBeTruthy();
        expect(ru[key], key).not.toBe(en[key]);
        // Russian text is written in Cyrillic, not left in English.
        expect(ru[key], key).toMatch(/[а-яё]/i);
      }
  });

  it("renders one anchored entry per term in each language", () => {
    for (const lang of ["en", "ru"] as const) {
      const md = glossaryPage(pageContext(lang, "/glossary"));
      expect(md.match(/<dt id="/g)?.length).toBe(GLOSSARY_TERMS.length);
      expect(md).toContain(`<dt id="sobol">${lang === "en" ? "Sobol index" : "Индекс Соболя"}</dt>`);
      expect(md).toContain(`<dt id="largest-remainder">${lang === "en" ? "Largest-remainder rounding" : "Округление по наибольшим остаткам"}</dt>`);
    }
  });
});
