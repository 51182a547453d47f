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
  /** Throughput of each round, when the scenario ran in rounds (discovery and its SQL alternate). */
  rounds?: number[];
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

/** One scenario measured in several rounds of equal length: requests over the whole time, the median
 * round's p50, the worst round's p99 (a p99 across rounds cannot be had from autocannon's summaries,
 * so the conservative one), errors summed. */
export function combineRounds(rounds: readonly ScenarioResult[], secondsEach: number): ScenarioResult {
  const first = rounds[0];
  if (!first) throw new Error('no rounds to combine');
  const count = rounds.reduce((n, r) => n + (r.count ?? 0), 0);
  const p50s = rounds.map((r) => r.p50Ms).sort((a, b) => a - b);
  return {
    name: first.name,
    rps: round(count / (secondsEach * rounds.length)),
    p50Ms: p50s[Math.floor((p50s.length - 1) / 2)] ?? Number.NaN,
    p99Ms: Math.max(...rounds.map((r) => r.p99Ms)),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    count,
    ...(rounds.length > 1 ? { rounds: rounds.map((r) => r.rps) } : {}),
  };
}
