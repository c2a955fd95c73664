import { AutoReplyRules, BrandVoice } from '@replyforce/ai';
import { findTenant, mergeTenantSettings, withTenant } from '@replyforce/db';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, CoreDeps } from '../deps.ts';
import { forgetResponses } from '../replies/response-cache.ts';
import { aiSettingsOf } from './ai-settings.ts';

export async function getAiSettings(deps: CoreDeps, tenantId: string) {
  const tenant = await withTenant(deps.db, tenantId, (tx) => findTenant(tx, tenantId));
  return aiSettingsOf(tenant?.settings);
}

/** Replaces the brand voice or the auto-reply rules (validated whole, defaults filled in). */
export async function updateAiSettings(
  deps: CoreDeps,
  actor: Actor,
  key: 'brandVoice' | 'autoReply',
  body: unknown,
) {
  const parsed = key === 'brandVoice' ? BrandVoice.safeParse(body) : AutoReplyRules.safeParse(body);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', 'The settings are not valid', {
      details: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || key, i.message])),
    });
  }
  if (key === 'autoReply') {
    const rules = parsed.data as AutoReplyRules;
    if (rules.warmThreshold >= rules.hotThreshold)
      throw new AppError('VALIDATION_FAILED', 'The WARM threshold must be below the HOT one', {
        details: { warmThreshold: 'Must be below hotThreshold' },
      });
  }
  forgetResponses(actor.tenantId);
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const row = await mergeTenantSettings(tx, actor.tenantId, { [key]: parsed.data });
    await recordAudit(tx, actor, {
      action: `settings.${key}_updated`,
      resourceType: 'tenant',
      resourceId: actor.tenantId,
      result: 'success',
    });
    return aiSettingsOf(row?.settings)[key];
  });
}
