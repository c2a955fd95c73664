import type { CrmVendor } from '@replyforce/connectors/crm/types.ts';
import type { CrmConnectionDto } from '@replyforce/contracts';
import { takeCrmOAuthState, withTenant } from '@replyforce/db';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, CoreDeps } from '../deps.ts';
import { connectorError } from './connector-failure.ts';
import { crmAuthFor } from './crm-connectors.ts';
import { saveCrmConnection } from './save-crm-connection.ts';

/**
 * Finishes the OAuth flow with what the CRM put in the redirect: the state must be this user's,
 * unused and fresh; the code is exchanged and the connection stored.
 */
export async function completeCrmConnect(
  deps: CoreDeps,
  actor: Actor,
  input: {
    state: string;
    code?: string | undefined;
    error?: string | undefined;
    extra?: Record<string, string> | undefined;
  },
): Promise<CrmConnectionDto> {
  const state = await withTenant(deps.db, actor.tenantId, async (tx) => {
    const row = await takeCrmOAuthState(tx, actor.tenantId, input.state);
    return row && row.userId === actor.userId ? row : undefined;
  });
  if (!state)
    throw new AppError(
      'OAUTH_STATE_INVALID',
      'This connection attempt is unknown or was already used; start again',
    );
  if (state.expiresAt.getTime() < Date.now())
    throw new AppError('OAUTH_STATE_INVALID', 'This connection attempt expired; start again');
  const vendor = state.vendor as CrmVendor;
  if (input.error || !input.code) {
    await audit(deps, actor, vendor, { reason: input.error ?? 'no code' });
    throw new AppError('CONNECT_DENIED', `${vendor} did not grant access, so nothing was connected`);
  }
  const auth = await crmAuthFor(deps, vendor);
  let creds: Awaited<ReturnType<typeof auth.exchangeCode>>;
  try {
    creds = await auth.exchangeCode({
      code: input.code,
      redirectUri: state.redirectUri,
      ...(input.extra ? { extra: input.extra } : {}),
    });
  } catch (err) {
    await audit(deps, actor, vendor, { reason: err instanceof Error ? err.message.slice(0, 200) : 'error' });
    throw connectorError(vendor, err);
  }
  return saveCrmConnection(deps, actor, { vendor, authType: 'oauth', creds });
}

async function audit(deps: CoreDeps, actor: Actor, vendor: CrmVendor, metadata: Record<string, unknown>) {
  await withTenant(deps.db, actor.tenantId, (tx) =>
    recordAudit(tx, actor, {
      action: 'crm.connect_failed',
      resourceType: 'crm_connection',
      result: 'failure',
      metadata: { vendor, ...metadata },
    }),
  );
}
