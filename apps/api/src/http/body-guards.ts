import type { FastifyInstance } from 'fastify';
import { badRequest } from './errors.ts';

const MAX_DEPTH = 32;

/** Walks a parsed body without recursion: refuses NUL characters (PostgreSQL cannot store them)
 * and absurd nesting, both as a clear 400 instead of a failure deeper down. */
export function findBodyProblem(body: unknown): 'nul_character' | 'too_deep' | null {
  const stack: { value: unknown; depth: number }[] = [{ value: body, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    const { value, depth } = item;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return 'nul_character';
    } else if (value && typeof value === 'object') {
      if (depth >= MAX_DEPTH) return 'too_deep';
      for (const [key, child] of Object.entries(value)) {
        if (key.includes('\u0000')) return 'nul_character';
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
