// A minimal static server for dist/ bound to 127.0.0.1 only: used by `npm run serve`,
// the browser checks and the PDF export. Framework's clean URLs map /a/b → a/b.html.
// Text is sent compressed (brotli, else gzip, as the browser accepts): from a precompressed
// `<file>.br` / `<file>.gz` beside the file when one exists, else compressed once and kept in memory.
// Framework's content-hashed assets (a file under _import, _node, _npm, _observablehq or _file whose
// name carries an 8-hex hash) never change under their name: they are cached for a year, immutable;
// pages and everything else are revalidated.
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
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
/** Worth compressing: text. PNG, PDF, XLSX, ZIP and WOFF2 are compressed already. */
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".csv", ".svg", ".txt", ".md", ".map"]);
export const IMMUTABLE = "public, max-age=31536000, immutable";
export const REVALIDATE = "no-cache";

/** Whether a path under dist/ is one of Framework's content-hashed assets. */
export function isHashedAsset(relPath: string): boolean {
  return /^\/?_(import|node|npm|observablehq|file)\//.test(relPath) && /\.[0-9a-f]{8}(\.[^./]+)?$/.test(relPath);
}

/** The encoding to send, from an Accept-Encoding header: br before gzip, none if neither is accepted (q=0 refuses). */
export function chooseEncoding(accept: string | undefined): "br" | "gzip" | null {
  const accepted = new Map<string, number>();
  for (const part of (accept ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    accepted.set(name, q ? Number(q[1]) : 1);
  }
  const ok = (e: string) => (accepted.get(e) ?? accepted.get("*") ?? 0) > 0;
  return ok("br") ? "br" : ok("gzip") ? "gzip" : null;
}

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

async function readIfFile(file: string): Promise<Buffer | null> {
  try {
    return (await stat(file)).isFile() ? await readFile(file) : null;
  } catch {
    return null;
  }
}

export async function serveDirectory(dir: string, port = 0): Promise<{ server: Server; url: string }> {
  const root = path.resolve(dir);
  // Compressed bodies by file, encoding, size and modification time (a rebuilt file is compressed again).
  const cache = new Map<string, Buffer>();
  const server = createServer(async (req, res) => {
    const file = await resolveFile(root, req.url ?? "/");
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const ext = path.extname(file);
    const rel = path.relative(root, file).split(path.sep).join("/");
    const headers: Record<string, string> = {
      "content-type": TYPES[ext] ?? "application/octet-stream",
      "cache-control": isHashedAsset(rel) ? IMMUTABLE : REVALIDATE,
    };
    let body: Buffer = await readFile(file);
    if (COMPRESSIBLE.has(ext)) {
      headers["vary"] = "Accept-Encoding";
      const encoding = chooseEncoding(req.headers["accept-encoding"]);
      if (encoding) {
        const info = await stat(file);
        const key = `${file}\0${encoding}\0${info.size}\0${info.mtimeMs}`;
        let packed = cache.get(key) ?? (await readIfFile(`${file}.${encoding === "br" ? "br" : "gz"}`));
        // Quality 6, not 11: the first request for Vega's 1 MB would otherwise wait about a second for it.
        if (!packed) packed = encoding === "br" ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }) : gzipSync(body, { level: 6 });
        cache.set(key, packed);
        headers["content-encoding"] = encoding;
        body = packed;
      }
    }
    headers["content-length"] = String(body.length);
    res.writeHead(200, headers).end(req.method === "HEAD" ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address();
  const actual = typeof address === "object" && address ? address.port : port;
  return { server, url: `http://127.0.0.1:${actual}` };
}
