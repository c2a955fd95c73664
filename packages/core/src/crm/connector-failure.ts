import { ConnectorError } from '@replyforce/connectors';
import { AppError } from '../app-error.ts';

/** A CRM failure during a request a person is waiting on, as the error they see. */
export function connectorError(vendor: string, err: unknown): Error {
  if (!(err instanceof ConnectorError)) return err instanceof Error ? err : new Error(String(err));
  if (err.kind === 'temporary' || err.kind === 'rate_limited')
    return new AppError('PLATFORM_UNAVAILABLE', `${vendor} did not answer properly; try again in a moment`, {
      ...(err.retryAfterMs ? { retryAfter: Math.ceil(err.retryAfterMs / 1000) } : {}),
    });
  if (err.kind === 'auth_revoked')
    return new AppError('CONNECT_DENIED', `${vendor} refused the credentials: ${err.message}`);
  return new AppError('CONNECT_DENIED', `${vendor} refused: ${err.message}`);
}
