import type { ErrorCode } from '@replyforce/contracts';
import { AppError } from '@replyforce/core';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/** The one table from error code to HTTP status. */
export const STATUS_OF: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  TOKEN_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  REFRESH_TOKEN_INVALID: 401,
  REFRESH_TOKEN_REUSED: 401,
  FORBIDDEN: 403,
  MFA_ENROLMENT_REQUIRED: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  ALREADY_MEMBER: 409,
  OWNER_PROTECTED: 409,
  LAST_ADMIN: 409,
  INVITATION_INVALID: 410,
  WEBHOOK_SIGNATURE_INVALID: 401,
  WEBHOOK_STALE: 400,
  OAUTH_STATE_INVALID: 410,
  CONNECT_DENIED: 400,
  CHANNEL_IN_USE: 409,
  POLICY_BLOCKED: 409,
  PLATFORM_UNAVAILABLE: 502,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

export function sendError(reply: FastifyReply, err: AppError): FastifyReply {
  if (err.retryAfter !== undefined) reply.header('retry-after', String(err.retryAfter));
  return reply.status(STATUS_OF[err.code]).send({
    error: {
      code: err.code,
      message: err.message,
      ...(err.details !== undefined ? { details: err.details } : {}),
    },
  });
}

/** Translates whatever was thrown into the uniform shape. Nothing but a code and a message leaves. */
export function toAppError(error: FastifyError | Error): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    return new AppError('VALIDATION_FAILED', 'The request is not valid', {
      details: error.validation.map((v) => ({
        where: error.validationContext,
        path: v.instancePath || '/',
        message: v.message,
        ...(v.params && 'keys' in v.params ? { keys: v.params.keys } : {}),
      })),
    });
  }
  const code = (error as FastifyError).code;
  const status = (error as FastifyError).statusCode;
  switch (code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('MALFORMED_JSON', 'The body is not valid JSON');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', 'The body is larger than this server accepts');
  }
  if (error instanceof SyntaxError && status === 400)
    return new AppError('MALFORMED_JSON', 'The body is not valid JSON');
  if (status === 429) return new AppError('RATE_LIMITED', 'Too many requests');
  if (status !== undefined && status >= 400 && status < 500) {
    return new AppError(status === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED', 'The request is not valid');
  }
  return new AppError('INTERNAL', 'Something went wrong on our side; it has been logged');
}

function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 32 || value === null || typeof value !== 'object') return false;
  // Raw bodies (webhooks) are checked by their own route; walking a Buffer byte by byte is slow.
  if (ArrayBuffer.isView(value)) return false;
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNul(v, depth + 1));
}

export function registerErrorHandling(app: FastifyInstance): void {
  // PostgreSQL text cannot hold NUL characters; refuse them here rather than fail in the database.
  app.addHook('preValidation', async (request) => {
    if (hasNul(request.body) || hasNul(request.query) || hasNul(request.params)) {
      throw new AppError('VALIDATION_FAILED', 'Text may not contain NUL (\\u0000) characters');
    }
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === 'INTERNAL') request.log.error({ err: error }, 'unhandled error');
    else if (!(error instanceof AppError))
      request.log.info({ code: appError.code, reason: error.message }, 'client error');
    return sendError(reply, appError);
  });
}
