// A project in a folder whose name a URL would percent-encode (a space, non-ASCII letters, "#")
// must find the same pages, and its loaders the same data, as one in a plain folder.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { repoRoot } from "./helpers/project-copy.ts";

const PARTS = ["observablehq.config.ts", "package.json", "tsconfig.json", "loaders", "data", "src"];

function copyTo(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const p of PARTS)
    cpSync(path.join(repoRoot, p), path.join(dir, p), {
      recursive: true,
      filter: (src) => !src.includes(`${path.sep}.observablehq`),
    });
  symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"), "dir");
  return dir;
}

const node = (cwd: string, args: string[]) => {
  const r = spawnSync(process.execPath, ["--import", "tsx", ...args], { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} failed in ${cwd}:\n${r.stderr}`);
  return r.stdout;
};

// The config's own page discovery, as Framework reads it: the navigation (each page's header) and dynamic paths.
// The navigation is each page's header (loaders/pages/chrome.ts): the methodology page's, in both languages.
const PRINT_CONFIG = `const c = (await import("./observablehq.config.ts")).default; console.log(JSON.stringify({ header: c.header({ path: "/methodology" }), header_ru: c.header({ path: "/ru/methodology" }), dynamicPaths: c.dynamicPaths }));`;

describe("a project in a folder with a space, non-ASCII letters and # in its name", () => {
  let base: string;
  let plain: string;
  let odd: string;
  beforeAll(() => {
    base = mkdtempSync(path.join(tmpdir(), "pti-paths-"));
    plain = copyTo(path.join(base, "plain"));
    odd = copyTo(path.join(base, "Проект №1 #2 (copy) ä"));
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it("lists the same pages and dynamic paths as from a plain folder", () => {
    const fromPlain = JSON.parse(node(plain, ["--input-type=module", "-e", PRINT_CONFIG])) as { header: string; header_ru: string; dynamicPaths: string[] };
    const fromOdd = JSON.parse(node(odd, ["--input-type=module", "-e", PRINT_CONFIG]));
    expect(fromOdd).toEqual(fromPlain);
    // Not vacuous: the plain copy does find the country and "What changed" pages.
    expect(fromPlain.dynamicPaths).toContain("/countries/KAZ");
    expect(fromPlain.dynamicPaths).toContain("/changes/2024");
    expect(fromPlain.dynamicPaths).toContain("/ru/countries/KAZ");
    expect(fromPlain.header).toContain('<a href="./countries/KAZ">Kazakhstan</a>');
    expect(fromPlain.header).toContain('<a href="./changes/2024">2024</a>');
    expect(fromPlain.header_ru).toContain('<a href="../ru/countries/KAZ">Казахстан</a>');
  });

  it("runs a data loader to the same output", () => {
    const a = node(plain, ["src/data/methodology.json.ts"]);
    const b = node(odd, ["src/data/methodology.json.ts"]);
    expect(b).toBe(a);
    expect(JSON.parse(a)).toBeTypeOf("object");
  });
});
