// A throwaway copy of the project (node_modules linked, not copied) for tests that edit
// data/ or rebuild the site without touching the working tree.
import { cpSync, mkdtempSync, symlinkSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SKIP = new Set(["node_modules", "dist", ".git", "out", "screenshots", ".build.lock"]);
/** A build running in the tree being copied: its fresh folder, or the report it set aside. */
const BUILDING = /^dist\.(tmp|old)-\d+$/;

export function copyProject(): { root: string; cleanup: () => void } {
  const root = mkdtempSync(path.join(tmpdir(), "pti-"));
  cpSync(repoRoot, root, {
    recursive: true,
    filter: (src) => {
      const rel = path.relative(repoRoot, src);
      if (rel === "") return true;
      const parts = rel.split(path.sep);
      if (SKIP.has(parts[0]!) || BUILDING.test(parts[0]!)) return false;
      // Keep Framework's bundle caches, drop cached loader outputs and the kept prints (scripts/print-cache.ts).
      if (parts[0] === "src" && parts[1] === ".observablehq") return parts.length < 4 || (parts[3]!.startsWith("_") && parts[3] !== "_pdf");
      return !SKIP.has(parts[parts.length - 1]!);
    },
  });
  symlinkSync(path.join(repoRoot, "node_modules"), path.join(root, "node_modules"), "dir");
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export function npmRun(root: string, script: string, args: string[] = [], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync("npm", ["run", "--silent", script, "--", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", FORCE_COLOR: "0", ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
}
