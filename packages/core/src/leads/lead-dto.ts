import type { LeadDto } from '@replyforce/contracts';
import type { LeadRow, LeadScoreEventRow } from '@replyforce/db';

type Contact = {
  id: string;
  displayName: string | null;
  username: string | null;
  platformUserId: string;
  channelId: string;
};

export function toLeadDto(lead: LeadRow, contact: Contact): LeadDto {
  return {
    id: lead.id,
    contact: {
      id: contact.id,
      name: contact.displayName,
      username: contact.username,
      platformUserId: contact.platformUserId,
      channelId: contact.channelId,
    },
    score: lead.score,
    tag: lead.tag,
    manualTag: lead.manualTag,
    intent: lead.intent,
    signals: lead.signals,
    recommendedAction: lead.recommendedAction,
    messageCount: lead.messageCount,
    lastMessageId: lead.lastMessageId,
    createdAt: lead.createdAt.toISOString(),
    updatedAt: lead.updatedAt.toISOString(),
  };
}

export function toLeadScoreEventDto(e: LeadScoreEventRow) {
  return {
    id: e.id,
    reason: e.reason,
    messageId: e.messageId,
    actorUserId: e.actorUserId,
    score: e.score,
    tag: e.tag,
    previousScore: e.previousScore,
    previousTag: e.previousTag,
    signals: e.signals,
    createdAt: e.createdAt.toISOString(),
  };
}

/** The realtime event's payload: ids and the figures a list shows. */
export function leadEvent(lead: LeadRow) {
  return {
    id: lead.id,
    contactId: lead.contactId,
    score: lead.score,
    tag: lead.tag,
    manualTag: lead.manualTag,
  };
}
