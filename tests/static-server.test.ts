// `npm run serve` and the browser checks: text is sent compressed with the right headers, and
// Framework's content-hashed assets are cached as immutable while pages are revalidated.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { request } from "node:http";
import { brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import type { Server } from "node:http";
import { serveDirectory, chooseEncoding, isHashedAsset, IMMUTABLE, REVALIDATE } from "../scripts/static-server.ts";

const page = "<!DOCTYPE html><html lang=\"en\"><body>" + "Index ".repeat(500) + "</body></html>";
let dir: string;
let server: Server;
let base: string;

function get(urlPath: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(base + urlPath, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "pti-serve-"));
  writeFileSync(path.join(dir, "index.html"), page);
  mkdirSync(path.join(dir, "_import", "components"), { recursive: true });
  writeFileSync(path.join(dir, "_import", "components", "chart.ecf9529c.js"), "export const x = 1;\n".repeat(100));
  mkdirSync(path.join(dir, "files"));
  writeFileSync(path.join(dir, "files", "index.csv"), "country,year\n" + "ARM,2024\n".repeat(100));
  // A precompressed copy is sent as it is (its content differs on purpose, to tell it from on-the-fly compression).
  writeFileSync(path.join(dir, "files", "index.csv.gz"), gzipSync("precompressed\n"));
  ({ server, url: base } = await serveDirectory(dir));
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("static server", () => {
  it("sends a page brotli-compressed when the browser accepts it, revalidated, varying by encoding", async () => {
    const r = await get("/", { "accept-encoding": "gzip, deflate, br" });
    expect(r.status).toBe(200);
    expect(r.headers["content-encoding"]).toBe("br");
    expect(r.headers["vary"]).toBe("Accept-Encoding");
    expect(r.headers["cache-control"]).toBe(REVALIDATE);
    expect(brotliDecompressSync(r.body).toString()).toBe(page);
    expect(Number(r.headers["content-length"])).toBe(r.body.length);
    expect(r.body.length).toBeLessThan(page.length / 10);
  });

  it("sends gzip to a browser that accepts only gzip, and nothing compressed to one that accepts neither", async () => {
    const g = await get("/", { "accept-encoding": "gzip" });
    expect(g.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(g.body).toString()).toBe(page);
    const plain = await get("/", {});
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers["vary"]).toBe("Accept-Encoding");
    expect(plain.body.toString()).toBe(page);
  });

  it("caches Framework's hashed assets as immutable for a year", async () => {
    const r = await get("/_import/components/chart.ecf9529c.js", { "accept-encoding": "br" });
    expect(r.headers["cache-control"]).toBe(IMMUTABLE);
    expect(IMMUTABLE).toBe("public, max-age=31536000, immutable");
    expect(r.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(brotliDecompressSync(r.body).toString()).toBe("export const x = 1;\n".repeat(100));
  });

  it("serves a precompressed file beside the original when there is one", async () => {
    const r = await get("/files/index.csv", { "accept-encoding": "gzip" });
    expect(r.headers["content-encoding"]).toBe("gzip");
    expect(r.headers["cache-control"]).toBe(REVALIDATE);
    expect(gunzipSync(r.body).toString()).toBe("precompressed\n");
  });

  it("chooses the encoding from Accept-Encoding, honouring q=0", () => {
    expect(chooseEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(chooseEncoding("br;q=0, gzip")).toBe("gzip");
    expect(chooseEncoding("*")).toBe("br");
    expect(chooseEncoding("identity")).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
  });

  it("tells hashed assets from pages and downloads", () => {
    expect(isHashedAsset("_observablehq/client.5a37acf7.js")).toBe(true);
    expect(isHashedAsset("_node/vega-scale@8.1.3/index.7f0b9681.js")).toBe(true);
    expect(isHashedAsset("_file/data/results.85b3fe93.json")).toBe(true);
    expect(isHashedAsset("_import/style.2b1ef57c.css")).toBe(true);
    expect(isHashedAsset("index.html")).toBe(false);
    expect(isHashedAsset("files/index.csv")).toBe(false);
    expect(isHashedAsset("manifest.json")).toBe(false);
  });
});
