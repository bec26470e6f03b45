// The PDFs' assembly (scripts/pdf.ts documentOf): every page of the parts in order, each headed by
// the document's title strip and numbered "page / pages" at its foot, with fixed metadata so that the
// same prints give the same bytes. Chromium is not needed: the parts here are made with pdf-lib.
import { describe, it, expect } from "vitest";
import { PDFDocument, PDFName, PDFDict, PDFRawStream, PDFArray, PDFString, StandardFonts, decodePDFRawStream } from "pdf-lib";
import { documentOf, linksOf } from "../scripts/pdf.ts";

const A4 = [595.28, 841.89] as const;
async function part(label: string, pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) doc.addPage([...A4]).drawText(`${label} ${i + 1}`, { x: 50, y: 400, size: 12, font });
  return doc.save();
}
async function strip(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([A4[0], 45.35]).drawText("Kazakhstan: Prohibition of Torture Index", { x: 200, y: 25, size: 6, font });
  return doc.save();
}
const hex = (s: string) => Buffer.from(s, "latin1").toString("hex").toUpperCase();

/** Each page's content, decoded, and the names of the forms (embedded pages) it may draw. */
async function pagesOf(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes);
  return {
    title: doc.getTitle(),
    created: doc.getCreationDate()?.toISOString(),
    pages: doc.getPages().map((pg) => {
      const contents = pg.node.Contents();
      const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
      const text = streams.map((s) => Buffer.from(decodePDFRawStream(s as PDFRawStream).decode()).toString("latin1")).join("\n");
      const xobjects = pg.node.Resources()?.lookup(PDFName.of("XObject"), PDFDict);
      return { text, forms: xobjects ? xobjects.keys().map((k) => k.asString()) : [] };
    }),
  };
}

describe("a PDF document from printed pages", () => {
  it("keeps every page of the parts in order, heads each with the title strip and numbers it", async () => {
    const bytes = await documentOf([await part("cover", 1), await part("country", 3)], "Kazakhstan: Prohibition of Torture Index", await strip());
    const { title, created, pages } = await pagesOf(bytes);
    expect(title).toBe("Kazakhstan: Prohibition of Torture Index");
    expect(created).toBe("2000-01-01T00:00:00.000Z");
    expect(pages).toHaveLength(4);
    expect(pages.map((p) => ["cover 1", "country 1", "country 2", "country 3"].findIndex((l) => p.text.includes(`<${hex(l)}>`)))).toEqual([0, 1, 2, 3]);
    pages.forEach((p, i) => {
      // The strip is one embedded page drawn on every page, at the top (its height below the page's).
      expect(p.forms, `page ${i + 1}`).toHaveLength(1);
      expect(p.text).toContain(`/${p.forms[0]!.replace(/^\//, "")} Do`);
      expect(p.text).toMatch(/1 0 0 1 0 796\.\d+ cm/);
      expect(p.text).toContain(`<${hex(`${i + 1} / 4`)}>`);
    });
  });

  it("gives the same bytes for the same prints", async () => {
    const make = async () => Buffer.from(await documentOf([await part("page", 2)], "Report", await strip()));
    expect((await make()).equals(await make())).toBe(true);
  });

  it("makes the links to the server the pages were printed from relative to the PDF, and leaves the others", async () => {
    // A printed page as Chromium gives it: each link an annotation with a URI action.
    const linked = async (uris: string[]) => {
      const doc = await PDFDocument.create();
      const page = doc.addPage([...A4]);
      const annots = uris.map((uri) => doc.context.register(doc.context.obj({ Type: "Annot", Subtype: "Link", Rect: [0, 0, 10, 10], A: { Type: "Action", S: "URI", URI: PDFString.of(uri) } })));
      page.node.set(PDFName.of("Annots"), doc.context.obj(annots));
      return doc.save();
    };
    const origin = "http://127.0.0.1:43255";
    const bytes = await documentOf(
      [await linked([`${origin}/ru/reconstruction`, `${origin}/countries/KAZ#change-2024`, "https://civicsolidarity.org/", "http://127.0.0.1:9/elsewhere"]), await linked([`${origin}/files/answers.csv`])],
      "Report",
      await strip(),
      origin,
    );
    expect(linksOf(await PDFDocument.load(bytes)).map(({ page, uri }) => [page, uri])).toEqual([
      [0, "../ru/reconstruction"],
      [0, "../countries/KAZ#change-2024"],
      [0, "https://civicsolidarity.org/"],
      [0, "http://127.0.0.1:9/elsewhere"],
      [1, "../files/answers.csv"],
    ]);
  });
});

describe("printedPages: what report.pdf holds", () => {
  it("keeps every page but the What changed pages before the last five, in each language", async () => {
    const { printedPages } = await import("../scripts/pdf.ts");
    const changes = (prefix: string) => Array.from({ length: 19 }, (_, i) => `${prefix}/changes/${2002 + i}`);
    const en = ["/", "/results", "/countries/KAZ", ...changes(""), "/review/2021", "/sensitivity"];
    expect(printedPages(en)).toEqual(["/", "/results", "/countries/KAZ", "/changes/2016", "/changes/2017", "/changes/2018", "/changes/2019", "/changes/2020", "/review/2021", "/sensitivity"]);
    expect(printedPages(["/ru/", ...changes("/ru")]).slice(0, 3)).toEqual(["/ru/", "/ru/changes/2016", "/ru/changes/2017"]);
    // The Working Group's five changes (2019–2024) are all printed.
    const five = ["/changes/2020", "/changes/2021", "/changes/2022", "/changes/2023", "/changes/2024"];
    expect(printedPages(five)).toEqual(five);
  });
});
