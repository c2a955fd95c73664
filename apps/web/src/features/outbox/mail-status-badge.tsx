import type { OutboxMailDto } from '@replyforce/contracts';
import { Badge } from '../../components/badge.tsx';

const STATUS = {
  queued: { tone: 'amber', label: 'Queued' },
  delivered: { tone: 'green', label: 'Delivered' },
  failed: { tone: 'red', label: 'Failed' },
} as const;

export function MailStatusBadge({ status }: { status: OutboxMailDto['status'] }) {
  const { tone, label } = STATUS[status];
  return <Badge tone={tone}>{label}</Badge>;
}
