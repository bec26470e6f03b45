// "How the data were reconstructed": the reconstruction's own account (data/reconstruction/README.md,
// on the Russian page its translation README.ru.md).
import type { PageContext } from "./page.ts";
import { dataDir } from "./words.ts";
import { RECONSTRUCTION_README } from "../present/reconstruction.ts";

export default function reconstructionPage(ctx: PageContext): string {
  const { t, base, lang } = ctx;
  return `---
title: ${t("page.reconstruction.title")}
---

# ${t("page.reconstruction.heading")}

\`\`\`js
import { plainMarkdown } from "${base}components/plaintext.js";
const r = await FileAttachment("${dataDir(ctx)}reconstruction.json").json();
\`\`\`

${t("page.reconstruction.intro", { file: RECONSTRUCTION_README[lang] })}

\`\`\`js
display(plainMarkdown(r.readme));
\`\`\`
`;
}
