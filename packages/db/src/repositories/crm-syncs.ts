import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { crmConnections, crmErasures, crmSyncs } from '../schema/index.ts';
import { txRows } from './tx-rows.ts';

export type CrmSyncRow = typeof crmSyncs.$inferSelect;
export type CrmSyncReason = 'lead_created' | 'tag_changed' | 'conversation_closed' | 'forced' | 'connected';

/** Due: waiting and its time has come, or claimed by a worker whose claim lapsed. */
const syncDue = sql`((${crmSyncs.status} in ('pending', 'failed') and ${crmSyncs.nextAttemptAt} <= now())
  or (${crmSyncs.status} = 'syncing' and ${crmSyncs.lockedUntil} < now()))`;
const erasureDue = sql`((${crmErasures.status} = 'pending' and ${crmErasures.nextAttemptAt} <= now())
  or (${crmErasures.status} = 'syncing' and ${crmErasures.lockedUntil} < now()))`;

/**
 * Queues the lead for every active CRM connection of the tenant, in one statement (nothing when
 * the tenant has none). A lead already queued or in flight gets its version bumped instead of a
 * second row, so however many changes arrive, one upsert carries the latest state. A lead waiting
 * out a backoff keeps its schedule; one already synced (or given up on) starts afresh.
 */
export async function noteCrmLeadChange(
  tx: Tx,
  tenantId: string,
  lead: { leadId: string } | { contactId: string },
  reason: CrmSyncReason,
): Promise<void> {
  // The contact's lead, when the caller knows the contact (a conversation) rather than the lead.
  const source =
    'leadId' in lead
      ? sql`select ${lead.leadId}::uuid as id`
      : sql`select id from leads where tenant_id = ${tenantId} and contact_id = ${lead.contactId}`;
  await tx.execute(sql`
    insert into crm_syncs (id, tenant_id, connection_id, lead_id, status, reason, next_attempt_at)
    select gen_random_uuid(), c.tenant_id, c.id, l.id, 'pending', ${reason}, now()
    from crm_connections c, (${source}) l
    where c.tenant_id = ${tenantId} and c.status = 'active'
    on conflict (connection_id, lead_id) do update set
      version = crm_syncs.version + 1,
      reason = excluded.reason,
      status = case when crm_syncs.status in ('syncing', 'failed') then crm_syncs.status else 'pending' end,
      attempts = case when crm_syncs.status in ('synced', 'dead') then 0 else crm_syncs.attempts end,
      next_attempt_at = case when crm_syncs.status in ('synced', 'dead') then now() else crm_syncs.next_attempt_at end,
      updated_at = now()`);
}

/**
 * Queues the tenant's leads for a connection just made: every lead without a sync yet, and, on a
 * reconnection, every lead that changed since it was last synced (changes made while the
 * connection could not sync).
 */
export async function queueAllLeadsForCrm(tx: Tx, tenantId: string, connectionId: string): Promise<number> {
  const rows = await txRows<{ id: string }>(
    tx,
    sql`insert into crm_syncs (id, tenant_id, connection_id, lead_id, status, reason, next_attempt_at)
        select gen_random_uuid(), l.tenant_id, ${connectionId}, l.id, 'pending', 'connected', now()
        from leads l where l.tenant_id = ${tenantId}
        on conflict (connection_id, lead_id) do update set
          status = 'pending', version = crm_syncs.version + 1, attempts = 0, next_attempt_at = now(),
          reason = 'connected', updated_at = now()
        where crm_syncs.status in ('pending', 'failed', 'synced')
          and crm_syncs.last_synced_at is distinct from null
          and crm_syncs.last_synced_at < (select l2.updated_at from leads l2 where l2.id = excluded.lead_id)
        returning id`,
  );
  return rows.length;
}

export type DueCrmWork = { tenantId: string; connectionId: string; leadId: string };

/**
 * One due lead per active connection that no job is working on, across tenants (system context):
 * the dispatcher sends one crm.sync job for each, which then takes the connection's whole backlog.
 */
export async function listDueCrmWork(tx: Tx, limit: number): Promise<DueCrmWork[]> {
  return txRows<DueCrmWork>(
    tx,
    sql`select distinct on (w.connection_id)
          w.tenant_id as "tenantId", w.connection_id as "connectionId", w.lead_id as "leadId"
        from (
          select tenant_id, connection_id, lead_id, next_attempt_at from crm_syncs where ${syncDue}
          union all
          select tenant_id, connection_id, lead_id, next_attempt_at from crm_erasures where ${erasureDue}
        ) w
        join crm_connections c on c.id = w.connection_id
        where c.status = 'active' and (c.busy_until is null or c.busy_until < now())
        order by w.connection_id, w.next_attempt_at
        limit ${limit}`,
  );
}

/**
 * The active connections this lead belongs to (a sync of it, or the erasure of its record) that
 * have due work: a job addressed by the lead works the connection's whole backlog, so it still has
 * work when its own lead was synced by an earlier batch.
 */
export async function dueConnectionsOfLead(tx: Tx, tenantId: string, leadId: string): Promise<string[]> {
  const rows = await txRows<{ id: string }>(
    tx,
    sql`select c.id from crm_connections c
        where c.tenant_id = ${tenantId} and c.status = 'active'
          and c.id in (
            select connection_id from crm_syncs where tenant_id = ${tenantId} and lead_id = ${leadId}
            union
            select connection_id from crm_erasures where tenant_id = ${tenantId} and lead_id = ${leadId})
          and (exists (select 1 from crm_syncs where connection_id = c.id and ${syncDue})
            or exists (select 1 from crm_erasures where connection_id = c.id and ${erasureDue}))`,
  );
  return rows.map((r) => r.id);
}

export type ClaimedSync = {
  id: string;
  leadId: string;
  version: number;
  externalId: string | null;
  notedKey: string | null;
  attempts: number;
};

/**
 * Claims up to `limit` due syncs of one connection, oldest first (read off the due index, no
 * sort), until `until`. SKIP LOCKED and the status change make two workers take disjoint sets.
 */
export async function claimCrmSyncs(
  tx: Tx,
  tenantId: string,
  connectionId: string,
  p: { limit: number; until: Date },
): Promise<ClaimedSync[]> {
  return txRows<ClaimedSync>(
    tx,
    sql`update crm_syncs s set status = 'syncing', locked_until = ${p.until}, updated_at = now()
        where s.id in (
          select id from crm_syncs
          where tenant_id = ${tenantId} and connection_id = ${connectionId} and ${syncDue}
          order by next_attempt_at
          limit ${p.limit}
          for update skip locked)
        returning s.id, s.lead_id as "leadId", s.version, s.external_id as "externalId",
          s.noted_key as "notedKey", s.attempts`,
  );
}

/**
 * Records an upsert the CRM accepted. The sync is `synced` only if nothing changed since it was
 * claimed; otherwise it goes back to pending and a later batch sends the newer state. With `retry`
 * the record is kept but the sync runs again (its note failed). False when the row is gone (its
 * lead was erased meanwhile).
 */
export async function finishCrmSync(
  tx: Tx,
  tenantId: string,
  p: {
    id: string;
    version: number;
    externalId: string;
    payload: Record<string, string>;
    notedKey: string | null;
    /** Run again at `at` (or never: dead, when `at` is null). */
    retry?: { at: Date | null; error: string; kind: string; countAttempt: boolean } | undefined;
  },
): Promise<boolean> {
  const retry = p.retry;
  const rows = await tx
    .update(crmSyncs)
    .set({
      status: retry
        ? retry.at === null
          ? 'dead'
          : retry.countAttempt
            ? 'failed'
            : 'pending'
        : sql`case when ${crmSyncs.version} = ${p.version} then 'synced' else 'pending' end`,
      syncedVersion: p.version,
      externalId: p.externalId,
      attempts: retry?.countAttempt ? sql`${crmSyncs.attempts} + 1` : retry ? crmSyncs.attempts : 0,
      nextAttemptAt: retry?.at ?? sql`now()`,
      lockedUntil: null,
      lastSyncedAt: sql`now()`,
      payload: p.payload,
      notedKey: sql`coalesce(${p.notedKey}, ${crmSyncs.notedKey})`,
      error: retry ? retry.error.slice(0, 1000) : null,
      errorKind: retry ? retry.kind : null,
      updatedAt: sql`now()`,
    })
    .where(and(eq(crmSyncs.tenantId, tenantId), eq(crmSyncs.id, p.id)))
    .returning({ id: crmSyncs.id });
  return rows.length > 0;
}

/**
 * finishCrmSync for a whole batch in one statement (the common case: upserted, noted if due).
 * Returns the ids still there; a missing one's lead was erased meanwhile.
 */
export async function finishCrmSyncs(
  tx: Tx,
  tenantId: string,
  rows: {
    id: string;
    version: number;
    externalId: string;
    payload: Record<string, string>;
    notedKey: string | null;
  }[],
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const values = sql.join(
    rows.map(
      (r) =>
        sql`(${r.id}::uuid, ${r.version}::int, ${r.externalId}::text, ${JSON.stringify(r.payload)}::jsonb, ${r.notedKey}::text)`,
    ),
    sql`, `,
  );
  const kept = await txRows<{ id: string }>(
    tx,
    sql`update crm_syncs s set
          status = case when s.version = v.version then 'synced' else 'pending' end,
          synced_version = v.version, external_id = v.external_id, attempts = 0, next_attempt_at = now(),
          locked_until = null, last_synced_at = now(), payload = v.payload,
          noted_key = coalesce(v.noted_key, s.noted_key), error = null, error_kind = null, updated_at = now()
        from (values ${values}) as v(id, version, external_id, payload, noted_key)
        where s.id = v.id and s.tenant_id = ${tenantId}
        returning s.id`,
  );
  return new Set(kept.map((r) => r.id));
}

/**
 * A failed attempt: scheduled again at `retryAt` (status failed), or given up (dead). A failure
 * that is not the record's fault (rate limit, lost authorisation) passes `countAttempt: false`.
 */
export async function failCrmSyncs(
  tx: Tx,
  tenantId: string,
  ids: string[],
  p: { error: string; kind: string; retryAt: Date | null; countAttempt: boolean },
): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(crmSyncs)
    .set({
      status: p.retryAt ? (p.countAttempt ? 'failed' : 'pending') : 'dead',
      attempts: p.countAttempt ? sql`${crmSyncs.attempts} + 1` : crmSyncs.attempts,
      nextAttemptAt: p.retryAt ?? sql`now()`,
      lockedUntil: null,
      error: p.error.slice(0, 1000),
      errorKind: p.kind,
      updatedAt: sql`now()`,
    })
    .where(and(eq(crmSyncs.tenantId, tenantId), inArray(crmSyncs.id, ids)));
}

/** Puts a lead's given-up work (syncs and erasures) back in the queue: the DLQ's retry. */
export async function resetDeadCrmWork(tx: Tx, tenantId: string, leadId: string): Promise<boolean> {
  const syncs = await tx
    .update(crmSyncs)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(crmSyncs.tenantId, tenantId), eq(crmSyncs.leadId, leadId), eq(crmSyncs.status, 'dead')))
    .returning({ id: crmSyncs.id });
  const erasures = await tx
    .update(crmErasures)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: sql`now()` })
    .where(
      and(eq(crmErasures.tenantId, tenantId), eq(crmErasures.leadId, leadId), eq(crmErasures.status, 'dead')),
    )
    .returning({ id: crmErasures.id });
  return syncs.length + erasures.length > 0;
}

/** Queues a lead now, whatever its state (the force-sync button). False when it has no connection. */
export async function forceCrmSync(tx: Tx, tenantId: string, leadId: string): Promise<number> {
  await noteCrmLeadChange(tx, tenantId, { leadId }, 'forced');
  const rows = await tx
    .update(crmSyncs)
    .set({
      status: sql`case when ${crmSyncs.status} = 'syncing' then 'syncing' else 'pending' end`,
      attempts: 0,
      nextAttemptAt: sql`now()`,
    })
    .where(
      and(
        eq(crmSyncs.tenantId, tenantId),
        eq(crmSyncs.leadId, leadId),
        sql`${crmSyncs.connectionId} in (select id from crm_connections where tenant_id = ${tenantId} and status = 'active')`,
      ),
    )
    .returning({ id: crmSyncs.id });
  return rows.length;
}

export type LeadCrmState = {
  leadId: string;
  connectionId: string;
  vendor: string;
  status: CrmSyncRow['status'];
  externalId: string | null;
  lastSyncedAt: Date | null;
  error: string | null;
  crmOwner: string | null;
  crmStatus: string | null;
  crmChangedAt: Date | null;
};

/** The CRM side of these leads, one entry per connection (for the lead list and detail). */
export async function listLeadCrmStates(
  tx: Tx,
  tenantId: string,
  leadIds: string[],
): Promise<LeadCrmState[]> {
  if (leadIds.length === 0) return [];
  return tx
    .select({
      leadId: crmSyncs.leadId,
      connectionId: crmSyncs.connectionId,
      vendor: crmConnections.vendor,
      status: crmSyncs.status,
      externalId: crmSyncs.externalId,
      lastSyncedAt: crmSyncs.lastSyncedAt,
      error: crmSyncs.error,
      crmOwner: crmSyncs.crmOwner,
      crmStatus: crmSyncs.crmStatus,
      crmChangedAt: crmSyncs.crmChangedAt,
    })
    .from(crmSyncs)
    .innerJoin(crmConnections, eq(crmConnections.id, crmSyncs.connectionId))
    .where(
      and(
        eq(crmSyncs.tenantId, tenantId),
        inArray(crmSyncs.leadId, leadIds),
        ne(crmConnections.status, 'disconnected'),
      ),
    )
    .orderBy(crmConnections.createdAt);
}

/** Syncs per status across the tenant's connections, and erasures still to do. */
export async function countCrmSyncs(tx: Tx, tenantId: string) {
  const rows = await txRows<{ status: string; n: number }>(
    tx,
    sql`select status, count(*)::int as n from crm_syncs where tenant_id = ${tenantId} group by status
        union all
        select 'erasing' as status, count(*)::int as n from crm_erasures
          where tenant_id = ${tenantId} and status in ('pending', 'syncing')`,
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
}

/** The latest failures (retrying or given up), newest first. */
export async function listCrmFailures(tx: Tx, tenantId: string, limit: number) {
  return tx
    .select({
      id: crmSyncs.id,
      leadId: crmSyncs.leadId,
      connectionId: crmSyncs.connectionId,
      vendor: crmConnections.vendor,
      status: crmSyncs.status,
      attempts: crmSyncs.attempts,
      error: crmSyncs.error,
      errorKind: crmSyncs.errorKind,
      nextAttemptAt: crmSyncs.nextAttemptAt,
      updatedAt: crmSyncs.updatedAt,
    })
    .from(crmSyncs)
    .innerJoin(crmConnections, eq(crmConnections.id, crmSyncs.connectionId))
    .where(and(eq(crmSyncs.tenantId, tenantId), inArray(crmSyncs.status, ['failed', 'dead'])))
    .orderBy(desc(crmSyncs.updatedAt))
    .limit(limit);
}

/**
 * A change made in the CRM (owner, status), found by record id or by our external key (the
 * contact id). An older event than the one already applied changes nothing. Returns the leads.
 */
export async function applyCrmRecordChange(
  tx: Tx,
  tenantId: string,
  connectionId: string,
  change: { recordId: string; contactId?: string; owner?: string; status?: string; changedAt: Date },
): Promise<string[]> {
  const byKey = change.contactId
    ? sql`or ${crmSyncs.leadId} in (select id from leads where contact_id = ${change.contactId})`
    : sql``;
  const rows = await tx
    .update(crmSyncs)
    .set({
      crmOwner: sql`coalesce(${change.owner ?? null}, ${crmSyncs.crmOwner})`,
      crmStatus: sql`coalesce(${change.status ?? null}, ${crmSyncs.crmStatus})`,
      crmChangedAt: change.changedAt,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(crmSyncs.tenantId, tenantId),
        eq(crmSyncs.connectionId, connectionId),
        sql`(${crmSyncs.externalId} = ${change.recordId} ${byKey})`,
        sql`(${crmSyncs.crmChangedAt} is null or ${crmSyncs.crmChangedAt} <= ${change.changedAt})`,
      ),
    )
    .returning({ leadId: crmSyncs.leadId });
  return rows.map((r) => r.leadId);
}
