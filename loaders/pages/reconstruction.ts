// "How the data were reconstructed": the reconstruction's own account (data/reconstruction/README.md).
import type { PageContext } from "./page.ts";

export default function reconstructionPage({ t, base }: PageContext): string {
  return `---
title: ${t("page.reconstruction.title")}
---

# ${t("page.reconstruction.heading")}

\`\`\`js
import { plainMarkdown } from "${base}components/plaintext.js";
const r = await FileAttachment("${base}data/reconstruction.json").json();
\`\`\`

${t("page.reconstruction.intro", { file: "data/reconstruction/README.md" })}

\`\`\`js
display(plainMarkdown(r.readme));
\`\`\`
`;
}
