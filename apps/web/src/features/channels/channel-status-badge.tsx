import type { ChannelDto } from '@replyforce/contracts';
import { Badge } from '../../components/badge.tsx';

const STATUS = {
  active: { tone: 'green', label: 'Active' },
  needs_reauth: { tone: 'amber', label: 'Needs reconnecting' },
  disconnected: { tone: 'neutral', label: 'Disconnected' },
} as const;

export function ChannelStatusBadge({ status }: { status: ChannelDto['status'] }) {
  const { tone, label } = STATUS[status];
  return <Badge tone={tone}>{label}</Badge>;
}
