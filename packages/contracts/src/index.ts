export * from './audit.ts';
export * from './auth.ts';
export * from './channels.ts';
export * from './conversations.ts';
export * from './errors.ts';
export * from './realtime.ts';
export * from './roles.ts';
export * from './team.ts';
