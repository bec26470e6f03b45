// The build writes every page's Markdown itself (loaders/payloads.ts writePageOutputs), so that
// Framework starts no process per page: the same pages Framework is told of, each byte for byte what
// its page loader prints when Framework runs it.
import { describe, expect, it, afterAll } from "vitest";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { pageLoaders, writePageOutputs } from "../loaders/payloads.ts";
import { pageRoutes } from "../loaders/pages/routes.ts";
import { fillRoute } from "../loaders/pages/page.ts";
import { repoRoot } from "./helpers/project-copy.ts";

const files = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(d, e.name)).map((f) => `${e.name}/${f}`) : [e.name]));

describe("the build's pages (data/ of this repository)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "pti-pages-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("are every page Framework is given, in both languages, each the same as its page loader prints", async () => {
    const routes = await pageRoutes(repoRoot);
    expect(routes.countries).toEqual(["ARM", "BLR", "KAZ", "KGZ", "MDA", "POL", "RUS", "UKR"]);
    expect(routes.dynamicPaths).toContain("/countries/KAZ");
    expect(routes.dynamicPaths).toContain("/ru/changes/2024");
    // A review page (no year of the example data is unpublished): the route is rendered from the list it is given.
    const { written, skipped } = await writePageOutputs(repoRoot, dir, [...routes.dynamicPaths, "/review/2031", "/ru/review/2031"]);
    expect(skipped).toEqual([]);
    expect(written.map((w) => w.loader)).toEqual(pageLoaders(repoRoot).map((l) => l.loader));
    const statics = pageLoaders(repoRoot).filter((l) => !l.page.includes("["));
    expect(statics.map((l) => l.page)).toEqual(expect.arrayContaining(["/index", "/ru/index", "/glossary", "/ru/audit"]));
    expect(files(dir).sort()).toEqual(
      [...statics.map((l) => l.page), ...routes.dynamicPaths, "/review/2031", "/ru/review/2031"].map((p) => `${p.slice(1)}.md`).sort(),
    );

    const env = { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true" };
    for (const [loader, args, output] of [
      ["src/index.md.ts", [], "index.md"],
      ["src/ru/glossary.md.ts", [], "ru/glossary.md"],
      ["src/countries/[code].md.ts", ["--code=KAZ"], "countries/KAZ.md"],
      ["src/ru/countries/[code].md.ts", ["--code=UKR"], "ru/countries/UKR.md"],
      ["src/ru/changes/[year].md.ts", ["--year=2024"], "ru/changes/2024.md"],
      ["src/review/[year].md.ts", ["--year=2031"], "review/2031.md"],
    ] as const) {
      const r = spawnSync(process.execPath, ["--import", "tsx", loader, ...args], { cwd: repoRoot, env, maxBuffer: 1 << 26 });
      expect(r.status, String(r.stderr)).toBe(0);
      expect(r.stdout.toString("utf8"), `${loader} ${args.join(" ")}`).toBe(readFileSync(path.join(dir, output), "utf8"));
    }
    // Each page is its own: the Russian Ukraine page attaches Ukraine's data, in Russian.
    const ukr = readFileSync(path.join(dir, "ru/countries/UKR.md"), "utf8");
    expect(ukr).toContain('FileAttachment("../../data/ru/countries/UKR.json")');
    expect(readFileSync(path.join(dir, "review/2031.md"), "utf8")).toContain("2031");
  }, 120_000);

  it("fills a route's parameters by name", () => {
    expect(fillRoute("/countries/[code]", (n) => ({ code: "ARM" })[n]!)).toBe("/countries/ARM");
    expect(fillRoute("/x/[a]/[b]", (n) => n.toUpperCase())).toBe("/x/A/B");
    expect(fillRoute("/audit", () => "never")).toBe("/audit");
  });
});
