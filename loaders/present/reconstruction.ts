// The reconstruction's own account for its page, in the page's language: data/reconstruction/README.md
// and its Russian translation beside it (tests/reconstruction-ru.test.ts keeps the two in step).
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Locale } from "../shared/format.ts";

export const RECONSTRUCTION_README: Record<Locale, string> = {
  en: "data/reconstruction/README.md",
  ru: "data/reconstruction/README.ru.md",
};

export async function reconstructionPayload(root: string, lang: Locale = "en"): Promise<{ readme: string; file: string }> {
  const file = RECONSTRUCTION_README[lang];
  return { readme: await readFile(path.join(root, ...file.split("/")), "utf8"), file };
}
