import { z } from 'zod';

/** Stable error codes. The HTTP status of each lives in apps/server (plugins/errors.ts). */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  'TOKEN_EXPIRED',
  'INVALID_CREDENTIALS',
  'REFRESH_TOKEN_INVALID',
  'REFRESH_TOKEN_REUSED',
  'FORBIDDEN',
  'MFA_ENROLMENT_REQUIRED',
  'NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'CONFLICT',
  'EMAIL_TAKEN',
  'ALREADY_MEMBER',
  'INVITATION_INVALID',
  'OWNER_PROTECTED',
  'LAST_ADMIN',
  'WEBHOOK_SIGNATURE_INVALID',
  'WEBHOOK_STALE',
  'OAUTH_STATE_INVALID',
  'CONNECT_DENIED',
  'CHANNEL_IN_USE',
  'POLICY_BLOCKED',
  'PLATFORM_UNAVAILABLE',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
