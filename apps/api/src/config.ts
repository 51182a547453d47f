import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const boolFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

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
  S3_BUCKET: z.string().optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  WEB_DIST_DIR: z.string().optional(),
});

export type Config = ReturnType<typeof buildConfig>;

function buildConfig(env: z.infer<typeof envSchema>) {
  const production = env.NODE_ENV === 'production';
  const dataDir = path.resolve(env.DATA_DIR);
  return {
    env: env.NODE_ENV,
    production,
    host: env.HOST,
    port: env.PORT,
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
    metrics: env.METRICS,
    uploadsDir: path.join(dataDir, 'uploads'),
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
  const parsed = envSchema.safeParse(cleaned);
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
