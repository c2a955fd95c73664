// Words and small decisions for the sync status panel (GET /api/v1/crm/sync/status). Pure,
// unit-tested in sync-status.test.ts.

export type SyncCountKey = 'pending' | 'syncing' | 'synced' | 'failed' | 'dead' | 'erasing';

export type SyncCounts = Record<SyncCountKey, number>;

/** In the order a lead goes through them. */
export const SYNC_COUNTS: ReadonlyArray<{ key: SyncCountKey; label: string; hint: string }> = [
  { key: 'pending', label: 'Waiting', hint: 'Changed leads queued for the CRM' },
  { key: 'syncing', label: 'Syncing', hint: 'Being sent right now' },
  { key: 'synced', label: 'Synced', hint: 'Up to date in the CRM' },
  { key: 'failed', label: 'Retrying', hint: 'Failed, will be tried again' },
  { key: 'dead', label: 'Gave up', hint: 'Retries spent; retry them below' },
  { key: 'erasing', label: 'Erasing', hint: 'Erased contacts still to remove from the CRM' },
];

/**
 * Work still moving: the panel then looks again soon, since the server sends no live event when
 * a sync ends.
 */
export function isSyncBusy(counts: SyncCounts): boolean {
  return counts.pending + counts.syncing + counts.failed + counts.erasing > 0;
}

const KINDS: Record<string, string> = {
  temporary: 'The CRM was unavailable',
  rate_limited: 'The CRM’s rate limit was reached',
  auth_revoked: 'The CRM refused ReplyForce’s access',
  permanent: 'The CRM refused the record',
  not_found: 'The record was not found in the CRM',
};

/** A failure kind from the connectors (ARCHITECTURE.md) in words; unknown kinds still say something. */
export function failureKindLabel(kind: string | null): string {
  if (!kind) return 'Failed';
  return KINDS[kind] ?? kind.replace(/[_-]+/g, ' ');
}

/** The lead a crm dead letter is about (its payload is the crm.sync job's `{ tenantId, leadId }`). */
export function deadLetterLeadId(payload: Record<string, string>): string | null {
  const id = payload.leadId;
  return typeof id === 'string' && id.length > 0 ? id : null;
}

/** "Lead 3f2a9c1e": enough of the id to tell leads apart in a list. */
export function shortLeadName(leadId: string): string {
  return `Lead ${leadId.slice(0, 8)}`;
}
