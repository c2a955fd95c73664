import { insertAuditLog, type Tx, withTenant } from '@replyforce/db';
import type { Actor, CoreDeps } from '../deps.ts';

export type AuditEntry = {
  action: string;
  resourceType: string;
  resourceId?: string | null;
  result: 'success' | 'failure';
  metadata?: Record<string, unknown>;
};

export type AuditActor = Pick<Actor, 'tenantId' | 'ip'> & Partial<Pick<Actor, 'userId' | 'role' | 'email'>>;

/** Appends one entry inside the caller's transaction, so the entry and the action commit together. */
export function recordAudit(tx: Tx, actor: AuditActor, entry: AuditEntry): Promise<void> {
  return insertAuditLog(tx, {
    tenantId: actor.tenantId,
    actorUserId: actor.userId ?? null,
    actorEmail: actor.email ?? null,
    actorRole: actor.role ?? null,
    ip: actor.ip ?? null,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId ?? null,
    metadata: entry.metadata ?? {},
    result: entry.result,
  });
}

/** A signed-in member tried something their role does not allow. */
export function recordAccessDenied(
  deps: CoreDeps,
  actor: Actor,
  route: string,
  permission: string,
): Promise<void> {
  return withTenant(deps.db, actor.tenantId, (tx) =>
    recordAudit(tx, actor, {
      action: 'access.denied',
      resourceType: 'route',
      resourceId: route,
      result: 'failure',
      metadata: { permission },
    }),
  );
}
