import type { FastifyInstance } from 'fastify';

/** Lets the routes of this (encapsulated) scope take an HTML form post
 * (`application/x-www-form-urlencoded`) as a plain object of strings, up to `bodyLimit` bytes. The
 * rest of the API stays JSON-only (415). */
export function acceptFormPosts(scope: FastifyInstance, bodyLimit: number) {
  scope.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
}
