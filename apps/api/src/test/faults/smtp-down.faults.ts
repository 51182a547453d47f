import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoffSeconds } from '../../lib/mail/outbox.ts';
import { PASSWORD, uniqueEmail } from '../factories/users.ts';
import { SmtpSink } from '../smtp.ts';
import {
  type AppProcess,
  freePort,
  productionEnv,
  sleep,
  startApp,
  tempDir,
  waitFor,
} from './app-process.ts';
import { PgCluster } from './pg-cluster.ts';

/** The mail server is down: account e-mails (verification, password reset) wait in the outbox while
 * the app works on; once the mail server is back they go out by themselves. */

const skipReason = PgCluster.unavailable();

describe.skipIf(skipReason !== null)('SMTP down', () => {
  let cluster: PgCluster;
  let sink: SmtpSink;
  let server: AppProcess | undefined;
  let dataDir: string;
  beforeAll(async () => {
    cluster = await PgCluster.create();
    dataDir = await tempDir('smtp');
    // A sink started and stopped: its port is a closed one the app is told to send to.
    sink = await SmtpSink.start();
    await sink.stop();
  });
  afterAll(async () => {
    await server?.kill();
    await sink?.stop();
    await cluster?.destroy();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const pending = async (email: string) =>
    cluster.query<{ status: string; attempts: number; last_error: string | null }>(
      `select status, attempts, last_error from outbox where payload->>'to' = $1 order by created_at`,
      [email],
    );

  it('e-mails wait in the outbox while SMTP is down and go out by themselves once it is back', async () => {
    const env = productionEnv({
      port: await freePort(),
      dataDir,
      databaseUrl: cluster.url(),
      smtpUrl: sink.url,
    });
    server = await startApp(env);
    const post = (path: string, body: unknown) =>
      fetch(`${server?.url}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: server?.url ?? '',
          'sec-fetch-site': 'same-origin',
        },
        body: JSON.stringify(body),
      });
    const email = uniqueEmail('smtp-down');
    const registered = await post('/api/v1/auth/register', {
      email,
      password: PASSWORD,
      role: 'influencer',
      name: 'Mail Outage Test',
    });
    expect(registered.status).toBe(201);
    expect((await post('/api/v1/auth/password-reset/request', { email })).status).toBe(202);

    // Both were tried and failed; they wait; the app answers as ever.
    await waitFor(
      'both e-mails tried once',
      async () => (await pending(email)).filter((r) => r.attempts >= 1).length === 2,
      15_000,
    );
    const waiting = await pending(email);
    expect(waiting.map((r) => r.status)).toEqual(['pending', 'pending']);
    for (const row of waiting) expect(row.last_error).toEqual(expect.any(String));
    expect((await fetch(`${server.url}/health/ready`)).status).toBe(200);
    expect((await post('/api/v1/auth/password-reset/request', { email: uniqueEmail('x') })).status).toBe(202);
    expect(sink.received).toEqual([]);

    // The mail server comes back on the same port: no restart, no one pressing a button.
    await sleep(500);
    await sink.listen();
    const attempts = Math.max(...(await pending(email)).map((r) => r.attempts));
    const allowedMs = (backoffSeconds(attempts) + 3) * 1000;
    const deliveredIn = await waitFor(
      'both e-mails delivered',
      async () => sink.received.filter((m) => m.to.includes(email)).length === 2,
      allowedMs,
    );
    expect((await pending(email)).map((r) => r.status)).toEqual(['done', 'done']);
    const subjects = sink.received.filter((m) => m.to.includes(email)).map((m) => m.subject);
    expect(subjects).toHaveLength(2);
    expect(server.child.exitCode).toBeNull();
    console.info(
      `smtp-down: 2 e-mails pending through ${attempts} failed attempt(s) each; delivered ${deliveredIn} ms ` +
        `after the mail server came back (backoff allows ${allowedMs} ms) — ${subjects.join(' | ')}`,
    );
  });
});

if (skipReason) console.warn(`smtp-down faults skipped: ${skipReason}`);
