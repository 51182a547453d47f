import type { FastifyBaseLogger } from 'fastify';

/** How often each process does its housekeeping (the first run comes a minute after boot). */
export const HOUSEKEEPING_EVERY_MS = 60 * 60 * 1000;
const FIRST_RUN_MS = 60 * 1000;

/** One periodic clean-up. `run` should end soon after `signal` aborts (after its current batch). */
export interface HousekeepingTask {
  /** Names the task in the error log: "<name> failed". */
  name: string;
  run(signal: AbortSignal): Promise<void>;
}

/** Runs the tasks one after another on a timer (unref'd: it never keeps the process alive); one
 * task failing is logged and does not stop the others. `stop` cancels the next run and waits for
 * one in progress, which ends after its current batch; `cancel` does the same without waiting. */
export function startHousekeeping(
  tasks: readonly HousekeepingTask[],
  opts: { everyMs?: number; log: Pick<FastifyBaseLogger, 'error'> },
) {
  const everyMs = opts.everyMs ?? HOUSEKEEPING_EVERY_MS;
  const abort = new AbortController();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const runAll = async () => {
    for (const task of tasks) {
      if (abort.signal.aborted) return;
      try {
        await task.run(abort.signal);
      } catch (err) {
        opts.log.error({ err }, `${task.name} failed`);
      }
    }
  };
  const schedule = (ms: number) => {
    timer = setTimeout(() => {
      running = runAll().finally(() => {
        running = null;
        if (!abort.signal.aborted) schedule(everyMs);
      });
    }, ms);
    timer.unref();
  };
  schedule(Math.min(everyMs, FIRST_RUN_MS));
  const cancel = () => {
    abort.abort();
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return {
    /** Starts no further run and asks the one in progress to end after its current batch (the app
     * calls it as soon as it starts closing). */
    cancel,
    async stop() {
      cancel();
      await running;
    },
  };
}
