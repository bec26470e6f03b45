// Untrusted text stays text: builds a copy of the project whose sheet carries HTML and script in a
// note and a source, then opens every page that shows notes or sources and proves that nothing ran
// and nothing was parsed as markup (the text is shown literally instead).
import { readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { Browser } from "playwright-core";
import { copyProject } from "../helpers/project-copy.ts";
import { serveDirectory } from "../../scripts/static-server.ts";

export const PAYLOAD_NOTE = `<script>window.__pwned = "script"</script><img src="x" onerror="window.__pwned = 'img'"> reconstructed`;
export const PAYLOAD_SOURCE = `javascript:window.__pwned='link' <b onmouseover="window.__pwned='b'">bold</b>`;
const SHEET = "data/sheets/2024/ARM.csv";
const PAGES = ["/countries/ARM", "/audit", "/changes/2024"];

const csvField = (s: string) => `"${s.replace(/"/g, '""')}"`;

export async function checkUntrustedText(browser: Browser): Promise<{ name: string; failures: string[] }> {
  const name = "untrusted notes and sources are shown as text";
  const failures: string[] = [];
  const copy = copyProject();
  try {
    const file = path.join(copy.root, SHEET);
    const lines = readFileSync(file, "utf8").split("\n");
    // The first answer row (RM-01, yes/no): change its answer, with the hostile source and note as its
    // reason, so the change lists show them (check refuses a reason on an unchanged answer).
    const cells = lines[1]!.split(",");
    lines[1] = [cells[0], cells[1] === "yes" ? "no" : "yes", csvField(PAYLOAD_SOURCE), csvField(PAYLOAD_NOTE), "practice"].join(",");
    writeFileSync(file, lines.join("\n"));
    const build = spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts"], {
      cwd: copy.root,
      encoding: "utf8",
      env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", PTI_PDF: "0" }, // pages only: no PDFs of the copy
    });
    if (build.status !== 0) return { name, failures: [`build with hostile text failed: ${build.stderr.slice(-2000)}`] };
    const { server, url } = await serveDirectory(path.join(copy.root, "dist"));
    try {
      for (const p of PAGES) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const requests: string[] = [];
        page.on("request", (r) => requests.push(r.url()));
        await page.goto(url + p, { waitUntil: "networkidle" });
        if (p === "/audit") {
          // The calculation trace shows a country-year's notes once it is chosen.
          await page.selectOption("#trace-country", "ARM");
          await page.selectOption("#trace-year", "2024");
          await page.waitForSelector("#trace-view table", { timeout: 10_000 });
        }
        // Open every <details> so hidden tables render too, and hover bold text if any was parsed.
        await page.$$eval("details", (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
        await page.waitForTimeout(300);
        const state = await page.evaluate(() => ({
          pwned: (window as unknown as { __pwned?: string }).__pwned ?? null,
          text: document.body.innerText,
          injected: document.querySelectorAll('img[src="x"], b[onmouseover], a[href^="javascript:"]').length,
        }));
        if (state.pwned) failures.push(`${p}: injected code ran (${state.pwned})`);
        if (state.injected) failures.push(`${p}: ${state.injected} element(s) from sheet text were parsed as HTML`);
        if (!state.text.includes("<script>window.__pwned")) failures.push(`${p}: the note is not shown as literal text`);
        if (requests.some((r) => r.endsWith("/x"))) failures.push(`${p}: the injected <img> was requested`);
        await context.close();
      }
    } finally {
      server.close();
    }
  } finally {
    copy.cleanup();
  }
  return { name, failures };
}
