import { ConnectorError } from '@replyforce/connectors';
import { claimCrmErasures, failCrmErasure, finishCrmErasure, withTenant } from '@replyforce/db';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreDeps } from '../deps.ts';
import { deadLetterCrmWork, retryAt } from './crm-retry.ts';
import type { BatchOutcome, Connection } from './sync-crm-batch.ts';
import { takeCrmSlots } from './take-crm-slots.ts';

const CLAIM_MS = 120_000;
/** Erasures per round: one call each, few at a time. */
const PER_ROUND = 10;

/**
 * Deletes or anonymises the CRM records of erased contacts (GDPR), one call per record, with the
 * same retries and dead letters as syncs. A record the CRM no longer has counts as erased. Each
 * completed erasure is audited.
 */
export async function eraseCrmRecords(deps: CoreDeps, c: Connection): Promise<BatchOutcome> {
  const { tenantId } = c;
  const claimed = await withTenant(deps.db, tenantId, (tx) =>
    claimCrmErasures(tx, tenantId, c.connectionId, {
      limit: PER_ROUND,
      until: new Date(Date.now() + CLAIM_MS),
    }),
  );
  if (claimed.length === 0) return { kind: 'empty' };
  let done = 0;
  for (const [i, erasure] of claimed.entries()) {
    const release = async (waitMs: number, error: string) => {
      const rest = claimed.slice(i);
      await withTenant(deps.db, tenantId, async (tx) => {
        for (const e of rest)
          await failCrmErasure(tx, tenantId, e.id, {
            error,
            retryAt: new Date(Date.now() + waitMs),
            countAttempt: false,
          });
      });
    };
    const slot = await takeCrmSlots(deps, c, 1);
    if (!slot.ok) {
      await release(slot.retryAfterMs, 'waiting for the CRM rate limit');
      return { kind: 'wait', delayMs: slot.retryAfterMs, reason: 'CRM rate limit' };
    }
    let failure: ConnectorError | undefined;
    try {
      await c.connector.erase(erasure.recordId, erasure.mode);
    } catch (err) {
      if (!(err instanceof ConnectorError)) {
        await release(0, err instanceof Error ? err.message : String(err));
        throw err;
      }
      if (err.kind !== 'not_found') failure = err;
    }
    if (failure?.kind === 'rate_limited') {
      await release(failure.retryAfterMs ?? 10_000, failure.message);
      return { kind: 'wait', delayMs: failure.retryAfterMs ?? 10_000, reason: 'the CRM answered 429' };
    }
    if (failure?.kind === 'auth_revoked') {
      await release(0, failure.message);
      return { kind: 'auth', message: failure.message };
    }
    await withTenant(deps.db, tenantId, async (tx) => {
      if (!failure) {
        await finishCrmErasure(tx, tenantId, erasure.id);
        await recordAudit(
          tx,
          { tenantId, ip: undefined },
          {
            action: erasure.mode === 'delete' ? 'crm.record_deleted' : 'crm.record_anonymised',
            resourceType: 'crm_connection',
            resourceId: c.connectionId,
            result: 'success',
            metadata: { vendor: c.vendor, recordId: erasure.recordId, leadId: erasure.leadId },
          },
        );
        return;
      }
      const attempts = erasure.attempts + 1;
      const at = failure.kind === 'temporary' ? retryAt(deps, attempts) : null;
      await failCrmErasure(tx, tenantId, erasure.id, {
        error: failure.message,
        retryAt: at,
        countAttempt: true,
      });
      if (at === null)
        await deadLetterCrmWork(tx, tenantId, { leadId: erasure.leadId, error: failure.message, attempts });
    });
    if (failure) {
      const rest = claimed.slice(i + 1);
      if (rest.length > 0)
        await withTenant(deps.db, tenantId, async (tx) => {
          for (const e of rest)
            await failCrmErasure(tx, tenantId, e.id, {
              error: failure.message,
              retryAt: retryAt(deps, 1) ?? new Date(),
              countAttempt: false,
            });
        });
      return { kind: 'stop', message: failure.message };
    }
    done++;
  }
  return { kind: 'done', synced: done, full: true };
}
