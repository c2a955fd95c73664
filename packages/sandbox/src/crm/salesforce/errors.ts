import type { VendorRefusals } from '../guard.ts';
import { CrmHttpError } from '../http-error.ts';

/** Salesforce REST errors: an array of `{message, errorCode}` (fields for field errors). */
export function sfError(
  status: number,
  errorCode: string,
  message: string,
  headers: Record<string, string> = {},
) {
  return new CrmHttpError(status, [{ message, errorCode }], headers);
}

export const salesforce = {
  unauthorized: () => sfError(401, 'INVALID_SESSION_ID', 'Session expired or invalid'),
  notFound: () => sfError(404, 'NOT_FOUND', 'The requested resource does not exist'),
  badRequest: (message: string) => sfError(400, 'JSON_PARSER_ERROR', message),
  invalidField: (message: string) => sfError(400, 'INVALID_FIELD', message),
  malformedQuery: (message: string) => sfError(400, 'MALFORMED_QUERY', message),
};

export const salesforceRefusals: VendorRefusals = {
  server: () =>
    sfError(
      500,
      'UNKNOWN_EXCEPTION',
      'An unexpected error occurred. Please include this ErrorId if you contact support: 1427390410-8 (-1291)',
    ),
  timeout: () =>
    sfError(504, 'REQUEST_RUNNING_TOO_LONG', 'Your request was running for too long, and has been stopped.'),
  unauthorized: salesforce.unauthorized,
  // Salesforce refuses over-limit calls with 403 REQUEST_LIMIT_EXCEEDED and sends no Retry-After;
  // the sandbox adds one so clients that honour it can be tested (§8.5).
  limited: (retryAfterSeconds) =>
    sfError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.', {
      'retry-after': String(retryAfterSeconds),
    }),
};
