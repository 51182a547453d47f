import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler as providerValidatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** Request validation failed: the zod issues, turned into per-field messages by the error handler. */
export class RequestValidationError extends Error {
  validationContext?: string;
  constructor(readonly issues: readonly z.core.$ZodIssue[]) {
    super('request validation failed');
  }
}

/** Validates with zod, keeping the submitted value on each issue so "missing" and "wrong type"
 * get different messages. The value never leaves the server: only path, code and message do. */
export const validatorCompiler: FastifySchemaCompiler<unknown> = (route) => {
  const { schema } = route;
  if (!(schema instanceof z.ZodType)) return providerValidatorCompiler(route as never);
  return (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    return result.success
      ? { value: result.data }
      : { error: new RequestValidationError(result.error.issues) };
  };
};
