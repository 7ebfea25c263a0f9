/**
 * The one percentile of the project's reports (eval, bench, soak, start-up bench): nearest rank, so every figure is a
 * sample that was measured (p99 of 100 samples is the 99th smallest, p50 of 4 the 2nd), never an interpolation.
 * NaN for no samples. Accepts typed arrays, which the soak fills with a hundred thousand latencies.
 */
export function percentile(samples: ArrayLike<number>, p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = Float64Array.from(samples).sort();
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}
