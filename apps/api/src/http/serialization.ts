import type { FastifySerializerCompiler } from 'fastify';
import { serializerCompiler as providerSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** A response that does not match its route's schema: a presenter and a contract disagree. */
export class ResponseContractError extends Error {
  constructor(route: string, detail: string) {
    super(`the response of ${route} does not match its schema: ${detail}`);
  }
}

/**
 * Responses are written as their presenters made them (`JSON.stringify`), in every mode. Outside
 * production each one is first checked against its route's zod schema: it must pass the schema and
 * come out of it unchanged — no key the schema would drop, no value it would alter — so the bytes
 * the tests see are the bytes production sends. Production skips the check: it was an eighth of the
 * CPU of a discovery page (decision 018, fourth pass); the presenters are the whitelist of what
 * leaves the server, and the suites hold them to the schemas.
 */
export function responseSerializer(opts: { checked: boolean }): FastifySerializerCompiler<unknown> {
  return (route) => {
    const { schema, method, url } = route;
    if (!(schema instanceof z.ZodType)) return providerSerializerCompiler(route as never);
    if (!opts.checked) return (data) => JSON.stringify(data);
    return (data) => {
      const text = JSON.stringify(data);
      const result = z.safeEncode(schema, data as never);
      if (!result.success) throw new ResponseContractError(`${method} ${url}`, z.prettifyError(result.error));
      const difference = firstDifference(JSON.parse(text), JSON.parse(JSON.stringify(result.data)), '');
      if (difference) throw new ResponseContractError(`${method} ${url}`, difference);
      return text;
    };
  };
}

/** Where two JSON values differ ("items.0.campaign.secret: not in the schema"), or null. */
export function firstDifference(sent: unknown, allowed: unknown, at: string): string | null {
  const where = at || '(the body)';
  if (Array.isArray(sent) && Array.isArray(allowed)) {
    if (sent.length !== allowed.length)
      return `${where}: ${sent.length} items, the schema keeps ${allowed.length}`;
    for (let i = 0; i < sent.length; i++) {
      const inner = firstDifference(sent[i], allowed[i], at ? `${at}.${i}` : String(i));
      if (inner) return inner;
    }
    return null;
  }
  if (isObject(sent) && isObject(allowed)) {
    for (const key of Object.keys(sent)) {
      const path = at ? `${at}.${key}` : key;
      if (!(key in allowed)) return `${path}: not in the schema`;
      const inner = firstDifference(sent[key], allowed[key], path);
      if (inner) return inner;
    }
    for (const key of Object.keys(allowed))
      if (!(key in sent)) return `${at ? `${at}.${key}` : key}: added by the schema`;
    return null;
  }
  return Object.is(sent, allowed)
    ? null
    : `${where}: ${JSON.stringify(sent)} becomes ${JSON.stringify(allowed)}`;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
