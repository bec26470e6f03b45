// The footer of every page: how to cite the report and the Index, where the data come from and under
// what licences, and what the page was built from (the commit and a hash of the inputs). Framework writes
// the footer into each page when it builds it, before the manifest exists, so the inputs hash is
// computed here from the same per-file hashes the manifest records (manifest.ts snapshotInputs); anyone
// can recompute it from dist/manifest.json (inputsDigest of its `inputs`).
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { t } from "../shared/strings/index.ts";
import type { Locale } from "../shared/format.ts";

/**
 * One hash standing for every input: SHA-256 over the lines "<file>\t<sha256>\n", sorted by file.
 * The same for the build's snapshot of data/ and for the manifest's `inputs` list.
 */
export function inputsDigest(inputs: Iterable<{ file: string; sha256: string }>): string {
  const lines = [...inputs].map((i) => `${i.file}\t${i.sha256}\n`).sort();
  return createHash("sha256").update(lines.join("")).digest("hex");
}

export interface FooterFacts {
  lang: Locale;
  /** The commit the build began from (manifest.ts gitState), absent outside a git checkout. */
  commit?: { id: string; dirty: boolean };
  /** inputsDigest of the build's inputs. */
  inputs: string;
  /** The licences the repository states: the code's (package.json `license` or its LICENSE file's title) and the example data's (LICENSE-DATA.md), each null if none. */
  licence: { code: string | null; data: string | null };
  /** Relative address of the page explaining the reconstruction, from the page the footer is on. */
  reconstructionHref: string;
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** Licences as their owners write their names (the SPDX id otherwise): "CC BY 4.0", not "CC-BY-4.0". */
const SPDX_NAMES: Record<string, string> = { "CC-BY-4.0": "CC BY 4.0", "CC-BY-SA-4.0": "CC BY-SA 4.0", "CC0-1.0": "CC0 1.0", "ODbL-1.0": "ODbL 1.0" };

/** The footer's HTML (strings from the tables; every value escaped). */
export function footerHtml(f: FooterFacts): string {
  const s = (key: Parameters<typeof t>[1], vars?: Record<string, string>) => escape(t(f.lang, key, vars));
  const commit = f.commit ? s(f.commit.dirty ? "footer.commit_dirty" : "footer.commit", { commit: f.commit.id.slice(0, 12) }) : s("footer.no_commit");
  const built = s("footer.built", { commit, inputs: f.inputs.slice(0, 16) }).replace(escape(commit), `<code>${commit}</code>`).replace(f.inputs.slice(0, 16), `<code title="${f.inputs}">${f.inputs.slice(0, 16)}</code>`);
  const licence = [
    f.licence.code === null ? s("footer.licence_code_none") : s("footer.licence_code", { licence: f.licence.code }),
    f.licence.data === null ? s("footer.licence_data_none") : s("footer.licence_data", { licence: SPDX_NAMES[f.licence.data] ?? f.licence.data }),
    s("footer.licence_published"),
  ].join(" ");
  return [
    `<div class="site-footer">`,
    `<p class="cite-line"><strong>${s("footer.cite_heading")}</strong> ${s("footer.cite_report")} ${s("footer.cite_index")}</p>`,
    `<p>${s("footer.data_source")} <a href="${escape(f.reconstructionHref)}">${s("footer.reconstruction_link")}</a>. ${licence}</p>`,
    `<p class="print-notice">${s("footer.print_notice")}</p>`,
    `<p class="build-line">${built} ${s("footer.offline")}</p>`,
    `</div>`,
  ].join("");
}

/**
 * What the repository licenses, and under what: the code by package.json's `license` (or LICENSE's
 * title), the example data by the SPDX line of LICENSE-DATA.md. Null for either when it states none,
 * so the footer never claims a licence that is not in the checkout.
 */
export function repositoryLicences(root: string): FooterFacts["licence"] {
  let code: string | null = null;
  try {
    code = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { license?: string }).license ?? null;
  } catch {
    /* no package.json: look for a LICENSE file */
  }
  for (const name of ["LICENSE", "LICENSE.md", "LICENSE.txt", "COPYING"]) {
    const file = path.join(root, name);
    if (code === null && existsSync(file)) code = readFileSync(file, "utf8").split("\n").find((l) => l.trim())?.trim() ?? name;
  }
  const dataFile = path.join(root, "LICENSE-DATA.md");
  const data = existsSync(dataFile) ? (/^SPDX-License-Identifier:\s*(\S+)/m.exec(readFileSync(dataFile, "utf8"))?.[1] ?? null) : null;
  return { code, data };
}
