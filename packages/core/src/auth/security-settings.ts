import type { SecuritySettingsDto } from '@replyforce/contracts';
import { findTenant, mergeTenantSettings, withTenant } from '@replyforce/db';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, CoreDeps } from '../deps.ts';

/** `tenants.settings.security`, read leniently: anything but `true` means the policy is off. */
export function securityOf(settings: Record<string, unknown> | undefined): SecuritySettingsDto {
  const security = settings?.security as { mfaRequiredForAdmins?: unknown } | undefined;
  return { mfaRequiredForAdmins: security?.mfaRequiredForAdmins === true };
}

export function getSecuritySettings(deps: CoreDeps, actor: Actor): Promise<SecuritySettingsDto> {
  return withTenant(deps.db, actor.tenantId, async (tx) =>
    securityOf((await findTenant(tx, actor.tenantId))?.settings),
  );
}

export function updateSecuritySettings(
  deps: CoreDeps,
  actor: Actor,
  patch: SecuritySettingsDto,
): Promise<SecuritySettingsDto> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const row = await mergeTenantSettings(tx, actor.tenantId, { security: patch });
    await recordAudit(tx, actor, {
      action: 'settings.security_updated',
      resourceType: 'tenant',
      resourceId: actor.tenantId,
      result: 'success',
      metadata: { ...patch },
    });
    return securityOf(row?.settings);
  });
}
