import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RegisteredRoute } from '../../app.ts';
import type { TestApp } from '../app.ts';
import {
  buildWorld,
  createInputApp,
  expectErrorShape,
  fillUrl,
  ROUTE_SAMPLES,
  routeKey,
  type World,
} from './input-world.ts';

// Issue #10, property: every body the API takes is a closed shape. A field the route does not know
// (at the top or in any nested object) is refused with 400 VALIDATION_FAILED, never silently kept.

let t: TestApp;
let world: World;
beforeAll(async () => {
  t = await createInputApp();
  world = await buildWorld(t);
}, 180_000);
afterAll(async () => {
  await t?.close();
});

const EXTRA = 'fuzzUnknownField';
const hasSchema = (r: RegisteredRoute) =>
  Boolean(r.schema?.body || r.schema?.querystring || r.schema?.params);
const bodyRoutes = () => t.app.registeredRoutes.filter((r) => r.schema?.body);
const asZod = (schema: unknown) => {
  if (!(schema instanceof z.ZodType)) throw new Error('a body schema is not a zod schema');
  return schema;
};

type Json = { [key: string]: unknown };

/** JSON-schema paths of objects that would keep fields they do not name. */
function openObjects(node: unknown, path = '$'): string[] {
  if (!node || typeof node !== 'object') return [];
  const n = node as Json;
  const found: string[] = [];
  if (n.type === 'object') {
    const closed = n.additionalProperties === false;
    // A record keyed by an enum: unknown keys fail the key schema, values have a schema of their own.
    const enumRecord =
      typeof n.propertyNames === 'object' && Array.isArray((n.propertyNames as Json).enum) && !n.properties;
    if (!closed && !enumRecord) found.push(path);
  }
  for (const [key, child] of Object.entries(n)) {
    if (Array.isArray(child)) {
      for (const [i, c] of child.entries()) found.push(...openObjects(c, `${path}.${key}[${i}]`));
    } else if (child && typeof child === 'object') found.push(...openObjects(child, `${path}.${key}`));
  }
  return found;
}

/** Every object inside a sample body, as a path of keys (the empty path is the body itself). */
function objectPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (!value || typeof value !== 'object') return [];
  const here = Array.isArray(value) ? [] : [path];
  const children = Object.entries(value).flatMap(([k, v]) =>
    objectPaths(v, [...path, Array.isArray(value) ? Number(k) : k]),
  );
  return [...here, ...children];
}

function withExtra(body: unknown, path: (string | number)[]): unknown {
  const copy = structuredClone(body) as Json;
  let target: Json = copy;
  for (const key of path) target = target[key as string] as Json;
  target[EXTRA] = 'sneaky';
  return copy;
}

describe('every route body is a closed shape', () => {
  it('every route with a schema has a sample and an actor (a new route must be added to the table)', () => {
    const declared = t.app.registeredRoutes.filter(hasSchema).map(routeKey);
    const missing = declared.filter((k) => !ROUTE_SAMPLES[k]);
    const stale = Object.keys(ROUTE_SAMPLES).filter((k) => !declared.includes(k));
    expect(missing, 'routes without a sample in input-world.ts').toEqual([]);
    expect(stale, 'samples naming no registered route').toEqual([]);
    expect(bodyRoutes().length).toBeGreaterThan(60);
  });

  it('every object in every body schema refuses unknown keys (nested ones included)', () => {
    const open = bodyRoutes().flatMap((r) =>
      openObjects(z.toJSONSchema(asZod(r.schema?.body), { io: 'input', unrepresentable: 'any' })).map(
        (p) => `${routeKey(r)} ${p}`,
      ),
    );
    expect(open).toEqual([]);
  });

  it('every sample body is valid for its route (so a refusal below is the extra field)', () => {
    const invalid = bodyRoutes().flatMap((r) => {
      const body = ROUTE_SAMPLES[routeKey(r)]?.body?.(world);
      const parsed = asZod(r.schema?.body).safeParse(body);
      return parsed.success ? [] : [`${routeKey(r)}: ${parsed.error.message}`];
    });
    expect(invalid).toEqual([]);
  });

  it('the API answers 400 naming the field when one is added at any level of a valid body', async () => {
    const accepted: string[] = [];
    let tried = 0;
    for (const route of bodyRoutes()) {
      const sample = ROUTE_SAMPLES[routeKey(route)];
      if (!sample) continue;
      const body = sample.body?.(world) ?? {};
      const url = fillUrl(route.url, sample.params?.(world), sample.query?.(world));
      for (const path of objectPaths(body)) {
        tried += 1;
        const label = `${routeKey(route)} extra field at ${path.length ? path.join('.') : '(top)'}`;
        const res = await world.clients[sample.actor].request(
          route.method as 'POST',
          url,
          withExtra(body, path),
        );
        if (res.status !== 400) {
          accepted.push(`${label}: ${res.status} ${res.text.slice(0, 120)}`);
          continue;
        }
        expectErrorShape(res, label);
        expect(res.body.error?.code, label).toBe('VALIDATION_FAILED');
        const fields = res.body.error?.details?.fields ?? [];
        const named = fields.some(
          (f) => (f.code === 'unrecognized_keys' && f.message.includes(EXTRA)) || f.code === 'invalid_union',
        );
        expect(named, `${label}: ${JSON.stringify(fields)}`).toBe(true);
      }
    }
    console.info(`unknown fields: ${bodyRoutes().length} body routes, ${tried} objects given an extra field`);
    expect(accepted).toEqual([]);
    expect(tried).toBeGreaterThan(bodyRoutes().length);
  }, 120_000);
});
