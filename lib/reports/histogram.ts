/**
 * Durations (minutes) are kept as counts in fixed buckets by the database (helpdesk_duration_bucket in
 * migration 20261128120000_report_stats uses the same bounds). Bucket i holds [BOUNDS[i-1], BOUNDS[i]);
 * the last bucket is open-ended. Percentiles of any period and group come from the summed counts.
 */
export const DURATION_BOUNDS = [5, 15, 30, 60, 120, 240, 480, 720, 1440, 2880, 4320, 7200, 10080, 20160, 43200, 86400] as const;
export const BUCKETS = DURATION_BOUNDS.length + 1;

export type PercentileEstimate = { minutes: number; atLeast: boolean } | null;

/** The bucket (0-based) a duration falls into: the same rule as the database's width_bucket. */
export function bucketOf(minutes: number): number {
  let i = 0;
  while (i < DURATION_BOUNDS.length && Math.max(minutes, 0) >= DURATION_BOUNDS[i]!) i++;
  return i;
}

/**
 * The q-quantile (0 < q ≤ 1) estimated from bucket counts by linear interpolation inside the bucket
 * that holds it. Exact to within that bucket; in the open last bucket it answers "at least" its bound.
 */
export function percentile(counts: readonly number[], q: number): PercentileEstimate {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total <= 0) return null;
  const rank = q * total;
  let before = 0;
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i] ?? 0;
    if (n > 0 && before + n >= rank) {
      const lower = i === 0 ? 0 : DURATION_BOUNDS[i - 1]!;
      if (i >= DURATION_BOUNDS.length) return { minutes: lower, atLeast: true };
      const upper = DURATION_BOUNDS[i]!;
      return { minutes: Math.round(lower + ((upper - lower) * (rank - before)) / n), atLeast: false };
    }
    before += n;
  }
  return { minutes: DURATION_BOUNDS[DURATION_BOUNDS.length - 1]!, atLeast: true };
}
