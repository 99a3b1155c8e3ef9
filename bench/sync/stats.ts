// Median and percentiles of measured times, in the shape every benchmark prints (bench/measure.ts does the same
// for synchronous functions; the sync benchmarks time asynchronous work, so they collect times themselves).

const round = (ms: number) => Math.round(ms * 10) / 10;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
}

export function summarize(times: readonly number[]): { median_ms: number; p95_ms: number; runs: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median =
    sorted.length % 2 === 1
      ? (sorted[Math.floor(mid)] ?? Number.NaN)
      : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
  return { median_ms: round(median), p95_ms: round(percentile(sorted, 0.95)), runs: sorted.length };
}

export function p99(times: readonly number[]): number {
  return round(
    percentile(
      [...times].sort((a, b) => a - b),
      0.99,
    ),
  );
}
