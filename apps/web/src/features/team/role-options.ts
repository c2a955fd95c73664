import { ROLES } from '@replyforce/contracts/roles.ts';
import { capitalize } from '../../lib/format.ts';

export const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: capitalize(role) }));

export const ROLE_DESCRIPTIONS = {
  admin: 'Full access: team, channels, CRM, data and the audit log.',
  manager: 'Conversations, leads, AI settings, templates and campaigns.',
  agent: 'Answers conversations and works leads.',
  viewer: 'Read-only access to conversations, leads and analytics.',
} as const;
