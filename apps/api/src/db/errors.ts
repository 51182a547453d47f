/** Whether a database error (possibly wrapped by drizzle as `cause`) is a unique violation of the
 * named index (of any unique index when none is named). pg and PGlite both report the index as
 * `constraint`; when a driver leaves it out, any unique violation counts, so a race still ends in
 * the caller's 409 rather than a 500. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { code?: unknown; constraint?: unknown };
    if (e.code === '23505')
      return constraint === undefined || e.constraint === constraint || e.constraint === undefined;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Socket errors of a database that is away (stopped, restarting, unreachable). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
/** pg's own words when a connection drops or cannot be had in time (it gives them no code). */
const DRIVER_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connection error|not queryable/i;

/** Whether an error (possibly wrapped by drizzle as `cause`) means the database cannot be reached
 * right now rather than that the statement was wrong: class 08 (connection exception), 57P01–57P03
 * (the server is shutting down, crashed or still starting), 53300 (too many connections: several
 * processes at their pools' limits), a refused or reset socket. Such a
 * request is answered 503 with Retry-After (decision 017). */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { code?: unknown; message?: unknown };
    if (typeof e.code === 'string') {
      if (NETWORK_CODES.has(e.code) || e.code.startsWith('08') || /^(57P0[1-3]|53300)$/.test(e.code))
        return true;
    }
    if (typeof e.message === 'string' && DRIVER_MESSAGES.test(e.message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
