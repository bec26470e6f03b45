// All or nothing: after one good build of a copy, every later build that cannot finish (a second
// build holding the lock, a bad cell, a sheet edited while the build runs, a SIGTERM in the middle of
// Framework) leaves dist/ byte for byte as the good build wrote it, and leaves no lock, no fresh
// folder and no temporary copy of the project's data behind. One full build, then failing ones.
import { describe, it, expect, afterAll } from "vitest";
import { readFileSync, writeFileSync, readdirSync, statSync, existsSync, mkdtempSync, rmSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { spawn, spawnSync } from "node:child_process";
import { copyProject } from "./helpers/project-copy.ts";
import { commandContext } from "../loaders/command.ts";
import { command as verify } from "../loaders/commands/verify.ts";

/** SHA-256 of every file under dir, by relative path. */
function tree(dir: string, rel = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(path.join(dir, rel))) {
    const r = rel ? `${rel}/${name}` : name;
    if (statSync(path.join(dir, r)).isDirectory()) Object.assign(out, tree(dir, r));
    else out[r] = createHash("sha256").update(readFileSync(path.join(dir, r))).digest("hex");
  }
  return out;
}

describe("the build is atomic", () => {
  const copy = copyProject();
  const tmp = mkdtempSync(path.join(tmpdir(), "pti-atomic-tmp-"));
  afterAll(() => {
    copy.cleanup();
    rmSync(tmp, { recursive: true, force: true });
  });
  const env = { ...process.env, TMPDIR: tmp, OBSERVABLE_TELEMETRY_DISABLE: "true", FORCE_COLOR: "0" };
  const args = ["--import", "tsx", "scripts/build.ts"];
  const build = () => spawnSync(process.execPath, args, { cwd: copy.root, encoding: "utf8", env, maxBuffer: 64 * 1024 * 1024 });
  /** A build started in the background, and what it prints. */
  function start() {
    const child = spawn(process.execPath, args, { cwd: copy.root, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const done = new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>((resolve) =>
      child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })),
    );
    return { child, done };
  }
  /** Waits until Framework has begun writing the fresh folder of the build with this pid. */
  async function frameworkWriting(pid: number, done: Promise<unknown>): Promise<void> {
    const staging = path.join(copy.root, `dist.tmp-${pid}`);
    let finished = false;
    void done.then(() => (finished = true));
    for (let i = 0; i < 3000 && !finished; i++) {
      if (existsSync(staging) && readdirSync(staging).length > 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`build ${pid} ended or took 300 s before Framework wrote ${staging}`);
  }
  const leftovers = () => [
    ...readdirSync(copy.root).filter((f) => f === ".build.lock" || /^dist\.(tmp|old)-/.test(f)),
    ...readdirSync(tmp).filter((f) => f.startsWith("pti-build-")),
  ];
  const KEPT = "nothing was built; dist/ still holds the last good report.";

  it("keeps the last good dist/ through a held lock, a bad cell, an edit during the build and a SIGTERM", { timeout: 1_800_000 }, async () => { // several builds of the site in both languages
    const good = build();
    expect(good.status, (good.stdout + good.stderr).slice(-4000)).toBe(0);
    const dist = path.join(copy.root, "dist");
    const report = tree(dist);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(["index.html", "manifest.json", "files/index.csv"]));
    expect(leftovers()).toEqual([]);
    const lock = path.join(copy.root, ".build.lock");

    // A live build holds the lock (this test's own pid stands in for it): the second one does not start.
    writeFileSync(lock, `${process.pid}\n`);
    const refused = build();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`another build (pid ${process.pid}) is running in this tree (.build.lock): this build did not start`);
    expect(readFileSync(lock, "utf8")).toBe(`${process.pid}\n`); // not the refused build's to remove
    expect(tree(dist)).toEqual(report);

    // A lock left by a build that died is taken over; this build then stops on a bad cell.
    const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
    writeFileSync(lock, `${dead}\n`);
    const editions = path.join(copy.root, "data/published/editions.csv");
    const original = readFileSync(editions);
    const line = original.toString().replace(/\n$/, "").split("\n").length + 1;
    appendFileSync(editions, `${original.toString().endsWith("\n") ? "" : "\n"}1,2099-01-01,2099,XTS,abc,x\n`);
    const bad = build();
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain(`taking over .build.lock from build ${dead}, which is no longer running`);
    expect(bad.stderr).toContain(`data/published/editions.csv:${line}:index: "abc" is not a number`);
    expect(bad.stderr).toMatch(new RegExp(`^\\d+ problem\\(s\\) in data/: ${KEPT.replace(/[.()/]/g, "\\$&")}$`, "m"));
    expect(tree(dist)).toEqual(report);
    expect(leftovers()).toEqual([]);
    writeFileSync(editions, original);

    // A published file edited once the build has read data/: the outputs would be the old file's, so
    // nothing is certified (the manifest would otherwise record the new file's hash).
    const edited = start();
    await frameworkWriting(edited.child.pid!, edited.done);
    appendFileSync(editions, "\n");
    const late = await edited.done;
    expect(late.code, late.stdout.slice(-2000) + late.stderr).toBe(1);
    expect(late.stderr).toContain("data/published/editions.csv: changed while the build ran\n");
    expect(late.stderr).toContain(`1 file(s) in data/ changed while the build ran (build again when the edits are done): ${KEPT}`);
    expect(tree(dist)).toEqual(report);
    expect(leftovers()).toEqual([]);
    writeFileSync(editions, original);

    // SIGTERM while Framework writes the pages: Framework is stopped, the fresh folder and the
    // temporary copy of the result removed, the lock released.
    const killed = start();
    await frameworkWriting(killed.child.pid!, killed.done);
    killed.child.kill("SIGTERM");
    const stopped = await killed.done;
    expect(stopped.code).toBe(143);
    expect(stopped.stderr).toContain(`build stopped (SIGTERM): ${KEPT}`);
    expect(tree(dist)).toEqual(report);
    expect(leftovers()).toEqual([]);

    // The report kept is whole: verify passes on it.
    const lines: string[] = [];
    const io = commandContext({ root: copy.root, cwd: copy.root, out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) });
    expect(await verify.run(["dist/manifest.json"], io), lines.join("\n")).toBe(0);
  });
});
