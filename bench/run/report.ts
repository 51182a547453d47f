import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ScenarioResult } from './measure.ts';

export interface Report {
  scale: string;
  startedAt: string;
  node: string;
  postgres: string;
  scenarios: ScenarioResult[];
  machine?: { cpus: number; loadavg: number[] };
  /** The app's WEB_CONCURRENCY (`auto`: one worker per core). */
  webConcurrency?: string;
}

export function printTable(scenarios: readonly ScenarioResult[]) {
  const rows = [
    ['scenario', 'rps', 'p50 ms', 'p99 ms', 'errors', 'count', 'streams'],
    ...scenarios.map((s) => [
      s.name,
      String(s.rps),
      String(s.p50Ms),
      String(s.p99Ms),
      String(s.errors),
      String(s.count ?? ''),
      s.streams === undefined ? '' : String(s.streams),
    ]),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  for (const [n, r] of rows.entries()) {
    process.stdout.write(
      `${r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')}\n`,
    );
    if (n === 0) process.stdout.write(`${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  }
}

interface Target {
  label: string;
  pass: boolean;
}

/** The targets of issue #9, each PASS or FAIL. */
export function checkTargets(scenarios: readonly ScenarioResult[]): Target[] {
  const by = (name: string) => scenarios.find((s) => s.name === name);
  const targets: Target[] = [];
  const api = by('discovery');
  const sql = by('discovery-sql');
  if (api && sql)
    targets.push({
      label: `discovery rps ≥ 50% of discovery-sql (${api.rps} vs ${sql.rps}: ${Math.round((100 * api.rps) / sql.rps)}%)`,
      pass: api.rps >= 0.5 * sql.rps,
    });
  for (const [name, limit] of [
    ['discovery', 50],
    ['offer-inbox', 50],
    ['thread-page', 50],
    ['send-message', 100],
    ['send-offer', 100],
    ['live-delivery', 100],
  ] as const) {
    const s = by(name);
    if (s) targets.push({ label: `${name} p99 ≤ ${limit} ms (${s.p99Ms} ms)`, pass: s.p99Ms <= limit });
  }
  const live = by('live-delivery');
  if (live)
    targets.push({
      label: `live-delivery with 1,000 streams (${live.streams})`,
      pass: (live.streams ?? 0) >= 1000,
    });
  const errors = scenarios.reduce((n, s) => n + s.errors, 0);
  targets.push({ label: `zero errors (${errors})`, pass: errors === 0 });
  return targets;
}

export function printTargets(targets: readonly Target[]) {
  for (const t of targets) process.stdout.write(`${t.pass ? 'PASS' : 'FAIL'}  ${t.label}\n`);
}

export function writeLatest(dir: string, report: Report): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'latest.json');
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
