import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestApp } from '../app.ts';
import { PASSWORD } from '../factories/users.ts';
import { createWebShellApp } from '../web-shell.ts';
import { fill, pathParams, ROUTES } from './route-table.ts';
import { ACTORS, type ActorName, buildWorld, type Kind, type Seen, type Side, type World } from './world.ts';

/** Every answer an actor gets while reading everything it can reach — directory, profiles, offer
 * review lists, threads, collaborations, reports (as the reported party too), notifications, public
 * pages, and every read route with every id of both sides — is scanned as text for what must never
 * reach it: another user's e-mail, a password hash or the password, the admin's TOTP secret, any
 * session token, a reporter's evidence and messages to the admins, a private profile's insights. */
let t: TestApp;
let world: World;

/** Reads left out, and why: the live stream never ends; the dev mailbox shows every e-mail sent by
 * contract (404 in production, proven by http/production.test.ts). */
const NOT_READ = new Set(['GET /api/v1/events', 'GET /api/v1/dev/mail']);

/** Influencer A's private insight gets figures no other row has, so a leak of its content (not
 * only of its ids) shows in the text of an answer. */
const PRIVATE_FIGURES = { reach: 7_654_321, impressions: 8_765_432, engagement: 6_543_217 };

beforeAll(async () => {
  t = await createWebShellApp({ config: { rateLimitScale: 100_000 } });
  world = await buildWorld(t.app);
  // Influencer B opts in to a public page; influencer A stays private.
  const pub = await world.actors.infB.client.put('/api/v1/influencer-profile', { isPublic: true });
  if (pub.status !== 200) throw new Error(`opting in answered ${pub.status}: ${pub.text}`);
  const figures = await world.actors.infA.client.patch(
    `/api/v1/influencer-profile/insights/${world.sides.A.insight}`,
    PRIVATE_FIGURES,
  );
  if (figures.status !== 200)
    throw new Error(`setting the insight answered ${figures.status}: ${figures.text}`);
  world.seen.length = 0;
  // Writes whose answers show the other party: review an offer, talk in the thread, answer a report
  // as the reported party, decline an amendment.
  for (const side of ['A', 'B'] as Side[]) {
    const o = world.sides[side];
    const { client: biz } = world.actors[`biz${side}`];
    const { client: inf } = world.actors[`inf${side}`];
    const writes = [
      await biz.post(`/api/v1/offers/${o.offer}/shortlist`),
      await biz.post(`/api/v1/conversations/${o.conversation}/messages`, {
        body: 'Hi',
        clientId: `leak-check-${side}`,
      }),
      await inf.post(`/api/v1/conversations/${o.conversation}/read`, { upTo: o.message }),
      await biz.post(`/api/v1/reports/${o.report}/messages`, { body: 'My side of the story.' }),
      await inf.post(`/api/v1/collaborations/${o.collaboration}/amendments/${o.amendment}/decline`),
    ];
    const failed = writes.find((res) => res.status >= 300);
    if (failed) throw new Error(`a write answered ${failed.status}: ${failed.text}`);
  }
  for (const route of t.app.registeredRoutes) {
    const key = `${route.method} ${route.url}`;
    const rule = ROUTES[key];
    if (route.method !== 'GET' || NOT_READ.has(key) || !rule) continue;
    const params = pathParams(route.url);
    const urls =
      params.length === 0
        ? [route.url]
        : idsFor(params, rule.params ?? {}).map((ids) => fill(route.url, ids));
    for (const actor of ACTORS) {
      for (const url of urls) await world.actors[actor].client.get(url);
    }
  }
}, 600_000);

afterAll(async () => {
  console.info(`response leaks: ${world?.seen.length} answers scanned across ${ACTORS.length} actors`);
  await t?.close();
});

/** Every combination of both sides' ids of the kinds each parameter names. */
function idsFor(params: string[], kinds: Record<string, Kind[]>): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const side of ['A', 'B'] as Side[]) {
    const [first, ...rest] = params as [string, ...string[]];
    for (const kind of kinds[first] ?? ['offer']) {
      const ids: Record<string, string> = { [first]: world.sides[side][kind] };
      for (const p of rest) ids[p] = world.sides[side][(kinds[p] ?? ['offer'])[0] as Kind];
      out.push(ids);
    }
  }
  return out;
}

/** What a reader must never receive, each with a label for the failure message. */
function forbiddenFor(reader: ActorName): [string, string][] {
  const me = world.actors[reader];
  const out: [string, string][] = [
    ['a password hash', '$argon2'],
    ['the password', PASSWORD],
    ['the admin TOTP secret', world.secrets.totp],
  ];
  for (const [name, token] of world.secrets.sessionTokens) out.push([`${name}'s session token`, token]);
  if (me.role !== 'admin') {
    for (const other of Object.values(world.actors))
      if (other.email && other.name !== reader) out.push([`${other.name}'s e-mail`, other.email]);
    for (const email of world.askerEmails) out.push(['a FAQ asker’s e-mail', email]);
    for (const side of ['A', 'B'] as Side[]) {
      if (reader === `inf${side}`) continue; // the reporter
      for (const text of world.reporterPrivate[side])
        out.push([`reporter ${side}'s private evidence/message`, text]);
    }
  }
  // Influencer A's profile is private: businesses, admins and A itself may see its insights.
  if (me.role !== 'business' && me.role !== 'admin' && reader !== 'infA') {
    out.push(
      ['private insight (A)', world.sides.A.insight],
      ['private insight screenshot (A)', world.sides.A.insightShot],
      ...Object.entries(PRIVATE_FIGURES).map(([k, v]): [string, string] => [
        `private insight ${k} (A)`,
        String(v),
      ]),
    );
  }
  return out;
}

const findings = (seen: Seen[]) =>
  seen.flatMap((s) => {
    const text = s.text.toLowerCase();
    return forbiddenFor(s.actor)
      .filter(([, secret]) => text.includes(secret.toLowerCase()))
      .map(([label]) => `${s.actor} got ${label} from ${s.method} ${s.url} (${s.status})`);
  });

describe('no response leaks what its reader may not see', () => {
  test('the crawl read every route over both sides’ objects, as every actor', () => {
    const ok = world.seen.filter((s) => s.status >= 200 && s.status < 300);
    expect(world.seen.length).toBeGreaterThan(500);
    expect(ok.length).toBeGreaterThan(200);
    expect(world.seen.filter((s) => s.status >= 500).map((s) => `${s.actor} ${s.url} ${s.status}`)).toEqual(
      [],
    );
    expect(world.seen.filter((s) => s.status === 429).length).toBe(0);
  });

  test('the scanner finds each secret where its reader may see it (it is not blind)', () => {
    const saw = (actor: ActorName, value: string) =>
      world.seen.some((s) => s.actor === actor && s.text.toLowerCase().includes(value.toLowerCase()));
    expect(saw('admin', world.actors.bizA.email ?? '-'), 'admin sees e-mails').toBe(true);
    expect(saw('admin', world.askerEmails[0] ?? '-'), 'admin sees askers').toBe(true);
    expect(saw('infA', world.reporterPrivate.A[0] ?? '-'), 'the reporter sees its evidence').toBe(true);
    expect(saw('infA', world.reporterPrivate.A[1] ?? '-'), 'the reporter sees its message').toBe(true);
    expect(saw('bizB', world.sides.A.insight), 'businesses see insights').toBe(true);
    for (const [k, v] of Object.entries(PRIVATE_FIGURES))
      expect(saw('bizB', String(v)), `businesses see the private insight's ${k}`).toBe(true);
    expect(saw('visitor', world.sides.B.insight), 'a public profile shows its insights').toBe(true);
    expect(saw('bizA', world.actors.bizA.email ?? '-'), 'a user sees its own e-mail').toBe(true);
    // The reported party did read its report (description and all) — without the private parts.
    expect(saw('bizA', world.sides.A.report), 'the reported party reads the report').toBe(true);
  });

  test('no answer carries a secret of someone else', () => {
    expect(findings(world.seen)).toEqual([]);
  });
});
