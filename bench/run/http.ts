import autocannon from 'autocannon';
import type { ScenarioResult } from './measure.ts';

export interface HttpScenario {
  name: string;
  /** Each call answers the next request (method, path, headers, body): rotation over actors. */
  next: () => { method?: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string };
}

/** Runs one scenario with autocannon against the app: bounded in time, N connections, loopback.
 * Non-2xx answers count as errors, with connection errors and timeouts. */
export async function runHttp(
  baseUrl: string,
  scenario: HttpScenario,
  opts: { seconds: number; connections: number },
): Promise<ScenarioResult> {
  // Refused answers are errors; the first body of each status is kept so a failing run says why.
  const refused = new Map<number, { n: number; body: string }>();
  const result = await autocannon({
    url: baseUrl,
    connections: opts.connections,
    duration: opts.seconds,
    timeout: 10,
    requests: [
      {
        setupRequest: (req) => {
          const r = scenario.next();
          return {
            ...req,
            method: r.method ?? 'GET',
            path: r.path,
            headers: { ...r.headers, ...(r.body ? { 'content-type': 'application/json' } : {}) },
            ...(r.body ? { body: r.body } : {}),
          };
        },
        onResponse: (status, body) => {
          if (status < 300) return;
          const seen = refused.get(status);
          if (seen) seen.n++;
          else refused.set(status, { n: 1, body: String(body ?? '').slice(0, 300) });
        },
      },
    ],
  });
  for (const [status, { n, body }] of refused)
    process.stdout.write(`    ${scenario.name}: ${n} × ${status}, first: ${body}\n`);
  return {
    name: scenario.name,
    rps: Math.round(result.requests.average * 10) / 10,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
    count: result.requests.total,
  };
}

/** A round-robin over a list. */
export function rotate<T>(list: readonly T[]): () => T {
  if (list.length === 0) throw new Error('nothing to rotate over');
  let i = 0;
  return () => list[i++ % list.length] as T;
}
