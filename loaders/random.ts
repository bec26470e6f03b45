// Seeded randomness for everything that draws at random (the survey-interval coverage check, Monte Carlo,
// the reconstruction generator). Nothing in the project may call Math.random().
//
// Generator: sfc32 ("Small Fast Counting", Chris Doty-Humphrey, PractRand), a 128-bit-state
// generator on 32-bit integer arithmetic. Its four state words are filled from the 32-bit seed
// with splitmix32, and the first 15 outputs are discarded, as PractRand recommends.
// Output: a double in [0, 1) with 32 random bits (x / 2^32).
//
// seedFor(base, ...parts): FNV-1a (32-bit) over the UTF-8 bytes of the parts joined with
// U+001F (unit separator), then XOR base; the result is an unsigned 32-bit integer.
// Use it to give every independent stream its own seed, e.g. seedFor(20200, "ARM", 2024, "RM-08").

/** splitmix32: a 32-bit mixer used only to expand one seed into sfc32's state. */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A seeded generator of doubles in [0, 1) (sfc32). The same seed gives the same sequence. */
export function rng(seed: number): () => number {
  const next = rngUint32(seed);
  return () => next() / 4294967296;
}

/**
 * The same sfc32 stream as rng(seed), as raw unsigned 32-bit integers: rng(seed)() equals
 * rngUint32(seed)() / 2^32, draw for draw. For hot loops that scale the integer themselves.
 */
export function rngUint32(seed: number): () => number {
  if (!Number.isFinite(seed)) throw new Error(`rng: seed must be a finite number, got ${seed}`);
  const init = splitmix32(Math.trunc(seed) >>> 0);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  // State kept as int32 (| 0): the same bits as uint32 arithmetic, but V8 keeps them in
  // integer registers, which makes the simulations' hot loops about twice as fast.
  a |= 0;
  b |= 0;
  c |= 0;
  d |= 0;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

const encoder = new TextEncoder();

/** A deterministic 32-bit seed for one stream: FNV-1a over the joined parts, XOR base. */
export function seedFor(base: number, ...parts: (string | number)[]): number {
  const bytes = encoder.encode(parts.map(String).join("\u001f"));
  let h = 0x811c9dc5;
  for (const byte of bytes) {
    h ^= byte;
    h = Math.imul(h, 0x01000193);
  }
  return (h ^ (Math.trunc(base) >>> 0)) >>> 0;
}
