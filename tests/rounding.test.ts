// The largest-remainder allocation of loaders/rounding.ts decides by exact arithmetic: pinned cases
// where binary floating point used to give the cent to the wrong part, and a property check against
// an independent reference on exact rationals over seeded random cases.
import { describe, it, expect } from "vitest";
import { allocateCents, roundKeepingSum, toCents } from "../loaders/rounding.ts";
import { rng } from "../loaders/random.ts";

// ---------------------------------------------------------------------------------------------
// Reference: each part × 100 as the rational n / 10^k of its 12-significant-digit decimal (the
// policy's reading, as toCents); floors and remainders by exact cross-multiplication; cents given
// one at a time to the best part not yet served in the round (largest remainder, then larger |part|,
// then the earlier part; smallest remainder first when cents must be taken away).

type Rational = { n: bigint; k: number }; // n / 10^k

function rational(p: number): Rational {
  const m = /^(-?)(\d+)(?:\.(\d*))?(?:e([+-]\d+))?$/.exec((p * 100).toPrecision(12))!;
  const fraction = m[3] ?? "";
  let n = BigInt(m[2]! + fraction);
  let k = fraction.length - Number(m[4] ?? 0);
  if (k < 0) {
    n *= 10n ** BigInt(-k);
    k = 0;
  }
  return { n: m[1] ? -n : n, k };
}

const cmp = (a: Rational, b: Rational) => {
  const x = a.n * 10n ** BigInt(b.k);
  const y = b.n * 10n ** BigInt(a.k);
  return x < y ? -1 : x > y ? 1 : 0;
};
const floorOf = (a: Rational) => {
  const d = 10n ** BigInt(a.k);
  const q = a.n / d;
  return q * d > a.n ? q - 1n : q;
};

function referenceAllocation(total: number, parts: number[]): number[] {
  const exact = parts.map(rational);
  const floors = exact.map(floorOf);
  const rem = exact.map((x, i) => ({ n: x.n - floors[i]! * 10n ** BigInt(x.k), k: x.k }));
  const size = exact.map((x) => ({ n: x.n < 0n ? -x.n : x.n, k: x.k }));
  const out = floors.map(Number);
  let missing = total - out.reduce((a, b) => a + b, 0);
  const nonZero = parts.map((_, i) => i).filter((i) => parts[i] !== 0);
  const pool = nonZero.length ? nonZero : parts.map((_, i) => i);
  const before = (i: number, j: number, dir: number) => dir * cmp(rem[i]!, rem[j]!) || cmp(size[i]!, size[j]!) || j - i;
  while (missing !== 0) {
    const dir = missing > 0 ? 1 : -1;
    const served = new Set<number>();
    while (missing !== 0 && served.size < pool.length) {
      let best = -1;
      for (const i of pool) if (!served.has(i) && (best < 0 || before(i, best, dir) > 0)) best = i;
      served.add(best);
      out[best]! += dir;
      missing -= dir;
    }
  }
  return out;
}

describe("largest remainder decided exactly, not by binary noise", () => {
  // Each case was found by a seeded search in which the floating-point comparison of remainders
  // (100·part − floor(100·part)) gave the cent to another part than the stated rule.
  it("equal remainders go to the larger part", () => {
    // 68534.7 and −1775.3 cents: both remainders are 0.7; in floating point −1775.3's came out larger.
    expect(allocateCents(66759, [685.347, -17.753])).toEqual([68535, -1776]);
    // −6620.3 and −205.3 cents: remainders 0.7 and 0.7; the larger |part| takes the cent.
    expect(allocateCents(-6826, [-66.203, -2.053])).toEqual([-6620, -206]);
    // 1207175.4, 7094.4, 827.916, −978.1: two remainders of 0.4 tie for the one missing cent.
    expect(allocateCents(1214120, [8.27916, 12071.754, 70.944, -9.781])).toEqual([828, 1207176, 7094, -978]);
    // 12.34 and 0.34 cents, one cent missing.
    expect(allocateCents(13, [0.1234, 0.0034])).toEqual([13, 0]);
  });

  it("a remainder larger by 3e-10 of a cent wins, and one smaller by 3e-10 loses", () => {
    // 6953043.593 cents (remainder 0.593) and 0.5930000003 cents: the small part's is larger.
    expect(allocateCents(6953044, [69530.43593, 0.005930000003])).toEqual([6953043, 1]);
    // 7043541.4739 cents (remainder 0.4739) and 0.4738999997 cents: the large part's is larger.
    expect(allocateCents(7043542, [70435.414739, 0.004738999997])).toEqual([7043542, 0]);
  });

  it("ties on remainder and size fall to the order given", () => {
    // Floors 0, −1, 0 (remainders 0.5 each, sizes equal): the two cents missing go to the first two.
    expect(allocateCents(1, [0.005, -0.005, 0.005])).toEqual([1, 0, 0]);
    expect(allocateCents(2, [0.005, 0.005, 0.005, 0.005])).toEqual([1, 1, 0, 0]);
    // A cent taken away (the floors exceed the total): smallest remainder first (0.4 and 0.4 tie),
    // then the larger part.
    expect(allocateCents(3, [0.014, 0.024, 0.016])).toEqual([1, 1, 1]);
  });

  it("equals the exact reference on 20,000 seeded random cases", () => {
    const random = rng(20250808);
    const mismatches: string[] = [];
    for (let t = 0; t < 20_000; t++) {
      const n = 2 + Math.floor(random() * 5);
      const parts: number[] = [];
      for (let i = 0; i < n; i++) {
        if (random() < 0.05) {
          parts.push(0);
          continue;
        }
        const decimals = 2 + Math.floor(random() * 5);
        const magnitude = 10 ** Math.floor(random() * 4);
        parts.push(Math.round((random() - 0.5) * 40 * magnitude * 10 ** decimals) / 10 ** decimals);
      }
      // One case in ten does not add up to its total (a caller's choice): the difference still goes
      // one cent at a time, cycling.
      const offset = random() < 0.1 ? Math.floor(random() * 2 * n + 1) - n : 0;
      const total = toCents(parts.reduce((a, b) => a + b, 0)) + offset;
      const got = allocateCents(total, parts);
      const want = referenceAllocation(total, parts);
      if (got.join() !== want.join()) mismatches.push(`${total} ${JSON.stringify(parts)}: ${got} vs ${want}`);
      expect(got.reduce((a, b) => a + b, 0)).toBe(total);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(mismatches.length).toBe(0);
  });

  it("handles parts whose 12 digits reach far below or above a cent", () => {
    expect(allocateCents(1, [1e-15, 2e-15])).toEqual([0, 1]);
    expect(allocateCents(1e14 + 1, [1e12 + 0.004, 0.006])).toEqual([1e14, 1]);
    expect(roundKeepingSum(-0.0002, [-1e-4, -1e-4]).partCents).toEqual([0, 0]);
  });
});
