import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { buildInfluencer } from '../../test/factories/users.ts';
import { countPublicStats, publicStatsReader } from './stats.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe("the landing page's figures", () => {
  it('are counted at most once a minute per process, then counted again', async () => {
    let clock = 1_000_000;
    const read = publicStatsReader(t.ctx.db, { maxAgeMs: 60_000, now: () => clock });
    const first = await read();
    expect(first).toEqual(await countPublicStats(t.ctx.db));

    await buildInfluencer(t.app);
    clock += 59_000;
    expect((await read()).influencers).toBe(first.influencers);
    clock += 1_000;
    expect((await read()).influencers).toBe(first.influencers + 1);
  });

  it('callers that arrive while a count runs share it', async () => {
    const read = publicStatsReader(t.ctx.db, { maxAgeMs: 0 });
    const a = read();
    const b = read();
    expect(b).toBe(a);
    await a;
    expect(read()).not.toBe(a);
  });
});
