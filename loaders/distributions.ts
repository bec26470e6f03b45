// The few distribution functions the survey interval and its coverage check need, in plain
// double precision with no dependency: Student's t quantile (for the studentized interval),
// the binomial lower tail at p = 1/2 (for the order-statistic interval of the median) and the
// standard normal CDF (for the exact estimand of the coverage simulation).
//
// lnGamma: Lanczos approximation (g = 7, 9 coefficients), relative error about 1e-15.
// Regularized incomplete beta I_x(a, b): the continued fraction evaluated by the modified Lentz
// method, on I_x(a, b) or 1 − I_{1−x}(b, a), whichever converges fast (x < (a + 1) / (a + b + 2)).
// Student's t quantile: safeguarded Newton steps (bisection whenever a step leaves the bracket)
// on the upper tail P(T > t) = I_{ν/(ν+t²)}(ν/2, 1/2) / 2; non-integer ν is allowed, as the
// Welch–Satterthwaite degrees of freedom need.
// Normal CDF: Marsaglia's Taylor series (J. Stat. Software 11(4), 2004), absolute error about 1e-15.

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  const z = x - 1;
  let s = LANCZOS[0]!;
  for (let i = 1; i < 9; i++) s += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

const TINY = 1e-300;

/** Continued fraction of the incomplete beta (converges fast for x < (a + 1) / (a + b + 2)). */
function betaFraction(x: number, a: number, b: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 100000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-16) return h;
  }
  throw new Error(`incomplete beta: no convergence for x = ${x}, a = ${a}, b = ${b}`);
}

/** Regularized incomplete beta function I_x(a, b), a, b > 0, 0 ≤ x ≤ 1. */
export function betaIncomplete(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new Error(`incomplete beta: a and b must be positive, got a = ${a}, b = ${b}`);
  if (!(x >= 0 && x <= 1)) throw new Error(`incomplete beta: x must be in [0, 1], got ${x}`);
  if (x === 0 || x === 1) return x;
  const front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(x, a, b)) / a : 1 - (front * betaFraction(1 - x, b, a)) / b;
}

/** P(T > t) for Student's t with ν degrees of freedom, t ≥ 0. */
export function studentTUpperTail(t: number, df: number): number {
  return 0.5 * betaIncomplete(df / (df + t * t), df / 2, 0.5);
}

/** The p-quantile of Student's t with ν > 0 degrees of freedom (ν need not be an integer). */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new Error(`t quantile: p must be between 0 and 1, got ${p}`);
  if (!(df > 0)) throw new Error(`t quantile: degrees of freedom must be positive, got ${df}`);
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  if (p === 0.5) return 0;
  const target = 1 - p; // upper tail wanted
  const logDensityConst = lnGamma((df + 1) / 2) - lnGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  let lo = 0;
  let hi = 2;
  while (studentTUpperTail(hi, df) > target) {
    lo = hi;
    hi *= 2;
  }
  let t = (lo + hi) / 2;
  for (let i = 0; i < 200; i++) {
    const tail = studentTUpperTail(t, df);
    if (tail > target) lo = t;
    else hi = t;
    const density = Math.exp(logDensityConst - ((df + 1) / 2) * Math.log1p((t * t) / df));
    let next = t + (tail - target) / density;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-15 * t || hi - lo <= 1e-15 * hi) return next;
    t = next;
  }
  return t;
}

/** P(X ≤ k) for X ~ Binomial(n, 1/2). */
export function binomialHalfCdf(k: number, n: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  return betaIncomplete(0.5, n - k, k + 1);
}

/** Standard normal CDF Φ(x). */
export function normalCdf(x: number): number {
  if (x < -9) return 0; // Φ(−9) ≈ 1.1e-19: below the series' absolute error
  if (x > 9) return 1;
  let s = x;
  let term = x;
  let prev = Number.NaN;
  const q = x * x;
  for (let i = 1; s !== prev; ) {
    prev = s;
    i += 2;
    term *= q / i;
    s = prev + term;
  }
  return 0.5 + s * Math.exp(-0.5 * q - 0.91893853320467274178);
}
