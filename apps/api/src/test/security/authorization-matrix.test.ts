import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestApp } from '../app.ts';
import { createWebShellApp } from '../web-shell.ts';
import { type Attempt, functionAttempts, objectAttempts, send } from './attempts.ts';
import { AS_UNKNOWN, BODY_REFS, bodyRefAttempts, UNKNOWN_TWIN } from './body-refs.ts';
import { changedTables, digestDatabase } from './db-digest.ts';
import { fill, isAdminRoute, pathParams, ROUTES } from './route-table.ts';
import { type ActorName, buildWorld, type Kind, type World } from './world.ts';

/** The authorization matrix, generated from the app's own routes (app.registeredRoutes): every route
 * has an entry in route-table.ts saying who may call it and which objects its ids name; the suite
 * then calls each one as every actor it must refuse and with every id the caller does not hold. */
let t: TestApp;
let world: World;
const results: { route: string; attempt: Attempt; status: number; text: string }[] = [];
const databaseChanges: string[] = [];
const timings = { world: 0, matrix: 0 };
let databaseDigests = 0;

const describeResult = (r: (typeof results)[number]) =>
  `${r.route} as ${r.attempt.actor} with ${r.attempt.ids} (${r.attempt.url}): ${r.status}, expected ${r.attempt.expected}`;

beforeAll(async () => {
  // Every rate limit raised far away: a 429 would only hide the answer under test (and fails it).
  t = await createWebShellApp({ config: { rateLimitScale: 100_000 } });
  const started = Date.now();
  world = await buildWorld(t.app);
  timings.world = Date.now() - started;
  for (const route of t.app.registeredRoutes) {
    const key = `${route.method} ${route.url}`;
    const rule = ROUTES[key];
    if (!rule) continue;
    const attempts = [
      ...functionAttempts(route.method, route.url, rule, world),
      ...objectAttempts(route.method, route.url, rule, world),
      ...bodyRefAttempts(route.method, route.url, world),
    ];
    if (attempts.length === 0) continue;
    const before = await digestDatabase(t.ctx.db);
    for (const attempt of attempts) {
      const res = await send(world, route.method, attempt);
      results.push({ route: key, attempt, status: res.status, text: res.text });
    }
    const changed = changedTables(before, await digestDatabase(t.ctx.db));
    databaseDigests += 2;
    if (changed.length > 0) databaseChanges.push(`${key} changed ${changed.join(', ')}`);
  }
  timings.matrix = Date.now() - started - timings.world;
}, 600_000);

afterAll(async () => {
  const routes = new Set(results.map((r) => r.route));
  const kinds = new Set(Object.values(ROUTES).flatMap((rule) => Object.values(rule.params ?? {}).flat()));
  console.info(
    `authorization matrix: ${t?.app.registeredRoutes.length} routes in the table, ${routes.size} tried, ` +
      `${Object.keys(world?.actors ?? {}).length} actors, ${results.length} requests ` +
      `(${['function', 'object', 'body'].map((l) => `${l} ${results.filter((r) => r.attempt.level === l).length}`).join(', ')}), ` +
      `${kinds.size} object kinds in paths, ${databaseDigests} database digests; ` +
      `world ${timings.world} ms, matrix ${timings.matrix} ms`,
  );
  await t?.close();
});

describe('the authorization matrix', () => {
  test('every registered route has an entry, and every entry names a registered route', () => {
    const registered = t.app.registeredRoutes.map((r) => `${r.method} ${r.url}`);
    expect(registered.filter((key) => !ROUTES[key]).map((key) => `no entry for ${key}`)).toEqual([]);
    expect(
      Object.keys(ROUTES)
        .filter((key) => !registered.includes(key))
        .map((k) => `no route for ${k}`),
    ).toEqual([]);
    // Each path parameter says what it names (or why it is not tried).
    const unnamed = Object.entries(ROUTES).flatMap(([key, rule]) =>
      rule.noObjectCheck
        ? []
        : pathParams(key)
            .filter((p) => !rule.params?.[p]?.length)
            .map((p) => `${key} :${p}`),
    );
    expect(unnamed).toEqual([]);
  });

  test('function level: a visitor and a suspended session get 401, a signed-in user of another role 403', () => {
    const tried = results.filter((r) => r.attempt.level === 'function');
    expect(tried.length).toBeGreaterThan(200);
    expect(tried.filter((r) => r.status !== r.attempt.expected).map(describeResult)).toEqual([]);
  });

  test('the suspended user’s old cookie is refused on every route that needs a session', () => {
    const needSession = Object.entries(ROUTES).filter(([, rule]) => rule.callers !== 'public');
    const refused = new Set(
      results.filter((r) => r.attempt.actor === 'suspended' && r.status === 401).map((r) => r.route),
    );
    expect(needSession.map(([key]) => key).filter((key) => !refused.has(key))).toEqual([]);
  });

  test('an admin without its second factor is refused (403) on every API route but its account’s', () => {
    const tried = results.filter((r) => r.attempt.actor === 'pendingAdmin');
    const api = Object.keys(ROUTES).filter((key) => /^\S+ \/api\/v1\/(?!auth\/|events$)/.test(key));
    expect(new Set(tried.map((r) => r.route))).toEqual(new Set(api));
    const code = (text: string) => (JSON.parse(text || '{}') as { error?: { code?: string } }).error?.code;
    const wrong = tried.filter((r) => r.status !== 403 || code(r.text) !== 'SECOND_FACTOR_SETUP_REQUIRED');
    expect(wrong.map(describeResult)).toEqual([]);
  });

  test('admin routes refuse every non-admin actor', () => {
    const adminRoutes = Object.keys(ROUTES).filter((key) => isAdminRoute(key.split(' ')[1] ?? ''));
    const refusals = (key: string, actor: ActorName) =>
      results.some(
        (r) => r.route === key && r.attempt.actor === actor && r.status === (actor === 'visitor' ? 401 : 403),
      );
    const missing = adminRoutes.flatMap((key) =>
      (['visitor', 'bizA', 'infA'] as const).filter((a) => !refusals(key, a)).map((a) => `${key} for ${a}`),
    );
    expect(missing).toEqual([]);
  });

  test('object level: another party’s object, another kind’s id and an unknown id answer 404', () => {
    const tried = results.filter((r) => r.attempt.level === 'object');
    expect(tried.length).toBeGreaterThan(300);
    // Its own collaboration with the other side's deliverable or amendment, for every two-id route.
    const mixed = new Set(tried.filter((r) => r.attempt.ids.includes('+')).map((r) => r.route));
    expect(mixed.size).toBe(
      Object.keys(ROUTES).filter(
        (key) => !isAdminRoute(key.split(' ')[1] ?? '') && pathParams(key).length > 1,
      ).length,
    );
    expect(tried.filter((r) => r.status !== r.attempt.expected).map(describeResult)).toEqual([]);
  });

  test('another party’s id in a body is refused like one in the path (or ignored), never used', () => {
    const tried = results.filter((r) => r.attempt.level === 'body');
    expect(tried.length).toBe(Object.values(BODY_REFS).flat().length * 4);
    const fixed = tried.filter((r) => r.attempt.expected !== AS_UNKNOWN);
    expect(fixed.filter((r) => r.status !== r.attempt.expected).map(describeResult)).toEqual([]);
    const answer = (r: (typeof tried)[number]) => {
      const error = (JSON.parse(r.text || '{}') as { error?: { code?: string; details?: unknown } }).error;
      return { status: r.status, code: error?.code, details: error?.details };
    };
    const told = tried
      .filter((r) => r.attempt.expected === AS_UNKNOWN && !r.attempt.ids.endsWith(UNKNOWN_TWIN))
      .flatMap((r) => {
        const twin = tried.find(
          (u) =>
            u.route === r.route &&
            u.attempt.actor === r.attempt.actor &&
            u.attempt.ids === r.attempt.ids + UNKNOWN_TWIN,
        );
        const mine = answer(r);
        const unknown = twin && answer(twin);
        const refused = mine.status >= 400 && mine.status < 500 && mine.status !== 429;
        return refused && JSON.stringify(mine) === JSON.stringify(unknown)
          ? []
          : [`${describeResult(r)}: ${JSON.stringify(mine)} vs unknown ${JSON.stringify(unknown)}`];
      });
    expect(told).toEqual([]);
  });

  test('no refused attempt changed a row of the database', () => {
    expect(databaseChanges).toEqual([]);
  });
});

/** Positive controls: with the same ids and bodies, the holder's own calls succeed (the matrix is not
 * refusing everything for some other reason). Run after the matrix, which left the world untouched. */
describe('the holders’ own calls succeed', () => {
  const get = (actor: ActorName, key: string, kinds: Partial<Record<string, Kind>> = {}) => ({
    actor,
    key,
    kinds,
  });
  const reads = [
    get('bizA', 'GET /api/v1/campaigns/:id', { id: 'draft' }),
    get('bizA', 'GET /api/v1/campaigns/:id/offers', { id: 'campaign' }),
    get('visitor', 'GET /api/v1/public/campaigns/:id', { id: 'campaign' }),
    get('infA', 'GET /api/v1/offers/:id', { id: 'offer' }),
    get('bizA', 'GET /api/v1/conversations/:id', { id: 'conversation' }),
    get('infA', 'GET /api/v1/conversations/:id/messages', { id: 'conversation' }),
    get('bizA', 'GET /api/v1/collaborations/:id', { id: 'collaboration' }),
    get('infA', 'GET /api/v1/collaborations/:id/reviews', { id: 'completed' }),
    get('bizA', 'GET /api/v1/reports/:id', { id: 'report' }),
    get('infA', 'GET /api/v1/uploads/:id', { id: 'upload' }),
    get('bizA', 'GET /api/v1/uploads/:id', { id: 'attachment' }),
    get('bizA', 'GET /api/v1/uploads/:id', { id: 'proof' }),
    get('bizB', 'GET /api/v1/influencers/:handle', { handle: 'handle' }),
    get('infB', 'GET /api/v1/businesses/:id', { id: 'business' }),
    get('admin', 'GET /api/v1/admin/reports/:id', { id: 'report' }),
    get('admin', 'GET /api/v1/admin/users/:id', { id: 'business' }),
    // Mutations, as the holder, with the bodies the matrix sent.
    get('bizA', 'POST /api/v1/notifications/read'),
    get('bizA', 'PATCH /api/v1/campaigns/:id', { id: 'draft' }),
    get('infA', 'PATCH /api/v1/influencer-profile/social-accounts/:id', { id: 'socialAccount' }),
    get('infA', 'PATCH /api/v1/influencer-profile/portfolio/:id', { id: 'portfolio' }),
    get('infA', 'PATCH /api/v1/influencer-profile/insights/:id', { id: 'insight' }),
    get('infA', 'POST /api/v1/conversations/:id/messages', { id: 'conversation' }),
    get('bizA', 'POST /api/v1/conversations/:id/read', { id: 'conversation' }),
    get('bizA', 'POST /api/v1/offers/:id/shortlist', { id: 'offer' }),
    get('bizA', 'POST /api/v1/collaborations/:id/deliverables/:deliverableId/request-changes', {
      id: 'collaboration',
      deliverableId: 'deliverable',
    }),
    get('infA', 'POST /api/v1/collaborations/:id/amendments/:aid/decline', {
      id: 'collaboration',
      aid: 'amendment',
    }),
    get('admin', 'POST /api/v1/reports/:id/messages', { id: 'report' }),
    get('admin', 'PATCH /api/v1/admin/faq/entries/:id', { id: 'faqEntry' }),
    get('admin', 'POST /api/v1/admin/faq/questions/:id/dismiss', { id: 'faqQuestion' }),
    get('admin', 'POST /api/v1/admin/users/:id/warn', { id: 'business' }),
  ];

  test.each(reads)('$key as $actor', async ({ actor, key, kinds }) => {
    const [method, url] = key.split(' ') as [string, string];
    const rule = ROUTES[key];
    if (!rule) throw new Error(`no entry for ${key}`);
    const objects = world.sides.A;
    const ids = Object.fromEntries(Object.entries(kinds).map(([p, kind]) => [p, objects[kind as Kind]]));
    const body = rule.body ? rule.body(objects) : method === 'POST' ? {} : undefined;
    const res = await world.actors[actor].client.request(method as 'GET', fill(url, ids), body);
    expect(res.status, res.text.slice(0, 300)).toBeGreaterThanOrEqual(200);
    expect(res.status, res.text.slice(0, 300)).toBeLessThan(300);
  });
});
