import { afterEach, describe, expect, it, vi } from 'vitest';
import { type HousekeepingTask, startHousekeeping } from './housekeeping.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('startHousekeeping', () => {
  it('runs every task a minute after start, then on each interval; a failing task does not stop the next', async () => {
    vi.useFakeTimers();
    const log = { error: vi.fn() };
    const calls: string[] = [];
    const tasks: HousekeepingTask[] = [
      {
        name: 'broken',
        run: async () => {
          calls.push('broken');
          throw new Error('boom');
        },
      },
      { name: 'fine', run: async () => void calls.push('fine') },
    ];
    const housekeeping = startHousekeeping(tasks, { everyMs: 3_600_000, log });
    await vi.advanceTimersByTimeAsync(59_000);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toEqual(['broken', 'fine']);
    expect(log.error).toHaveBeenCalledWith({ err: expect.any(Error) }, 'broken failed');
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(calls).toEqual(['broken', 'fine', 'broken', 'fine']);
    await housekeeping.stop();
    await vi.advanceTimersByTimeAsync(10 * 3_600_000);
    expect(calls).toHaveLength(4);
  });

  it('stop waits for the run in progress, aborts it, and skips the tasks after it', async () => {
    vi.useFakeTimers();
    let release = () => {};
    let seen: AbortSignal | undefined;
    const second = vi.fn(async () => {});
    const housekeeping = startHousekeeping(
      [
        {
          name: 'slow',
          run: (signal) => {
            seen = signal;
            return new Promise<void>((resolve) => {
              release = resolve;
            });
          },
        },
        { name: 'second', run: second },
      ],
      { everyMs: 1_000, log: { error: vi.fn() } },
    );
    await vi.advanceTimersByTimeAsync(1_000);
    expect(seen?.aborted).toBe(false);
    let stopped = false;
    const stopping = housekeeping.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(seen?.aborted).toBe(true);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(second).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(second).not.toHaveBeenCalled();
  });
});
