import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { S3Settings } from '../config.ts';
import { checkKey, isUploadFileKey, type Storage, StorageUnavailableError } from './storage.ts';

export interface S3StorageOptions {
  /** Connecting may take this long per attempt (a blackholed endpoint fails here, not never). */
  connectTimeoutMs?: number;
  /** One request with its answer may take this long per attempt. */
  attemptTimeoutMs?: number;
  /** Tries per call, the first included (the SDK's standard retry with backoff and jitter). */
  maxAttempts?: number;
  /** A whole call, its retries included, ends after this: the bound a user's request waits. */
  callTimeoutMs?: number;
  /** Keys per ListObjectsV2 page (S3 answers at most 1000; tests use fewer to cross pages). */
  pageSize?: number;
  /** Where a storage outage is reported once per failed call (the user gets a 503). */
  log?: { warn(obj: object, msg: string): void };
}

/** Defaults sized for a user's upload of ≤ 10 MB (two objects) on a healthy network: an outage is
 * answered within about 2 × 20 s at worst, a refused connection within a second. */
const DEFAULTS = {
  connectTimeoutMs: 3_000,
  attemptTimeoutMs: 15_000,
  maxAttempts: 3,
  callTimeoutMs: 20_000,
  pageSize: 1000,
} as const;

/** Socket errors that mean the endpoint is not answering (not that the request was wrong). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** Whether a failed call means "storage away, try later" rather than "misconfigured": no answer at all
 * (refused, reset, timed out, aborted by our deadline), or a 5xx / 429 the retries did not get past.
 * A 4xx (AccessDenied, NoSuchBucket, a bad signature) is the operator's to fix: it stays a 500, logged
 * by the error handler with the SDK's own message. */
function isUnavailable(error: unknown): boolean {
  if (error instanceof S3ServiceException) {
    const status = error.$metadata.httpStatusCode ?? 0;
    return status >= 500 || status === 429;
  }
  const e = error as { name?: unknown; code?: unknown; cause?: unknown };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return true;
  return e.cause !== undefined && e.cause !== error && isUnavailable(e.cause);
}

const isMissing = (error: unknown) =>
  error instanceof S3ServiceException &&
  (error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404);

/** Objects in one bucket, optionally under a prefix (a "folder"). Keys are checked as the local
 * driver checks them, before any request. An object appears whole or not at all (S3's PUT is atomic),
 * so there are no temporaries to sweep. Objects stay private: the app serves them after its access
 * check (uploads/service.ts `readUpload`); nothing here makes a public or presigned URL. */
export function createS3Storage(settings: S3Settings, options: S3StorageOptions = {}): Storage {
  const o = { ...DEFAULTS, ...options };
  const client = new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle,
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    maxAttempts: o.maxAttempts,
    requestHandler: {
      connectionTimeout: o.connectTimeoutMs,
      requestTimeout: o.attemptTimeoutMs,
      // Without it the SDK only warns when a request runs over, and waits on.
      throwOnRequestTimeout: true,
    },
    // The SDK's newer checksum defaults (CRC32 trailers) are not understood by every S3-compatible
    // server; send them only where an operation requires one.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const { bucket, prefix } = settings;

  /** Runs one SDK call under the overall deadline; an outage becomes StorageUnavailableError. */
  async function call<T>(what: string, key: string, run: (abortSignal: AbortSignal) => Promise<T>) {
    try {
      return await run(AbortSignal.timeout(o.callTimeoutMs));
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      o.log?.warn({ err: error, bucket, key, op: what }, 'object storage unavailable');
      throw new StorageUnavailableError(error);
    }
  }

  return {
    async put(key, data) {
      const Key = prefix + checkKey(key);
      await call('put', Key, (abortSignal) =>
        client.send(new PutObjectCommand({ Bucket: bucket, Key, Body: data, ContentLength: data.length }), {
          abortSignal,
        }),
      );
    },
    async get(key) {
      const Key = prefix + checkKey(key);
      return call('get', Key, async (abortSignal) => {
        try {
          const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key }), { abortSignal });
          if (!out.Body) return null;
          const bytes = await out.Body.transformToByteArray();
          return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        } catch (error) {
          if (isMissing(error)) return null;
          throw error;
        }
      });
    },
    async remove(key) {
      const Key = prefix + checkKey(key);
      // S3 answers 204 for a key that holds nothing; some compatible servers answer 404.
      await call('remove', Key, async (abortSignal) => {
        try {
          await client.send(new DeleteObjectCommand({ Bucket: bucket, Key }), { abortSignal });
        } catch (error) {
          if (!isMissing(error)) throw error;
        }
      });
    },
    async list() {
      const entries: { key: string; modifiedAt: Date }[] = [];
      let token: string | undefined;
      do {
        const page = await call('list', prefix, (abortSignal) =>
          client.send(
            new ListObjectsV2Command({
              Bucket: bucket,
              Prefix: prefix || undefined,
              MaxKeys: o.pageSize,
              ContinuationToken: token,
            }),
            { abortSignal },
          ),
        );
        for (const object of page.Contents ?? []) {
          const key = object.Key?.slice(prefix.length) ?? '';
          // Only BeXtr's own upload files: "subfolders" and foreign names (`logo.png`) are not ours,
          // above all in a bucket shared without S3_PREFIX.
          if (isUploadFileKey(key) && object.LastModified)
            entries.push({ key, modifiedAt: object.LastModified });
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return entries;
    },
    async check() {
      try {
        await call('check', prefix, (abortSignal) =>
          client.send(new HeadBucketCommand({ Bucket: bucket }), { abortSignal }),
        );
      } catch (error) {
        if (error instanceof StorageUnavailableError || !(error instanceof S3ServiceException)) throw error;
        // HeadBucket answers with a status and no body: say in words what it means.
        const status = error.$metadata.httpStatusCode ?? 0;
        const meaning =
          status === 404
            ? 'no such bucket (check S3_BUCKET and S3_ENDPOINT)'
            : status === 403
              ? 'access denied (check S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY and the bucket policy)'
              : status === 301 || status === 400
                ? 'the bucket is in another region or endpoint (check S3_REGION and S3_ENDPOINT)'
                : `${error.name}, HTTP ${status}`;
        throw new Error(`S3 bucket "${bucket}" cannot be used: ${meaning}`, { cause: error });
      }
    },
    close() {
      client.destroy();
    },
  };
}
