import type { Role } from '@bextr/contracts';
import { fill, isAdminRoute, pathParams, type RouteRule } from './route-table.ts';
import { type Actor, type ActorName, holds, type Kind, type Side, type World } from './world.ts';

/** One request the matrix makes, and the status API.md promises for it. */
export interface Attempt {
  level: 'function' | 'object' | 'body';
  actor: ActorName;
  url: string;
  /** What the ids are: "A:offer", "unknown", "B:collaboration+A:deliverable"… */
  ids: string;
  body: unknown;
  expected: number;
}

const SIGNED_IN: ActorName[] = ['bizA', 'bizB', 'infA', 'infB', 'admin'];
const UNKNOWN_ID = 'z0000000000000000000000unknown';

export function allows(rule: RouteRule, role: Role | null): boolean {
  if (rule.callers === 'public') return true;
  if (role === null) return false;
  return rule.callers === 'signed-in' || rule.callers.includes(role);
}

/** Function level: every caller the route refuses by role: 401 without a (live) session — the
 * visitor, and the suspended user's old cookie —, 403 for a signed-in user of another role. */
export function functionAttempts(method: string, url: string, rule: RouteRule, world: World): Attempt[] {
  const out: Attempt[] = [];
  // An admin without its second factor: every API route but its account's own and its live stream.
  if (url.startsWith('/api/v1/') && !url.startsWith('/api/v1/auth/') && url !== '/api/v1/events') {
    const ids = Object.fromEntries(
      pathParams(url).map((p) => [p, world.sides.A[rule.params?.[p]?.[0] ?? 'offer']]),
    );
    const body = bodyOf(method, rule, world.sides.A);
    out.push({
      level: 'function',
      actor: 'pendingAdmin',
      url: fill(url, ids),
      ids: 'A:*',
      body,
      expected: 403,
    });
  }
  if (rule.callers === 'public') return out;
  for (const side of ['A', 'B'] as Side[]) {
    const objects = world.sides[side];
    const ids = Object.fromEntries(
      pathParams(url).map((p) => [p, objects[rule.params?.[p]?.[0] ?? 'offer']]),
    );
    const body = bodyOf(method, rule, objects);
    for (const actor of Object.values(world.actors)) {
      if (actor.name === 'pendingAdmin') continue;
      const live = actor.name !== 'visitor' && actor.name !== 'suspended';
      if (live && allows(rule, actor.role)) continue;
      // The other side's refusals are the same; once is enough for signed-in users of the wrong role.
      if (live && side === 'B') continue;
      out.push({
        level: 'function',
        actor: actor.name,
        url: fill(url, ids),
        ids: `${side}:*`,
        body,
        expected: live ? 403 : 401,
      });
    }
  }
  return out;
}

/** Object level: as every caller the route lets in by role, every id it does not hold (the other
 * side's objects of each kind the route takes; for two ids, its own first id with the other side's
 * second), an id of another kind and an unknown id: always 404 ("not found or not yours"). */
export function objectAttempts(method: string, url: string, rule: RouteRule, world: World): Attempt[] {
  const params = pathParams(url);
  if (params.length === 0 || rule.noObjectCheck) return [];
  const [first, ...rest] = params as [string, ...string[]];
  const kindsOf = (p: string): Kind[] => rule.params?.[p] ?? [];
  const out: Attempt[] = [];
  const callers: ActorName[] = isAdminRoute(url)
    ? ['admin']
    : rule.callers === 'public'
      ? ['visitor', ...SIGNED_IN]
      : SIGNED_IN;
  for (const name of callers) {
    const actor = world.actors[name];
    if (!allows(rule, actor.role)) continue;
    if (actor.role === 'admin' && rule.adminActs) continue;
    const push = (ids: Record<string, string>, label: string, side: Side) =>
      out.push({
        level: 'object',
        actor: name,
        url: fill(url, ids),
        ids: label,
        body: bodyOf(method, rule, world.sides[side]),
        expected: 404,
      });
    const home: Side = actor.side ?? 'A';
    const own = world.sides[home];
    if (!isAdminRoute(url)) {
      for (const side of ['A', 'B'] as Side[]) {
        const objects = world.sides[side];
        for (const kind of kindsOf(first)) {
          if (visibleTo(rule, kind, actor)) continue;
          const ids: Record<string, string> = { [first]: objects[kind] };
          for (const p of rest) ids[p] = objects[kindsOf(p)[0] as Kind];
          const all = params.every((p) => holds(actor, p === first ? kind : (kindsOf(p)[0] as Kind), side));
          if (!all) push(ids, `${side}:${kind}`, side);
        }
        // Its own first object with the other side's second: the classic mix-up.
        if (rest.length > 0 && side !== home && holds(actor, kindsOf(first)[0] as Kind, home)) {
          const ids: Record<string, string> = { [first]: own[kindsOf(first)[0] as Kind] };
          for (const p of rest) ids[p] = objects[kindsOf(p)[0] as Kind];
          push(ids, `${home}:${first}+${side}:${rest.join('+')}`, home);
        }
      }
    }
    // An unknown id, and an id of another kind (its own thread's id), in the first place.
    for (const [label, id] of [
      ['unknown', UNKNOWN_ID],
      ['other-kind', kindsOf(first).includes('conversation') ? own.offer : own.conversation],
    ] as const) {
      const ids: Record<string, string> = { [first]: id };
      for (const p of rest) ids[p] = own[kindsOf(p)[0] as Kind];
      push(ids, label, home);
    }
  }
  return out;
}

function visibleTo(rule: RouteRule, kind: Kind, actor: Actor): boolean {
  if (!rule.visible?.includes(kind)) return false;
  return !rule.visibleTo || (actor.role !== null && rule.visibleTo.includes(actor.role));
}

export function bodyOf(method: string, rule: RouteRule, objects: World['sides'][Side]): unknown {
  if (rule.body) return rule.body(objects);
  return method === 'POST' ? {} : undefined;
}

/** Sends one attempt as its actor; the status it got. */
export async function send(world: World, method: string, a: Attempt) {
  const res = await world.actors[a.actor].client.request(method as 'GET', a.url, a.body);
  return res;
}
