import type { Permission } from '@replyforce/contracts';

export interface NavItem {
  to: string;
  label: string;
  /** Absent: everyone who is signed in sees it. */
  permission?: Permission;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/inbox', label: 'Inbox', permission: 'read:conversations' },
  { to: '/channels', label: 'Channels', permission: 'read:conversations' },
  { to: '/simulator', label: 'Simulator' },
  { to: '/leads', label: 'Leads', permission: 'read:leads' },
  { to: '/analytics', label: 'Analytics', permission: 'read:analytics' },
  { to: '/settings', label: 'Settings', permission: 'read:conversations' },
  { to: '/settings/crm', label: 'CRM', permission: 'read:dashboard' },
  { to: '/team', label: 'Team', permission: 'read:team' },
  { to: '/audit-log', label: 'Audit log', permission: 'read:audit_logs' },
  { to: '/outbox', label: 'Outbox', permission: 'read:outbox' },
  { to: '/account', label: 'Account' },
];

export function allowedNavItems(permissions: readonly Permission[]): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.permission || permissions.includes(item.permission));
}

/** Where "/" and a fresh sign-in land: the first page the role may open (the inbox for every role today). */
export function homePath(permissions: readonly Permission[]): string {
  return allowedNavItems(permissions)[0]?.to ?? '/account';
}
