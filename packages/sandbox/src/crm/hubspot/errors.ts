import { randomUUID } from 'node:crypto';
import type { VendorRefusals } from '../guard.ts';
import { CrmHttpError } from '../http-error.ts';

/** HubSpot's error body: `{status:"error", message, correlationId, category, …}`. */
export function hubspotError(
  status: number,
  category: string,
  message: string,
  extra: object = {},
): CrmHttpError {
  return new CrmHttpError(status, {
    status: 'error',
    message,
    correlationId: randomUUID(),
    category,
    ...extra,
  });
}

export const hubspot = {
  unauthorized: () =>
    hubspotError(
      401,
      'INVALID_AUTHENTICATION',
      'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
    ),
  expired: () =>
    hubspotError(401, 'EXPIRED_AUTHENTICATION', 'The OAuth token used to make this call expired.'),
  validation: (message: string, errors: object[] = []) =>
    hubspotError(400, 'VALIDATION_ERROR', message, { errors }),
  notFound: (id: string) =>
    hubspotError(404, 'OBJECT_NOT_FOUND', 'Object not found.  objectId are usually numeric.', {
      context: { id: [id] },
    }),
  conflict: (message: string) => hubspotError(409, 'OBJECT_ALREADY_EXISTS', message),
};

export const hubspotRefusals: VendorRefusals = {
  server: () => hubspotError(500, 'INTERNAL_ERROR', 'internal error'),
  timeout: () => hubspotError(504, 'GATEWAY_TIMEOUT', 'The request timed out'),
  unauthorized: hubspot.unauthorized,
  limited(retryAfterSeconds, limit, bucket) {
    const secondly = bucket === 'search';
    return new CrmHttpError(
      429,
      {
        status: 'error',
        message: secondly
          ? 'You have reached your secondly limit.'
          : 'You have reached your ten_secondly_rolling limit.',
        errorType: 'RATE_LIMIT',
        correlationId: randomUUID(),
        policyName: secondly ? 'SECONDLY' : 'TEN_SECONDLY_ROLLING',
      },
      {
        'retry-after': String(retryAfterSeconds),
        'x-hubspot-ratelimit-interval-milliseconds': String(limit.windowMs),
        'x-hubspot-ratelimit-max': String(limit.limit),
        'x-hubspot-ratelimit-remaining': '0',
      },
    );
  },
};
