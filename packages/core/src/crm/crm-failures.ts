import { ConnectorError } from '@replyforce/connectors';
import { type ClaimedSync, failCrmSyncs, withTenant } from '@replyforce/db';
import type { CoreDeps } from '../deps.ts';
import { deadLetterCrmWork, retryAt } from './crm-retry.ts';

/** A failure as recorded on a sync: whether it counts as an attempt, and how long to wait otherwise. */
export type Failure = {
  error: string;
  kind: string;
  countAttempt: boolean;
  waitMs?: number;
  permanent?: boolean;
};

export type BatchOutcome =
  | { kind: 'empty' }
  /** `full`: the round took all it could, so more may be waiting. */
  | { kind: 'done'; synced: number; full: boolean }
  /** Rate limited (ours or the CRM's 429): try again after delayMs. */
  | { kind: 'wait'; delayMs: number; reason: string }
  /** The CRM refused the credentials; the syncs wait for a refresh or a reconnection. */
  | { kind: 'auth'; message: string }
  /** The CRM failed: the syncs are scheduled for a retry (or dead-lettered); stop for now. */
  | { kind: 'stop'; message: string };

/**
 * The one place a CRM failure's kind becomes what happens to a sync (ARCHITECTURE.md, connectors):
 * a 429 waits its Retry-After and a lost authorisation waits for a refresh, neither using an
 * attempt; a temporary failure uses one and backs off; anything else is permanent (dead at once).
 */
export function failureOf(err: unknown): Failure {
  const message = err instanceof Error ? err.message : String(err);
  if (!(err instanceof ConnectorError)) return { error: message, kind: 'temporary', countAttempt: true };
  switch (err.kind) {
    case 'rate_limited':
      return { error: message, kind: err.kind, countAttempt: false, waitMs: err.retryAfterMs ?? 10_000 };
    case 'auth_revoked':
      return { error: message, kind: err.kind, countAttempt: false, waitMs: 0 };
    case 'temporary':
      return { error: message, kind: err.kind, countAttempt: true };
    default:
      return { error: message, kind: err.kind, countAttempt: true, permanent: true };
  }
}

/** What the job does next after a failed call; an error that is not the CRM's is rethrown. */
export function outcomeOf(err: unknown, f: Failure): BatchOutcome {
  if (f.kind === 'rate_limited')
    return { kind: 'wait', delayMs: f.waitMs ?? 10_000, reason: 'the CRM answered 429' };
  if (f.kind === 'auth_revoked') return { kind: 'auth', message: f.error };
  if (!(err instanceof ConnectorError)) throw err;
  return { kind: 'stop', message: f.error };
}

/** When a failed sync runs again: after a wait (not its fault), its backoff, or never (null). */
export function nextRun(deps: CoreDeps, f: Failure, attempts: number): Date | null {
  if (f.permanent) return null;
  if (!f.countAttempt) return new Date(Date.now() + (f.waitMs ?? 0));
  return retryAt(deps, attempts);
}

/** Records a failure on syncs that were not upserted; those out of retries become dead letters. */
export async function settle(
  deps: CoreDeps,
  tenantId: string,
  syncs: ClaimedSync[],
  f: Failure,
): Promise<void> {
  if (syncs.length === 0) return;
  await withTenant(deps.db, tenantId, async (tx) => {
    for (const sync of syncs) {
      const attempts = sync.attempts + (f.countAttempt ? 1 : 0);
      const at = nextRun(deps, f, attempts);
      await failCrmSyncs(tx, tenantId, [sync.id], {
        error: f.error,
        kind: f.kind,
        retryAt: at,
        countAttempt: f.countAttempt,
      });
      if (at === null)
        await deadLetterCrmWork(tx, tenantId, { leadId: sync.leadId, error: f.error, attempts });
    }
  });
}
