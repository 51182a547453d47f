import type { ErrorCode, FieldError, User } from '@bextr/contracts';
import type { App } from '../app.ts';

/** The JSON shapes the foundation answers with, loosely: each test reads what it expects. */
export interface ApiBody {
  user?: User;
  ok?: boolean;
  status?: string;
  items?: {
    to: string;
    subject: string;
    text: string;
    html: string;
    headers: Record<string, string>;
    sentAt: string;
  }[];
  error?: {
    code: ErrorCode;
    message: string;
    details?: { in?: string; fields?: FieldError[]; retryAfterSeconds?: number };
  };
}

export interface ResponseCookie {
  name: string;
  value: string;
  path?: string;
  expires?: Date;
  maxAge?: number;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: string;
}

export interface TestResponse<T = ApiBody> {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  text: string;
  /** The parsed JSON answer (undefined when the answer is not JSON). */
  body: T;
  cookies: ResponseCookie[];
}

export interface ClientOptions {
  /** Sent as Accept-Language. */
  lang?: string;
  /** The address the requests come from (rate limits are per IP). */
  ip?: string;
  /** The page the "browser" is on; mutations carry it as Origin, as browsers do. */
  origin?: string;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  /** A raw body sent as is (with whatever content-type `headers` says), instead of JSON. */
  raw?: string | Buffer;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
type Method = 'GET' | 'HEAD' | 'OPTIONS' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A tiny browser over `app.inject`: keeps cookies between requests like a cookie jar, sends the
 * headers a same-origin fetch() would, and parses JSON answers. */
export class TestClient {
  private readonly jar = new Map<string, string>();
  readonly origin: string;

  constructor(
    readonly app: App,
    private readonly options: ClientOptions = {},
  ) {
    this.origin = options.origin ?? 'http://localhost:3000';
  }

  get sessionCookieName(): string {
    return this.app.ctx.config.session.cookieName;
  }

  /** The session cookie's current value, if the jar holds one. */
  get sessionCookie(): string | undefined {
    return this.jar.get(this.sessionCookieName);
  }

  /** Puts a cookie in the jar by hand (e.g. to replay an old session). */
  setCookie(name: string, value: string): void {
    this.jar.set(name, value);
  }

  clearCookies(): void {
    this.jar.clear();
  }

  get<T = ApiBody>(url: string, opts?: RequestOptions) {
    return this.request<T>('GET', url, undefined, opts);
  }
  post<T = ApiBody>(url: string, body?: unknown, opts?: RequestOptions) {
    return this.request<T>('POST', url, body, opts);
  }
  put<T = ApiBody>(url: string, body?: unknown, opts?: RequestOptions) {
    return this.request<T>('PUT', url, body, opts);
  }
  patch<T = ApiBody>(url: string, body?: unknown, opts?: RequestOptions) {
    return this.request<T>('PATCH', url, body, opts);
  }
  delete<T = ApiBody>(url: string, opts?: RequestOptions) {
    return this.request<T>('DELETE', url, undefined, opts);
  }

  async request<T = ApiBody>(
    method: Method,
    url: string,
    body?: unknown,
    opts: RequestOptions = {},
  ): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { host: new URL(this.origin).host };
    if (!SAFE_METHODS.has(method)) {
      headers.origin = this.origin;
      headers['sec-fetch-site'] = 'same-origin';
    }
    if (this.options.lang) headers['accept-language'] = this.options.lang;
    if (this.jar.size > 0) {
      headers.cookie = [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    let payload: string | Buffer | undefined;
    if (opts.raw !== undefined) {
      payload = opts.raw;
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    Object.assign(headers, opts.headers);

    const res = await this.app.inject({
      method,
      url,
      headers,
      ...(payload !== undefined ? { payload } : {}),
      ...(this.options.ip ? { remoteAddress: this.options.ip } : {}),
    });

    const cookies = res.cookies as ResponseCookie[];
    for (const cookie of cookies) {
      const expired =
        (cookie.maxAge !== undefined && cookie.maxAge <= 0) ||
        (cookie.expires !== undefined && cookie.expires.getTime() <= Date.now());
      if (expired) this.jar.delete(cookie.name);
      else this.jar.set(cookie.name, cookie.value);
    }
    const contentType = String(res.headers['content-type'] ?? '');
    const parsed = contentType.startsWith('application/json') && res.body ? JSON.parse(res.body) : undefined;
    return { status: res.statusCode, headers: res.headers, text: res.body, body: parsed as T, cookies };
  }
}

/** A new "browser" with an empty cookie jar. */
export function browser(app: App, options?: ClientOptions): TestClient {
  return new TestClient(app, options);
}
