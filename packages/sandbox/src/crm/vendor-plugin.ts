import type { FastifyError, FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { CrmContext } from './context.ts';
import { CrmHttpError, sendCrmError } from './http-error.ts';
import { registerRequestLog } from './request-log.ts';
import type { CrmVendor } from './types.ts';

/**
 * What every vendor plugin shares: the request log, and one error handler that answers in the
 * vendor's shape whether the failure is the vendor's own refusal, a malformed body or a bug.
 */
export function setupVendorPlugin(
  app: FastifyInstance,
  c: CrmContext,
  vendor: CrmVendor,
  shapes: {
    badRequest(message: string): CrmHttpError;
    notFound(method: string, path: string): CrmHttpError;
    server(): CrmHttpError;
  },
): void {
  registerRequestLog(app, c, vendor);
  app.setErrorHandler((err: FastifyError, _req, reply) => {
    if (err instanceof CrmHttpError) return sendCrmError(reply, err);
    if (err.statusCode !== undefined && err.statusCode < 500)
      return sendCrmError(reply, shapes.badRequest(err.message));
    return sendCrmError(reply, shapes.server());
  });
  app.setNotFoundHandler((req, reply) =>
    sendCrmError(reply, shapes.notFound(req.method, req.url.split('?')[0] ?? '')),
  );
}

/** Parses a body with the route's schema, or throws the vendor's 400. */
export function parseBody<S extends z.ZodType>(
  schema: S,
  value: unknown,
  badRequest: (message: string) => CrmHttpError,
): z.infer<S> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    throw badRequest(`Invalid input: ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'malformed'}`);
  }
  return result.data;
}
