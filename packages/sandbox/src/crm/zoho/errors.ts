import type { VendorRefusals } from '../guard.ts';
import { CrmHttpError } from '../http-error.ts';

/** Zoho CRM's error body: `{code, details, message, status:"error"}`. */
export function zohoError(
  status: number,
  code: string,
  message: string,
  details: object = {},
  headers: Record<string, string> = {},
) {
  return new CrmHttpError(status, { code, details, message, status: 'error' }, headers);
}

export const zoho = {
  missingAuth: () => zohoError(401, 'AUTHENTICATION_FAILURE', 'Authentication failed'),
  invalidToken: () => zohoError(401, 'INVALID_TOKEN', 'invalid oauth token'),
  badRequest: (message: string) => zohoError(400, 'INVALID_DATA', message),
  notFound: () =>
    zohoError(404, 'INVALID_URL_PATTERN', 'Please check if the URL trying to access is a correct one'),
};

export const zohoRefusals: VendorRefusals = {
  server: () => zohoError(500, 'INTERNAL_ERROR', 'Internal Server Error'),
  timeout: () => zohoError(504, 'INTERNAL_ERROR', 'The request timed out'),
  unauthorized: zoho.invalidToken,
  limited: (retryAfterSeconds) =>
    zohoError(
      429,
      'TOO_MANY_REQUESTS',
      'You have reached the maximum number of API calls or concurrent requests allowed',
      {},
      {
        'retry-after': String(retryAfterSeconds),
      },
    ),
};
