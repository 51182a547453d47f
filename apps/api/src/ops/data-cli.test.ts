import { existsSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript } from '../test/cli.ts';
import { freshTarget, type Target, tempDir } from '../test/ops-targets.ts';
import { openSession } from './session.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Runs `npm run data:<command> -- …` as the root package.json does (tsx over cli.ts), with only the
 * given database settings, and returns its exit code and output. */
function runCli(args: string[], env: Record<string, string>) {
  const { DATABASE_URL: _, DATA_DIR: __, ...inherited } = process.env;
  return runScript(path.join(root, 'apps/api/src/ops/cli.ts'), args, {
    cwd: root,
    env: { ...inherited, NODE_ENV: 'test', ...env },
    timeout: 60_000,
  });
}

describe('npm run data:export / data:import', () => {
  let work: string;
  let target: Target;
  const targetEnv = (t: Target): Record<string, string> =>
    t.target.kind === 'postgres' ? { DATABASE_URL: t.target.url } : { DATA_DIR: path.dirname(t.target.dir) };

  beforeAll(async () => {
    work = await tempDir('cli');
    // A migrated embedded database with one account in it.
    const source = await openSession({ kind: 'pglite', dir: path.join(work, 'data/pglite') });
    await source.migrate();
    await source.query(
      `insert into users (id, email, password_hash, role, name) values ('cli-user-1', 'cli@test.bextr.eu', 'x', 'business', 'CLI')`,
    );
    await source.close();
    target = await freshTarget();
  });

  afterAll(async () => {
    await target?.dispose();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('exports to a file only its owner may read, imports it once, and says why it will not twice', async () => {
    const file = path.join(work, 'bextr.jsonl.gz');
    const exported = await runCli(['export', '--out', file], { DATA_DIR: path.join(work, 'data') });
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/users\s+1\n/);
    expect(exported.stdout).toContain(`they stay in ${path.join(work, 'data/uploads')}`);
    expect(statSync(file).mode & 0o077).toBe(0);
    // The data directory this run's database was created in is its owner's only (PGlite's WAL holds
    // password hashes), whatever the umask.
    expect(statSync(path.join(work, 'data')).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(work, 'data/pglite')).mode & 0o777).toBe(0o700);

    const again = await runCli(['export', '--out', file], { DATA_DIR: path.join(work, 'data') });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/exists already/);

    // With S3 configured, the hint names the bucket the uploads are in.
    const s3Env = { S3_BUCKET: 'bextr-cli-uploads', S3_REGION: 'eu-central-1' };
    const imported = await runCli(['import', '--in', file], { ...targetEnv(target), ...s3Env });
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('BeXtr reads them from the S3 bucket bextr-cli-uploads.');
    expect(imported.stdout).toMatch(/Imported \(migration \d{4}_\w+\)/);
    expect(imported.stdout).toMatch(/users\s+1\n/);

    const twice = await runCli(['import', '--in', file], targetEnv(target));
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/already holds data \(users\).*--replace/);
  }, 120_000); // four runs, each starting tsx and a database

  it('says in one line that the directory of --out is missing, and writes nothing', async () => {
    const out = path.join(work, 'no-such-dir/bextr.jsonl.gz');
    const run = await runCli(['export', '--out', out], { DATA_DIR: path.join(work, 'data') });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`cannot write ${out}: the directory ${path.dirname(out)} does not exist\n`);
    expect(existsSync(path.dirname(out))).toBe(false);
  });

  it('answers a call without its file with the usage, exit code 2', async () => {
    const bare = await runCli(['import'], { DATA_DIR: path.join(work, 'data') });
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('npm run data:import -- --in <file>');
  });
});
