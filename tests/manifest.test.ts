// The build manifest and `verify`: hashes of every input and data output, seeds, methodology; verify
// passes on a fresh manifest and fails, naming the file, after one byte changes. A synthetic tree
// first (inputs and a fake dist/), then data/ (whatever it holds) in a temporary copy.
import { describe, it, expect, afterAll } from "vitest";
import { commandContext } from "../loaders/command.ts";
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Codebook } from "../loaders/schema.ts";
import { buildManifest, manifestJson, logicalName, verifyManifest, sha256, writeBuildManifest, MANIFEST_FORMAT } from "../loaders/manifest.ts";
import { command as verify } from "../loaders/commands/verify.ts";
import { copyProject } from "./helpers/project-copy.ts";
import { runPipeline } from "../loaders/pipeline.ts";

const codebook = Codebook.parse({
  version: "v1",
  title: "t",
  reconstructed: true,
  notice: "n",
  years: { from: 2019, to: null },
  previous: null,
  changes: [],
  missing_data: { rule: "drop", text: "t" },
  survey: {
    roles: ["lawyer"],
    aggregation: "role_mean",
    aggregation_text: "t",
    interval: { level: 0.9, check_seed: 42 },
    questions: [{ id: "Q1", text: "q" }],
  },
  sections: [{ id: "AA", title: "A", description: "a", weight: 1 }],
  indicators: [{ id: "AA-01", section: "AA", title: "t", question: "q", dimension: "law", scale: { type: "binary", yes: 1, no: 0 }, excludable: false, guidance: "g" }],
});

function put(root: string, file: string, content: string) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), content);
}

async function run(root: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await verify.run(args, commandContext({ root, out: (l) => out.push(l), err: (l) => err.push(l) }));
  return { status, out: out.join("\n"), err: err.join("\n") };
}

describe("manifest (synthetic tree)", () => {
  const root = mkdtempSync(path.join(tmpdir(), "pti-manifest-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  put(root, "data/countries.csv", "code,name_en,name_ru\nAAA,A,А\n");
  put(root, "data/sheets/2020/AAA.csv", "indicator,value,source,note,change\nAA-01,yes,reconstructed,,\n");
  put(root, "data/methodology/sensitivity.yaml", "seed: 1\n");
  put(root, "data/.DS_Store", "junk");
  put(root, "dist/_file/data/results.0123abcd.json", JSON.stringify({ rows: [1, 2] }));
  put(root, "dist/_file/data/sensitivity.89abcdef.json", JSON.stringify({ seed: 20250808, settings: { seed: 7, draws: 5 }, streams: { monte_carlo: 11, sobol: 12 }, rows: [{ seed: 1 }] }));
  put(root, "dist/_file/data/table.csv", "a,b\n1,2\n");
  put(root, "dist/files/index.csv", "x\n");
  put(root, "dist/index.html", "<html></html>");
  put(root, "dist/_node/lib/index.0123abcd.js", "code");
  const project = { root, files: ["data/countries.csv", "data/sheets/2020/AAA.csv"], codebooks: [codebook] };
  const result = {
    codebooks: [codebook],
  };
  const dist = path.join(root, "dist");
  const manifestFile = path.join(dist, "manifest.json");

  it("hashes every input (those the pipeline read, and the rest of data/) and every data output", async () => {
    const m = await buildManifest(project, result, dist, { git: false });
    expect(m.format).toBe(MANIFEST_FORMAT);
    expect(m.commit).toBeUndefined();
    expect(m.inputs.map((i) => [i.file, i.pipeline])).toEqual([
      ["data/countries.csv", true],
      ["data/methodology/sensitivity.yaml", false],
      ["data/sheets/2020/AAA.csv", true],
    ]);
    expect(m.inputs[0]!.sha256).toBe(sha256(readFileSync(path.join(root, "data/countries.csv"))));
    expect(m.outputs.map((o) => [o.file, o.path])).toEqual([
      ["_file/data/results.json", "_file/data/results.0123abcd.json"],
      ["_file/data/sensitivity.json", "_file/data/sensitivity.89abcdef.json"],
      ["_file/data/table.csv", "_file/data/table.csv"],
      ["files/index.csv", "files/index.csv"],
    ]);
    // every other file of dist/ (pages, code) is under `site`; manifest.json and pdf/ are not
    expect(m.site.map((f) => f.file)).toEqual(["_node/lib/index.0123abcd.js", "index.html"]);
    expect(m.site[1]).toEqual({ file: "index.html", sha256: sha256("<html></html>"), bytes: 13 });
    expect(m.methodology).toEqual([{ version: "v1", from: 2019, to: null, file: null }]);
    expect(m.seeds.codebook).toEqual([{ version: "v1", seed: 42 }]);
    expect(m.seeds.outputs).toEqual([
      { file: "_file/data/sensitivity.json", key: "seed", seed: 20250808 },
      { file: "_file/data/sensitivity.json", key: "settings.seed", seed: 7 },
      { file: "_file/data/sensitivity.json", key: "streams.monte_carlo", seed: 11 },
      { file: "_file/data/sensitivity.json", key: "streams.sobol", seed: 12 },
    ]);
    // deterministic: the same tree gives the same bytes
    expect(manifestJson(await buildManifest(project, result, dist, { git: false }))).toBe(manifestJson(m));
    writeFileSync(manifestFile, manifestJson(m));
  });

  it("names outputs without Framework's content hash", () => {
    expect(logicalName("_file/data/audit.1a2b3c4d.json")).toBe("_file/data/audit.json");
    expect(logicalName("_file/data/countries/ARM.1a2b3c4d.json")).toBe("_file/data/countries/ARM.json");
    expect(logicalName("_file/data/downloads.1a2b3c4d.zip")).toBe("_file/data/downloads.zip");
    expect(logicalName("files/a.1a2b3c4d.csv")).toBe("files/a.1a2b3c4d.csv");
  });

  it("verify passes on a fresh manifest (exit 0)", async () => {
    const r = await run(root, "dist/manifest.json");
    expect(r.status, r.err).toBe(0);
    expect(r.out).toMatch(/verified 3 inputs, 4 outputs, 2 site files, 4 seeds: all match/);
  });

  it("verify fails naming the input after one byte changes, and again naming an output", async () => {
    const sheet = path.join(root, "data/sheets/2020/AAA.csv");
    const before = readFileSync(sheet);
    writeFileSync(sheet, before.toString().replace("yes", "yez"));
    let r = await run(root, "dist/manifest.json");
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/^input changed: data\/sheets\/2020\/AAA\.csv/m);
    expect(r.err).not.toMatch(/countries\.csv/);
    writeFileSync(sheet, before);
    expect((await run(root, "dist/manifest.json")).status).toBe(0);

    const out = path.join(dist, "_file/data/results.0123abcd.json");
    writeFileSync(out, JSON.stringify({ rows: [1, 3] }));
    r = await run(root, "dist/manifest.json");
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/^output changed: _file\/data\/results\.json/m);
  });

  it("verify names added and missing files", async () => {
    const fresh = await buildManifest(project, result, dist, { git: false });
    writeFileSync(manifestFile, manifestJson(fresh));
    put(root, "data/sheets/2021/AAA.csv", "indicator,value,source,note,change\n");
    rmSync(path.join(dist, "files/index.csv"));
    const r = await run(root, "dist/manifest.json");
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/^input added: data\/sheets\/2021\/AAA\.csv/m);
    expect(r.err).toMatch(/^output missing: files\/index\.csv/m);
    rmSync(path.join(root, "data/sheets/2021"), { recursive: true });
  });

  it("verify names a page or bundle changed by one byte, a page added, a page deleted, and a symlink planted", async () => {
    put(root, "dist/files/index.csv", "x\n");
    writeFileSync(manifestFile, manifestJson(await buildManifest(project, result, dist, { git: false })));
    put(root, "dist/pdf/report.pdf", "printed after the build"); // not covered: written after the manifest
    const withPdf = await run(root, "dist/manifest.json");
    expect(withPdf.status, withPdf.err).toBe(0);
    expect(withPdf.out).toContain("note: pdf/ is not covered: the PDFs are printed from the pages after the build (`npm run pdf`)");

    const js = path.join(dist, "_node/lib/index.0123abcd.js");
    writeFileSync(js, "codf");
    put(root, "dist/index.html", "<html><script>x</script></html>");
    put(root, "dist/extra.html", "<html></html>");
    rmSync(path.join(dist, "files/index.csv"));
    symlinkSync("/etc/hostname", path.join(dist, "linked.html"));
    const r = await run(root, "dist/manifest.json");
    expect(r.status).toBe(1);
    expect(r.err.split("\n").filter((l) => !l.startsWith("5 difference"))).toEqual([
      `output missing: files/index.csv (expected sha256 ${sha256("x\n")} (2 bytes), now absent)`,
      `site changed: _node/lib/index.0123abcd.js (expected sha256 ${sha256("code")} (4 bytes), now sha256 ${sha256("codf")} (4 bytes))`,
      `site changed: index.html (expected sha256 ${sha256("<html></html>")} (13 bytes), now sha256 ${sha256("<html><script>x</script></html>")} (31 bytes))`,
      `site added: extra.html (not in the manifest, now sha256 ${sha256("<html></html>")} (13 bytes))`,
      "site added: linked.html (not in the manifest, now not a regular file (a symlink or special file))",
    ]);
    expect(r.err).toMatch(/^5 difference\(s\) from dist\/manifest\.json/m);
    writeFileSync(js, "code");
    put(root, "dist/index.html", "<html></html>");
    put(root, "dist/files/index.csv", "x\n");
    rmSync(path.join(dist, "extra.html"));
    rmSync(path.join(dist, "linked.html"));
    rmSync(path.join(dist, "pdf"), { recursive: true });
  });

  it("the manifest refuses a build tree holding a symlink", async () => {
    symlinkSync("/etc/hostname", path.join(dist, "linked.html"));
    await expect(buildManifest(project, result, dist, { git: false })).rejects.toThrow(`${dist}: not regular files: linked.html`);
    rmSync(path.join(dist, "linked.html"));
  });

  it("verify catches any edit to the manifest itself: whitespace, a hash, a size, a path, the commit, dirty", async () => {
    const fresh = await buildManifest(project, result, dist, { commit: { id: "a".repeat(40), dirty: false } });
    expect(fresh.commit).toEqual({ id: "a".repeat(40), dirty: false });
    expect(fresh.self).toMatch(/^[0-9a-f]{64}$/);
    const text = manifestJson(fresh);
    expect(text.endsWith(`  "self": "${fresh.self}"\n}\n`)).toBe(true);
    writeFileSync(manifestFile, text);
    expect((await run(root, "dist/manifest.json")).err).not.toMatch(/^manifest/m);

    const SIZE = /("file": "files\/index\.csv",\n\s+"sha256": "[0-9a-f]{64}",\n\s+"bytes": )2/;
    const self = (edited: string) => `manifest changed: manifest.json (self) (expected sha256 ${fresh.self}, now sha256 ${sha256(edited.replace(/,\n  "self": "[0-9a-f]{64}"/, ""))} of its content)`;
    const edits: [string, string, string[]][] = [
      ["one space more", text.replace('"format": ', '"format":  '), ["manifest changed: manifest.json (expected the canonical form of its own content, now edited at line 2)"]],
      ["commit.id", text.replace("a".repeat(40), "b".repeat(40)), ["self"]],
      ["commit.dirty", text.replace('"dirty": false', '"dirty": true'), ["self"]],
      ["an output's size", text.replace(SIZE, "$13"), ["self", "output changed: files/index.csv"]],
      ["a site file's path", text.replace('"file": "index.html"', '"file": "index2.html"'), ["self", "site missing: index2.html", "site added: index.html"]],
      ["an input's hash", text.replace(fresh.inputs[0]!.sha256, "0".repeat(64)), ["self", "input changed: data/countries.csv"]],
    ];
    for (const [what, edited, expected] of edits) {
      expect(edited, what).not.toBe(text);
      writeFileSync(manifestFile, edited);
      const r = await run(root, "dist/manifest.json");
      expect(r.status, what).toBe(1);
      const lines = r.err.split("\n").filter((l) => !/^\d+ difference/.test(l));
      expect(lines.map((l) => l.replace(/ \(expected sha256 .*$|(?<=index\.html|index2\.html).*$/, "")), what).toEqual(
        expected.map((e) => (e === "self" ? self(edited).replace(/ \(expected sha256 .*$/, "") : e)),
      );
      if (expected[0] === "self") expect(lines[0], what).toBe(self(edited));
    }
    // a field the schema does not know, or a value of the wrong type: the manifest is refused, naming the field
    writeFileSync(manifestFile, text.replace('"methodology": [', '"extra": 1,\n  "methodology": ['));
    let r = await run(root, "dist/manifest.json");
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/does not follow the manifest schema: \(top\): Unrecognized key: "extra"/);
    writeFileSync(manifestFile, text.replace(SIZE, '$1"2"'));
    r = await run(root, "dist/manifest.json");
    expect(r.err).toMatch(/does not follow the manifest schema: outputs\.3\.bytes: /);
    writeFileSync(manifestFile, text);
    expect((await run(root, "dist/manifest.json")).err).not.toMatch(/^manifest/m);
  });

  it("verify: usage and unreadable manifests", async () => {
    expect((await run(root)).status).toBe(2);
    expect((await run(root, "nope.json")).status).toBe(1);
    put(root, "other.json", "{}");
    const r = await run(root, "other.json");
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/not a build manifest \(expected format prohibition-of-torture-index\/manifest@2, found null\)/);
  });
});

// ---------------------------------------------------------------------------------------------


describe("manifest of data/ (temporary copy)", () => {
  const copy = copyProject();
  afterAll(() => copy.cleanup());

  it("verify passes on a fresh manifest and fails naming the sheet after one byte changes", async () => {
    const dist = path.join(copy.root, "dist");
    put(dist, "_file/data/x.0123abcd.json", "{}");
    const { manifest } = await writeBuildManifest(copy.root, dist);
    expect(manifest.commit).toBeUndefined(); // the copy is not a git checkout
    // Every file the pipeline read is marked so, and every codebook with a survey lists its check seed, whatever data/ holds.
    const { project } = await runPipeline(copy.root);
    expect(project.sheets.length, "data/sheets holds sheets").toBeGreaterThan(0);
    expect(manifest.inputs.filter((i) => i.pipeline).map((i) => i.file)).toEqual([...project.files].sort());
    expect(manifest.seeds.codebook).toEqual(project.codebooks.filter((c) => c.survey).map((c) => ({ version: c.version, seed: c.survey!.interval.check_seed })));
    const ok = await run(copy.root, "dist/manifest.json");
    expect(ok.status, ok.err).toBe(0);

    const sheet = manifest.inputs.find((i) => i.file.startsWith("data/sheets/"))!.file;
    const abs = path.join(copy.root, sheet);
    const bytes = readFileSync(abs);
    bytes[bytes.length - 1] = bytes[bytes.length - 1] === 0x0a ? 0x20 : 0x0a; // one byte
    writeFileSync(abs, bytes);
    const bad = await run(copy.root, "dist/manifest.json");
    expect(bad.status).toBe(1);
    expect(bad.err).toContain(`input changed: ${sheet}`);
    const v = await verifyManifest(path.join(dist, "manifest.json"), copy.root);
    expect(v.differences.filter((d) => d.kind === "input").map((d) => d.file)).toEqual([sheet]);
  });
});
