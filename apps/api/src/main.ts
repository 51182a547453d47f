import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { dataDirWarning, openDatabase } from './db/client.ts';
import { migrateDatabase, withBootLock } from './db/migrate.ts';
import { prepareStorageAtBoot } from './modules/uploads/boot-storage.ts';
import { prepareData } from './seed/boot.ts';
import { announceReady } from './workers.ts';

const SHUTDOWN_DEADLINE_MS = 9_000;

async function main() {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  await migrateDatabase(database);
  const app = await buildApp({ config, database });
  const exposed = dataDirWarning(config.dataDir);
  if (exposed) app.log.warn(exposed);
  // Several processes may boot at once on one PostgreSQL: one prepares the data, the next finds it.
  const accounts = await withBootLock(database, () => prepareData(database.db, config, app.log));
  // The storage check and the sweep of files a killed process wrote without committing their upload
  // row (decision 017). A local directory is swept before listening (quick, and the first requests
  // then find it clean); a bucket after, in the background: its listing may take many slow pages.
  const storageBoot = new AbortController();
  const prepareStorage = () =>
    prepareStorageAtBoot(
      { db: database.db, storage: app.ctx.storage, log: app.log },
      { signal: storageBoot.signal },
    );
  if (!config.s3) await prepareStorage();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    storageBoot.abort();
    app.log.info({ signal }, 'stopping: no new connections, finishing requests in flight');
    const deadline = setTimeout(() => {
      app.log.error('shutdown deadline passed; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    const sweeper = setInterval(() => app.server.closeIdleConnections(), 100);
    sweeper.unref();
    try {
      await app.close();
      await database.close();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'error while stopping');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  const address = await app.listen({ host: config.host, port: config.port });
  if (config.s3) void prepareStorage();
  const where =
    config.database.kind === 'pglite' ? `embedded PostgreSQL in ${config.database.dir}` : 'PostgreSQL';
  announceReady({ address, where, accounts });
}

main().catch((err) => {
  process.stderr.write(`BeXtr failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
