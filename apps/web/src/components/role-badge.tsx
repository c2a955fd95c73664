import type { Role } from '@replyforce/contracts';
import { capitalize } from '../lib/format.ts';
import { Badge } from './badge.tsx';

const ROLE_TONE = { admin: 'indigo', manager: 'green', agent: 'neutral', viewer: 'neutral' } as const;

export function RoleBadge({ role }: { role: Role }) {
  return <Badge tone={ROLE_TONE[role]}>{capitalize(role)}</Badge>;
}
