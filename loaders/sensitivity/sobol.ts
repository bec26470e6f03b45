// Variance-based sensitivity indices: Saltelli's sampling design with Jansen's estimators
// (Saltelli et al. 2010, "Variance based sensitivity analysis of model output", Computer Physics
// Communications 181, Table 2, estimators (b) and (f)).
//
// Design: two independent N × k matrices A and B of uniforms in [0, 1) and, for each factor i, the
// matrix A_B^(i): A with its column i taken from B. N · (k + 2) model runs in all.
// For every output Y, with row j of the design as one independent unit:
//   V      = variance of Y over the 2N runs of A and B (divided by 2N)
//   S_i    = 1 − (1/N) Σ_j (f(B)_j − f(A_B^(i))_j)² / 2 / V      first order (Jansen)
//   S_Ti   = (1/N) Σ_j (f(A)_j − f(A_B^(i))_j)² / 2 / V          total order (Jansen)
//
// Standard errors (delta method). Each estimate is a smooth function of means over the N rows
// (of y_A + y_B, y_A² + y_B² and the squared differences), so its variance is that of the
// function's linearisation over the rows divided by N. The linearisation includes V's own
// sampling error: S_i = 1 − W/V moves with V as W/V², which matters most when V is poorly known.
// The standard error of V itself comes from the same formula.
//
// When indices are reported (status):
//   fixed          the output takes the same value in every one of the N (k + 2) runs: no variance,
//                  nothing to apportion;
//   rarely varies  it moves in some runs, but V is not known well enough for a ratio over it to
//                  mean anything: its standard error exceeds MAX_VARIANCE_CV · V (or V is 0 in the
//                  A and B runs). A ratio's delta-method error and bias grow with the coefficient of
//                  variation c of its denominator (the bias about c² of the ratio); at c = 0.2 the
//                  denominator alone moves every index by a fifth and biases it by about 4%, beyond
//                  which the indices and their standard errors are not worth printing. For an output
//                  that moves by one rank in a share p of draws, c ≈ 1/√(2Np): the indices need
//                  about 25 of the 2N independent draws to move it;
//   varies         indices and their standard errors.
// No index is computed for the first two (NaN). `moved` counts the 2N independent runs (A and B)
// in which the output differs from `baseline` (the published value, when the caller gives it).
//
// Row j of A and B is drawn from rng(seed) as 2k uniforms: A's row, then B's row. The sums are
// accumulated row by row, so memory does not grow with N.
import { rng } from "../random.ts";

/** The largest coefficient of variation of the variance estimate for which indices are reported. */
export const MAX_VARIANCE_CV = 0.2;

export type SobolStatus = "fixed" | "rarely varies" | "varies";

export interface SobolResult {
  factors: number;
  outputs: number;
  samples: number; // N
  runs: number; // N (k + 2)
  /** first[i · outputs + o]: first-order index of factor i on output o (NaN unless status "varies"). */
  first: Float64Array;
  total: Float64Array;
  variance: Float64Array; // per output
  /** Delta-method standard error of the variance, per output. */
  varianceSE: Float64Array;
  mean: Float64Array; // per output
  /** Delta-method standard errors of first and total, V's own error included (same layout; NaN unless "varies"). */
  firstSE: Float64Array;
  totalSE: Float64Array;
  status: SobolStatus[]; // per output
  /** Runs of A and B (2N, independent draws) in which the output differs from its baseline, per output. */
  moved: Int32Array;
}

export interface SobolOptions {
  /** Per output, the value "moved" is counted against (e.g. the published rank); default: the first run's value. */
  baseline?: ArrayLike<number>;
}

/**
 * `model(u, out)` maps k uniforms to `outputs` numbers written into `out`; it is called
 * N (k + 2) times and must not keep `u`.
 */
export function sobolJansen(
  k: number,
  outputs: number,
  samples: number,
  seed: number,
  model: (u: Float64Array, out: Float64Array) => void,
  options: SobolOptions = {},
): SobolResult {
  return sobolFinish([sobolSums(k, outputs, samples, seed, model, { ...options, from: 0, to: k })]);
}

/**
 * The design's sums over every row for the factors from `from` to `to` (the A_B^(i) runs of those
 * factors) and, in every share, the A and B runs' own sums. Shares of the factors are independent:
 * each draws the same rows from the same stream and accumulates each factor's sums in the same order,
 * so sobolFinish over shares that cover the factors gives, bit for bit, what one share of all gives,
 * whichever way they are cut (loaders/sensitivity/parallel.ts runs shares side by side). All typed
 * arrays: a share crosses to another thread as it is.
 */
export interface SobolSums {
  k: number;
  outputs: number;
  samples: number;
  from: number;
  to: number;
  shift: Float64Array;
  /** Per output: runs of A and B whose value is not the first run's; differsAB: the same of this share's A_B^(i) runs. */
  differs: Int32Array;
  differsAB: Int32Array;
  moved: Int32Array;
  sumS: Float64Array;
  sumQ: Float64Array;
  sumSS: Float64Array;
  sumQQ: Float64Array;
  sumSQ: Float64Array;
  /** Per factor of the share (i − from) and output. */
  F: Float64Array;
  FF: Float64Array;
  FS: Float64Array;
  FQ: Float64Array;
  T: Float64Array;
  TT: Float64Array;
  TS: Float64Array;
  TQ: Float64Array;
}

/** The per-factor sums of a share, by name. */
const FACTOR_SUMS = ["F", "FF", "FS", "FQ", "T", "TT", "TS", "TQ"] as const;
const factorArrays = (n: number) => Object.fromEntries(FACTOR_SUMS.map((key) => [key, new Float64Array(n)])) as Record<(typeof FACTOR_SUMS)[number], Float64Array>;

export function sobolSums(
  k: number,
  outputs: number,
  samples: number,
  seed: number,
  model: (u: Float64Array, out: Float64Array) => void,
  options: SobolOptions & { from: number; to: number },
): SobolSums {
  if (!Number.isInteger(samples) || samples < 2) throw new Error(`sobol: samples must be an integer ≥ 2, got ${samples}`);
  if (options.baseline && options.baseline.length !== outputs)
    throw new Error(`sobol: baseline has ${options.baseline.length} values for ${outputs} outputs`);
  const { from, to } = options;
  if (!(Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from <= to && to <= k)) throw new Error(`sobol: factors ${from} to ${to} are not a share of ${k}`);
  const random = rng(seed);
  const a = new Float64Array(k);
  const b = new Float64Array(k);
  const ab = new Float64Array(k);
  const yA = new Float64Array(outputs);
  const yB = new Float64Array(outputs);
  const yAB = new Float64Array(outputs);
  const shift = new Float64Array(outputs); // first f(A): sums of deviations from it lose less precision
  const baseline = new Float64Array(outputs);
  const differs = new Int32Array(outputs);
  const differsAB = new Int32Array(outputs);
  const moved = new Int32Array(outputs);
  // Per output, over rows j: s = dA + dB and q = dA² + dB² (d: deviation from shift).
  const sumS = new Float64Array(outputs);
  const sumQ = new Float64Array(outputs);
  const sumSS = new Float64Array(outputs);
  const sumQQ = new Float64Array(outputs);
  const sumSQ = new Float64Array(outputs);
  // Per factor and output: g = (difference)² / 2 of the first- (F) and total-order (T) estimators,
  // with Σ g, Σ g², Σ g·s and Σ g·q for the delta method.
  const { F, FF, FS, FQ, T, TT, TS, TQ } = factorArrays((to - from) * outputs);
  const ds = new Float64Array(outputs); // this row's s and q, reused by every factor
  const dq = new Float64Array(outputs);
  for (let j = 0; j < samples; j++) {
    for (let i = 0; i < k; i++) a[i] = random();
    for (let i = 0; i < k; i++) b[i] = random();
    model(a, yA);
    model(b, yB);
    if (j === 0) {
      shift.set(yA);
      if (options.baseline) baseline.set(options.baseline);
      else baseline.set(yA);
    }
    for (let o = 0; o < outputs; o++) {
      const da = yA[o]! - shift[o]!;
      const db = yB[o]! - shift[o]!;
      const s = da + db;
      const q = da * da + db * db;
      ds[o] = s;
      dq[o] = q;
      sumS[o] += s;
      sumQ[o] += q;
      sumSS[o] += s * s;
      sumQQ[o] += q * q;
      sumSQ[o] += s * q;
      if (da !== 0) differs[o]++;
      if (db !== 0) differs[o]++;
      if (yA[o] !== baseline[o]) moved[o]++;
      if (yB[o] !== baseline[o]) moved[o]++;
    }
    for (let i = from; i < to; i++) {
      ab.set(a);
      ab[i] = b[i]!;
      model(ab, yAB);
      const base = (i - from) * outputs;
      for (let o = 0; o < outputs; o++) {
        const y = yAB[o]!;
        if (y !== shift[o]) differsAB[o]++;
        const dB = yB[o]! - y;
        const dA = yA[o]! - y;
        const gF = (dB * dB) / 2;
        const gT = (dA * dA) / 2;
        const at = base + o;
        F[at] += gF;
        FF[at] += gF * gF;
        FS[at] += gF * ds[o]!;
        FQ[at] += gF * dq[o]!;
        T[at] += gT;
        TT[at] += gT * gT;
        TS[at] += gT * ds[o]!;
        TQ[at] += gT * dq[o]!;
      }
    }
  }
  return { k, outputs, samples, from, to, shift, differs, differsAB, moved, sumS, sumQ, sumSS, sumQQ, sumSQ, F, FF, FS, FQ, T, TT, TS, TQ };
}

/** The indices from shares of the factors that cover each factor once (any order). */
export function sobolFinish(shares: SobolSums[]): SobolResult {
  const [one] = shares;
  if (!one) throw new Error("sobol: no shares to finish");
  const { k, outputs, samples } = one;
  const covered = new Int32Array(k);
  for (const p of shares) {
    if (p.k !== k || p.outputs !== outputs || p.samples !== samples) throw new Error("sobol: shares of different designs");
    for (let i = p.from; i < p.to; i++) covered[i]!++;
  }
  if (covered.some((n) => n !== 1)) throw new Error(`sobol: shares cover the factors ${[...covered].join(" ")} times, not once each`);
  const { shift, moved, sumS, sumQ, sumSS, sumQQ, sumSQ } = one;
  const differs = Int32Array.from(one.differs);
  for (const p of shares) for (let o = 0; o < outputs; o++) differs[o] += p.differsAB[o]!;
  const KO = k * outputs;
  const sums = factorArrays(KO);
  for (const p of shares) for (const key of FACTOR_SUMS) sums[key].set(p[key], p.from * outputs);
  const { F, FF, FS, FQ, T, TT, TS, TQ } = sums;
  const N = samples;
  const variance = new Float64Array(outputs);
  const varianceSE = new Float64Array(outputs);
  const mean = new Float64Array(outputs);
  const status: SobolStatus[] = [];
  // Linearisation of V = mQ/2 − (mS/2)² over the rows: φ = q/2 − (mS/2)·s (centred).
  const phiVar = new Float64Array(outputs);
  for (let o = 0; o < outputs; o++) {
    const mS = sumS[o]! / N;
    const mQ = sumQ[o]! / N;
    mean[o] = shift[o]! + mS / 2;
    variance[o] = Math.max(0, mQ / 2 - (mS / 2) ** 2);
    const varS = sumSS[o]! / N - mS * mS;
    const varQ = sumQQ[o]! / N - mQ * mQ;
    const covSQ = sumSQ[o]! / N - mS * mQ;
    phiVar[o] = Math.max(0, varQ / 4 + ((mS * mS) / 4) * varS - (mS / 2) * covSQ);
    varianceSE[o] = Math.sqrt(phiVar[o]! / N);
    const v = variance[o]!;
    status.push(differs[o] === 0 ? "fixed" : v > 0 && varianceSE[o]! <= MAX_VARIANCE_CV * v ? "varies" : "rarely varies");
  }
  const first = new Float64Array(KO).fill(NaN);
  const total = new Float64Array(KO).fill(NaN);
  const firstSE = new Float64Array(KO).fill(NaN);
  const totalSE = new Float64Array(KO).fill(NaN);
  // Var of the linearisation sign·g/V − sign·(m_g/V²)·φ of an estimate ±m_g/V, over the rows.
  const ratioSE = (o: number, sum: number, sumSq: number, sumGS: number, sumGQ: number) => {
    const v = variance[o]!;
    const mS = sumS[o]! / N;
    const mQ = sumQ[o]! / N;
    const mg = sum / N;
    const varG = sumSq / N - mg * mg;
    const covGPhi = (sumGQ / N - mg * mQ) / 2 - (mS / 2) * (sumGS / N - mg * mS);
    const w = varG / (v * v) + ((mg * mg) / v ** 4) * phiVar[o]! - ((2 * mg) / v ** 3) * covGPhi;
    return Math.sqrt(Math.max(0, w) / N);
  };
  for (let i = 0; i < k; i++)
    for (let o = 0; o < outputs; o++) {
      if (status[o] !== "varies") continue;
      const v = variance[o]!;
      const at = i * outputs + o;
      first[at] = 1 - F[at]! / N / v;
      total[at] = T[at]! / N / v;
      firstSE[at] = ratioSE(o, F[at]!, FF[at]!, FS[at]!, FQ[at]!);
      totalSE[at] = ratioSE(o, T[at]!, TT[at]!, TS[at]!, TQ[at]!);
    }
  return { factors: k, outputs, samples, runs: samples * (k + 2), first, total, variance, varianceSE, mean, firstSE, totalSE, status, moved };
}
