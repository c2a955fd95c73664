// The role model shared by server and dashboard. The matrix follows seed 001 §5.3, with the
// seeds' marketing manager between agent and admin (docs/roles.md explains each choice).

export const ROLES = ['admin', 'manager', 'agent', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'read:dashboard',
  'read:conversations',
  'write:conversations',
  'read:leads',
  'write:leads',
  'read:analytics',
  'export:analytics',
  'read:team',
  'manage:team',
  'manage:channels',
  'manage:crm',
  'manage:ai_settings',
  'manage:templates',
  'manage:campaigns',
  'export:data',
  'delete:data',
  'read:audit_logs',
  'read:outbox',
  'manage:queues',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const VIEWER: readonly Permission[] = [
  'read:dashboard',
  'read:conversations',
  'read:leads',
  'read:analytics',
  'read:team',
];
const AGENT: readonly Permission[] = [...VIEWER, 'write:conversations', 'write:leads'];
const MANAGER: readonly Permission[] = [
  ...AGENT,
  'manage:ai_settings',
  'manage:templates',
  'manage:campaigns',
  'export:analytics',
];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  viewer: VIEWER,
  agent: AGENT,
  manager: MANAGER,
  admin: PERMISSIONS,
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
