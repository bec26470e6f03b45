// Variance-based sensitivity indices: Saltelli's sampling design with Jansen's estimators
// (Saltelli et al. 2010, "Variance based sensitivity analysis of model output", Computer Physics
// Communications 181, Table 2, estimators (b) and (f)).
//
// Design: two independent N × k matrices A and B of uniforms in [0, 1) and, for each factor i, the
// matrix A_B^(i): A with its column i taken from B. N · (k + 2) model runs in all.
// For every output Y:
//   V      = variance of Y over the 2N runs of A and B (divided by 2N)
//   S_i    = (V − 1/(2N) Σ_j (f(B)_j − f(A_B^(i))_j)²) / V     first order (Jansen)
//   S_Ti   = 1/(2N) Σ_j (f(A)_j − f(A_B^(i))_j)² / V            total order (Jansen)
// An output that never varies (V = 0) has no indices (NaN). Estimates carry sampling error
// of order 1/√N: a first-order index of a non-influential factor can come out slightly negative.
// Standard errors: both estimators are V minus, or divided into, a mean over the N rows of
// g_j = (·)²/2; the standard error reported is that of the mean, sd(g)/√N, divided by V (the
// error of V itself is left out: an approximation, good when N is large).
//
// Row j of A and B is drawn from rng(seed) as 2k uniforms: A's row, then B's row. The sums are
// accumulated row by row, so memory does not grow with N.
import { rng } from "../random.ts";

export interface SobolResult {
  factors: number;
  outputs: number;
  samples: number; // N
  runs: number; // N (k + 2)
  /** first[i · outputs + o]: first-order index of factor i on output o (NaN when V = 0). */
  first: Float64Array;
  total: Float64Array;
  variance: Float64Array; // per output
  mean: Float64Array; // per output
  /** Approximate standard errors of first and total (same layout; NaN when V = 0). */
  firstSE: Float64Array;
  totalSE: Float64Array;
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
): SobolResult {
  if (!Number.isInteger(samples) || samples < 2) throw new Error(`sobol: samples must be an integer ≥ 2, got ${samples}`);
  const random = rng(seed);
  const a = new Float64Array(k);
  const b = new Float64Array(k);
  const ab = new Float64Array(k);
  const yA = new Float64Array(outputs);
  const yB = new Float64Array(outputs);
  const yAB = new Float64Array(outputs);
  const shift = new Float64Array(outputs); // first f(A): sums of deviations from it lose less precision
  const sum = new Float64Array(outputs);
  const sumSq = new Float64Array(outputs);
  const firstSum = new Float64Array(k * outputs);
  const totalSum = new Float64Array(k * outputs);
  const firstSq = new Float64Array(k * outputs); // Σ g², for the standard errors
  const totalSq = new Float64Array(k * outputs);
  for (let j = 0; j < samples; j++) {
    for (let i = 0; i < k; i++) a[i] = random();
    for (let i = 0; i < k; i++) b[i] = random();
    model(a, yA);
    model(b, yB);
    if (j === 0) shift.set(yA);
    for (let o = 0; o < outputs; o++) {
      const da = yA[o]! - shift[o]!;
      const db = yB[o]! - shift[o]!;
      sum[o] += da + db;
      sumSq[o] += da * da + db * db;
    }
    for (let i = 0; i < k; i++) {
      ab.set(a);
      ab[i] = b[i]!;
      model(ab, yAB);
      const base = i * outputs;
      for (let o = 0; o < outputs; o++) {
        const y = yAB[o]!;
        const dB = yB[o]! - y;
        const dA = yA[o]! - y;
        const gB = dB * dB;
        const gA = dA * dA;
        firstSum[base + o] += gB;
        totalSum[base + o] += gA;
        firstSq[base + o] += gB * gB;
        totalSq[base + o] += gA * gA;
      }
    }
  }
  const n2 = 2 * samples;
  const variance = new Float64Array(outputs);
  const mean = new Float64Array(outputs);
  for (let o = 0; o < outputs; o++) {
    const m = sum[o]! / n2;
    mean[o] = shift[o]! + m;
    variance[o] = Math.max(0, sumSq[o]! / n2 - m * m);
  }
  const first = new Float64Array(k * outputs);
  const total = new Float64Array(k * outputs);
  const firstSE = new Float64Array(k * outputs);
  const totalSE = new Float64Array(k * outputs);
  // sd(g)/√N for g = d²/2, from Σ d² and Σ d⁴.
  const se = (sum2: number, sum4: number) => {
    const m = sum2 / 2 / samples;
    return Math.sqrt(Math.max(0, sum4 / 4 / samples - m * m) / samples);
  };
  for (let i = 0; i < k; i++)
    for (let o = 0; o < outputs; o++) {
      const v = variance[o]!;
      const at = i * outputs + o;
      // Below this the output is constant up to rounding: no variance to apportion.
      const none = !(v > 1e-12 * Math.max(1, mean[o]! * mean[o]!));
      first[at] = none ? NaN : (v - firstSum[at]! / n2) / v;
      total[at] = none ? NaN : totalSum[at]! / n2 / v;
      firstSE[at] = none ? NaN : se(firstSum[at]!, firstSq[at]!) / v;
      totalSE[at] = none ? NaN : se(totalSum[at]!, totalSq[at]!) / v;
    }
  return { factors: k, outputs, samples, runs: samples * (k + 2), first, total, variance, mean, firstSE, totalSE };
}
