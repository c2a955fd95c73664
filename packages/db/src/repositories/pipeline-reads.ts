import { and, eq, lt, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { channels, contacts, conversations, inboundEvents, messages, tenants } from '../schema/index.ts';
import { finishedEvent } from './inbound-events.ts';

/**
 * The pipeline's first reads, one round trip per job instead of one per table: at a few hundred
 * messages a second the round trips, not the queries, are what the worker and PostgreSQL spend
 * their time on. They are named prepared statements, parsed and planned once per connection:
 * planning a five-table join cost PostgreSQL more than running it. A name must always carry the
 * same statement text, so only fixed-shape queries get one. Each reads only the columns its step
 * uses: building and mapping drizzle rows costs the worker per column.
 */

/**
 * Claims a pending event for the inbound step: marks it done (skipped, for a disconnected channel)
 * and returns it with its channel, in one statement. The caller's transaction makes the claim and the work one: should the work fail,
 * the rollback leaves the event pending, and a concurrent job for the same event waits on the row,
 * then finds it no longer pending.
 */
export async function claimInboundEvent(tx: Tx, tenantId: string, id: string) {
  const [row] = await tx
    .update(inboundEvents)
    // A disconnected channel's event is settled as skipped in the same statement.
    .set({
      ...finishedEvent('done'),
      status: sql`case when ${channels.status} = 'disconnected' then 'skipped' else 'done' end`,
      lastError: sql`case when ${channels.status} = 'disconnected' then 'channel disconnected' end`,
    })
    .from(channels)
    .where(
      and(
        eq(inboundEvents.tenantId, tenantId),
        eq(inboundEvents.id, id),
        eq(inboundEvents.status, 'pending'),
        eq(channels.id, inboundEvents.channelId),
      ),
    )
    .returning({
      id: inboundEvents.id,
      payload: inboundEvents.payload,
      channelId: channels.id,
      channelStatus: channels.status,
      platform: channels.platform,
      channelName: channels.name,
    })
    .prepare('rf_claim_inbound_event')
    .execute();
  return (
    row && {
      event: { id: row.id, payload: row.payload },
      channel: {
        id: row.channelId,
        status: row.channelStatus,
        platform: row.platform,
        name: row.channelName,
      },
    }
  );
}

/**
 * A customer message with everything the decision needs: its conversation (both rows locked, so
 * two decisions on one thread take turns), channel, contact, the tenant's name and how many
 * messages the customer has sent in the thread.
 */
export async function lockDecisionContext(tx: Tx, tenantId: string, messageId: string) {
  const [row] = await tx
    .select({
      message: messages,
      conversation: {
        id: conversations.id,
        status: conversations.status,
        lastInboundAt: conversations.lastInboundAt,
      },
      channel: { id: channels.id, platform: channels.platform },
      contact: { id: contacts.id, displayName: contacts.displayName },
      tenantName: tenants.name,
      tenantSettings: tenants.settings,
      tenantPlan: tenants.plan,
      inboundCount: sql<number>`(select count(*)::int from messages i
        where i.conversation_id = ${conversations.id} and i.direction = 'inbound')`,
    })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(channels, eq(channels.id, conversations.channelId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .innerJoin(tenants, eq(tenants.id, messages.tenantId))
    .where(and(eq(messages.tenantId, tenantId), eq(messages.id, messageId)))
    .for('update', { of: [messages, conversations] })
    .prepare('rf_lock_decision_context')
    .execute();
  return row;
}

/** An outbound message (locked) with its conversation, channel and contact (the outbound step). */
export async function lockSendContext(tx: Tx, tenantId: string, messageId: string) {
  const [row] = await tx
    .select({
      message: messages,
      conversation: { lastInboundAt: conversations.lastInboundAt },
      channel: {
        id: channels.id,
        name: channels.name,
        platform: channels.platform,
        accountId: channels.accountId,
        extra: channels.extra,
        credentials: channels.credentials,
        status: channels.status,
        authFailures: channels.authFailures,
      },
      contact: {
        platformUserId: contacts.platformUserId,
        displayName: contacts.displayName,
        username: contacts.username,
      },
    })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(channels, eq(channels.id, conversations.channelId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(eq(messages.tenantId, tenantId), eq(messages.id, messageId)))
    .for('update', { of: messages })
    .prepare('rf_lock_send_context')
    .execute();
  return row;
}

/**
 * The thread before a message, newest first: what the AI step reads for context, repeats and the
 * "unresolved" streak (each customer message carries how its reply was made).
 */
export async function recentThread(
  tx: Tx,
  tenantId: string,
  conversationId: string,
  before: Date,
  limit = 12,
) {
  return tx
    .select({
      direction: messages.direction,
      sender: messages.sender,
      text: messages.text,
      createdAt: messages.createdAt,
      replySource: sql<string | null>`${messages.aiAnalysis}->'reply'->>'source'`,
    })
    .from(messages)
    .where(
      and(
        eq(messages.tenantId, tenantId),
        eq(messages.conversationId, conversationId),
        lt(messages.createdAt, before),
      ),
    )
    .orderBy(sql`${messages.createdAt} desc`)
    .limit(limit);
}
