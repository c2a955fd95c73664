import { createHash, randomBytes } from 'node:crypto';
import type { Platform } from '@replyforce/connectors';
import type { ConnectChannelDto } from '@replyforce/contracts';
import { insertOAuthState, withTenant } from '@replyforce/db';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, CoreDeps } from '../deps.ts';

const STATE_TTL_MS = 10 * 60_000;

export function callbackUri(deps: CoreDeps, platform: Platform): string {
  return `${deps.config.publicUrl}/channels/callback/${platform}`;
}

/**
 * Starts the OAuth 2 authorisation-code flow (seed 001 §4.1). The `state` is a row bound to this
 * user in this tenant, usable once within 10 minutes; the callback must be completed by the same
 * signed-in user, so a forged or replayed redirect cannot attach an account to someone's workspace.
 */
export async function startConnect(
  deps: CoreDeps,
  actor: Actor,
  platform: Platform,
): Promise<ConnectChannelDto> {
  const state = crypto.randomUUID();
  const codeVerifier = randomBytes(32).toString('base64url');
  const codeChallenge = createHash('sha256').update(codeVerifier).digest('base64url');
  const redirectUri = callbackUri(deps, platform);
  await withTenant(deps.db, actor.tenantId, async (tx) => {
    await insertOAuthState(tx, {
      id: state,
      tenantId: actor.tenantId,
      userId: actor.userId,
      platform,
      redirectUri,
      codeVerifier: await deps.vault.seal(tx, actor.tenantId, codeVerifier),
      expiresAt: new Date(Date.now() + STATE_TTL_MS),
    });
    await recordAudit(tx, actor, {
      action: 'channel.connect_started',
      resourceType: 'channel',
      result: 'success',
      metadata: { platform },
    });
  });
  return { authorizeUrl: deps.channels[platform].authorizeUrl({ state, redirectUri, codeChallenge }), state };
}
