import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveEvents } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { buildBusiness } from '../../test/factories/users.ts';
import { pruneLiveEvents } from './prune.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t?.close());

describe('pruneLiveEvents', () => {
  it('deletes events older than three days, in batches, and keeps the newer ones', async () => {
    const { user } = await buildBusiness(t.app);
    const now = new Date('2031-05-10T12:00:00Z');
    const day = 24 * 60 * 60 * 1000;
    const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * day);
    const data = { collaborationId: 'c1', status: 'active' };
    await t.ctx.db.insert(liveEvents).values([
      ...Array.from({ length: 7 }, () => ({
        userId: user.id,
        type: 'collaboration',
        data,
        createdAt: at(4),
      })),
      { userId: user.id, type: 'collaboration', data, createdAt: at(2.9) },
      { userId: user.id, type: 'collaboration', data, createdAt: at(0) },
    ]);
    expect(await pruneLiveEvents(t.ctx.db, now, { batchSize: 3 })).toBe(7);
    const left = await t.ctx.db.select().from(liveEvents).where(eq(liveEvents.userId, user.id));
    expect(left).toHaveLength(2);
    expect(await pruneLiveEvents(t.ctx.db, now)).toBe(0);
  });
});
