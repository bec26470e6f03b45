// A minimal static server for dist/ bound to 127.0.0.1 only: used by `npm run serve`,
// the browser checks and the PDF export. Framework's clean URLs map /a/b → a/b.html.
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".pdf": "application/pdf",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

async function resolveFile(dir: string, urlPath: string): Promise<string | null> {
  const clean = decodeURIComponent(urlPath.split("?")[0]!).replace(/\/+$/, "") || "/index";
  const base = path.join(dir, path.normalize(clean).replace(/^(\.\.[/\\])+/, ""));
  if (!base.startsWith(dir)) return null;
  for (const candidate of [base, `${base}.html`, path.join(base, "index.html")]) {
    try {
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      /* try the next form */
    }
  }
  return null;
}

export async function serveDirectory(dir: string, port = 0): Promise<{ server: Server; url: string }> {
  const root = path.resolve(dir);
  const server = createServer(async (req, res) => {
    const file = await resolveFile(root, req.url ?? "/");
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const body = await readFile(file);
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address();
  const actual = typeof address === "object" && address ? address.port : port;
  return { server, url: `http://127.0.0.1:${actual}` };
}
