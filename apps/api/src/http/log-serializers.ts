import type { FastifyRequest } from 'fastify';

/** What the logs may say about a request and an error — and what they never may: cookies and the
 * Authorization header (not logged at all), tokens in query strings (the links of reset,
 * verification and unsubscribe e-mails land on /reset-password?token=…), bodies (never logged), and
 * the bound values of a failed query (a drizzle error's message carries them: e-mails, hashes,
 * message text). */

/** Query parameters whose values are secrets. */
const SECRET_PARAM = /token|secret|password|signature|key/i;

/** The path and query with the values of secret-looking parameters replaced. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      return eq >= 0 && SECRET_PARAM.test(decodeName(name)) ? `${name}=[redacted]` : pair;
    })
    .join('&');
  return `${url.slice(0, at)}?${query}`;
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/** The request on "incoming request" lines: no headers at all. */
function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** Properties of driver errors worth an operator's eye; `detail` is left out (PostgreSQL puts the
 * conflicting values there: "Key (email)=(…) already exists"). */
const ERROR_FIELDS = ['code', 'statusCode', 'errno', 'syscall', 'constraint', 'table', 'column', 'routine'];

/** Cuts the bound values out of a drizzle "Failed query: …\nparams: …" message (and its stack,
 * which repeats the message before the frames). */
function scrub(text: string): string {
  const at = text.indexOf('\nparams: ');
  if (at < 0) return text;
  const frames = text.indexOf('\n    at ', at);
  return `${text.slice(0, at)}\nparams: [redacted]${frames < 0 ? '' : text.slice(frames)}`;
}

interface SerializedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

function serializeError(err: unknown, depth = 0): SerializedError {
  if (!(err instanceof Error))
    return { type: typeof err, message: typeof err === 'string' ? err : '', stack: '' };
  const out: SerializedError = {
    type: err.constructor?.name ?? 'Error',
    message: scrub(err.message),
    stack: scrub(err.stack ?? ''),
  };
  for (const field of ERROR_FIELDS) {
    const value = (err as unknown as Record<string, unknown>)[field];
    if (typeof value === 'string' || typeof value === 'number') out[field] = value;
  }
  if (err.cause !== undefined && depth < 3) out.cause = serializeError(err.cause, depth + 1);
  return out;
}

export const logSerializers = {
  req: serializeRequest,
  err: (err: unknown) => serializeError(err),
};

/** Belt and braces, should a line ever log headers or a body object. */
export const logRedactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'headers.cookie',
  'headers.authorization',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
];
