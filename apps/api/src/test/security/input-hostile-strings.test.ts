import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../app.ts';
import { ALL_STRINGS, containsString, fieldSchema, sampleStrings } from './input-strings.ts';
import { env, everyString, type Res, sampled, type TextField } from './input-text-fields.ts';
import { moreSampled } from './input-text-fields-more.ts';
import { buildWorld, createInputApp, expectErrorShape, type World } from './input-world.ts';

// Issue #10, hostile input: every text a user writes takes the Big List of Naughty Strings plus
// SQL-, template-, NUL-, surrogate-, bidi- and length-tricks. The API answers 2xx or 4xx (never 5xx),
// a NUL is a 400, and a string it accepts is stored and read back verbatim (after the field's own
// declared normalisation, e.g. trim).

let t: TestApp;
let w: World;
const tally = { requests: 0, accepted: 0, fields: 0, cleared: 0 };
const perField: Record<string, number> = {};
beforeAll(async () => {
  t = await createInputApp();
  w = await buildWorld(t);
  Object.assign(env, { t, w });
  // The world's pending amendment would block new ones.
  await w.clients.business.post(`/api/v1/collaborations/${w.active.id}/amendments/${w.amendmentId}/withdraw`);
}, 180_000);
afterAll(async () => {
  console.info(
    `hostile strings: ${tally.fields} fields, ${tally.requests} writes, ${tally.accepted} accepted and read back, ${tally.cleared} empty notes stored as none`,
  );
  console.info(`accepted per field: ${JSON.stringify(perField)}`);
  await t?.close();
});

/** Writes each string into the field; returns how many it accepted (and read back verbatim). */
async function exercise(field: TextField, strings: readonly string[]): Promise<number> {
  const schema = fieldSchema(t.app, field.route, field.path);
  tally.fields += 1;
  const later: { res: Res; expected: string; label: string }[] = [];
  let accepted = 0;
  for (const value of strings) {
    const res = await field.write(value);
    tally.requests += 1;
    const label = `${field.name} ← ${JSON.stringify(value).slice(0, 80)}: ${res.status} ${res.text.slice(0, 200)}`;
    expect(res.status < 500, label).toBe(true);
    // NUL cannot be stored; a lone surrogate would be stored as U+FFFD: both are refused up front.
    if (value.includes('\u0000') || /\p{Surrogate}/u.test(value)) expect(res.status, label).toBe(400);
    if (res.status >= 400) {
      expectErrorShape(res, label);
      continue;
    }
    const parsed = schema.safeParse(value);
    expect(parsed.success, `${label} (accepted but invalid for the declared schema)`).toBe(true);
    if (field.emptyIsNone && parsed.data === '') {
      // An empty optional note is stored as "no note" (null): not a string to read back.
      tally.cleared += 1;
      await field.after?.(res);
      continue;
    }
    tally.accepted += 1;
    accepted += 1;
    if (field.readAll) {
      later.push({ res, expected: parsed.data as string, label });
      continue;
    }
    const stored = await field.read?.(res);
    expect(containsString(stored, parsed.data as string), `${label} (not read back verbatim)`).toBe(true);
    await field.after?.(res);
  }
  if (field.readAll) {
    const stored = await field.readAll(later.map((l) => l.res));
    later.forEach((l, i) => {
      expect(stored[i], `${l.label} (not read back verbatim)`).toBe(l.expected);
    });
  }
  // A field whose every write is refused (a wrong URL, a state that blocks it) proves nothing.
  if (field.once) expect(accepted, `${field.name}: accepted strings (write-once)`).toBe(1);
  else expect(accepted, `${field.name}: accepted strings`).toBeGreaterThan(0);
  perField[field.name] = accepted;
  return accepted;
}

describe('hostile strings in every text field', () => {
  for (const make of everyString) {
    const field = make();
    it(`${field.name}: every string`, async () => {
      await exercise(field, ALL_STRINGS);
    }, 180_000);
  }
  // Every other text field takes the same sample of 30, one test each (in order: some share state).
  const strings = sampleStrings(30);
  for (const make of [...sampled, ...moreSampled]) {
    const field = make();
    it(`${field.name}: a sample of 30 strings`, async () => {
      await exercise(field, strings);
    }, 120_000);
  }
});
