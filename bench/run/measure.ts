/** One scenario's figures, as latest.json holds them. */
export interface ScenarioResult {
  name: string;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  streams?: number;
  /** Requests (or messages) measured. */
  count?: number;
  note?: string;
}

/** The p-th percentile (0–100) of latencies, nearest rank. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function summarize(
  name: string,
  latencies: number[],
  seconds: number,
  errors: number,
  extra: Partial<ScenarioResult> = {},
): ScenarioResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    name,
    rps: round(latencies.length / seconds),
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    errors,
    count: latencies.length,
    ...extra,
  };
}

export const round = (n: number) => Math.round(n * 10) / 10;
