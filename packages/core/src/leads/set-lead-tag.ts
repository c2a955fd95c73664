import { tagOf } from '@replyforce/ai';
import {
  findTenant,
  getLead,
  setConversationsLeadTag,
  setLeadManualTag,
  leadStats as statsRows,
  withTenant,
} from '@replyforce/db';
import { aiSettingsOf } from '../ai-settings/ai-settings.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { noteLeadChangeForCrm } from '../crm/note-lead-change.ts';
import type { Actor, CoreDeps } from '../deps.ts';
import { publish } from '../realtime/publish.ts';
import { leadEvent, toLeadDto } from './lead-dto.ts';

/**
 * A person's tag on a lead; later scoring keeps it (the score still moves and is recorded).
 * `null` hands the tag back to scoring, which takes the tag the current score gives.
 */
export async function setLeadTag(
  deps: CoreDeps,
  actor: Actor,
  leadId: string,
  tag: 'HOT' | 'WARM' | 'COLD' | null,
) {
  const { tenantId } = actor;
  const dto = await withTenant(deps.db, tenantId, async (tx) => {
    const current = await getLead(tx, tenantId, leadId);
    if (!current) throw new AppError('NOT_FOUND', 'Lead not found');
    const rules = aiSettingsOf((await findTenant(tx, tenantId))?.settings).autoReply;
    const computed = tagOf(current.lead.score, { hot: rules.hotThreshold, warm: rules.warmThreshold });
    const lead = await setLeadManualTag(tx, tenantId, leadId, tag, actor.userId, computed);
    if (!lead) throw new AppError('NOT_FOUND', 'Lead not found');
    await setConversationsLeadTag(tx, tenantId, lead.contactId, lead.tag);
    await noteLeadChangeForCrm(tx, { tenantId, leadId, reason: 'tag_changed' });
    await recordAudit(tx, actor, {
      action: 'lead.tag_set',
      resourceType: 'lead',
      resourceId: leadId,
      result: 'success',
      metadata: { from: current.lead.tag, to: lead.tag, manual: tag !== null },
    });
    publish(deps, tenantId, 'lead.updated', leadEvent(lead));
    return toLeadDto(lead, current.contact);
  });
  return dto;
}

/** Lead counts by tag, the average score, and how many moved this week. */
export async function leadStats(deps: CoreDeps, tenantId: string) {
  const rows = await withTenant(deps.db, tenantId, (tx) => statsRows(tx, tenantId));
  const byTag = { HOT: 0, WARM: 0, COLD: 0 };
  let total = 0;
  let scoreSum = 0;
  let recent = 0;
  for (const r of rows) {
    byTag[r.tag] = r.count;
    total += r.count;
    scoreSum += r.averageScore * r.count;
    recent += r.updatedLast7Days;
  }
  return {
    total,
    byTag,
    averageScore: total ? Math.round((scoreSum / total) * 10) / 10 : 0,
    updatedLast7Days: recent,
  };
}
