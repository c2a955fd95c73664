import type { ConversationDto, ConversationStatusId } from '@replyforce/contracts';
import { Badge } from '../../components/badge.tsx';

export const STATUS_LABEL: Record<ConversationStatusId, string> = {
  open: 'Open',
  needs_human: 'Escalated',
  pending_approval: 'Awaiting approval',
  snoozed: 'Snoozed',
  closed: 'Closed',
};

const STATUS_TONE = {
  open: 'green',
  needs_human: 'red',
  pending_approval: 'amber',
  snoozed: 'neutral',
  closed: 'neutral',
} as const;

export function StatusBadge({ status }: { status: ConversationStatusId }) {
  return <Badge tone={STATUS_TONE[status]}>{STATUS_LABEL[status]}</Badge>;
}

const LEAD_TONE = { HOT: 'red', WARM: 'amber', COLD: 'indigo' } as const;

export function LeadTagBadge({ tag }: { tag: NonNullable<ConversationDto['leadTag']> }) {
  return (
    <Badge tone={LEAD_TONE[tag]}>
      <span className="sr-only">Lead: </span>
      {tag}
    </Badge>
  );
}

/** The customer's name as the platform gave it, else their handle, else their platform id. */
export function contactName(contact: ConversationDto['contact']): string {
  if (contact.name) return contact.name;
  if (contact.username) return `@${contact.username.replace(/^@/, '')}`;
  return contact.platformUserId;
}
