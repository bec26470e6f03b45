// Build (and optionally browser-check) a throwaway copy of the working tree, so that
// several people can try builds at once without sharing Framework's cache or dist/.
//   node --import tsx scripts/sandbox.ts NAME [--browser]
import { rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { copyProject } from "../tests/helpers/project-copy.ts";

const name = process.argv[2] ?? "default";
const browser = process.argv.includes("--browser");
const { root } = copyProject();
const env = { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true" };
console.log(`sandbox ${name}: ${root}`);
let r = spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts"], { cwd: root, stdio: "inherit", env });
if (r.status === 0 && browser) {
  r = spawnSync(process.execPath, ["--import", "tsx", "tests/browser/check.ts", "--pages-only"], {
    cwd: root,
    stdio: "inherit",
    env: { ...env, SCREENSHOTS: path.join(process.cwd(), "tests", "browser", "screenshots", name) },
  });
}
if (r.status === 0) console.log(`sandbox ${name}: built into ${root}/dist (kept for inspection)`);
else rmSync(root, { recursive: true, force: true });
process.exit(r.status ?? 1);
