import { errorBodySchema } from '@bextr/contracts';

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 507;

/** The response schemas of the error statuses a route answers with: every error has the same body
 * (error-handler.ts). Spread into a route's `response` next to its success schema. */
export function errorResponses<const S extends ErrorStatus>(...statuses: S[]) {
  return Object.fromEntries(statuses.map((status) => [status, errorBodySchema])) as Record<
    S,
    typeof errorBodySchema
  >;
}

/** What a signed-in route working on one object may answer: bad input, not signed in, wrong role, not
 * found (or not the caller's), a state conflict, a rule refused. */
export const objectErrors = errorResponses(400, 401, 403, 404, 409, 422);
