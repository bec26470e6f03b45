// The release statements and the experts' notes as the pages render them (src/components): text
// shown as written carries the language it is written in (WCAG 3.1.2), and a statement's kind is
// named in the page's language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPipeline } from "../loaders/pipeline.ts";
import { withChanges, type ClaimCheck } from "../loaders/claims.ts";
import { changesPayload } from "../loaders/present/changes.ts";
import { CLAIM_KINDS } from "../loaders/schema.ts";
import { en } from "../loaders/shared/strings/en.ts";
import { ru } from "../loaders/shared/strings/ru.ts";
import { repoRoot } from "./helpers/project-copy.ts";
import { allNodes, installFakeDocument, type FakeNode } from "./helpers/fake-document.ts";

const all = allNodes;
const CYRILLIC = /\p{Script=Cyrillic}/u;

type Components = {
  textLang: (s: unknown, page?: string) => string;
  claimItem: (c: unknown, o: { lang: string }) => FakeNode;
  changeList: (c: unknown, o: { lang: string }) => FakeNode;
};
let c: Components;
let uninstall: () => void;
beforeAll(async () => {
  uninstall = installFakeDocument();
  const format = await import("../src/components/format.js");
  const waterfall = await import("../src/components/waterfall.js");
  const country = await import("../src/components/country.js");
  c = { textLang: format.textLang, claimItem: waterfall.claimItem, changeList: country.changeList } as unknown as Components;
});
afterAll(() => uninstall());

describe("textLang: the language of a text shown as written", () => {
  it("English for Latin letters without Cyrillic, on either page", () => {
    expect(c.textLang("Liability was introduced for damaging video recordings", "ru")).toBe("en");
    expect(c.textLang("https://civicsolidarity.org/ (release of 2025-08-08)", "en")).toBe("en");
  });
  it("Russian text: nothing on a Russian page (it inherits the page's), ru on an English one", () => {
    expect(c.textLang("Заявитель не обжаловал", "ru")).toBe("");
    expect(c.textLang("Заявитель не обжаловал", "en")).toBe("ru");
    // One Cyrillic letter is enough: a Russian note that names an English law is Russian.
    expect(c.textLang("Закон о НПМ (Law 45-FZ)", "ru")).toBe("");
    expect(c.textLang("Закон о НПМ (Law 45-FZ)", "en")).toBe("ru");
  });
  it("nothing for text without letters, or none", () => {
    expect(c.textLang("12.14 — 2024", "ru")).toBe("");
    expect(c.textLang("", "en")).toBe("");
    expect(c.textLang(null, "ru")).toBe("");
  });
});

describe("claim kinds in the page's language", () => {
  it("every claim kind has a name in both tables; English keeps the ids it always showed, Russian names them in Russian", () => {
    for (const kind of CLAIM_KINDS) {
      expect(en[`claims.kind.${kind}` as keyof typeof en], kind).toBe(kind);
      expect(CYRILLIC.test(ru[`claims.kind.${kind}` as keyof typeof ru]), kind).toBe(true);
    }
    expect(ru["claims.kind.driver"]).toBe("главная причина");
  });
});

describe("the release statements of the example data as the changes pages render them", async () => {
  const { project, result } = await runPipeline(repoRoot);
  const checked = withChanges(project, result);
  const ruClaims = changesPayload(project, checked, "ru").claims as ClaimCheck[];
  const enClaims = changesPayload(project, checked).claims as ClaimCheck[];
  const meta = (item: FakeNode) => all(item).find((n) => n.className === "claim-meta")!.textContent;

  it("the Russian claim line names the kind in Russian, with no raw kind id", () => {
    const arm = ruClaims.find((x) => x.id === "E6-ARM-driver-RM-08")!;
    expect(meta(c.claimItem(arm, { lang: "ru" }))).toMatch(/^замер 6 · главная причина RM-08 · вычислено −\d+,\d\d$/);
    for (const claim of ruClaims) {
      const line = meta(c.claimItem(claim, { lang: "ru" }));
      expect(line.split(" · ")[1], line).not.toMatch(new RegExp(`^(${CLAIM_KINDS.join("|")})\\b`));
    }
  });

  it("the English claim line is as before: the kind's id", () => {
    const arm = enClaims.find((x) => x.id === "E6-ARM-driver-RM-08")!;
    expect(meta(c.claimItem(arm, { lang: "en" }))).toMatch(/^edition 6 · driver RM-08 · computed −\d+\.\d\d$/);
  });

  it("the quoted English statement and its source carry lang=en on the Russian page", () => {
    const item = c.claimItem(ruClaims.find((x) => x.id === "E6-KAZ-change")!, { lang: "ru" });
    const q = all(item).find((n) => n.tagName === "Q")!;
    expect(q.textContent).toBe("Kazakhstan's score continued to improve; the developments together led to a 12.14-point increase in its overall Index");
    expect(q.lang).toBe("en");
    const source = all(item).find((n) => n.className === "claim-source")!;
    const marked = all(source).filter((n) => n.lang === "en").map((n) => n.textContent);
    expect(marked).toEqual(["https://civicsolidarity.org/ (release of 2025-08-08; republished at https://birduino.kg/ on 2025-08-11)"]);
    // The label before it is the page's own: no lang of its own.
    expect(all(source).find((n) => n.textContent === "Источник: ")!.lang).toBe("");
  });
});

describe("the experts' notes in a country page's table of changes", () => {
  const cells = [
    { year: 2024, indicator: "PI-04", value: "yes", points: 1, changed: true, change: "law", note: "Article 146 amended in 2024" },
    { year: 2024, indicator: "PI-05", value: "no", points: 0, changed: true, change: "practice", note: "Поправки к статье 146" },
  ];
  const notes = (lang: string) => all(c.changeList({ cells }, { lang })).filter((n) => n.tagName === "TD" && (n.textContent.startsWith("Article") || n.textContent.startsWith("Поправки")));

  it("an English note is marked lang=en on the Russian page; a Russian one inherits the page's", () => {
    expect(notes("ru").map((n) => [n.textContent, n.lang])).toEqual([["Article 146 amended in 2024", "en"], ["Поправки к статье 146", ""]]);
  });
  it("on the English page the Russian note is marked lang=ru", () => {
    expect(notes("en").map((n) => [n.textContent, n.lang])).toEqual([["Article 146 amended in 2024", "en"], ["Поправки к статье 146", "ru"]]);
  });
});
