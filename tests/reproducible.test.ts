// Reproducibility: two builds from the same inputs give byte-identical data outputs — the second from
// a folder whose name holds a space, non-ASCII letters and `#` (a path is a path, never a URL) — and
// changing one sheet cell changes the manifest's hash of exactly that input and of the outputs that
// depend on it.
// Builds a temporary copy three times (about 10–20 s each), in one test.
import { describe, it, expect, afterAll } from "vitest";
import { commandContext } from "../loaders/command.ts";
import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { copyProject, repoRoot } from "./helpers/project-copy.ts";
import { loadProject } from "../loaders/project.ts";
import type { Manifest } from "../loaders/manifest.ts";
import { command as verify } from "../loaders/commands/verify.ts";


function build(root: string): Manifest {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", FORCE_COLOR: "0" },
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(r.status, (r.stdout + r.stderr).slice(-4000)).toBe(0);
  return JSON.parse(readFileSync(path.join(root, "dist", "manifest.json"), "utf8")) as Manifest;
}

/** SHA-256 of every HTML page in dist/, by path. */
function pages(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".html")) out[path.relative(root, p)] = createHash("sha256").update(readFileSync(p)).digest("hex");
    }
  };
  walk(path.join(root, "dist"));
  return out;
}

/** Files whose hash differs between two manifests (or that are in only one). */
function changed<T extends { file: string; sha256: string }>(a: T[], b: T[]): string[] {
  const before = new Map(a.map((x) => [x.file, x.sha256]));
  const after = new Map(b.map((x) => [x.file, x.sha256]));
  return [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f)).sort();
}

describe("reproducible build", () => {
  const plain = copyProject();
  const parent = mkdtempSync(path.join(tmpdir(), "pti-path-"));
  const copy = { root: plain.root };
  afterAll(() => {
    plain.cleanup();
    rmSync(parent, { recursive: true, force: true });
  });

  it("gives byte-identical data outputs from the same inputs, and one changed cell changes exactly its input and the outputs depending on it", { timeout: 2_400_000 }, async () => { // three builds of the site in both languages
    const first = build(copy.root);
    expect(first.outputs.length).toBeGreaterThan(0);
    expect(first.outputs.map((o) => o.file)).toContain("_file/data/audit.json");

    const firstPages = pages(copy.root);
    const firstManifest = readFileSync(path.join(copy.root, "dist", "manifest.json"), "utf8");
    // Cold again: drop the kept loader outputs, so every loader really runs a second time; and from
    // a folder whose name a URL would percent-encode.
    rmSync(path.join(copy.root, "src", ".observablehq", "cache", ".loader-inputs.sha256"), { force: true });
    const hostile = path.join(parent, "Проект №1 #2 (copy) ä");
    renameSync(copy.root, hostile);
    copy.root = hostile;
    const second = build(copy.root);
    expect(second.inputs).toEqual(first.inputs);
    expect(second.outputs).toEqual(first.outputs); // same names, same SHA-256: byte-identical
    expect(second.seeds).toEqual(first.seeds);
    expect(pages(copy.root)).toEqual(firstPages); // the HTML pages too
    expect(second.site).toEqual(first.site); // and every other file of the site
    expect(readFileSync(path.join(copy.root, "dist", "manifest.json"), "utf8")).toBe(firstManifest); // the manifest, its own hash included

    // Flip one binary answer (yes ↔ no) in one sheet: a valid edit that moves that country-year's Index.
    // Valid means with its reason (check requires one for a changed answer), in a sheet of the last
    // year (no next year to contradict), on an answer the same as the year before's with no reason yet.
    const project = await loadProject(copy.root);
    const binary = new Set(project.codebooks.flatMap((c) => c.indicators.filter((i) => i.scale.type === "binary").map((i) => `${c.version}/${i.id}`)));
    const last = Math.max(...project.sheets.map((s) => s.year));
    const before = (s: (typeof project.sheets)[number], indicator: string) =>
      project.sheets.find((p) => p.country === s.country && p.year === s.year - 1)?.answers.find((a) => a.indicator === indicator)?.value;
    const flippable = (s: (typeof project.sheets)[number], a: (typeof s.answers)[number]) =>
      binary.has(`${s.methodology}/${a.indicator}`) && (a.value === "yes" || a.value === "no") && a.change === null && before(s, a.indicator) === a.value;
    const sheet = project.sheets.find((s) => s.year === last && s.file.endsWith(".csv") && s.answers.some((a) => flippable(s, a)))!;
    const answer = sheet.answers.find((a) => flippable(sheet, a))!;
    const file = path.join(copy.root, sheet.file);
    const lines = readFileSync(file, "utf8").split("\n");
    const line = lines[answer.line - 1]!;
    const flipped = answer.value === "yes" ? "no" : "yes";
    const edited = line.replace(new RegExp(`^(\\s*${answer.indicator}\\s*[,;]\\s*)${answer.value}`, "i"), `$1${flipped}`).replace(/([,;])(\r?)$/, "$1reassessment$2");
    expect(edited, `could not edit ${sheet.file}:${answer.line}`).not.toBe(line);
    lines[answer.line - 1] = edited;
    writeFileSync(file, lines.join("\n"));

    const third = build(copy.root);
    expect(changed(first.inputs, third.inputs)).toEqual([sheet.file]);
    const outputs = changed(first.outputs, third.outputs);
    // Outputs computed from the sheets change …
    const dependent = ["_file/data/audit.json", `_file/data/trace/${sheet.country}.json`, "_file/data/results.json", `_file/data/countries/${sheet.country}.json`];
    // Another country's traces are in a file of their own, untouched by this country's sheet.
    const other = project.countries.map((c) => c.code).find((c) => c !== sheet.country && project.sheets.some((s) => s.country === c))!;
    const independent = ["_file/data/methodology.json", `_file/data/trace/${other}.json`];
    expect(first.outputs.map((o) => o.file)).toEqual(expect.arrayContaining([...dependent, ...independent]));
    for (const f of dependent) expect(outputs).toContain(f);
    // … and those that do not read the sheets do not.
    for (const f of independent) expect(outputs).not.toContain(f);

    // verify passes on the fresh build, and fails naming the file after one input byte changes.
    const io = (lines: string[]) => commandContext({ root: copy.root, cwd: copy.root, out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) });
    const okLines: string[] = [];
    expect(await verify.run(["dist/manifest.json"], io(okLines)), okLines.join("\n")).toBe(0);
    writeFileSync(file, readFileSync(file, "utf8").replace(/\n?$/, "\n\n"));
    const badLines: string[] = [];
    expect(await verify.run(["dist/manifest.json"], io(badLines))).toBe(1);
    expect(badLines.join("\n")).toContain(`input changed: ${sheet.file}`);

    console.log(`changed ${sheet.file}:${answer.line} (${answer.indicator} ${answer.value} → ${flipped}); outputs that changed: ${outputs.join(", ")}`);
  });
});
