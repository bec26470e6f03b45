// Display rounding that keeps sums. The engine keeps full precision (nothing in loaders/ rounds
// what it computes); this module only decides what a page or a sentence SHOWS.
//
// POLICY (stated here and on every "What changed" page, see ROUNDING_POLICY):
//   1. The change of the Index is rounded to cents (two decimals, as the releases print totals),
//      half away from zero.
//   2. Those cents are allocated to the contributions by the largest-remainder method: every
//      contribution is first cut down to whole cents (floor), then the cents still missing are
//      given, one each, to the contributions with the largest remainders (ties: the larger
//      contribution in absolute value first, then the order given). A contribution that is exactly
//      zero never receives a cent. Every contribution × 100 is read to 12 significant digits (as
//      toCents reads the change) and floors, remainders and sizes are then compared exactly, on
//      whole numbers: a tie is a tie, and binary noise never decides which contribution gets a cent.
//   3. The same is applied one level down: a section's displayed cents are allocated to the
//      indicators (rows) of that section.
// So the displayed contributions always add up exactly to the displayed change, and each displayed
// contribution is within one cent of its full-precision value.
// Totals published at two decimals (all of them) make displayed "from" + displayed change equal
// displayed "to" as well.

import { fromUnits, noiseless, roundTo, roundUnits } from "./shared/format.ts";

export const ROUNDING_POLICY =
  "Figures are computed at full precision and rounded only for display. The change of the Index is rounded to two decimals (half away from zero); " +
  "those cents are then allocated to the section contributions by the largest-remainder method (each contribution cut down to whole cents, the cents still " +
  "missing given one by one to the largest remainders, equal remainders to the larger contribution first, then in the order listed; a zero contribution never receives a cent; " +
  "contributions are read to 12 significant digits and their remainders compared exactly, so a tie is decided by that rule and not by binary rounding noise), and each section's cents are allocated to its indicators " +
  "the same way. So the displayed contributions add up exactly to the displayed change, and each is within 0.01 of its exact value.";

/**
 * x × 100 as a whole number of cents, half away from zero. The product is first taken to 12
 * significant digits so that binary noise (0.29 × 100 = 28.999999999999996) does not decide it.
 * The rule itself is the shared display rule (loaders/shared/format.ts), so pages and engine agree.
 */
export const toCents = (x: number): number => roundUnits(x, 2);

/** Cents back to a number with two decimals (the shortest JS form of c / 100). */
export const fromCents = (c: number): number => fromUnits(c, 2);

/** A full-precision value rounded to two decimals by the policy's rule (half away from zero). */
export const round2 = (x: number): number => roundTo(x, 2);

/**
 * 100·x as an exact decimal, digits × 10^exponent, read from the same 12 significant digits as
 * toCents, so that 0.145 × 100 is 14.5 and not 14.499999999999998.
 */
function exactCents(x: number): { digits: bigint; exponent: number } {
  const text = String(noiseless(x * 100)); // at most 12 significant digits, shortest form
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!m) throw new Error(`cannot read ${x} × 100 as a decimal (${text})`);
  const fraction = m[3] ?? "";
  const digits = BigInt(m[2]! + fraction);
  return { digits: m[1] ? -digits : digits, exponent: Number(m[4] ?? 0) - fraction.length };
}

const compare = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Allocates `totalCents` (a whole number) to parts whose exact values are `parts`, by the largest
 * remainder, so that the returned cents add up to totalCents exactly. Each part gets floor(100·part)
 * plus 0 or 1 cents when the parts add up to the total (within float noise); when they do not
 * (a caller's choice), the difference is still spread one cent at a time, cycling, so the sum holds.
 *
 * Floors, remainders and the |part| tie-break are computed on whole numbers (BigInt) of a common
 * decimal unit, so equal remainders are equal and the stated tie-break decides, never binary noise
 * (in floating point the remainder of −1775.3 cents, 0.7000000000000455, beats that of 68534.7 cents,
 * 0.6999999999970896, and the smaller part used to take the cent).
 */
export function allocateCents(totalCents: number, parts: readonly number[]): number[] {
  if (!Number.isInteger(totalCents)) throw new Error(`allocateCents needs whole cents, got ${totalCents}`);
  const exact = parts.map((p) => {
    if (!Number.isFinite(p)) throw new Error(`cannot allocate to a non-finite part (${p})`);
    return exactCents(p);
  });
  // A common unit of 10^unitExponent cents (at most one cent) turns every part into a whole number.
  const unitExponent = Math.min(0, ...exact.map((e) => e.exponent));
  const perCent = 10n ** BigInt(-unitExponent);
  const scaled = exact.map((e) => e.digits * 10n ** BigInt(e.exponent - unitExponent));
  const floors = scaled.map((s) => {
    const q = s / perCent; // BigInt division truncates towards zero; floor is one less below zero
    return q * perCent > s ? q - 1n : q;
  });
  const remainder = scaled.map((s, i) => s - floors[i]! * perCent);
  const size = scaled.map((s) => (s < 0n ? -s : s));
  const base = floors.map((f) => Number(f));
  let missing = totalCents - base.reduce((a, b) => a + b, 0);
  const out = base.map((b) => b + 0);
  // Zero parts stay zero; when every part is zero the cents go nowhere unless there are some.
  const eligible = parts.map((_, i) => i).filter((i) => parts[i] !== 0);
  const pool = eligible.length ? eligible : parts.map((_, i) => i);
  if (pool.length === 0) {
    if (missing !== 0) throw new Error(`cannot allocate ${totalCents} cents to no parts`);
    return out;
  }
  const order = (dir: 1 | -1) =>
    [...pool].sort(
      (a, b) =>
        dir * compare(remainder[b]!, remainder[a]!) || // +1: largest remainder first; −1: smallest first
        compare(size[b]!, size[a]!) ||
        a - b,
    );
  if (missing > 0) {
    const up = order(1);
    for (let k = 0; missing > 0; k++, missing--) out[up[k % up.length]!]! += 1;
  } else if (missing < 0) {
    const down = order(-1);
    for (let k = 0; missing < 0; k++, missing++) out[down[k % down.length]!]! -= 1;
  }
  return out.map((c) => c + 0); // no −0
}

/** The policy in one call: the change rounded to cents and the parts' cents, which sum to it. */
export function roundKeepingSum(change: number, parts: readonly number[]): { change: number; parts: number[]; changeCents: number; partCents: number[] } {
  const changeCents = toCents(change);
  const partCents = allocateCents(changeCents, parts);
  return { change: fromCents(changeCents), parts: partCents.map(fromCents), changeCents, partCents };
}
