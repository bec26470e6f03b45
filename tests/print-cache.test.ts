// The kept prints (scripts/print-cache.ts): a key changes with anything a print depends on, a kept
// print is read back as it was written, and a run's end leaves only what that run used. That a
// rebuild with nothing changed prints no page again and gives the same PDFs is checked by .ci/run,
// which has Chromium.
import { describe, it, expect, afterAll } from "vitest";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrintCache } from "../scripts/print-cache.ts";
import { pageFile } from "../scripts/pdf.ts";

const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(path.join(tmpdir(), "pti-print-cache-"));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const bytes = (s: string) => new TextEncoder().encode(s);

describe("PrintCache", () => {
  it("keys a print by its page's HTML, how it is printed and the printer, and the parts' boundaries", () => {
    const dir = fresh();
    const cache = new PrintCache(dir, "Chromium 156\0pdf.ts source");
    const html = bytes('<script src="../_import/components/chart.30f9cb54.js"></script>');
    const k = cache.key("page", "/countries/KAZ", html, "", "cover");
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(cache.key("page", "/countries/KAZ", html, "", "cover")).toBe(k);
    // Another page, other HTML (a data file with another hash), with the notice, without the cover:
    expect(cache.key("page", "/countries/ARM", html, "", "cover")).not.toBe(k);
    expect(cache.key("page", "/countries/KAZ", bytes('<script src="../_import/components/chart.4d1e0a77.js"></script>'), "", "cover")).not.toBe(k);
    expect(cache.key("page", "/countries/KAZ", html, "notice", "cover")).not.toBe(k);
    expect(cache.key("page", "/countries/KAZ", html, "", "")).not.toBe(k);
    // Another Chromium, or a change to the printing scripts:
    expect(new PrintCache(dir, "Chromium 157\0pdf.ts source").key("page", "/countries/KAZ", html, "", "cover")).not.toBe(k);
    // "ab" + "c" is not "a" + "bc".
    expect(cache.key("ab", "c")).not.toBe(cache.key("a", "bc"));
  });

  it("reads back what was kept, makes only what is not kept, and a run's end removes what it did not use", async () => {
    const dir = fresh();
    const first = new PrintCache(dir, "s");
    const [a, b] = [first.key("a"), first.key("b")];
    expect(first.has(a)).toBe(false);
    first.put(a, bytes("%PDF a"));
    first.put(b, bytes("%PDF b"));
    writeFileSync(path.join(dir, `${a}.pdf.tmp-99999`), "half"); // a killed run's unfinished file
    expect(first.prune()).toBe(1);
    expect(readdirSync(dir).sort()).toEqual([`${a}.pdf`, `${b}.pdf`].sort());

    // The next run uses a and makes c: b and nothing else goes.
    const next = new PrintCache(dir, "s");
    let made = 0;
    const make = (s: string) => async () => (made++, bytes(s));
    expect(new TextDecoder().decode(await next.through(a, make("%PDF a again")))).toBe("%PDF a");
    const c = next.key("c");
    expect(new TextDecoder().decode(await next.through(c, make("%PDF c")))).toBe("%PDF c");
    expect(made).toBe(1);
    expect(new TextDecoder().decode(next.read(c))).toBe("%PDF c");
    expect(next.prune()).toBe(1);
    expect(readdirSync(dir).sort()).toEqual([`${a}.pdf`, `${c}.pdf`].sort());
  });
});

describe("pageFile", () => {
  it("finds each page's HTML as Framework writes it", () => {
    expect(pageFile("/site", "/")).toBe("/site/index.html");
    expect(pageFile("/site", "/ru/")).toBe("/site/ru/index.html");
    expect(pageFile("/site", "/countries/KAZ")).toBe("/site/countries/KAZ.html");
    expect(pageFile("/site", "/ru/changes/2024")).toBe("/site/ru/changes/2024.html");
  });
});
