// Every page's footer: the cite line, the source and licence, and what the page was built from; the
// inputs hash in it is one anyone can recompute from dist/manifest.json.
import { describe, it, expect } from "vitest";
import { footerHtml, inputsDigest, repositoryLicences } from "../loaders/present/footer.ts";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { accessiblePage, pageLanguage } from "../scripts/page-html.ts";

const inputs = [
  { file: "data/sheets/2024/UKR.csv", sha256: "b".repeat(64) },
  { file: "data/countries.csv", sha256: "a".repeat(64) },
];

describe("footer", () => {
  it("hashes the input list independently of its order", () => {
    expect(inputsDigest(inputs)).toBe(inputsDigest([...inputs].reverse()));
    expect(inputsDigest(inputs)).toMatch(/^[0-9a-f]{64}$/);
    expect(inputsDigest(inputs)).not.toBe(inputsDigest([inputs[0]!]));
  });

  it("names the commit, the inputs hash, the source and the licence", () => {
    const digest = inputsDigest(inputs);
    const html = footerHtml({ lang: "en", commit: { id: "0123456789abcdef0123", dirty: false }, inputs: digest, licence: { code: null, data: null }, reconstructionHref: "./reconstruction" });
    expect(html).toContain(`Built from commit <code>0123456789ab</code>, inputs hash <code title="${digest}">${digest.slice(0, 16)}</code>`);
    expect(html).toContain("the Index totals and the release statements are the Working Group's published figures (civicsolidarity.org)");
    expect(html).toContain('<a href="./reconstruction">how it was made</a>');
    expect(html).toContain("Code: no licence stated yet (no LICENSE file). Reconstructed example data: no licence stated yet (no LICENSE-DATA.md).");
    expect(html).toContain("quoted with their sources, and not relicensed here.");
    expect(html).toContain("CSP Working Group on the Fight Against Torture, Prohibition of Torture Index");
  });

  it("speaks Russian on Russian pages and says when the tree had uncommitted changes", () => {
    const html = footerHtml({ lang: "ru", commit: { id: "fedcba9876543210", dirty: true }, inputs: "c".repeat(64), licence: { code: "MIT", data: "CC-BY-4.0" }, reconstructionHref: "../ru/reconstruction" });
    expect(html).toContain("Собрано из коммита <code>fedcba987654 с незафиксированными изменениями</code>");
    expect(html).toContain("Код: лицензия MIT (LICENSE). Реконструированные данные примера: CC BY 4.0 (LICENSE-DATA.md).");
    expect(html).toContain("Индекс запрета пыток");
  });
});

describe("the licences the footer states", () => {
  it("reads the code's from package.json and the example data's from LICENSE-DATA.md in this checkout", () => {
    expect(repositoryLicences(path.resolve(import.meta.dirname, ".."))).toEqual({ code: "MIT", data: "CC-BY-4.0" });
  });

  it("states none where the checkout has none, and falls back to LICENSE's title for the code", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pti-licence-"));
    try {
      expect(repositoryLicences(dir)).toEqual({ code: null, data: null });
      writeFileSync(path.join(dir, "LICENSE"), "\nApache License\nVersion 2.0\n");
      writeFileSync(path.join(dir, "LICENSE-DATA.md"), "# Data\n\nno identifier here\n");
      expect(repositoryLicences(dir)).toEqual({ code: "Apache License", data: null });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("page HTML fixes", () => {
  const framework = `<!DOCTYPE html>
<html>
<head>
<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">
</head>
<body>
<nav id="observablehq-sidebar">
  <ol>
    <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>
    <li class="observablehq-link"><a href="./">Results</a></li>
  </ol>
</nav>`;

  it("allows zoom, names the language, keeps the sidebar list to list items and adds a skip link", () => {
    const html = accessiblePage(framework, "en");
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<nav id="observablehq-sidebar">\n  <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>\n    <ol>\n    <li');
    expect(html).toContain('<body>\n<a class="skip-link" href="#observablehq-main">Skip to the content</a>');
  });

  it("leaves a language already set alone and reads the Russian edition from its folder", () => {
    expect(accessiblePage(framework.replace("<html>", '<html lang="ru">'), "en")).toContain('<html lang="ru">');
    expect(pageLanguage("ru/countries/KAZ.html")).toBe("ru");
    expect(pageLanguage("countries/RUS.html")).toBe("en");
    expect(accessiblePage(framework, "ru")).toContain("Перейти к содержанию");
  });
});
