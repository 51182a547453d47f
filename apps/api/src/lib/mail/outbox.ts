import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, Tx } from '../../db/client.ts';
import { outbox } from '../../db/schema.ts';
import type { RenderedMail } from './templates.ts';
import type { MailTransport } from './transport.ts';

export interface EmailJob extends RenderedMail {
  to: string;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) on notifications. */
  headers?: Record<string, string>;
}

const MAX_ATTEMPTS = 10;
const LEASE_SECONDS = 120;

/** Queues an e-mail inside the caller's transaction: it leaves only if the write commits. Subjects
 * carry user text (names, campaign names): line breaks become spaces, so none can start a header. */
export async function enqueueEmail(tx: Tx | Db, mail: EmailJob): Promise<void> {
  await enqueueEmails(tx, [mail]);
}

/** enqueueEmail for several e-mails, in one statement. */
export async function enqueueEmails(tx: Tx | Db, mails: readonly EmailJob[]): Promise<void> {
  if (mails.length === 0) return;
  const rows = mails.map((mail) => ({
    kind: 'email' as const,
    payload: { ...mail, subject: mail.subject.replace(/[\r\n]+/g, ' ') },
  }));
  await tx.insert(outbox).values(rows);
}

/** Backoff after the n-th failed attempt: 5 s, 10 s, 20 s … capped at one hour. */
export function backoffSeconds(attempt: number): number {
  return Math.min(3600, 5 * 2 ** Math.max(0, attempt - 1));
}

/** Works the outbox: claims due jobs with a lease (SKIP LOCKED, so several processes share the
 * queue without sending twice), sends them, and reschedules failures with backoff. */
export class OutboxWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly transport: MailTransport,
    private readonly log: FastifyBaseLogger,
    private readonly pollMs: number,
  ) {}

  start() {
    this.stopped = false;
    this.schedule(this.pollMs);
  }

  /** Called after a commit that queued mail: work it soon rather than at the next poll. */
  kick() {
    if (!this.stopped && this.timer) this.schedule(0);
  }

  private schedule(ms: number) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.drain()
        .catch((err) => this.log.error({ err }, 'outbox run failed'))
        .finally(() => {
          if (!this.stopped) this.schedule(this.pollMs);
        });
    }, ms);
    this.timer.unref();
  }

  /** Works every due job once; resolves when the queue holds nothing due. */
  drain(): Promise<void> {
    if (!this.running) {
      this.running = this.runUntilEmpty().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  /** Claims nothing more from now on (the e-mail being sent finishes, the rest of its batch is handed
   * back). Called as soon as the app starts closing, before in-flight requests have finished: a send
   * started during those seconds could outlive the exit deadline and go out twice after the lease. */
  halt() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Halts and waits for the run in progress. */
  async stop() {
    this.halt();
    await this.running;
  }

  private async runUntilEmpty() {
    for (let round = 0; round < 100 && !this.stopped; round++) {
      const jobs = await this.claim(10);
      if (jobs.length === 0) return;
      for (const [i, job] of jobs.entries()) {
        // Stopping (SIGTERM): the e-mail being sent finishes, the rest of the batch is handed back
        // at once, so another process sends it now rather than after the lease.
        if (this.stopped) return this.release(jobs.slice(i));
        await this.work(job);
      }
    }
  }

  /** Gives claimed jobs back untouched: due now, the claim's attempt not counted. */
  private async release(jobs: (typeof outbox.$inferSelect)[]) {
    for (const job of jobs) {
      await this.db
        .update(outbox)
        .set({ runAt: sql`now()`, attempts: sql`${outbox.attempts} - 1` })
        .where(and(eq(outbox.id, job.id), eq(outbox.attempts, job.attempts), eq(outbox.status, 'pending')));
    }
  }

  private async claim(limit: number) {
    const due = this.db
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.status, 'pending'), lte(outbox.runAt, sql`now()`)))
      .orderBy(outbox.runAt)
      .limit(limit)
      .for('update', { skipLocked: true });
    const claimed = await this.db
      .update(outbox)
      .set({
        attempts: sql`${outbox.attempts} + 1`,
        runAt: sql`now() + make_interval(secs => ${LEASE_SECONDS})`,
      })
      .where(inArray(outbox.id, due))
      .returning();
    // UPDATE … RETURNING yields rows in no particular order: send them in the order they were queued,
    // so that after an outage a newer e-mail (e.g. a re-sent link) never arrives before an older one.
    return claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  private async work(job: typeof outbox.$inferSelect) {
    // Ours while our claim (its attempt count) stands: another process takes a job over only after
    // the lease ran out, and counts one more attempt when it does.
    const ours = and(eq(outbox.id, job.id), eq(outbox.attempts, job.attempts), eq(outbox.status, 'pending'));
    // A batch is claimed at once and the jobs before this one took their time: renew the lease just
    // before sending (the transport's timeouts keep a send well inside it), and leave a job that was
    // taken over meanwhile to the process that took it — so no e-mail goes out twice.
    const held = await this.db
      .update(outbox)
      .set({ runAt: sql`now() + make_interval(secs => ${LEASE_SECONDS})` })
      .where(ours)
      .returning({ id: outbox.id });
    if (held.length === 0) return;
    try {
      await this.transport.send(job.payload as EmailJob);
      await this.db.update(outbox).set({ status: 'done', doneAt: new Date(), lastError: null }).where(ours);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const dead = job.attempts >= MAX_ATTEMPTS;
      this.log.warn({ jobId: job.id, attempt: job.attempts, dead, err: message }, 'e-mail delivery failed');
      await this.db
        .update(outbox)
        .set({
          status: dead ? 'dead' : 'pending',
          lastError: message.slice(0, 1000),
          runAt: sql`now() + make_interval(secs => ${backoffSeconds(job.attempts)})`,
        })
        .where(ours);
    }
  }
}
