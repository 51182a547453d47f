import fc from 'fast-check';
import { ALL_STRINGS } from './input-strings.ts';

// A small converter from the JSON Schema of a route's zod schema (`z.toJSONSchema`, input side) to
// fast-check arbitraries: values that are mostly valid, with naughty strings and random JSON mixed in
// at every level, so a run reaches the handlers and the database, not only the validator.

type Json = { [key: string]: unknown };

/** The naughty strings, short ones only (long ones are input-hostile-strings' business). */
const naughty = fc.constantFrom(...ALL_STRINGS.filter((s) => s.length <= 300));
const randomJson = fc.jsonValue({ maxDepth: 2 });

/** Mostly the valid value, sometimes a naughty string or any JSON at all. */
function spoil(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 16, arbitrary: valid },
    { weight: 1, arbitrary: naughty },
    { weight: 1, arbitrary: randomJson },
  );
}

const cap = (n: unknown, fallback: number, most: number) =>
  Math.min(typeof n === 'number' ? n : fallback, most);

function stringArb(s: Json): fc.Arbitrary<string> {
  if (s.format === 'uri') return fc.webUrl();
  if (typeof s.pattern === 'string') {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= cap(s.maxLength, 64, 500));
    } catch {
      // A pattern fast-check cannot read: plain strings then.
    }
  }
  const minLength = cap(s.minLength, 0, 50);
  return fc.oneof(
    fc.string({ minLength, maxLength: Math.max(minLength, cap(s.maxLength, 40, 60)), unit: 'grapheme' }),
    naughty,
  );
}

function numberArb(s: Json, integer: boolean): fc.Arbitrary<number> {
  const min = typeof s.minimum === 'number' ? s.minimum : -1_000_000;
  const max = typeof s.maximum === 'number' ? s.maximum : 1_000_000;
  const safeMin = Math.max(min, Number.MIN_SAFE_INTEGER);
  const safeMax = Math.min(max, Number.MAX_SAFE_INTEGER);
  return integer
    ? fc.integer({ min: safeMin, max: safeMax })
    : fc.double({ min: safeMin, max: safeMax, noNaN: true, noDefaultInfinity: true });
}

/** The valid-looking arbitrary of a schema node (its children spoiled in turn). */
export function validArb(s: Json): fc.Arbitrary<unknown> {
  const options = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (options) return fc.oneof(...options.map(validArb));
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  if (Array.isArray(s.type)) return fc.oneof(...s.type.map((type) => validArb({ ...s, type })));
  switch (s.type) {
    case 'string':
      return stringArb(s);
    case 'integer':
    case 'number':
      return numberArb(s, s.type === 'integer');
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(spoil(validArb((s.items as Json) ?? {})), {
        minLength: cap(s.minItems, 0, 3),
        maxLength: Math.max(cap(s.minItems, 0, 3), cap(s.maxItems, 3, 3)),
      });
    case 'object': {
      const names = s.propertyNames as Json | undefined;
      if (names && !s.properties) {
        return fc.dictionary(
          validArb(names) as fc.Arbitrary<string>,
          spoil(validArb(s.additionalProperties as Json)),
          {
            maxKeys: 4,
          },
        );
      }
      const props = (s.properties ?? {}) as Record<string, Json>;
      const required = (s.required ?? []) as string[];
      const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, spoil(validArb(v))]));
      return fc.record(model, { requiredKeys: required.filter((k) => k in props) });
    }
    default:
      return randomJson;
  }
}

/** A route body: mostly shaped by the schema, sometimes any JSON value or object at all. */
export function bodyArb(schema: Json): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: validArb(schema) },
    { weight: 1, arbitrary: randomJson },
    { weight: 1, arbitrary: fc.object({ maxDepth: 2 }) },
  );
}

/** A query string's values (strings, as a URL carries them), from its schema. */
export function queryArb(schema: Json): fc.Arbitrary<Record<string, string>> {
  const props = (schema.properties ?? {}) as Record<string, Json>;
  const model = Object.fromEntries(
    Object.entries(props).map(([k, v]) => [
      k,
      spoil(validArb(v)).map((x) => (typeof x === 'string' ? x : JSON.stringify(x))),
    ]),
  );
  return fc.record(model, { requiredKeys: [] }) as fc.Arbitrary<Record<string, string>>;
}

/** Path params: the real ids most of the time, a naughty string sometimes. */
export function paramsArb(real: Record<string, string>): fc.Arbitrary<Record<string, string>> {
  const model = Object.fromEntries(
    Object.entries(real).map(([k, v]) => [
      k,
      fc.oneof({ weight: 4, arbitrary: fc.constant(v) }, { weight: 1, arbitrary: naughty }),
    ]),
  );
  return fc.record(model);
}
