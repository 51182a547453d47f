import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { firstDifference, responseSerializer } from './serialization.ts';

const itemSchema = z.object({ id: z.string(), name: z.string(), note: z.string().optional() });

/** A one-route app whose handler answers `body` against itemSchema, checked or not. */
async function answer(body: unknown, checked: boolean) {
  const app = Fastify();
  app.setSerializerCompiler(responseSerializer({ checked }));
  app.get('/item', { schema: { response: { 200: itemSchema } } }, async () => body);
  const res = await app.inject({ method: 'GET', url: '/item' });
  await app.close();
  return res;
}

describe('responses and their schemas', () => {
  it('a response that matches its schema is sent as the presenter made it, checked or not', async () => {
    for (const checked of [true, false]) {
      const res = await answer({ name: 'Káva', id: 'a1' }, checked);
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe('{"name":"Káva","id":"a1"}');
    }
  });

  it('outside production, a key the schema would drop is a 500 that names it, never a silent strip', async () => {
    const res = await answer({ id: 'a1', name: 'x', passwordHash: 'secret' }, true);
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret');
    expect(res.json().message).toContain('passwordHash: not in the schema');
  });

  it('outside production, a value the schema refuses is a 500', async () => {
    const res = await answer({ id: 'a1', name: 7 }, true);
    expect(res.statusCode).toBe(500);
    expect(res.json().message).toContain('does not match its schema');
  });

  it('production writes what the presenter made without the check (the suites hold presenters to it)', async () => {
    const res = await answer({ id: 'a1', name: 'x', extra: 1 }, false);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: 'a1', name: 'x', extra: 1 });
  });
});

describe('firstDifference', () => {
  it('names the first place two JSON values differ', () => {
    expect(firstDifference({ a: [{ b: 1 }] }, { a: [{ b: 1 }] }, '')).toBeNull();
    expect(firstDifference({ a: [{ b: 1, c: 2 }] }, { a: [{ b: 1 }] }, '')).toBe('a.0.c: not in the schema');
    expect(firstDifference({ a: [] }, { a: [], d: 'x' }, '')).toBe('d: added by the schema');
    expect(firstDifference({ a: [1, 2] }, { a: [1] }, '')).toBe('a: 2 items, the schema keeps 1');
    expect(firstDifference({ a: ' x ' }, { a: 'x' }, '')).toBe('a: " x " becomes "x"');
    expect(firstDifference(1, 2, '')).toBe('(the body): 1 becomes 2');
  });
});
