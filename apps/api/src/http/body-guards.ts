import type { FastifyInstance } from 'fastify';
import { badRequest } from './errors.ts';

const MAX_DEPTH = 32;
/** Half of a surrogate pair with no other half (a whole pair is one code point under /u). */
const LONE_SURROGATE = /\p{Surrogate}/u;

/** Walks a parsed body without recursion: refuses NUL characters (PostgreSQL cannot store them),
 * lone surrogates (half an emoji: stored as U+FFFD, so the text would not come back as sent) and
 * absurd nesting, each as a clear 400 instead of a failure or a silent change deeper down. */
export function findBodyProblem(body: unknown): 'nul_character' | 'lone_surrogate' | 'too_deep' | null {
  const stack: { value: unknown; depth: number }[] = [{ value: body, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    const { value, depth } = item;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return 'nul_character';
      if (LONE_SURROGATE.test(value)) return 'lone_surrogate';
    } else if (value && typeof value === 'object') {
      if (depth >= MAX_DEPTH) return 'too_deep';
      for (const [key, child] of Object.entries(value)) {
        if (key.includes('\u0000')) return 'nul_character';
        if (LONE_SURROGATE.test(key)) return 'lone_surrogate';
        stack.push({ value: child, depth: depth + 1 });
      }
    }
  }
  return null;
}

export function registerBodyGuards(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined || request.body === null) return;
    const problem = findBodyProblem(request.body);
    if (problem) throw badRequest('VALIDATION_FAILED', { fields: [{ path: '', code: problem }] });
  });
}
