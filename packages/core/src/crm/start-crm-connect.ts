import type { CrmVendor } from '@replyforce/connectors/crm/types.ts';
import { insertCrmOAuthState, withTenant } from '@replyforce/db';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, CoreDeps } from '../deps.ts';
import { connectorError } from './connector-failure.ts';
import { assertVendorConfigured, crmAuthFor } from './crm-connectors.ts';
import { saveCrmConnection } from './save-crm-connection.ts';

const STATE_TTL_MS = 10 * 60_000;

export function crmCallbackUri(deps: CoreDeps, vendor: CrmVendor): string {
  return `${deps.config.publicUrl}/crm/callback/${vendor}`;
}

export type StartCrmConnect = {
  vendor: CrmVendor;
  token?: string | undefined;
  apiBase?: string | undefined;
  region?: string | undefined;
  eraseMode?: 'delete' | 'anonymise' | undefined;
};

/**
 * Connects a CRM. With a private-app token or API key it is checked with one call and stored at
 * once. Otherwise the OAuth 2 flow starts: the `state` is a row bound to this user in this
 * tenant, usable once within 10 minutes, so a forged or replayed redirect attaches nothing (as for
 * channels).
 */
export async function startCrmConnect(deps: CoreDeps, actor: Actor, p: StartCrmConnect) {
  assertVendorConfigured(deps, p.vendor);
  const auth = await crmAuthFor(deps, p.vendor);
  if (p.token !== undefined) {
    if (!auth.fromApiToken)
      throw new AppError('VALIDATION_FAILED', `${p.vendor} connects through its consent page, not a token`, {
        details: { token: 'Leave it out to connect with OAuth' },
      });
    let creds: Awaited<ReturnType<NonNullable<typeof auth.fromApiToken>>>;
    try {
      creds = await auth.fromApiToken(p.token, p.apiBase ? { apiBase: p.apiBase } : {});
    } catch (err) {
      throw connectorError(p.vendor, err);
    }
    const connection = await saveCrmConnection(deps, actor, {
      vendor: p.vendor,
      authType: 'token',
      creds,
      ...(p.eraseMode ? { eraseMode: p.eraseMode } : {}),
    });
    return { authorizeUrl: null, state: null, connection };
  }
  const state = crypto.randomUUID();
  const redirectUri = crmCallbackUri(deps, p.vendor);
  await withTenant(deps.db, actor.tenantId, async (tx) => {
    await insertCrmOAuthState(tx, {
      id: state,
      tenantId: actor.tenantId,
      userId: actor.userId,
      vendor: p.vendor,
      redirectUri,
      expiresAt: new Date(Date.now() + STATE_TTL_MS),
    });
    await recordAudit(tx, actor, {
      action: 'crm.connect_started',
      resourceType: 'crm_connection',
      result: 'success',
      metadata: { vendor: p.vendor },
    });
  });
  const authorizeUrl = auth.authorizeUrl({ redirectUri, state, ...(p.region ? { region: p.region } : {}) });
  return { authorizeUrl, state, connection: null };
}
