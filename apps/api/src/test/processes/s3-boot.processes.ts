import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { S3Settings } from '../../config.ts';
import {
  type AppProcess,
  freePort,
  productionEnv,
  startApp,
  tempDir,
  waitFor,
} from '../faults/app-process.ts';
import { startS3rver, type TestS3 } from '../s3.ts';

/** The real server with S3_BUCKET, as an operator starts it: a bucket that does not answer does not
 * hold up the boot (the storage check and the stray sweep run after listening), and a wrong bucket
 * is named in the log at boot instead of as a 500 on the first upload. */
describe('booting with an S3 bucket', () => {
  let s3: TestS3;
  let settings: S3Settings;
  const cleanup: (() => Promise<unknown>)[] = [];
  beforeAll(async () => {
    s3 = await startS3rver(1);
    settings = s3.settings();
  });
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step().catch(() => {});
    await s3?.stop();
  });

  const boot = async (bucket: string, timeoutMs: number): Promise<AppProcess> => {
    const dataDir = await tempDir('s3-boot');
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const env = productionEnv({
      port: await freePort(),
      dataDir,
      extra: {
        S3_BUCKET: bucket,
        S3_ENDPOINT: settings.endpoint ?? '',
        S3_REGION: settings.region,
        S3_FORCE_PATH_STYLE: 'true',
        S3_ACCESS_KEY_ID: 'S3RVER',
        S3_SECRET_ACCESS_KEY: 'S3RVER',
      },
    });
    const app = await startApp(env, timeoutMs);
    cleanup.push(() => app.kill('SIGKILL'));
    return app;
  };

  it('a wrong bucket: the server starts and logs what to fix', async () => {
    const app = await boot('bextr-no-such-bucket', 90_000);
    await waitFor('the bucket error is logged', async () => app.output().includes('no such bucket'), 10_000);
    expect(app.output()).toContain('S3 bucket \\"bextr-no-such-bucket\\" cannot be used: no such bucket');
    expect((await fetch(`${app.url}/health/live`)).status).toBe(200);
  }, 120_000);

  it('a bucket that hangs: the server listens without waiting for it', async () => {
    s3.pause();
    try {
      // Every S3 call waits out its 20 s deadline; the old boot waited for the sweep's listing.
      const started = Date.now();
      const app = await boot(settings.bucket, 60_000);
      const tookMs = Date.now() - started;
      expect(tookMs, app.output()).toBeLessThan(18_000);
      expect((await fetch(`${app.url}/health/live`)).status).toBe(200);
    } finally {
      s3.resume();
    }
  }, 120_000);
});
