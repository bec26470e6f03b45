// `npm run serve`: shows the built report (dist/) at http://127.0.0.1:PORT (default 3000).
import path from "node:path";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serveDirectory } from "./static-server.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist");
if (!existsSync(path.join(dist, "index.html"))) {
  console.error("dist/ is empty: run `npm run build` first.");
  process.exit(1);
}
const port = Number(process.env.PORT ?? process.argv[2] ?? 3000);
const { url } = await serveDirectory(dist, port);
console.log(`Serving the report at ${url}/ (Ctrl-C to stop)`);
