export * from './audit-logs.ts';
export * from './invitations.ts';
export * from './mail-outbox.ts';
export * from './memberships.ts';
export * from './refresh-tokens.ts';
export * from './tenants.ts';
export * from './users.ts';
