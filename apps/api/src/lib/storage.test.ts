import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { startDeadEndpoint, startS3rver, type TestS3 } from '../test/s3.ts';
import { createLocalStorage, type Storage, StorageUnavailableError } from './storage.ts';
import { createS3Storage } from './storage-s3.ts';

let s3: TestS3;
let dir: string;
beforeAll(async () => {
  s3 = await startS3rver(10);
  dir = await mkdtemp(path.join(os.tmpdir(), 'bextr-storage-'));
});
afterAll(async () => {
  await s3?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Each driver, built over a place of its own. `pageSize` makes the S3 driver cross pages of a
 * ListObjectsV2 listing with few keys (the local driver has no pages). */
const drivers: [string, (opts: { pageSize?: number }) => Promise<Storage>][] = [
  ['local directory', async () => createLocalStorage(await mkdtemp(path.join(dir, 'd-')))],
  ['S3 bucket', async (opts) => createS3Storage(s3.settings(), opts)],
  [
    'S3 bucket under a prefix',
    async (opts) => createS3Storage(s3.settings({ prefix: 'bextr/uploads/' }), opts),
  ],
];

describe.each(drivers)('storage contract: %s', (_name, make) => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await make({ pageSize: 7 });
  });
  afterAll(() => storage?.close?.());

  it('gives back what was put, byte for byte; a second put replaces the first', async () => {
    const bytes = Buffer.from([0, 1, 2, 255, 254, 10, 13]);
    await storage.put('01CONTRACT.png', bytes);
    expect(await storage.get('01CONTRACT.png')).toEqual(bytes);
    await storage.put('01CONTRACT.png', Buffer.from('second'));
    expect((await storage.get('01CONTRACT.png'))?.toString()).toBe('second');
  });

  it('answers null for a key that holds nothing, and removing it is not an error', async () => {
    expect(await storage.get('01NEVERWRITTEN.webp')).toBeNull();
    await expect(storage.remove('01NEVERWRITTEN.webp')).resolves.toBeUndefined();
  });

  it('removes an object: it is gone for get and list', async () => {
    await storage.put('01GOINGgoinggoin.thumb.webp', Buffer.from('x'));
    await storage.remove('01GOINGgoinggoin.thumb.webp');
    expect(await storage.get('01GOINGgoinggoin.thumb.webp')).toBeNull();
    expect((await storage.list?.())?.map((e) => e.key)).not.toContain('01GOINGgoinggoin.thumb.webp');
  });

  it('lists every key with its write time, across pages', async () => {
    const started = Date.now();
    const keys = Array.from({ length: 23 }, (_, i) => `01LISTlistlis${String(i).padStart(3, '0')}.png`);
    for (const key of keys) await storage.put(key, Buffer.from(key));
    const listed = (await storage.list?.()) ?? [];
    expect(
      listed
        .map((e) => e.key)
        .filter((k) => k.startsWith('01LIST'))
        .sort(),
    ).toEqual(keys);
    // Only the keys written here (earlier tests wrote theirs before `started`). S3 keeps LastModified
    // to the second and a file system's clock ticks coarsely: the lower bound is floored to the second
    // with one second of slack, the upper one has a second of slack too.
    const floor = Math.floor(started / 1000) * 1000 - 1000;
    const mine = listed.filter((e) => keys.includes(e.key));
    expect(mine).toHaveLength(keys.length);
    for (const entry of mine) {
      expect(entry.modifiedAt.getTime(), entry.key).toBeGreaterThanOrEqual(floor);
      expect(entry.modifiedAt.getTime(), entry.key).toBeLessThanOrEqual(Date.now() + 1_000);
    }
  });

  it("lists only files shaped like an upload's: another program's files are not reported", async () => {
    // A bucket or directory shared with something else: the stray-file sweep must never see these.
    const foreign = ['logo.png', 'backup.tar.gz', '01SHORTID.png', '01LISTlistlis999.gif'];
    for (const key of foreign) await storage.put(key, Buffer.from('not an upload'));
    const listed = ((await storage.list?.()) ?? []).map((e) => e.key);
    for (const key of foreign) expect(listed, key).not.toContain(key);
    expect((await storage.get('logo.png'))?.toString()).toBe('not an upload');
  });

  it('refuses keys the server would never make, before touching anything', async () => {
    for (const key of [
      '../escape.png',
      'a/b.png',
      '',
      '.hidden',
      'x..png',
      `${'a'.repeat(129)}`,
      'spa ce.png',
    ]) {
      await expect(storage.put(key, Buffer.from('no')), key).rejects.toThrow('invalid storage key');
      await expect(storage.get(key), key).rejects.toThrow('invalid storage key');
      await expect(storage.remove(key), key).rejects.toThrow('invalid storage key');
    }
  });
});

describe('S3 driver', () => {
  it('lists more than 1000 objects: ListObjectsV2 pages at the server limit are followed', async () => {
    const settings = s3.settings();
    const storage = createS3Storage(settings);
    try {
      const keys = Array.from({ length: 1005 }, (_, i) => `01MANYmanyma${String(i).padStart(4, '0')}.webp`);
      for (let i = 0; i < keys.length; i += 50)
        await Promise.all(keys.slice(i, i + 50).map((key) => storage.put(key, Buffer.from('m'))));
      const listed = (await storage.list?.())?.map((e) => e.key).sort();
      expect(listed).toEqual(keys);
    } finally {
      storage.close?.();
    }
  }, 60_000);

  it('lists only its own prefix and its own kind of key', async () => {
    const shared = s3.settings();
    const outside = createS3Storage(shared);
    const mine = createS3Storage({ ...shared, prefix: 'bextr/' });
    try {
      await outside.put('01NOTMINEnotmine.png', Buffer.from('other app'));
      await mine.put('01MINEmineminemi.png', Buffer.from('ours'));
      expect((await mine.list?.())?.map((e) => e.key)).toEqual(['01MINEmineminemi.png']);
      expect(await mine.get('01NOTMINEnotmine.png')).toBeNull();
      // The outside view sees the prefixed object as a "folder" path: not a key it would make.
      expect((await outside.list?.())?.map((e) => e.key)).toEqual(['01NOTMINEnotmine.png']);
    } finally {
      outside.close?.();
      mine.close?.();
    }
  });

  it.each(['refused', 'silent'] as const)(
    'a storage that is away (%s) fails with StorageUnavailableError, in bounded time',
    async (mode) => {
      const dead = await startDeadEndpoint(mode);
      const storage = createS3Storage(
        { ...s3.settings(), endpoint: dead.endpoint },
        { connectTimeoutMs: 300, attemptTimeoutMs: 300, maxAttempts: 2, callTimeoutMs: 2_000 },
      );
      try {
        for (const op of [
          () => storage.put('01DOWN.png', Buffer.from('x')),
          () => storage.get('01DOWN.png'),
          () => storage.remove('01DOWN.png'),
          () => storage.list?.(),
        ])
          await expect(op()).rejects.toBeInstanceOf(StorageUnavailableError);
      } finally {
        storage.close?.();
        await dead.close();
      }
    },
  );

  it('check (HeadBucket) passes for the bucket and says what to fix for a wrong one or a wrong key', async () => {
    const settings = s3.settings();
    const cases: [Partial<typeof settings>, RegExp | null][] = [
      [{}, null],
      [{ bucket: 'no-such-bucket' }, /S3 bucket "no-such-bucket" cannot be used: no such bucket/],
      [
        // (s3rver does not check a V4 signature's secret, only that it knows the key id.)
        { credentials: { accessKeyId: 'NOT-A-KEY', secretAccessKey: 'not-the-secret' } },
        /cannot be used: access denied/,
      ],
    ];
    for (const [change, message] of cases) {
      const storage = createS3Storage({ ...settings, ...change }, { maxAttempts: 1 });
      try {
        if (message) await expect(storage.check?.()).rejects.toThrow(message);
        else await expect(storage.check?.()).resolves.toBeUndefined();
      } finally {
        storage.close?.();
      }
    }
    const dead = await startDeadEndpoint('refused');
    const away = createS3Storage({ ...settings, endpoint: dead.endpoint }, { maxAttempts: 1 });
    try {
      await expect(away.check?.()).rejects.toBeInstanceOf(StorageUnavailableError);
    } finally {
      away.close?.();
      await dead.close();
    }
  });

  it('a missing bucket is a configuration error, not an outage', async () => {
    const storage = createS3Storage({ ...s3.settings(), bucket: 'no-such-bucket' });
    try {
      const error = await storage.put('01X.png', Buffer.from('x')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(StorageUnavailableError);
      expect((error as Error).name).toBe('NoSuchBucket');
    } finally {
      storage.close?.();
    }
  });
});

describe('S3 configuration', () => {
  const boot = (env: Record<string, string>) => () => loadConfig({ NODE_ENV: 'production', ...env });

  it('no S3_* at all keeps uploads in DATA_DIR/uploads', () => {
    expect(boot({})().s3).toBeNull();
  });

  it('a complete configuration selects the bucket', () => {
    expect(
      boot({
        S3_BUCKET: 'bextr-uploads',
        S3_ENDPOINT: 'http://127.0.0.1:9000',
        S3_FORCE_PATH_STYLE: 'true',
        S3_PREFIX: 'prod/uploads',
        S3_ACCESS_KEY_ID: 'id',
        S3_SECRET_ACCESS_KEY: 'secret',
      })().s3,
    ).toEqual({
      bucket: 'bextr-uploads',
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
      forcePathStyle: true,
      prefix: 'prod/uploads/',
      credentials: { accessKeyId: 'id', secretAccessKey: 'secret' },
    });
    // On AWS itself: a region, and credentials from the SDK's chain (instance or task role).
    expect(boot({ S3_BUCKET: 'bextr-uploads', S3_REGION: 'eu-central-1' })().s3).toMatchObject({
      endpoint: null,
      region: 'eu-central-1',
      credentials: null,
    });
  });

  it('a partial configuration stops the boot naming the variable to fix', () => {
    expect(boot({ S3_ENDPOINT: 'http://127.0.0.1:9000', S3_ACCESS_KEY_ID: 'id' })).toThrow(
      'S3_BUCKET: required when S3_ENDPOINT, S3_ACCESS_KEY_ID are set',
    );
    expect(boot({ S3_BUCKET: 'bextr-uploads' })).toThrow('S3_REGION: required for AWS S3');
    expect(boot({ S3_BUCKET: 'bextr-uploads', S3_REGION: 'eu-central-1', S3_ACCESS_KEY_ID: 'id' })).toThrow(
      'S3_SECRET_ACCESS_KEY: required with S3_ACCESS_KEY_ID',
    );
    expect(boot({ S3_BUCKET: 'Bad_Bucket', S3_REGION: 'eu-central-1' })).toThrow(
      'S3_BUCKET: must be an S3 bucket name',
    );
    expect(boot({ S3_BUCKET: 'bextr-uploads', S3_ENDPOINT: 'ftp://files' })).toThrow(
      'S3_ENDPOINT: must be an http:// or https:// URL',
    );
    expect(boot({ S3_BUCKET: 'bextr-uploads', S3_REGION: 'eu-central-1', S3_PREFIX: '../up' })).toThrow(
      'S3_PREFIX: must be folder names joined by /',
    );
  });
});
