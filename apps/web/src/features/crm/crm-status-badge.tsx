import { Badge } from '../../components/badge.tsx';
import type { CrmConnection } from './crm-api.ts';

const STATUS = {
  active: { tone: 'green', label: 'Active' },
  needs_reauth: { tone: 'amber', label: 'Needs reconnecting' },
  disconnected: { tone: 'neutral', label: 'Disconnected' },
} as const;

export function CrmStatusBadge({ status }: { status: CrmConnection['status'] }) {
  const { tone, label } = STATUS[status];
  return <Badge tone={tone}>{label}</Badge>;
}
