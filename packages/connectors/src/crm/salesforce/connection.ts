import { Connection } from 'jsforce/lib/connection.js';
import { ConnectorError } from '../../errors.ts';
import { DEFAULT_TIMEOUT_MS } from '../shared/key-field.ts';
import type { CrmAppConfig, CrmCredentials } from '../types.ts';
import { ConnectorTransport } from './transport.ts';

export type SfConnection = Connection;

/** sObject Collections upsert needs API v46.0 or later (§8.2); pinned so field semantics never shift. */
export const SF_API_VERSION = '62.0';

/**
 * A jsforce connection to the org's instance_url with ReplyForce's transport. No refresh token or
 * OAuth2 is handed to jsforce: refreshing is core's decision, so a 401 comes back as auth_revoked.
 * Only the Connection module is loaded, not jsforce's index (Bulk, SOAP, Metadata APIs).
 */
export function createSfConnection(creds: CrmCredentials, app: CrmAppConfig): SfConnection {
  if (!creds.apiBase) throw new ConnectorError('permanent', 'Salesforce credentials have no instance_url');
  const conn = new Connection({
    instanceUrl: creds.apiBase,
    accessToken: creds.accessToken,
    version: SF_API_VERSION,
  });
  conn._transport = new ConnectorTransport(app.timeoutMs ?? DEFAULT_TIMEOUT_MS, [creds.accessToken]);
  return conn;
}
