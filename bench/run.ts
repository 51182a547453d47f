/** `npm run bench -- --scale small|large [--skip-generate] [--seconds 10] [--connections 32]`:
 * fills the bench database (generate.ts), starts the app in production mode against it, and measures
 * the scenarios of issue #9. Prints a table and the targets, writes bench/results/latest.json. */
import { mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { searchWords } from './gen/helpers.ts';
import { generate } from './generate.ts';
import { databaseExists, withClient } from './lib/db.ts';
import { benchDatabaseUrl, scaleOf } from './lib/scales.ts';
import { findActors } from './run/actors.ts';
import { repoRoot, startApp } from './run/app.ts';
import { captureDiscoverySql, discoveryQuery, runSql } from './run/discovery-sql.ts';
import { type HttpScenario, rotate, runHttp } from './run/http.ts';
import { runLiveDelivery } from './run/live.ts';
import { combineRounds, type ScenarioResult } from './run/measure.ts';
import { freePort } from './run/port.ts';
import { checkTargets, printTable, printTargets, type Report, writeLatest } from './run/report.ts';
import { createSessions, sessionToken, signIn } from './run/sessions.ts';

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'small' },
      'skip-generate': { type: 'boolean', default: false },
      seconds: { type: 'string', default: '10' },
      connections: { type: 'string', default: '32' },
      streams: { type: 'string', default: '1000' },
      /** Messages per second sent to stream owners during live-delivery. */
      'live-rate': { type: 'string', default: '50' },
      /** Comma-separated scenario names to run (default: all). */
      only: { type: 'string', default: '' },
      /** Writes a V8 CPU profile of the app to bench/results/profiles (for looking, not for figures). */
      profile: { type: 'boolean', default: false },
      /** Extra flags for the app's node process, space-separated (to try a V8 setting against the default). */
      'node-flags': { type: 'string', default: '' },
      /** WEB_CONCURRENCY of the app (default 1: on the bench's two cores shared with PostgreSQL, one
       * process measured better than two — bench/RESULTS.md). */
      workers: { type: 'string', default: '1' },
      /** discovery and discovery-sql alternate this many times, `--seconds` each: a machine whose speed
       * drifts during the run (a shared host) then weighs on both sides of their ratio alike. */
      rounds: { type: 'string', default: '3' },
    },
  });
  const scale = scaleOf(values.scale);
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  const rounds = Math.max(1, Number(values.rounds));
  const streamCount = Number(values.streams);
  const only = new Set(values.only.split(',').filter(Boolean));
  const wanted = (name: string) => only.size === 0 || only.has(name);
  const url = benchDatabaseUrl();
  const startedAt = new Date().toISOString();

  if (!values['skip-generate']) await generate(scale, url);
  else {
    if (!(await databaseExists(url)))
      throw new Error('--skip-generate, but the bench database does not exist');
    const n = await withClient(url, async (c) =>
      Number((await c.query('select count(*) from campaigns')).rows[0].count),
    );
    if (n !== scale.campaigns)
      throw new Error(`--skip-generate: the database holds ${n} campaigns, not ${scale.name}`);
  }

  const { actors, postgres } = await withClient(url, async (c) => {
    // Rate-limit counters live in the database (decision 019): a run signs in three actors, so runs
    // in a row would meet the sign-in limit of the previous ones. The bench database is the bench's.
    await c.query('delete from rate_limits');
    // The e-mails earlier runs queued (send-offer queues one per offer) and their app did not send
    // before it stopped: the next run's app would send them all while it is measured, so a run on
    // used data competed with thousands of earlier e-mails (decision 018, tenth pass). They are
    // marked sent; this run's own e-mails are sent by its app as they would be in production.
    const stale = await c.query(
      "update outbox set status = 'done', done_at = now() where status = 'pending'",
    );
    if (stale.rowCount) say(`Marked ${stale.rowCount} e-mails of earlier runs as sent.`);
    return {
      actors: await findActors(c, { senders: 2000, pairs: 20_000, streams: streamCount }),
      postgres: String((await c.query('show server_version')).rows[0].server_version),
    };
  });
  if (actors.live.length < streamCount) say(`Only ${actors.live.length} stream owners available.`);
  const port = await freePort();
  say(`Starting the app (production, WEB_CONCURRENCY=${values.workers}) on port ${port}…`);
  // bench/results is not in git: a fresh clone has none yet.
  mkdirSync(path.join(repoRoot, 'bench/results'), { recursive: true });
  const app = await startApp({
    port,
    env: { NODE_ENV: 'production', DATABASE_URL: url, LOG_LEVEL: 'warn', WEB_CONCURRENCY: values.workers },
    logFile: path.join(repoRoot, 'bench/results/app.log'),
    nodeArgs: [
      ...values['node-flags'].split(' ').filter(Boolean),
      ...(values.profile
        ? ['--cpu-prof', `--cpu-prof-dir=${path.join(repoRoot, 'bench/results/profiles')}`]
        : []),
    ],
  });
  const base = app.baseUrl;
  const scenarios: ScenarioResult[] = [];
  try {
    const influencer = await signIn(base, actors.influencerEmail);
    const owner = await signIn(base, actors.inboxOwnerEmail);
    const member = await signIn(base, actors.bigThreadMemberEmail);
    const sessions = await createSessions(url, [
      ...actors.senders.map((s) => s.userId),
      ...actors.offerPairs.map((p) => p.userId),
      ...actors.live.flatMap((l) => [l.receiverId, l.senderId]),
    ]);
    const cookie = (userId: string) => sessions.get(userId) ?? '';
    const queries = await captureDiscoverySql(url, searchWords, sessionToken(influencer));
    const opts = { seconds, connections };
    const post = { method: 'POST' as const, headers: { origin: base } };
    const stamp = Date.now().toString(36);
    let sent = 0;
    const nextSender = rotate(actors.senders);
    const nextPair = rotate(actors.offerPairs);
    const nextWord = rotate(searchWords);

    const health: HttpScenario = { name: 'health', next: () => ({ path: '/health/live' }) };
    const discovery: HttpScenario = {
      name: 'discovery',
      next: () => ({
        path: `/api/v1/campaigns?${new URLSearchParams(discoveryQuery(nextWord()))}`,
        headers: { cookie: influencer },
      }),
    };
    const later: HttpScenario[] = [
      {
        name: 'offer-inbox',
        next: () => ({
          path: `/api/v1/campaigns/${actors.inboxCampaignId}/offers?limit=20`,
          headers: { cookie: owner },
        }),
      },
      {
        name: 'thread-page',
        next: () => ({
          path: `/api/v1/conversations/${actors.bigThreadId}/messages?limit=50`,
          headers: { cookie: member },
        }),
      },
    ];
    const writes: HttpScenario[] = [
      {
        name: 'send-message',
        next: () => {
          const s = nextSender();
          return {
            ...post,
            path: `/api/v1/conversations/${s.conversationId}/messages`,
            headers: { ...post.headers, cookie: cookie(s.userId) },
            body: JSON.stringify({
              body: 'Ďakujem, posielam návrh. Thanks!',
              clientId: `bench-${stamp}-${sent++}`,
            }),
          };
        },
      },
      {
        name: 'send-offer',
        next: () => {
          const p = nextPair();
          const body = {
            pitch: 'Rád by som spolupracoval — I would love to work on this.',
            deliverables: [{ type: 'post', network: p.network, quantity: 1 }],
            ...(p.paid
              ? { price: { amount: p.amount ?? 10_000, currency: 'EUR' } }
              : { barterAccepted: true }),
          };
          return {
            ...post,
            path: `/api/v1/campaigns/${p.campaignId}/offers`,
            headers: { ...post.headers, cookie: cookie(p.userId) },
            body: JSON.stringify(body),
          };
        },
      },
    ];

    // Every scenario, writes included, runs 2 s first (JIT, each connection's prepared statements)
    // outside its measured time.
    const warm = { seconds: 2, connections };
    const measure = async (s: HttpScenario) => {
      if (!wanted(s.name)) return;
      await runHttp(base, s, warm);
      const r = await runHttp(base, s, opts);
      say(`  ${s.name}: ${r.rps} rps, p99 ${r.p99Ms} ms, ${r.errors} errors`);
      scenarios.push(r);
    };
    // The endpoint and its SQL alternate in rounds, so the ratio compares the same stretch of time.
    // discovery-search-sql is the search alone, as discovery-sql was measured before #43: shown for
    // comparison with the earlier runs, not a target.
    const measureDiscovery = async () => {
      const app = wanted('discovery');
      const sql = wanted('discovery-sql');
      const searchOnly = wanted('discovery-search-sql');
      if (!app && !sql && !searchOnly) return;
      if (app) await runHttp(base, discovery, warm);
      if (sql) await runSql(url, queries, warm);
      const appRounds: ScenarioResult[] = [];
      const sqlRounds: ScenarioResult[] = [];
      const searchRounds: ScenarioResult[] = [];
      for (let i = 0; i < rounds; i++) {
        if (app) appRounds.push(await runHttp(base, discovery, opts));
        if (sql) sqlRounds.push(await runSql(url, queries, opts));
        if (searchOnly) searchRounds.push(await runSql(url, queries, { ...opts, searchOnly: true }));
        const last = [appRounds, sqlRounds, searchRounds].flatMap((list) => list.slice(-1));
        say(`  round ${i + 1}/${rounds}: ${last.map((r) => `${r.name} ${r.rps} rps`).join(', ')}`);
      }
      for (const list of [appRounds, sqlRounds, searchRounds]) {
        if (list.length === 0) continue;
        const r = combineRounds(list, seconds);
        say(`  ${r.name}: ${r.rps} rps, p99 ${r.p99Ms} ms, ${r.errors} errors`);
        scenarios.push(r);
      }
    };
    await measure(health);
    await measureDiscovery();
    for (const s of later) await measure(s);
    for (const s of writes) await measure(s);
    // The warm-up's offers use pairs too.
    const offersSent = (scenarios.find((s) => s.name === 'send-offer')?.count ?? 0) * 1.2;
    if (actors.offerPairs.length < offersSent)
      say(
        `  (send-offer made about ${Math.round(offersSent)} requests with its warm-up over ${actors.offerPairs.length} fresh pairs: repeats fail)`,
      );
    if (wanted('live-delivery')) {
      const live = await runLiveDelivery(
        base,
        actors.live.map((l) => ({
          conversationId: l.conversationId,
          receiverCookie: cookie(l.receiverId),
          senderCookie: cookie(l.senderId),
        })),
        {
          seconds,
          messages: Math.min(actors.live.length, Math.round(Number(values['live-rate']) * seconds)),
        },
      );
      say(`  live-delivery: p99 ${live.p99Ms} ms over ${live.streams} streams, ${live.errors} errors`);
      scenarios.push(live);
    }
  } finally {
    await app.stop();
  }

  const report: Report = {
    scale: scale.name,
    startedAt,
    node: process.version,
    postgres,
    scenarios,
    machine: { cpus: cpus().length, loadavg: loadavg().map((n) => Math.round(n * 100) / 100) },
    webConcurrency: values.workers,
  };
  say('');
  printTable(scenarios);
  say('');
  const targets = checkTargets(scenarios);
  printTargets(targets);
  const file = writeLatest(path.join(repoRoot, 'bench/results'), report);
  say(`\nWrote ${path.relative(process.cwd(), file)}`);
  if (targets.some((t) => !t.pass)) process.exitCode = 2;
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
