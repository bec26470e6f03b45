// Deterministic ZIP containers: every entry gets the same fixed date, entries are added in
// a fixed order, so the same content gives byte-identical archives (XLSX files are ZIPs too).
import JSZip from "jszip";

export const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

export async function zipFiles(files: [name: string, content: string | Buffer][]): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of files) zip.file(name, content, { date: FIXED_DATE, createFolders: false });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 }, platform: "UNIX" });
}

/** Rewrites an existing ZIP with fixed dates and sorted entries. */
export async function normaliseZip(buffer: Buffer | ArrayBuffer): Promise<Buffer> {
  const source = await JSZip.loadAsync(buffer);
  const names = Object.keys(source.files).filter((n) => !source.files[n]!.dir);
  const files: [string, Buffer][] = [];
  for (const n of names) files.push([n, await source.files[n]!.async("nodebuffer")]);
  return zipFiles(files);
}
