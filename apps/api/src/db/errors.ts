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
