import type { Locale } from '@bextr/contracts';
import type { z } from 'zod';
import { ApiError, parseErrorBody } from './errors.ts';

export const API_BASE = '/api/v1';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface CallOptions {
  method: Method;
  path: string;
  /** JSON body; omitted for requests without one (then no Content-Type is sent either). */
  body?: unknown;
  signal?: AbortSignal;
  /** Sent as the `Idempotency-Key` header: the server keeps one row per key, so a repeated submit of
   * the same form is refused instead of creating a second one. */
  idempotencyKey?: string;
}

export interface ApiClient {
  /** A call whose successful answer is checked against a contract schema. */
  request<S extends z.ZodType>(options: CallOptions & { schema: S }): Promise<z.output<S>>;
  /** A call whose successful answer carries nothing the client needs (e.g. 204). */
  requestEmpty(options: CallOptions): Promise<void>;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A small fetch wrapper: same-origin cookies, JSON in and out, the UI's language in
 * Accept-Language, responses checked against the contract schemas, failures as ApiError. */
export function createApiClient(opts: { getLocale: () => Locale }): ApiClient {
  async function call(options: CallOptions): Promise<{ data: unknown; status: number; locale: Locale }> {
    const locale = opts.getLocale();
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale };
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    let response: Response;
    try {
      response = await fetch(`${API_BASE}${options.path}`, {
        method: options.method,
        headers,
        body,
        credentials: 'same-origin',
        signal: options.signal,
      });
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: '', locale });
    }
    const data = await readJson(response);
    if (!response.ok) {
      const error = parseErrorBody(response.status, data, locale, response.headers.get('retry-after'));
      throw (
        error ?? new ApiError({ status: response.status, code: 'UNEXPECTED_RESPONSE', message: '', locale })
      );
    }
    return { data, status: response.status, locale };
  }

  return {
    async request(options) {
      const { data, status, locale } = await call(options);
      const parsed = options.schema.safeParse(data);
      if (!parsed.success) throw new ApiError({ status, code: 'UNEXPECTED_RESPONSE', message: '', locale });
      return parsed.data;
    },
    async requestEmpty(options) {
      await call(options);
    },
  };
}

/** `?a=1&b=x` from the set values of a query object ("" and undefined are left out). */
export function queryString(query: Record<string, string | number | undefined>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
