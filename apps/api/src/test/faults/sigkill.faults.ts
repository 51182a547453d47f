import { readdir, rm, utimes } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/client.ts';
import { buildPublishedCampaign } from '../factories/campaigns.ts';
import { newClientId } from '../factories/conversations.ts';
import { buildReadyInfluencer } from '../factories/influencers.ts';
import { sendOffer } from '../factories/offers.ts';
import { makePng, multipart } from '../factories/uploads.ts';
import { type AppProcess, freePort, productionEnv, sleep, startApp, tempDir } from './app-process.ts';
import { PgCluster } from './pg-cluster.ts';
import { prepareData, RemoteClient } from './remote.ts';

/** The server killed (SIGKILL: no shutdown code runs) in the middle of multi-row writes — accepting
 * offers (offer, campaign slots, collaboration and its deliverables, thread, notifications), uploads,
 * messages with attachments — then started again on the same data: no half-written objects, no file
 * without its row, and every write that was acknowledged is there. */

const INFLUENCERS = 4;

/** The database the server used, opened here once it has stopped. */
async function openData(env: Record<string, string>) {
  const database = await openDatabase(loadConfig({ ...env, LOG_LEVEL: 'silent' }).database);
  return {
    async q(query: string) {
      const result = (await database.db.execute(sql.raw(query))) as unknown as {
        rows: Record<string, unknown>[];
      };
      return result.rows;
    },
    close: () => database.close(),
  };
}

async function killMidWrites(
  env: Record<string, string>,
  uploadsDir: string,
  cleanup: (() => Promise<void>)[],
) {
  const world = await prepareData(env, async (app) => {
    const { owner, campaign } = await buildPublishedCampaign(app, { campaign: { slots: INFLUENCERS } });
    const parties = [];
    for (let i = 0; i < INFLUENCERS; i++) {
      const influencer = await buildReadyInfluencer(app);
      parties.push({ session: influencer.client, offer: await sendOffer(influencer, campaign) });
    }
    return { owner: owner.client, campaignId: campaign.id, parties };
  });
  let server: AppProcess = await startApp(env);
  const first = server;
  cleanup.push(async () => void (await first.kill('SIGKILL')));
  const owner = new RemoteClient(server.url, world.owner);
  const acked = { offers: [] as string[], messages: [] as string[], uploads: [] as string[] };
  const image = await makePng(900, 900);
  let running = true;
  let inFlight = 0;
  const sending = async <T>(request: Promise<T>): Promise<T> => {
    inFlight++;
    try {
      return await request;
    } finally {
      inFlight--;
    }
  };
  const upload = async (client: RemoteClient) => {
    const form = multipart(image, 'photo.png', 'image/png');
    const res = await sending(
      client.request('POST', '/api/v1/uploads', undefined, { ...form, timeoutMs: 10_000 }),
    );
    if (res.status === 201) acked.uploads.push(String(res.body.id));
    return res.status === 201 ? String(res.body.id) : null;
  };
  const lane = async (party: (typeof world.parties)[number]) => {
    const client = new RemoteClient(owner.base, party.session);
    while (running) {
      const id = await upload(client);
      if (!id || !running) continue;
      const clientId = newClientId();
      const url = `/api/v1/conversations/${party.offer.conversationId}/messages`;
      const res = await sending(client.post(url, { body: 'See the picture', clientId, attachmentIds: [id] }));
      if (res.status === 201) acked.messages.push(clientId);
    }
  };
  const accepts = (async () => {
    for (const party of world.parties) {
      if (!running) return;
      const res = await owner.post(`/api/v1/offers/${party.offer.id}/accept`);
      if (res.status === 200) acked.offers.push(party.offer.id);
      await sleep(60);
    }
  })();
  const lanes = world.parties.slice(0, 4).map(lane);
  // Kill once writes of every kind have gone through, with more of them in flight.
  const started = Date.now();
  while (Date.now() - started < 20_000 && (acked.offers.length < 2 || acked.messages.length < 2))
    await sleep(20);
  await sleep(80);
  const before = {
    offers: acked.offers.length,
    messages: acked.messages.length,
    uploads: acked.uploads.length,
  };
  const sendingAtKill = inFlight;
  await server.kill('SIGKILL');
  running = false;
  await Promise.all([accepts, ...lanes]);
  // The scenario holds only if writes of every kind were acknowledged before the kill and the
  // writers were still sending when it came (a kill after they stopped would prove nothing).
  expect(before.offers, 'accepts acknowledged before the kill').toBeGreaterThanOrEqual(2);
  expect(before.messages, 'messages acknowledged before the kill').toBeGreaterThanOrEqual(2);
  expect(before.uploads, 'uploads acknowledged before the kill').toBeGreaterThanOrEqual(1);
  expect(sendingAtKill, 'requests in flight at the kill').toBeGreaterThan(0);

  // Pretend the crash was a while ago: the boot sweep removes stray files only past a grace period
  // (an upload in flight in another process must keep its files).
  const hourAgo = new Date(Date.now() - 3_600_000);
  const left = await readdir(uploadsDir);
  for (const name of left) await utimes(path.join(uploadsDir, name), hourAgo, hourAgo);
  server = await startApp(env);
  const second = server;
  cleanup.push(async () => void (await second.kill('SIGKILL')));
  const swept = left.length - (await readdir(uploadsDir)).length;
  const stopped = await server.kill('SIGTERM');
  expect(stopped.code, server.output()).toBe(0);
  return { world, acked, swept, sendingAtKill };
}

async function checkNothingHalfDone(
  env: Record<string, string>,
  uploadsDir: string,
  result: Awaited<ReturnType<typeof killMidWrites>>,
) {
  const { world, acked } = result;
  const data = await openData(env);
  try {
    return await check(data.q, uploadsDir, world, acked);
  } finally {
    await data.close();
  }
}

async function check(
  q: (query: string) => Promise<Record<string, unknown>[]>,
  uploadsDir: string,
  world: Awaited<ReturnType<typeof killMidWrites>>['world'],
  acked: Awaited<ReturnType<typeof killMidWrites>>['acked'],
) {
  expect(
    await q(`select c.id from collaborations c where not exists
      (select 1 from collaboration_deliverables d where d.collaboration_id = c.id)`),
  ).toEqual([]);
  const [counts] = await q(`select
      (select slots_filled from campaigns where id = '${world.campaignId}') as filled,
      (select count(*)::int from offers where campaign_id = '${world.campaignId}' and status = 'accepted') as accepted,
      (select count(*)::int from collaborations where campaign_id = '${world.campaignId}') as collaborations`);
  expect(counts?.filled).toBe(counts?.accepted);
  expect(counts?.collaborations).toBe(counts?.accepted);
  const acceptedIds = (await q(`select id from offers where status = 'accepted'`)).map((r) => r.id);
  expect(acceptedIds).toEqual(expect.arrayContaining(acked.offers));
  // Every attachment of every message is a stored upload.
  expect(
    await q(`select m.id, a.upload_id from messages m, unnest(m.attachment_ids) as a(upload_id)
      where not exists (select 1 from uploads u where u.id = a.upload_id)`),
  ).toEqual([]);
  const storedMessages = new Set((await q('select client_id from messages')).map((r) => r.client_id));
  expect(acked.messages.filter((id) => !storedMessages.has(id))).toEqual([]);
  // Files and rows match one to one: no row without its files, no file without its row.
  const uploadRows = await q('select id, storage_key, thumb_key from uploads');
  const files = new Set(await readdir(uploadsDir));
  const keys = uploadRows.flatMap((r) => [String(r.storage_key), String(r.thumb_key)]);
  expect(keys.filter((k) => !files.has(k))).toEqual([]);
  expect([...files].filter((f) => !keys.includes(f))).toEqual([]);
  const uploadIds = new Set(uploadRows.map((r) => r.id));
  expect(acked.uploads.filter((id) => !uploadIds.has(id))).toEqual([]);
  return { files: files.size, accepted: Number(counts?.accepted) };
}

const targets: { name: string; skip: string | null }[] = [
  { name: 'PGlite data dir', skip: null },
  { name: 'PostgreSQL', skip: PgCluster.unavailable() },
];

describe('SIGKILL in the middle of writes', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  for (const target of targets) {
    it.skipIf(target.skip !== null)(`${target.name}: after a restart nothing is half-written`, async () => {
      const dataDir = await tempDir('sigkill');
      cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
      let databaseUrl: string | undefined;
      if (target.name === 'PostgreSQL') {
        const cluster = await PgCluster.create();
        cleanup.push(() => cluster.destroy());
        databaseUrl = cluster.url();
      }
      const env = productionEnv({ port: await freePort(), dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
      const uploadsDir = path.join(dataDir, 'uploads');
      const result = await killMidWrites(env, uploadsDir, cleanup);
      const found = await checkNothingHalfDone(env, uploadsDir, result);
      const { acked, swept, sendingAtKill } = result;
      console.info(
        `sigkill (${target.name}): acknowledged ${acked.offers.length} accepts, ${acked.uploads.length} uploads, ` +
          `${acked.messages.length} messages with attachments — all found; ${found.accepted} collaborations ` +
          `whole, ${found.files} files, each with its row (${swept} stray files swept at boot); ` +
          `${sendingAtKill} requests in flight at the kill`,
      );
    });
  }
});
