import { and, eq, sql } from 'drizzle-orm';
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

/** The AI step's view of a lead (from leads, read with the context, not locked). */
export type LeadSnapshot = {
  id: string;
  score: number;
  tag: 'HOT' | 'WARM' | 'COLD';
  manualTag: 'HOT' | 'WARM' | 'COLD' | null;
  messageCount: number;
  updatedAt: Date;
  /** Tags it has had (its score history). */
  earlierTags: ('HOT' | 'WARM' | 'COLD')[];
};

export type ThreadRow = {
  direction: 'inbound' | 'outbound';
  sender: string;
  text: string;
  /** How the AI answered this customer message (`ai_analysis.reply.source`), if it has. */
  replySource: string | null;
};

/**
 * A customer message with everything the AI step reads, in one statement: its conversation (both
 * rows locked, so two decisions on one thread take turns), channel, contact, the tenant's name,
 * settings and plan, the contact's lead and its past tags, the thread's last 12 messages (newest
 * first), the reply templates and whether there is a knowledge base to search. One round trip
 * instead of six keeps the worker's cost per message down.
 */
export async function lockDecisionContext(tx: Tx, tenantId: string, messageId: string) {
  const [row] = await decisionContextQuery(tx)
    .where(and(eq(messages.tenantId, tenantId), eq(messages.id, messageId)))
    .for('update', { of: [messages, conversations] })
    .prepare('rf_lock_decision_context')
    .execute();
  return row && toDecisionContext(row);
}

/** The decision context's select, for one message or many (lockDecisionContexts). */
export function decisionContextQuery(tx: Tx) {
  return tx
    .select({
      message: messages,
      conversation: {
        id: conversations.id,
        status: conversations.status,
        lastInboundAt: conversations.lastInboundAt,
        assigneeId: conversations.assigneeId,
      },
      channel: { id: channels.id, platform: channels.platform },
      contact: {
        id: contacts.id,
        displayName: contacts.displayName,
        platformUserId: contacts.platformUserId,
      },
      tenantName: tenants.name,
      tenantSettings: tenants.settings,
      tenantPlan: tenants.plan,
      lead: sql<Record<string, unknown> | null>`(select json_build_object(
          'id', l.id, 'score', l.score, 'tag', l.tag, 'manualTag', l.manual_tag,
          'messageCount', l.message_count, 'updatedAt', l.updated_at,
          'earlierTags', (select coalesce(json_agg(distinct e.tag), '[]'::json) from lead_score_events e where e.lead_id = l.id))
        from leads l where l.contact_id = ${contacts.id})`,
      thread: sql<ThreadRow[]>`(select coalesce(json_agg(json_build_object(
          'direction', t.direction, 'sender', t.sender, 'text', t.text, 'replySource', t.source) order by t.created_at desc), '[]'::json)
        from (select m.direction, m.sender, m.text, m.created_at, m.ai_analysis->'reply'->>'source' as source
          from messages m where m.conversation_id = ${conversations.id} and m.created_at < ${messages.createdAt}
          order by m.created_at desc limit 12) t)`,
      templates: sql<
        { intent: string; body: string; language: string | null }[]
      >`(select coalesce(json_agg(json_build_object(
          'intent', r.intent, 'body', r.body, 'language', r.language)), '[]'::json)
        from reply_templates r where r.tenant_id = ${messages.tenantId})`,
      hasKnowledge: sql<boolean>`exists (select 1 from kb_items k where k.tenant_id = ${messages.tenantId})`,
    })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(channels, eq(channels.id, conversations.channelId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .innerJoin(tenants, eq(tenants.id, messages.tenantId))
    .$dynamic();
}

type DecisionRow = Awaited<ReturnType<ReturnType<typeof decisionContextQuery>['execute']>>[number];

export function toDecisionContext(row: DecisionRow) {
  const l = row.lead;
  const lead: LeadSnapshot | undefined = l
    ? {
        id: String(l.id),
        score: Number(l.score),
        tag: l.tag as LeadSnapshot['tag'],
        manualTag: (l.manualTag ?? null) as LeadSnapshot['manualTag'],
        messageCount: Number(l.messageCount),
        updatedAt: new Date(String(l.updatedAt)),
        earlierTags: (l.earlierTags ?? []) as LeadSnapshot['earlierTags'],
      }
    : undefined;
  return { ...row, lead };
}

export type DecisionContext = ReturnType<typeof toDecisionContext>;

/** An outbound message (locked) with its conversation, channel and contact (the outbound step). */
/** The send context's select, for one message or many (lockSendContexts). */
export function sendContextQuery(tx: Tx) {
  return tx
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
    .$dynamic();
}

export type SendContext = Awaited<ReturnType<ReturnType<typeof sendContextQuery>['execute']>>[number];
