/**
 * Upper tail probabilities of the two count distributions the spike detector tests against: Poisson (counts that
 * vary as chance alone makes them) and negative binomial (counts that vary more than that, as topics that come
 * and go in waves do). Summed in log space, so probabilities far below 1e-10 stay exact enough to compare.
 */

const lanczos = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7: about 15 significant digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = lanczos[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += lanczos[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** P(X >= k) for a distribution given by its log probability mass function, with mean `mean`. */
function upperTail(k: number, logPmf: (i: number) => number, mean: number): number {
  if (k <= 0) return 1;
  if (k <= mean) {
    // Most of the mass is at or above k: 1 − P(X < k) loses nothing that matters here.
    let below = 0;
    for (let i = 0; i < k; i++) below += Math.exp(logPmf(i));
    return Math.max(0, 1 - below);
  }
  // Above the mean the terms fall away: sum until they no longer change the total.
  let sum = 0;
  for (let i = k; i < k + 100_000; i++) {
    const term = Math.exp(logPmf(i));
    sum += term;
    if (term < sum * 1e-15 || term === 0) break;
  }
  return Math.min(1, sum);
}

/** P(X >= k) for X ~ Poisson(λ). */
export function poissonUpperTail(k: number, lambda: number): number {
  if (lambda <= 0) return k <= 0 ? 1 : 0;
  const logLambda = Math.log(lambda);
  return upperTail(k, (i) => i * logLambda - lambda - logGamma(i + 1), lambda);
}

/** P(X >= k) for X ~ negative binomial with this mean and dispersion r (variance = mean + mean² / r). */
export function negativeBinomialUpperTail(k: number, mean: number, r: number): number {
  if (mean <= 0) return k <= 0 ? 1 : 0;
  const p = r / (r + mean);
  const logP = Math.log(p);
  const logQ = Math.log(1 - p);
  const logGammaR = logGamma(r);
  return upperTail(k, (i) => logGamma(i + r) - logGamma(i + 1) - logGammaR + r * logP + i * logQ, mean);
}
