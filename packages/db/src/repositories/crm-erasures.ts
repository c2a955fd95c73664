import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { contacts, conversations, crmErasures, inboundEvents, messages } from '../schema/index.ts';
import { txRows } from './tx-rows.ts';

export type CrmErasureRow = typeof crmErasures.$inferSelect;

/**
 * Queues the erasure of every CRM record made for this contact's lead, each in its connection's
 * erase mode (delete unless the connection says anonymise). Runs before the contact is deleted,
 * since the syncs that know the records go with it.
 */
export async function queueContactCrmErasures(
  tx: Tx,
  tenantId: string,
  contactId: string,
): Promise<{ connectionId: string; leadId: string; mode: string }[]> {
  return txRows(
    tx,
    sql`insert into crm_erasures (id, tenant_id, connection_id, lead_id, record_id, mode, next_attempt_at)
        select gen_random_uuid(), s.tenant_id, s.connection_id, s.lead_id, s.external_id,
          case when c.settings->>'eraseMode' = 'anonymise' then 'anonymise' else 'delete' end, now()
        from crm_syncs s
        join leads l on l.id = s.lead_id
        join crm_connections c on c.id = s.connection_id
        where s.tenant_id = ${tenantId} and l.contact_id = ${contactId}
          and s.external_id is not null and c.status <> 'disconnected'
        on conflict (connection_id, record_id) do nothing
        returning connection_id as "connectionId", lead_id as "leadId", mode`,
  );
}

/**
 * A record created by a sync that finished after its lead was erased: queued for erasure too, so
 * an erase racing an in-flight sync still leaves nothing behind in the CRM.
 */
export async function queueOrphanCrmErasure(
  tx: Tx,
  tenantId: string,
  p: { connectionId: string; leadId: string; recordId: string },
): Promise<void> {
  await tx.execute(sql`
    insert into crm_erasures (id, tenant_id, connection_id, lead_id, record_id, mode, next_attempt_at)
    select gen_random_uuid(), c.tenant_id, c.id, ${p.leadId}, ${p.recordId},
      case when c.settings->>'eraseMode' = 'anonymise' then 'anonymise' else 'delete' end, now()
    from crm_connections c
    where c.tenant_id = ${tenantId} and c.id = ${p.connectionId}
      and not exists (select 1 from leads where id = ${p.leadId})
    on conflict (connection_id, record_id) do nothing`);
}

/** Claims the connection's due erasures (SKIP LOCKED, as syncs). */
export async function claimCrmErasures(
  tx: Tx,
  tenantId: string,
  connectionId: string,
  p: { limit: number; until: Date },
): Promise<CrmErasureRow[]> {
  const ids = await txRows<{ id: string }>(
    tx,
    sql`update crm_erasures e set status = 'syncing', locked_until = ${p.until}
        where e.id in (
          select id from crm_erasures
          where tenant_id = ${tenantId} and connection_id = ${connectionId}
            and ((status = 'pending' and next_attempt_at <= now()) or (status = 'syncing' and locked_until < now()))
          order by next_attempt_at, id
          limit ${p.limit}
          for update skip locked)
        returning e.id`,
  );
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(crmErasures)
    .where(
      and(
        eq(crmErasures.tenantId, tenantId),
        inArray(
          crmErasures.id,
          ids.map((r) => r.id),
        ),
      ),
    );
}

export async function finishCrmErasure(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx
    .update(crmErasures)
    .set({ status: 'done', doneAt: sql`now()`, lockedUntil: null, error: null })
    .where(and(eq(crmErasures.tenantId, tenantId), eq(crmErasures.id, id)));
}

export async function failCrmErasure(
  tx: Tx,
  tenantId: string,
  id: string,
  p: { error: string; retryAt: Date | null; countAttempt: boolean },
): Promise<void> {
  await tx
    .update(crmErasures)
    .set({
      status: p.retryAt ? 'pending' : 'dead',
      attempts: p.countAttempt ? sql`${crmErasures.attempts} + 1` : crmErasures.attempts,
      nextAttemptAt: p.retryAt ?? sql`now()`,
      lockedUntil: null,
      error: p.error.slice(0, 1000),
    })
    .where(and(eq(crmErasures.tenantId, tenantId), eq(crmErasures.id, id)));
}

/**
 * Deletes a contact and everything recorded about it: its conversations, messages and lead go by
 * cascade; the stored webhook payloads of its messages (which hold the text) are deleted first.
 */
export async function deleteContactData(tx: Tx, tenantId: string, contactId: string): Promise<boolean> {
  await tx.delete(inboundEvents).where(
    and(
      eq(inboundEvents.tenantId, tenantId),
      inArray(
        inboundEvents.id,
        tx
          .select({ id: sql<string>`${messages.inboundEventId}` })
          .from(messages)
          .innerJoin(conversations, eq(conversations.id, messages.conversationId))
          .where(
            and(
              eq(conversations.tenantId, tenantId),
              eq(conversations.contactId, contactId),
              sql`${messages.inboundEventId} is not null`,
            ),
          ),
      ),
    ),
  );
  const rows = await tx
    .delete(contacts)
    .where(and(eq(contacts.tenantId, tenantId), eq(contacts.id, contactId)))
    .returning({ id: contacts.id });
  return rows.length > 0;
}

/** How many conversations and messages a contact has (the erase's audit entry records them). */
export async function countContactData(tx: Tx, tenantId: string, contactId: string) {
  const [row] = await txRows<{ conversations: number; messages: number }>(
    tx,
    sql`select count(distinct cv.id)::int as conversations, count(m.id)::int as messages
        from conversations cv left join messages m on m.conversation_id = cv.id
        where cv.tenant_id = ${tenantId} and cv.contact_id = ${contactId}`,
  );
  return row ?? { conversations: 0, messages: 0 };
}
