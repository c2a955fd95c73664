import {
  type ClaimedSync,
  finishCrmSync,
  finishCrmSyncs,
  queueOrphanCrmErasure,
  updateCrmConnection,
  withTenant,
} from '@replyforce/db';
import type { CoreDeps } from '../deps.ts';
import type { BuiltRecord } from './build-record.ts';
import { type Failure, nextRun } from './crm-failures.ts';
import { deadLetterCrmWork } from './crm-retry.ts';

export type Upserted = { sync: ClaimedSync; built: BuiltRecord; recordId: string };

/**
 * Records a round's upserts in one transaction: the clean ones in one statement (synced, or
 * pending again when the lead changed meanwhile); those whose note failed keep their record id and
 * run again per the failure. A record made for a lead erased meanwhile is queued for erasure.
 */
export async function finishCrmRound(
  deps: CoreDeps,
  c: { tenantId: string; connectionId: string },
  upserted: Upserted[],
  noteFailed: Map<string, Failure>,
): Promise<void> {
  if (upserted.length === 0) return;
  const { tenantId, connectionId } = c;
  await withTenant(deps.db, tenantId, async (tx) => {
    const orphan = (u: Upserted) =>
      queueOrphanCrmErasure(tx, tenantId, { connectionId, leadId: u.sync.leadId, recordId: u.recordId });
    const clean = upserted.filter((u) => !noteFailed.has(u.recordId));
    const kept = await finishCrmSyncs(
      tx,
      tenantId,
      clean.map((u) => ({
        id: u.sync.id,
        version: u.sync.version,
        externalId: u.recordId,
        payload: u.built.record.fields,
        notedKey: u.built.note?.key ?? null,
      })),
    );
    for (const u of clean) if (!kept.has(u.sync.id)) await orphan(u);
    for (const u of upserted) {
      const failure = noteFailed.get(u.recordId);
      if (!failure) continue;
      const attempts = u.sync.attempts + (failure.countAttempt ? 1 : 0);
      const at = nextRun(deps, failure, attempts);
      const stillThere = await finishCrmSync(tx, tenantId, {
        id: u.sync.id,
        version: u.sync.version,
        externalId: u.recordId,
        payload: u.built.record.fields,
        notedKey: null,
        retry: { at, error: failure.error, kind: failure.kind, countAttempt: failure.countAttempt },
      });
      if (!stillThere) await orphan(u);
      else if (at === null)
        await deadLetterCrmWork(tx, tenantId, { leadId: u.sync.leadId, error: failure.error, attempts });
    }
    await updateCrmConnection(tx, tenantId, connectionId, { lastSyncAt: new Date() });
  });
}
