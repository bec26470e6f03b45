// Country boundaries for the front page's map: the world-atlas package's 110m TopoJSON (Natural
// Earth, shipped with the site, nothing fetched), decoded to GeoJSON and clipped to the window of the
// OSCE region the Index measures, so the page carries only the countries it shows and the map fits
// them rather than the whole of Russia to the Pacific.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export const BOUNDARIES = "world-atlas/countries-110m.json";

/** The window shown: from Poland to the east of Kazakhstan, from the Caucasus to the Arctic coast of European Russia. */
export const REGION: Readonly<Box> = { west: 12, east: 92, south: 35, north: 72 };
export interface Box { west: number; east: number; south: number; north: number }

type Position = [number, number];
type Ring = Position[];
export interface Topology {
  type: "Topology";
  transform?: { scale: [number, number]; translate: [number, number] };
  arcs: Position[][];
  objects: Record<string, { type: "GeometryCollection"; geometries: TopoGeometry[] }>;
}
interface TopoGeometry {
  type: "Polygon" | "MultiPolygon" | null;
  id?: string;
  properties?: { name?: string };
  arcs?: number[][] | number[][][];
}
export interface CountryShape {
  id: string | null; // ISO 3166 numeric, as world-atlas gives it
  name: string; // world-atlas's English name
  polygons: Ring[][]; // clipped to the window; each polygon is its outer ring, then its holes
}

/** The boundaries file, found the way Node finds a package (so the dependency in package.json is the one used). */
export function readBoundaries(): { topology: Topology; file: string } {
  const file = createRequire(import.meta.url).resolve(BOUNDARIES);
  return { topology: JSON.parse(readFileSync(file, "utf8")) as Topology, file };
}

/** TopoJSON arcs to coordinates: quantized arcs are delta-encoded; a negative index is the reversed arc ~i. */
function decodeArcs(topology: Topology): Position[][] {
  const t = topology.transform;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([a, b]) => {
      if (!t) return [a, b] as Position;
      x += a;
      y += b;
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]] as Position;
    });
  });
}

function ringOf(indexes: number[], arcs: Position[][]): Ring {
  const ring: Ring = [];
  for (const i of indexes) {
    const arc = i < 0 ? [...arcs[~i]!].reverse() : arcs[i]!;
    // Consecutive arcs share their joining point.
    ring.push(...(ring.length ? arc.slice(1) : arc));
  }
  return unwrap(ring);
}

/**
 * Longitudes made continuous: a ring that crosses the antimeridian (Russia's far east) jumps from
 * 180 to −180, which on the sphere is one step but in the plane the clipping works in would turn the
 * ring inside out. Past a jump, longitudes run on beyond ±180 and the window then clips them away.
 */
function unwrap(ring: Ring): Ring {
  let shift = 0;
  return ring.map((p, i) => {
    if (i > 0) {
      const step = p[0] - ring[i - 1]![0];
      if (step > 180) shift -= 360;
      else if (step < -180) shift += 360;
    }
    return [p[0] + shift, p[1]];
  });
}

/** One edge of the window: keeps the side where `inside` holds. */
function clipEdge(ring: Ring, inside: (p: Position) => boolean, cross: (a: Position, b: Position) => Position): Ring {
  const out: Ring = [];
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    if (inside(a)) {
      out.push(a);
      if (!inside(b)) out.push(cross(a, b));
    } else if (inside(b)) out.push(cross(a, b));
  }
  return out;
}

const atLon = (lon: number) => (a: Position, b: Position): Position => [lon, a[1] + ((b[1] - a[1]) * (lon - a[0])) / (b[0] - a[0])];
const atLat = (lat: number) => (a: Position, b: Position): Position => [a[0] + ((b[0] - a[0]) * (lat - a[1])) / (b[1] - a[1]), lat];

/**
 * A ring clipped to the box (Sutherland–Hodgman: exact for a convex window, orientation kept, which
 * the map's spherical rendering needs), then densified: a cut along a parallel is not a great
 * circle, and without the extra points the renderer would bow it.
 */
export function clipRing(ring: Ring, box: Box = REGION): Ring | null {
  let r = ring.slice(0, ring.length > 1 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1] ? -1 : undefined);
  r = clipEdge(r, (p) => p[0] >= box.west, atLon(box.west));
  r = clipEdge(r, (p) => p[0] <= box.east, atLon(box.east));
  r = clipEdge(r, (p) => p[1] >= box.south, atLat(box.south));
  r = clipEdge(r, (p) => p[1] <= box.north, atLat(box.north));
  if (r.length < 3) return null;
  const dense: Ring = [];
  for (let i = 0; i < r.length; i++) {
    const a = r[i]!;
    const b = r[(i + 1) % r.length]!;
    const steps = Math.ceil(Math.max(Math.abs(b[0] - a[0]), Math.abs(b[1] - a[1])));
    for (let k = 0; k < Math.max(1, steps); k++) dense.push(k === 0 ? a : [a[0] + ((b[0] - a[0]) * k) / steps, a[1] + ((b[1] - a[1]) * k) / steps]);
  }
  return [...dense, dense[0]!];
}

/** Twice the signed area of a ring in the longitude–latitude plane (the size that picks the label's polygon). */
function area2(ring: Ring): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return s;
}

/** A country smaller than this (square degrees inside the window) is named beside itself, not on it, so its name does not cover its neighbour's. */
export const SMALL_LABEL_AREA = 10;

/** The area of a country's pieces inside the window, in square degrees of the longitude–latitude plane. */
export function shapeArea(shape: CountryShape): number {
  return shape.polygons.reduce((sum, p) => sum + Math.abs(area2(p[0]!)) / 2, 0);
}

/** Where a country's name goes: the centroid of its largest piece inside the window (longitude, latitude). */
export function labelPoint(shape: CountryShape): Position | null {
  const outer = shape.polygons.map((p) => p[0]!).sort((a, b) => Math.abs(area2(b)) - Math.abs(area2(a)))[0];
  if (!outer) return null;
  const a = area2(outer);
  if (a === 0) return outer[0]!;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i + 1 < outer.length; i++) {
    const cross = outer[i]![0] * outer[i + 1]![1] - outer[i + 1]![0] * outer[i]![1];
    cx += (outer[i]![0] + outer[i + 1]![0]) * cross;
    cy += (outer[i]![1] + outer[i + 1]![1]) * cross;
  }
  return [cx / (3 * a), cy / (3 * a)];
}

/**
 * Natural Earth, and so world-atlas, draws Crimea as part of Russia (the line of control). The map
 * follows UN General Assembly resolution 68/262 (27 March 2014) and draws it as part of Ukraine:
 * the piece of "Russia" lying wholly inside this box moves to "Ukraine".
 */
export const CORRECTIONS = [{ piece: { west: 32, east: 37, south: 44, north: 46.5 }, from: "Russia", to: "Ukraine", why: "UN General Assembly resolution 68/262" }] as const;

function within(ring: Ring, box: Box): boolean {
  return ring.every((p) => p[0] >= box.west && p[0] <= box.east && p[1] >= box.south && p[1] <= box.north);
}

function corrected(shapes: CountryShape[]): CountryShape[] {
  for (const c of CORRECTIONS) {
    const from = shapes.find((s) => s.name === c.from);
    const to = shapes.find((s) => s.name === c.to);
    if (!from || !to) continue;
    const moving = from.polygons.filter((p) => within(p[0]!, c.piece));
    if (moving.length === 0) throw new Error(`${BOUNDARIES}: the boundary correction (${c.why}) found no piece of ${c.from} inside its box; the boundaries file has changed`);
    from.polygons = from.polygons.filter((p) => !moving.includes(p));
    to.polygons = [...to.polygons, ...moving];
  }
  return shapes;
}

/** Every country of the topology with a piece inside the window, clipped to it; sorted by name. */
export function regionShapes(topology: Topology, box: Box = REGION): CountryShape[] {
  const object = topology.objects.countries;
  if (!object) throw new Error(`${BOUNDARIES}: no "countries" object (found ${Object.keys(topology.objects).join(", ") || "none"}); expected world-atlas's countries TopoJSON`);
  const arcs = decodeArcs(topology);
  const shapes: CountryShape[] = [];
  for (const g of object.geometries) {
    if (!g.type || !g.arcs) continue;
    const polys = (g.type === "Polygon" ? [g.arcs as number[][]] : (g.arcs as number[][][])).map((p) => p.map((r) => ringOf(r, arcs)));
    const clipped = polys.flatMap((rings) => {
      const outer = clipRing(rings[0]!, box);
      if (!outer) return [];
      return [[outer, ...rings.slice(1).map((h) => clipRing(h, box)).filter((h): h is Ring => h !== null)]];
    });
    if (clipped.length) shapes.push({ id: g.id ?? null, name: g.properties?.name ?? "", polygons: clipped });
  }
  return corrected(shapes).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
