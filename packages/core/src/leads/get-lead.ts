import { getLead as getRow, listContactConversations, listLeadScoreEvents, withTenant } from '@replyforce/db';
import { AppError } from '../app-error.ts';
import { withCrmStates } from '../crm/lead-crm-states.ts';
import type { CoreDeps } from '../deps.ts';
import { toLeadDto, toLeadScoreEventDto } from './lead-dto.ts';

/** A lead with its score history (every change and what caused it) and its conversations. */
export async function getLead(deps: CoreDeps, tenantId: string, leadId: string) {
  return withTenant(deps.db, tenantId, async (tx) => {
    const row = await getRow(tx, tenantId, leadId);
    if (!row) throw new AppError('NOT_FOUND', 'Lead not found');
    const history = await listLeadScoreEvents(tx, tenantId, leadId);
    const conversations = await listContactConversations(tx, tenantId, row.contact.id);
    const [lead] = await withCrmStates(tx, tenantId, [toLeadDto(row.lead, row.contact)]);
    return {
      ...lead!,
      history: history.map(toLeadScoreEventDto),
      conversations: conversations.map((c) => ({ ...c, lastMessageAt: c.lastMessageAt.toISOString() })),
    };
  });
}
