import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Campaign, Message, Offer, Upload } from '@bextr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchKeysDriftSql } from '../modules/campaigns/search-keys.ts';
import { buildAdmin, signInAdmin, type TestAdmin } from '../test/factories/admins.ts';
import { buildConversation, postMessage } from '../test/factories/conversations.ts';
import { uploadImage } from '../test/factories/uploads.ts';
import { signIn, type TestUser } from '../test/factories/users.ts';
import {
  freshTarget,
  type RunningApp,
  sequenceStates,
  startApp,
  type Target,
  tableContents,
  tempDir,
} from '../test/ops-targets.ts';
import { DumpFormatError, readDump } from './dump-format.ts';
import { exportData } from './export.ts';
import { ImportRefusedError, importData } from './import.ts';
import { DatabaseInUseError, openSession } from './session.ts';

// A table the app does not have, made in both databases: bytea, floats, microsecond timestamps, json,
// arrays with awkward elements, intervals — and a row that points at a later row of its own table.
const PROBE = `create table public.ops_probe (
  id int primary key, parent_id int references public.ops_probe (id), data bytea, f float8,
  at timestamptz, doc jsonb, tags text[], span interval)`;
const PROBE_ROWS = `insert into public.ops_probe values
  (1, 2, (select string_agg(lpad(to_hex(b), 2, '0'), '') from generate_series(0, 255) b)::text::bytea, 0.1::float8 + 0.2,
   '2026-03-29 01:59:59.123456+02', '{"sk": "Dobrý deň ✓", "n": [1.5e300, null], "e": ""}', array['a,b', '{x}', '"q"', null, ''],
   '1 year 2 mons 3 days 04:05:06.789'),
  (2, null, '\\x', 'NaN', '-infinity', 'null', '{}', '-00:00:01')`;

// Each step starts databases (embedded ones take seconds each on a loaded machine): generous limits.
describe('moving the data from the embedded database to PostgreSQL', { timeout: 60_000 }, () => {
  let work: string;
  let sourceDir: string;
  let uploadsDir: string;
  let dumpFile: string;
  let target: Target;
  let dest: RunningApp | null = null;
  const extraTargets: Target[] = [];
  let owner: TestUser;
  let influencer: TestUser;
  let admin: TestAdmin;
  let upload: Upload;
  let conversationId: string;
  let before: {
    campaign: Campaign;
    offers: Offer[];
    messages: Message[];
    contents: Record<string, string[]>;
    sequences: Record<string, string>;
  };

  beforeAll(async () => {
    work = await tempDir('transfer');
    sourceDir = path.join(work, 'data/pglite');
    uploadsDir = path.join(work, 'data/uploads');
    dumpFile = path.join(work, 'bextr.jsonl.gz');

    // The embedded database, filled through the app as users fill it.
    const source = await startApp({ kind: 'pglite', dir: sourceDir }, uploadsDir);
    const built = await buildConversation(source.app);
    ({ owner, influencer, conversationId } = built);
    await postMessage(owner.client, conversationId, { body: 'Dobrý deň! "Quotes", \\ and\na new line 🚀' });
    await postMessage(influencer.client, conversationId, { body: 'Teší ma.' });
    upload = await uploadImage(influencer.client);
    admin = await buildAdmin(source.app);
    await source.query(PROBE);
    await source.query(PROBE_ROWS);
    const campaign = (
      await owner.client.get<{ campaign: Campaign }>(`/api/v1/campaigns/${built.campaign.id}`)
    ).body.campaign;
    const offers = (await owner.client.get<{ items: Offer[] }>(`/api/v1/campaigns/${campaign.id}/offers`))
      .body.items;
    const messages = (
      await influencer.client.get<{ items: Message[] }>(`/api/v1/conversations/${conversationId}/messages`)
    ).body.items;
    before = {
      campaign,
      offers,
      messages,
      contents: await tableContents(source),
      sequences: await sequenceStates(source),
    };
    await source.close();

    await exportData({ target: { kind: 'pglite', dir: sourceDir }, out: dumpFile });
    target = await freshTarget();
    const prepare = await openSession(target.target);
    await prepare.migrate();
    await prepare.query(PROBE);
    await prepare.close();
    await importData({ target: target.target, input: dumpFile });
  }, 180_000);

  afterAll(async () => {
    await dest?.close();
    for (const t of [target, ...extraTargets]) await t?.dispose();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('moves every row and every sequence exactly', async () => {
    const session = await openSession(target.target);
    try {
      const after = await tableContents(session);
      expect(after).toEqual(before.contents);
      expect(after.messages).toHaveLength(before.messages.length);
      expect(after.ops_probe?.join('\n')).toContain('0.30000000000000004');
      expect(await sequenceStates(session)).toEqual(before.sequences);
      // The campaigns' search keys are not in the file (a copied row would collide with the
      // trigger's); the import's inserts into campaigns wrote them again, every one.
      const tablesInFile: string[] = [];
      for await (const event of readDump(dumpFile))
        if ('kind' in event && event.kind === 'table') tablesInFile.push(event.table);
      expect(tablesInFile).toContain('campaigns');
      expect(tablesInFile).not.toContain('campaign_search_keys');
      expect(await session.query(searchKeysDriftSql)).toEqual([]);
      const keys = await session.query<{ n: number }>(
        'select count(*)::int as n from campaign_search_keys where campaign_id = $1',
        [before.campaign.id],
      );
      expect(keys[0]?.n).toBeGreaterThan(0);
    } finally {
      await session.close();
    }
  });

  it('lets the users sign in with their passwords and find their campaign, offers and messages', async () => {
    dest = await startApp(target.target, uploadsDir);
    const business = await signIn(dest.app, { email: owner.email, password: owner.password });
    const campaign = await business.get<{ campaign: Campaign }>(`/api/v1/campaigns/${before.campaign.id}`);
    expect(campaign.body.campaign).toEqual(before.campaign);
    const offers = await business.get<{ items: Offer[] }>(`/api/v1/campaigns/${before.campaign.id}/offers`);
    expect(offers.body.items).toEqual(before.offers);

    const creator = await signIn(dest.app, { email: influencer.email, password: influencer.password });
    const messages = await creator.get<{ items: Message[] }>(
      `/api/v1/conversations/${conversationId}/messages`,
    );
    expect(messages.body.items).toEqual(before.messages);
    // The image's file stayed in DATA_DIR/uploads; its row came along and still finds it.
    expect((await creator.get(upload.url)).status).toBe(200);

    // The admin's second factor came along too (the encrypted secret and its settings).
    const adminClient = await signInAdmin(
      dest.app,
      admin as TestAdmin & { totpSecret: string },
      undefined,
      1,
    );
    expect((await adminClient.get('/api/v1/admin/users')).status).toBe(200);
    await expect(signIn(dest.app, { email: owner.email, password: 'not-the-password-1' })).rejects.toThrow(
      /401/,
    );
  });

  it('continues the sequences: new rows get fresh ids', async () => {
    const run = dest as RunningApp;
    const [old] = await run.query<{ seq: string; event: string }>(
      'select (select max(seq) from messages)::text as seq, (select max(id) from live_events)::text as event',
    );
    const creator = await signIn(run.app, { email: influencer.email, password: influencer.password });
    const sent = await postMessage(creator, conversationId, { body: 'First message on PostgreSQL' });
    const [now] = await run.query<{ seq: string; event: string }>(
      `select (select seq from messages where id = '${sent.id}')::text as seq,
              (select max(id) from live_events)::text as event`,
    );
    expect(BigInt(now?.seq ?? 0)).toBeGreaterThan(BigInt(old?.seq ?? 0));
    expect(BigInt(now?.event ?? 0)).toBeGreaterThan(BigInt(old?.event ?? 0));
  });

  it('refuses a database that already holds data and leaves it as it was; --replace starts over', async () => {
    await dest?.close();
    dest = null;
    const contents = async () => {
      const session = await openSession(target.target);
      try {
        return await tableContents(session);
      } finally {
        await session.close();
      }
    };
    const held = await contents();
    await expect(importData({ target: target.target, input: dumpFile })).rejects.toThrow(
      /already holds data.*--replace/,
    );
    expect(await contents()).toEqual(held);

    await importData({ target: target.target, input: dumpFile, replace: true });
    expect(await contents()).toEqual(before.contents);
  });

  /** The dump with its lines rewritten. */
  async function alteredDump(name: string, edit: (lines: string[]) => string[]): Promise<string> {
    const lines = gunzipSync(await readFile(dumpFile))
      .toString('utf8')
      .trimEnd()
      .split('\n');
    const file = path.join(work, name);
    await writeFile(file, gzipSync(`${edit(lines).join('\n')}\n`));
    return file;
  }

  async function expectUntouched(t: Target) {
    const session = await openSession(t.target);
    try {
      expect(await session.query("select 1 from pg_class where relname = 'users'")).toEqual([]);
    } finally {
      await session.close();
    }
  }

  it('refuses a file from another migration level and writes nothing', async () => {
    const other = await alteredDump('older.jsonl.gz', ([head, ...rest]) => {
      const header = JSON.parse(head as string);
      header.migration = { tag: '0003_threads', when: header.migration.when - 1 };
      return [JSON.stringify(header), ...rest];
    });
    const empty = await freshTarget();
    extraTargets.push(empty);
    await expect(importData({ target: empty.target, input: other })).rejects.toThrow(
      /exported at migration 0003_threads, this code is at \d{4}_/,
    );
    await expect(importData({ target: empty.target, input: other })).rejects.toThrow(ImportRefusedError);
    await expectUntouched(empty);
  });

  it('stops at a damaged or cut-short file with a clear error and writes nothing', async () => {
    const empty = await freshTarget();
    extraTargets.push(empty);
    const whole = await readFile(dumpFile);
    const cut = path.join(work, 'cut.jsonl.gz');
    await writeFile(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(importData({ target: empty.target, input: cut })).rejects.toThrow(/cut short/);

    const noEnd = await alteredDump('no-end.jsonl.gz', (lines) => lines.slice(0, -1));
    await expect(importData({ target: empty.target, input: noEnd })).rejects.toThrow(/cut short/);

    const firstRow = (lines: string[]) => lines.findIndex((l) => l.startsWith('['));
    const lostRow = await alteredDump('lost-row.jsonl.gz', (lines) =>
      lines.filter((_, i) => i !== firstRow(lines)),
    );
    await expect(importData({ target: empty.target, input: lostRow })).rejects.toThrow(/footer says/);

    const damaged = await alteredDump('damaged.jsonl.gz', (lines) =>
      lines.map((l, i) => (i === firstRow(lines) ? l.slice(0, -3) : l)),
    );
    await expect(importData({ target: empty.target, input: damaged })).rejects.toThrow(DumpFormatError);
    await expect(importData({ target: empty.target, input: path.join(work, 'missing.gz') })).rejects.toThrow(
      /no such file/,
    );
    await expectUntouched(empty);
  });

  it('will not export while another process has the embedded database open', async () => {
    const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
    const holder: ChildProcess = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { PGlite } from '@electric-sql/pglite';
         await PGlite.create(${JSON.stringify(sourceDir)}); console.log('open'); setInterval(() => {}, 1000);`,
      ],
      { cwd: apiDir, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await once(holder.stdout as NodeJS.ReadableStream, 'data');
      const out = path.join(work, 'while-running.jsonl.gz');
      await expect(exportData({ target: { kind: 'pglite', dir: sourceDir }, out })).rejects.toThrow(
        new RegExp(`open in process ${holder.pid}: stop BeXtr first`),
      );
      await expect(exportData({ target: { kind: 'pglite', dir: sourceDir }, out })).rejects.toThrow(
        DatabaseInUseError,
      );
      expect(existsSync(out)).toBe(false);
    } finally {
      holder.kill('SIGKILL');
      await once(holder, 'exit').catch(() => {});
    }
    // Killed, it left its postmaster.pid behind; nobody holds the files, so the export goes ahead.
    expect(existsSync(path.join(sourceDir, 'postmaster.pid'))).toBe(true);
    const again = await exportData({
      target: { kind: 'pglite', dir: sourceDir },
      out: path.join(work, 'after-crash.jsonl.gz'),
    });
    expect(again.rows.users).toBe(before.contents.users?.length);
  });
});
