import { ConnectorError } from '@replyforce/connectors';
import type { CrmField, CrmVendor } from '@replyforce/connectors/crm/types.ts';
import type { CrmSourceField } from '@replyforce/contracts';
import {
  dueConnectionsOfLead,
  listCrmFieldMappings,
  releaseCrmConnectionLease,
  takeCrmConnectionLease,
  withTenant,
} from '@replyforce/db';
import { RetryLaterError } from '@replyforce/queue';
import type { CoreDeps } from '../deps.ts';
import { crmConnectorFor } from './crm-connectors.ts';
import { connectionCredentials } from './crm-credentials.ts';
import { dispatchCrmSync } from './dispatch-crm-syncs.ts';
import { eraseCrmRecords } from './erase-crm-records.ts';
import { markCrmNeedsReauth } from './mark-crm-needs-reauth.ts';
import { type Connection, syncCrmBatch } from './sync-crm-batch.ts';

/** A job's hold on a connection, renewed every round; a lost job's lapses after this. */
const LEASE_MS = 60_000;
/** Rounds one job runs before handing the connection to a fresh job (which it dispatches). */
const MAX_ROUNDS = 25;
/** A token endpoint that did not answer is asked again after this. */
const REFRESH_RETRY_MS = 30_000;

/**
 * The crm.sync job: brings the CRM up to date for this lead and, while it holds the connection,
 * for the rest of the connection's backlog, round after round. Jobs are addressed by lead so a
 * dead letter names the lead; the lease on the connection makes one job at a time work it, so
 * batches stay full and the rate budget is spent by one caller. Failures of the CRM are recorded
 * on the syncs (retries, dead letters), not thrown: the job itself fails only when the database
 * does, and then the sweeper's next pass picks the work up again.
 */
export async function runCrmSync(deps: CoreDeps, job: { tenantId: string; leadId: string }): Promise<void> {
  const { tenantId, leadId } = job;
  const connections = await withTenant(deps.db, tenantId, (tx) => dueConnectionsOfLead(tx, tenantId, leadId));
  for (const connectionId of connections) await workConnection(deps, tenantId, connectionId, leadId);
}

async function workConnection(deps: CoreDeps, tenantId: string, connectionId: string, leadId: string) {
  // Deterministic per lead: a job deferred by a rate limit gets its own lease back when it returns.
  const owner = `lead:${leadId}`;
  const lease = (ms: number) =>
    withTenant(deps.db, tenantId, (tx) =>
      takeCrmConnectionLease(tx, tenantId, connectionId, owner, new Date(Date.now() + ms)),
    );
  if (!(await lease(LEASE_MS))) return; // another job is on it and will take this lead too
  let c: Connection | undefined;
  let refreshed = false;
  let more = false;
  try {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      more = round === MAX_ROUNDS - 1;
      if (round > 0 && !(await lease(LEASE_MS))) return;
      c ??= await openConnection(deps, tenantId, connectionId);
      const erased = await eraseCrmRecords(deps, c);
      const outcome = erased.kind === 'empty' ? await syncCrmBatch(deps, c) : erased;
      // A part round took everything due: stop, rather than spend a request slot finding nothing.
      if (outcome.kind === 'empty' || outcome.kind === 'stop' || (outcome.kind === 'done' && !outcome.full)) {
        more = false;
        break;
      }
      if (outcome.kind === 'wait') {
        // Keep the connection through the wait so no other job queues up behind the same limit.
        await lease(outcome.delayMs + LEASE_MS);
        throw new RetryLaterError(outcome.delayMs, outcome.reason);
      }
      if (outcome.kind === 'auth') {
        if (refreshed) {
          await markCrmNeedsReauth(deps, tenantId, connectionId, outcome.message);
          return;
        }
        refreshed = true;
        try {
          const { creds } = await connectionCredentials(deps, tenantId, connectionId, { force: true });
          c = { ...c, connector: await crmConnectorFor(deps, c.vendor, creds) };
        } catch (err) {
          if (!(err instanceof ConnectorError)) throw err;
          await markCrmNeedsReauth(
            deps,
            tenantId,
            connectionId,
            `${outcome.message}; refresh: ${err.message}`,
          );
          return;
        }
      }
    }
  } catch (err) {
    if (err instanceof RetryLaterError) throw err;
    // From a token refresh: a refused one needs a person; an unreachable CRM is waited out.
    if (err instanceof ConnectorError && err.kind === 'auth_revoked') {
      await markCrmNeedsReauth(deps, tenantId, connectionId, err.message);
      return;
    }
    if (err instanceof ConnectorError && (err.kind === 'temporary' || err.kind === 'rate_limited')) {
      const delay = err.retryAfterMs ?? REFRESH_RETRY_MS;
      await lease(delay + LEASE_MS);
      throw new RetryLaterError(delay, `token refresh: ${err.message}`);
    }
    if (err instanceof ConnectorError && err.kind === 'not_found') return;
    await withTenant(deps.db, tenantId, (tx) => releaseCrmConnectionLease(tx, tenantId, connectionId, owner));
    throw err;
  }
  await withTenant(deps.db, tenantId, (tx) => releaseCrmConnectionLease(tx, tenantId, connectionId, owner));
  // A long backlog: the next job takes over at once rather than at the dispatcher's next pass.
  if (more) await dispatchCrmSync(deps, tenantId, leadId);
}

/** Credentials (refreshed when they expire soon), the connector, the mapping and the cached fields. */
async function openConnection(deps: CoreDeps, tenantId: string, connectionId: string): Promise<Connection> {
  const { row, creds } = await connectionCredentials(deps, tenantId, connectionId);
  const mapping = await withTenant(deps.db, tenantId, (tx) =>
    listCrmFieldMappings(tx, tenantId, connectionId),
  );
  const vendor = row.vendor as CrmVendor;
  return {
    tenantId,
    connectionId,
    vendor,
    connector: await crmConnectorFor(deps, vendor, creds),
    mapping: mapping.map((m) => ({
      source: m.source as CrmSourceField,
      target: m.target,
      valueMap: m.valueMap,
    })),
    fields: (row.fields as CrmField[] | null) ?? null,
  };
}
