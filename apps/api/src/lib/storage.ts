import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../http/errors.ts';

/** Where uploaded files live. Keys are made by the server (never a client's file name). Two drivers:
 * files in a directory (below) and objects in an S3 bucket (storage-s3.ts), picked in app.ts. */
export interface Storage {
  put(key: string, data: Buffer): Promise<void>;
  /** The stored bytes, or null when there is no such object. */
  get(key: string): Promise<Buffer | null>;
  /** Removing a key that holds nothing is not an error (the orphan sweep relies on it). */
  remove(key: string): Promise<void>;
  /** Every stored upload file (`isUploadFileKey`) with its write time, and half-written temporaries
   * (`.tmp-…`) a crash left; for the stray-file sweep and storage:copy. Other names are not listed.
   * Optional: a driver without it is not swept. */
  list?(): Promise<{ key: string; modifiedAt: Date }[]>;
  /** Whether the storage can be used as configured (S3: HeadBucket). Rejects with a message naming
   * what to fix when it cannot (no such bucket, access denied), and with StorageUnavailableError when
   * it cannot be reached. Optional: a local directory is made on first write. */
  check?(): Promise<void>;
  /** Lets go of connections (the S3 client's keep-alive sockets) when the app closes. */
  close?(): void;
}

const KEY = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
/** A temporary file `put` writes before renaming it into place. */
const TEMP = /^\.tmp-[0-9a-f]{16}$/;

/** The exact shape of an upload's files (uploads/service.ts `storeImage`): a `newId()` (12 random
 * bytes, 16 base64url characters), `.thumb` for the thumbnail, and the image's extension. `list`
 * reports only these (and the local driver's temporaries), so the stray-file sweep never touches
 * anything else in a shared bucket or directory — someone's `logo.png` or `backup.tar.gz`. */
const UPLOAD_FILE = /^[A-Za-z0-9_-]{16}(\.thumb)?\.(webp|jpg|png)$/;
export const isUploadFileKey = (key: string) => UPLOAD_FILE.test(key);
/** A half-written file of the local driver's `put`. */
export const isTemporaryKey = (key: string) => TEMP.test(key);

/** A key the server makes: one flat name, no path, no `..`. Both drivers refuse others. */
export function checkKey(key: string): string {
  if (!KEY.test(key) || key.includes('..')) throw new Error(`invalid storage key: ${key}`);
  return key;
}

/** How long a client should wait before retrying while the storage is away. */
const STORAGE_RETRY_AFTER_SECONDS = 5;

/** The storage cannot be reached right now (refused, timed out, answering 5xx): the request did not
 * happen and may be retried — answered 503 with Retry-After, like a database that is away (decision
 * 017), never a hang or a 500. */
export class StorageUnavailableError extends AppError {
  constructor(readonly reason: unknown) {
    super(
      503,
      'SERVICE_UNAVAILABLE',
      { retryAfterSeconds: STORAGE_RETRY_AFTER_SECONDS },
      { 'retry-after': String(STORAGE_RETRY_AFTER_SECONDS) },
    );
  }
}

/** Files in one directory. A write goes to a temporary file that is renamed into place, so a crash
 * never leaves half a file under a real key. */
export function createLocalStorage(dir: string): Storage {
  const root = path.resolve(dir);
  let ready: Promise<unknown> | null = null;
  const ensureDir = () => {
    // Readable by BeXtr's user only, like the database beside it (when this makes DATA_DIR too).
    ready ??= mkdir(root, { recursive: true, mode: 0o700 });
    return ready;
  };
  return {
    async put(key, data) {
      const target = path.join(root, checkKey(key));
      await ensureDir();
      const temp = path.join(root, `.tmp-${randomBytes(8).toString('hex')}`);
      try {
        await writeFile(temp, data, { flag: 'wx' });
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },
    async get(key) {
      try {
        return await readFile(path.join(root, checkKey(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async remove(key) {
      await rm(path.join(root, isTemporaryKey(key) ? key : checkKey(key)), { force: true });
    },
    async list() {
      let names: string[];
      try {
        names = await readdir(root);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const entries: { key: string; modifiedAt: Date }[] = [];
      for (const name of names) {
        if (!isTemporaryKey(name) && !isUploadFileKey(name)) continue;
        const info = await stat(path.join(root, name)).catch(() => null);
        if (info?.isFile()) entries.push({ key: name, modifiedAt: info.mtime });
      }
      return entries;
    },
  };
}
