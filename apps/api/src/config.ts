import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const boolFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** TRUST_PROXY: unset = the socket's address is the client's (X-Forwarded-For ignored, so nobody can
 * pick the address a rate limit counts); a number = that many proxy hops in front of us; otherwise a
 * comma-separated list of proxy addresses or CIDRs (e.g. `127.0.0.1,10.0.0.0/8`) whose forwarded
 * address is believed. */
const trustProxySchema = z
  .string()
  .trim()
  .transform((v, c): number | string[] => {
    if (/^\d+$/.test(v)) return Number(v);
    const list = v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = list.filter((s) => !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(s));
    if (list.length === 0 || bad.length > 0) {
      c.addIssue({ code: 'custom', message: 'must be a hop count or a list of addresses/CIDRs' });
      return z.NEVER;
    }
    return list;
  });

/** WEB_CONCURRENCY: how many worker processes `npm start` runs (node:cluster, one port); `auto` = one
 * per CPU (os.availableParallelism()), at most AUTO_MAX_WORKERS: each worker holds up to 11 database
 * connections, and PostgreSQL allows 100 by default. More than one needs DATABASE_URL (see
 * checkConcurrency). */
export const AUTO_MAX_WORKERS = 8;
const concurrencySchema = z
  .string()
  .trim()
  .transform((v, c): number => {
    if (v.toLowerCase() === 'auto') return Math.min(os.availableParallelism(), AUTO_MAX_WORKERS);
    if (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 256) return Number(v);
    c.addIssue({ code: 'custom', message: 'must be a whole number from 1 to 256, or `auto` (one per CPU)' });
    return z.NEVER;
  });

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(8).max(128).optional(),
  /** The boot admin's second factor (base32, as authenticator apps take it): enrolled at boot. */
  ADMIN_TOTP_SECRET: z
    .string()
    .transform((v) => v.toUpperCase().replace(/[\s=-]/g, ''))
    .pipe(z.string().regex(/^[A-Z2-7]{16,128}$/, 'must be base32 (A–Z, 2–7), at least 16 characters'))
    .optional(),
  /** Encrypts admins' TOTP secrets at rest (AES-256-GCM under a key derived from it). */
  TOTP_ENCRYPTION_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  SEED_DEMO: boolFromEnv.optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('BeXtr <no-reply@bextr.local>'),
  PUBLIC_URL: z.url().optional(),
  MESSAGE_EMAIL_DELAY_MINUTES: z.coerce.number().min(0).max(1440).default(5),
  RATE_LIMIT_SCALE: z.coerce.number().positive().default(1),
  METRICS: boolFromEnv.default(false),
  /** Set = GET /metrics asks for `Authorization: Bearer <token>` (see README, Monitoring). */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Set = uploads go to this bucket (see S3Settings); unset = DATA_DIR/uploads. */
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name (3–63 of a–z, 0–9, . and -)')
    .optional(),
  S3_ENDPOINT: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  S3_REGION: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** Path-style URLs (`endpoint/bucket/key`), as MinIO and other self-hosted servers want. */
  S3_FORCE_PATH_STYLE: boolFromEnv.optional(),
  /** A folder inside the bucket for BeXtr's objects (e.g. `bextr/`), so a bucket can be shared. */
  S3_PREFIX: z
    .string()
    .regex(
      /^([A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*\/?$/,
      'must be folder names joined by /',
    )
    .transform((v) => (v.endsWith('/') ? v : `${v}/`))
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  WEB_DIST_DIR: z.string().optional(),
  /** Who may tell us the client's address in X-Forwarded-For (see trustProxySchema). */
  TRUST_PROXY: trustProxySchema.optional(),
  /** Worker processes sharing the port (see concurrencySchema); 1 = the server runs in `npm start`'s process. */
  WEB_CONCURRENCY: concurrencySchema.default(1),
});

/** Config's trustProxy as Fastify takes it: a hop count n trusts the n nearest hops (Fastify's own
 * reading of a number, which its types do not list). */
export function fastifyTrustProxy(value: number | string[] | false) {
  return typeof value === 'number' ? (_address: string, hop: number) => hop < value : value;
}

/** The environment variables BeXtr reads: the deployment files are checked against this list. */
export const configKeys = Object.keys(envSchema.shape) as (keyof typeof envSchema.shape)[];

/** A partial S3 configuration stops the boot with the variable to fix: half of one would otherwise
 * quietly keep uploads on the local disk of one process. */
function checkS3(env: z.infer<typeof envSchema>, ctx: z.RefinementCtx) {
  // Every S3_* setting but the bucket, read off the schema (a new one is covered without a list).
  const set = configKeys.filter((k) => k.startsWith('S3_') && k !== 'S3_BUCKET' && env[k] !== undefined);
  const issue = (key: string, message: string) => ctx.addIssue({ code: 'custom', path: [key], message });
  if (!env.S3_BUCKET) {
    if (set.length > 0)
      issue(
        'S3_BUCKET',
        `required when ${set.join(', ')} ${set.length > 1 ? 'are' : 'is'} set (unset all S3_* to keep uploads in DATA_DIR)`,
      );
    return;
  }
  if (!env.S3_ENDPOINT && !env.S3_REGION) issue('S3_REGION', 'required for AWS S3 (no S3_ENDPOINT is set)');
  if (env.S3_ACCESS_KEY_ID && !env.S3_SECRET_ACCESS_KEY)
    issue('S3_SECRET_ACCESS_KEY', 'required with S3_ACCESS_KEY_ID');
  if (!env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY)
    issue('S3_ACCESS_KEY_ID', 'required with S3_SECRET_ACCESS_KEY');
}

/** The embedded database lives in one process: several workers need PostgreSQL. */
function checkConcurrency(env: z.infer<typeof envSchema>, ctx: z.RefinementCtx) {
  if (env.WEB_CONCURRENCY > 1 && !env.DATABASE_URL)
    ctx.addIssue({
      code: 'custom',
      path: ['WEB_CONCURRENCY'],
      message: `is ${env.WEB_CONCURRENCY}, but the embedded database (no DATABASE_URL) serves one process only: set DATABASE_URL to a PostgreSQL server, or WEB_CONCURRENCY=1`,
    });
}

/** Object storage for uploads; null = files in DATA_DIR/uploads. */
export interface S3Settings {
  bucket: string;
  /** null = AWS S3 itself. */
  endpoint: string | null;
  region: string;
  forcePathStyle: boolean;
  /** Prepended to every key ('' or a folder ending in `/`). */
  prefix: string;
  /** null = the AWS SDK's own credential chain (AWS_* variables, instance or task role). */
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
}

function s3Settings(env: z.infer<typeof envSchema>): S3Settings | null {
  if (!env.S3_BUCKET) return null;
  return {
    bucket: env.S3_BUCKET,
    endpoint: env.S3_ENDPOINT ?? null,
    // Self-hosted servers (MinIO, Ceph) accept any region; us-east-1 is their usual default.
    region: env.S3_REGION ?? 'us-east-1',
    forcePathStyle: env.S3_FORCE_PATH_STYLE ?? false,
    prefix: env.S3_PREFIX ?? '',
    credentials:
      env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
        : null,
  };
}

export type Config = ReturnType<typeof buildConfig>;

function buildConfig(env: z.infer<typeof envSchema>) {
  const production = env.NODE_ENV === 'production';
  const dataDir = path.resolve(env.DATA_DIR);
  return {
    env: env.NODE_ENV,
    production,
    host: env.HOST,
    port: env.PORT,
    /** Worker processes `npm start` runs on the port (node:cluster); 1 = no cluster. */
    webConcurrency: env.WEB_CONCURRENCY,
    dataDir,
    database: env.DATABASE_URL
      ? ({ kind: 'postgres', url: env.DATABASE_URL } as const)
      : ({ kind: 'pglite', dir: path.join(dataDir, 'pglite') } as const),
    admin: (env.ADMIN_EMAIL && env.ADMIN_PASSWORD
      ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD, totpSecret: env.ADMIN_TOTP_SECRET ?? null }
      : null) as { email: string; password: string; totpSecret?: string | null } | null,
    /** Key material for the TOTP secrets at rest; null = stored as they are (see decision 016). */
    totpEncryptionKey: env.TOTP_ENCRYPTION_KEY ?? null,
    /** undefined = decide at boot: seed when the database is new and we are not in production. */
    seedDemo: env.SEED_DEMO,
    mail: {
      smtpUrl: env.SMTP_URL ?? null,
      from: env.MAIL_FROM,
      devMailbox: !production,
      /** How long a message stays unread before it goes out in the batched e-mail. */
      messageDelayMs: env.MESSAGE_EMAIL_DELAY_MINUTES * 60_000,
    },
    publicUrl: env.PUBLIC_URL ?? null,
    rateLimitScale: env.RATE_LIMIT_SCALE,
    /** Fastify's trustProxy: false, a hop count or the proxies' addresses (see trustProxySchema). */
    trustProxy: env.TRUST_PROXY ?? (false as const),
    metrics: env.METRICS,
    /** null = /metrics answers anyone who reaches it (keep it on the internal network). */
    metricsToken: env.METRICS_TOKEN ?? null,
    uploadsDir: path.join(dataDir, 'uploads'),
    /** When set, uploads live in this bucket instead of uploadsDir (lib/storage-s3.ts). */
    s3: s3Settings(env),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    prettyLogs: !production,
    webDistDir: env.WEB_DIST_DIR ? path.resolve(env.WEB_DIST_DIR) : path.join(repoRoot, 'apps/web/dist'),
    session: {
      cookieName: production ? '__Host-bextr_session' : 'bextr_session',
      secureCookie: production,
      ttlDays: 30,
    },
  };
}

/** Reads and checks the environment once; on a bad value, says which and stops. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema
    .superRefine((env, ctx) => {
      checkS3(env, ctx);
      checkConcurrency(env, ctx);
    })
    .safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  return buildConfig(parsed.data);
}

/** Config for tests: everything in memory, overridable. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ NODE_ENV: 'test', DATA_DIR: '/nonexistent-test-data' }),
    rateLimitScale: 100,
    ...overrides,
  };
}
