import type { VendorRefusals } from '../guard.ts';
import { CrmHttpError } from '../http-error.ts';

/** Pipedrive's error body: `{success:false, error, errorCode, error_info}`. */
export function pdError(
  status: number,
  error: string,
  extra: object = {},
  headers: Record<string, string> = {},
) {
  return new CrmHttpError(
    status,
    {
      success: false,
      error,
      errorCode: status,
      error_info: 'Please check developers.pipedrive.com for more information about Pipedrive API.',
      data: null,
      additional_data: null,
      ...extra,
    },
    headers,
  );
}

export const pipedrive = {
  unauthorized: () => pdError(401, 'unauthorized access'),
  badRequest: (message: string) => pdError(400, message, { code: 'ERR_SCHEMA_VALIDATION_FAILED' }),
  notFound: (what = 'Not found') => pdError(404, what),
};

export const pipedriveRefusals: VendorRefusals = {
  server: () => pdError(500, 'Internal server error'),
  timeout: () => pdError(504, 'Gateway timeout'),
  unauthorized: pipedrive.unauthorized,
  limited: (retryAfterSeconds, limit) =>
    pdError(
      429,
      'Request over limit',
      {},
      {
        'retry-after': String(retryAfterSeconds),
        'x-ratelimit-limit': String(limit.limit),
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(retryAfterSeconds),
      },
    ),
};
