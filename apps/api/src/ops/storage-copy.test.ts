import { statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalStorage } from '../lib/storage.ts';
import { createS3Storage } from '../lib/storage-s3.ts';
import { runScript } from '../test/cli.ts';
import { startS3rver, type TestS3 } from '../test/s3.ts';
import { copyStorage } from './storage-copy.ts';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Moving existing uploads from DATA_DIR/uploads into a bucket (`npm run storage:copy`). */
describe('storage:copy', () => {
  let s3: TestS3;
  let dataDir: string;
  beforeAll(async () => {
    s3 = await startS3rver(2);
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'bextr-storage-copy-'));
  });
  afterAll(async () => {
    await s3?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('copies every upload file byte for byte, skips what the bucket holds, leaves temporaries; a rerun copies nothing', async () => {
    const local = createLocalStorage(path.join(dataDir, 'a'));
    const bucket = createS3Storage(s3.settings());
    try {
      const files = Object.fromEntries(
        Array.from({ length: 12 }, (_, i) => [
          `01COPYcopycopy${String(i).padStart(2, '0')}.png`,
          Buffer.from([i, 0, 255, i]),
        ]),
      );
      for (const [key, data] of Object.entries(files)) await local.put(key, data);
      await writeFile(path.join(dataDir, 'a', '.tmp-0123456789abcdef'), 'half');
      await bucket.put('01COPYcopycopy00.png', files['01COPYcopycopy00.png'] as Buffer);

      expect(await copyStorage(local, bucket)).toEqual({ copied: 11, skipped: 1, failed: [] });
      // The directory the first upload made is its owner's only, like the rest of DATA_DIR.
      expect(statSync(path.join(dataDir, 'a')).mode & 0o777).toBe(0o700);
      const inBucket = ((await bucket.list?.()) ?? []).map((o) => o.key).sort();
      expect(inBucket).toEqual(Object.keys(files).sort());
      for (const [key, data] of Object.entries(files)) expect(await bucket.get(key)).toEqual(data);
      expect(await copyStorage(local, bucket)).toEqual({ copied: 0, skipped: 12, failed: [] });
    } finally {
      bucket.close?.();
    }
  });

  it('runs as a command with the server configuration (DATA_DIR, S3_*) and says what it did', async () => {
    const settings = s3.settings();
    await createLocalStorage(path.join(dataDir, 'uploads')).put(
      '01CLIclicliclicl.thumb.webp',
      Buffer.from('thumb'),
    );
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: os.tmpdir(),
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      DATA_DIR: dataDir,
      S3_BUCKET: settings.bucket,
      S3_ENDPOINT: settings.endpoint ?? '',
      S3_FORCE_PATH_STYLE: 'true',
      S3_PREFIX: 'bextr',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    };
    const run = (extra: Record<string, string> = {}) =>
      runScript('src/ops/storage-copy-cli.ts', [], { cwd: apiDir, env: { ...env, ...extra } });
    const { stdout } = await run();
    expect(stdout).toContain(`to s3://${settings.bucket}/bextr/`);
    expect(stdout).toContain(`Found 1 upload files in ${path.join(dataDir, 'uploads')}.`);
    expect(stdout).toContain('Copied 1, already there 0, failed 0.');
    const bucket = createS3Storage({ ...settings, prefix: 'bextr/' });
    try {
      expect((await bucket.get('01CLIclicliclicl.thumb.webp'))?.toString()).toBe('thumb');
    } finally {
      bucket.close?.();
    }
    // A DATA_DIR without uploads (a wrong one) is refused, not "copied" as nothing.
    const wrong = path.join(dataDir, 'elsewhere');
    const missing = await run({ DATA_DIR: wrong });
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.stderr).toContain(
      `There is no uploads directory at ${path.join(wrong, 'uploads')}: check DATA_DIR`,
    );
    expect(missing.stdout).not.toContain('Copied');
    // A partial configuration stops it before anything is read.
    const partial = await run({ S3_BUCKET: '' });
    expect(partial).toMatchObject({ code: 1 });
    expect(partial.stderr).toContain('S3_BUCKET: required when');
  }, 60_000);
});
