import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Storage } from '../../lib/storage-s3.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { sleep } from '../../test/faults/app-process.ts';
import { startDeadEndpoint, startS3rver, type TestS3 } from '../../test/s3.ts';
import { prepareStorageAtBoot } from './boot-storage.ts';

/** What an operator reads at boot about the upload bucket: a wrong bucket or key is named as an error
 * to fix, a bucket that is away is a warning (uploads answer 503), a good one is swept. */
describe('the upload storage at boot', () => {
  let s3: TestS3;
  let t: TestApp;
  let settings: ReturnType<TestS3['settings']>;
  beforeAll(async () => {
    s3 = await startS3rver(1);
    settings = s3.settings();
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
    await s3?.stop();
  });

  const run = async (storage: ReturnType<typeof createS3Storage>) => {
    const lines: { level: string; msg: string }[] = [];
    const record = (level: string) => (_obj: object, msg?: string) =>
      void lines.push({ level, msg: msg ?? '' });
    const log = { error: record('error'), warn: record('warn'), info: record('info') };
    try {
      await prepareStorageAtBoot({ db: t.ctx.db, storage, log: log as never }, { graceMs: 0 });
    } finally {
      storage.close?.();
    }
    return lines;
  };

  it('a wrong bucket or an unknown key: an error that says what to fix, and no sweep', async () => {
    const wrongBucket = await run(createS3Storage({ ...settings, bucket: 'bextr-typo' }, { maxAttempts: 1 }));
    expect(wrongBucket).toEqual([
      {
        level: 'error',
        msg: 'S3 bucket "bextr-typo" cannot be used: no such bucket (check S3_BUCKET and S3_ENDPOINT): uploads fail until this is fixed',
      },
    ]);
    const wrongKey = await run(
      createS3Storage(
        { ...settings, credentials: { accessKeyId: 'NOT-A-KEY', secretAccessKey: 'x' } },
        { maxAttempts: 1 },
      ),
    );
    expect(wrongKey).toHaveLength(1);
    expect(wrongKey[0]?.level).toBe('error');
    expect(wrongKey[0]?.msg).toContain('access denied (check S3_ACCESS_KEY_ID');

    // The same bucket, reachable and right: its stray object goes.
    const good = createS3Storage(settings);
    const stray = createS3Storage(settings);
    await stray.put('0123456789abcdef.png', Buffer.from('half an upload'));
    await sleep(1100);
    expect(await run(good)).toEqual([{ level: 'info', msg: 'stray upload files removed at boot' }]);
    expect(await stray.get('0123456789abcdef.png')).toBeNull();
    stray.close?.();
  });

  it('a bucket that is away: a warning (uploads answer 503 meanwhile), not an error', async () => {
    const dead = await startDeadEndpoint('refused');
    try {
      const lines = await run(createS3Storage({ ...settings, endpoint: dead.endpoint }, { maxAttempts: 1 }));
      expect(lines).toEqual([
        { level: 'warn', msg: 'upload storage unreachable at boot: uploads answer 503 until it is back' },
      ]);
    } finally {
      await dead.close();
    }
  });
});
