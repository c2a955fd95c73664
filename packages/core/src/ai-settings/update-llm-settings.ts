import { aiUsageTotals, findTenant, mergeTenantSettings, withTenant } from '@replyforce/db';
import type { z } from 'zod';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, CoreDeps } from '../deps.ts';
import { forgetResponses } from '../replies/response-cache.ts';
import { privateUrlProblem } from '../security/public-url.ts';
import { budgetOf, type LlmSettingsBody, type StoredLlm, storedLlmOf, usageWindow } from './llm-settings.ts';

/** The tenant's model (never its key) and this day's and month's token use against the plan. */
export async function getLlmSettings(deps: CoreDeps, tenantId: string) {
  return withTenant(deps.db, tenantId, async (tx) => {
    const tenant = await findTenant(tx, tenantId);
    if (!tenant) throw new AppError('NOT_FOUND', 'Workspace not found');
    const stored = storedLlmOf(tenant.settings);
    const { day, monthStart } = usageWindow(new Date());
    const { today, month } = await aiUsageTotals(tx, tenantId, day, monthStart);
    const budget = budgetOf(tenant.plan);
    return {
      configured: stored !== undefined,
      provider: stored?.provider ?? null,
      model: stored?.model ?? null,
      understandModel: stored?.understandModel ?? null,
      baseUrl: stored?.baseUrl ?? null,
      hasApiKey: Boolean(stored?.apiKeySealed),
      enabled: stored?.enabled ?? false,
      usage: {
        plan: tenant.plan,
        tokensToday: today.tokens,
        tokensThisMonth: month.tokens,
        dailyLimit: budget.daily,
        monthlyLimit: budget.monthly,
        costUsdThisMonth: month.costMicros / 1e6,
        callsThisMonth: month.calls,
      },
    };
  });
}

/** Plugs in (or changes) the tenant's model; the API key is sealed with the tenant's data key. */
export async function setLlmSettings(deps: CoreDeps, actor: Actor, body: z.output<typeof LlmSettingsBody>) {
  if (body.baseUrl && !deps.config.allowPrivateUrls) {
    const problem = await privateUrlProblem(body.baseUrl);
    if (problem)
      throw new AppError('VALIDATION_FAILED', `The base URL cannot be used: ${problem}`, {
        details: { baseUrl: problem },
      });
  }
  await withTenant(deps.db, actor.tenantId, async (tx) => {
    const tenant = await findTenant(tx, actor.tenantId);
    const previous = storedLlmOf(tenant?.settings);
    const sameProvider = previous?.provider === body.provider && previous?.baseUrl === body.baseUrl;
    const apiKeySealed = body.apiKey
      ? await deps.vault.seal(tx, actor.tenantId, body.apiKey)
      : sameProvider
        ? previous?.apiKeySealed
        : undefined;
    if (body.provider !== 'openai-compatible' && !apiKeySealed)
      throw new AppError('VALIDATION_FAILED', `${body.provider} needs an API key`, {
        details: { apiKey: 'Required' },
      });
    const stored: StoredLlm = {
      provider: body.provider,
      model: body.model,
      ...(body.understandModel ? { understandModel: body.understandModel } : {}),
      ...(body.baseUrl ? { baseUrl: body.baseUrl } : {}),
      ...(apiKeySealed ? { apiKeySealed } : {}),
      enabled: body.enabled,
    };
    await mergeTenantSettings(tx, actor.tenantId, { llm: stored });
    await recordAudit(tx, actor, {
      action: 'settings.llm_updated',
      resourceType: 'tenant',
      resourceId: actor.tenantId,
      result: 'success',
      metadata: { provider: body.provider, model: body.model, keyChanged: Boolean(body.apiKey) },
    });
  });
  forgetResponses(actor.tenantId);
  return getLlmSettings(deps, actor.tenantId);
}

/** Unplugs the model: the local models answer again. */
export async function removeLlmSettings(deps: CoreDeps, actor: Actor) {
  await withTenant(deps.db, actor.tenantId, async (tx) => {
    await mergeTenantSettings(tx, actor.tenantId, { llm: null });
    await recordAudit(tx, actor, {
      action: 'settings.llm_removed',
      resourceType: 'tenant',
      resourceId: actor.tenantId,
      result: 'success',
    });
  });
  forgetResponses(actor.tenantId);
  return getLlmSettings(deps, actor.tenantId);
}
