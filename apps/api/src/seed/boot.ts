import { eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { appMeta } from '../db/schema.ts';
import { enrolAdminAtBoot } from '../modules/auth/second-factor/service.ts';
import { seedInitialFaq } from '../modules/faq/seed.ts';
import { ensureAdmin } from './admin.ts';
import { demoAccounts, seedDemo } from './demo.ts';
import { DEMO_ADMIN_TOTP_SECRET } from './demo-admin.ts';

/** Boot-time data: the configured admin, and demo data the first time a database is used. */
export async function prepareData(db: Db, config: Config, log: FastifyBaseLogger): Promise<string[]> {
  const lines: string[] = [];
  if (config.admin) {
    const outcome = await ensureAdmin(db, config.admin);
    if (outcome === 'conflict')
      log.error({ email: config.admin.email }, 'ADMIN_EMAIL belongs to a non-admin account');
    else {
      lines.push(`admin       ${config.admin.email} (password from ADMIN_PASSWORD)`);
      if (config.admin.totpSecret)
        await enrolAdminAtBoot(
          { db, config },
          { email: config.admin.email, secret: config.admin.totpSecret },
        );
    }
  }
  await seedInitialFaq(db);
  const claimed = await db
    .insert(appMeta)
    .values({ key: 'initialized_at', value: new Date().toISOString() })
    .onConflictDoNothing()
    .returning();
  const isNew = claimed.length > 0;
  const seed = config.seedDemo ?? (isNew && !config.production);
  let demoSeeded = (await db.select().from(appMeta).where(eq(appMeta.key, 'demo_seeded'))).length > 0;
  if (seed && !demoSeeded) {
    await seedDemo(db, { withAdmin: !config.admin, uploadsDir: config.uploadsDir });
    // The demo admin signs in with the published demo authenticator secret (decision 016).
    if (!config.admin)
      await enrolAdminAtBoot(
        { db, config },
        { email: demoAccounts.admin.email, secret: DEMO_ADMIN_TOTP_SECRET },
      );
    await db.insert(appMeta).values({ key: 'demo_seeded', value: true }).onConflictDoNothing();
    log.info('demo data loaded');
    demoSeeded = true;
  }
  if (demoSeeded && !config.production) {
    lines.push(`business    ${demoAccounts.business.email} / ${demoAccounts.business.password}`);
    lines.push(`influencer  ${demoAccounts.influencer.email} / ${demoAccounts.influencer.password}`);
    if (!config.admin) {
      lines.push(`admin       ${demoAccounts.admin.email} / ${demoAccounts.admin.password}`);
      lines.push(`            authenticator secret ${DEMO_ADMIN_TOTP_SECRET} (demo only)`);
    }
  }
  return lines;
}
