import { sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { type AnalyticsWindow, answered, bucketOf, inWindow, isoBucket } from './analytics-sql.ts';
import { txRows } from './tx-rows.ts';

// Analytics per channel and per agent (docs/analytics.md); the shared pieces are in analytics-sql.ts.

export type ChannelVolumeRow = {
  channelId: string;
  name: string;
  platform: string;
  fromCustomers: number;
  byAi: number;
  byAgents: number;
};
export type VolumePointRow = { bucket: string; channelId: string; fromCustomers: number };

/**
 * Messages per channel: customer messages by arrival, the AI's and people's by when they were
 * sent. Live channels are listed even when quiet; a disconnected one only if it had traffic.
 */
export async function analyticsVolume(tx: Tx, tenantId: string, w: AnalyticsWindow) {
  const channels = await txRows<ChannelVolumeRow>(
    tx,
    sql`with v as (
      select m.channel_id, m.direction, m.sender from messages m
      where m.tenant_id = ${tenantId} and (
        (m.direction = 'inbound' and m.sender = 'customer' and ${inWindow(sql`m.created_at`, w)})
        or (m.direction = 'outbound' and m.sender in ('ai', 'agent') and ${inWindow(sql`m.sent_at`, w)})))
    select ch.id as "channelId", ch.name, ch.platform,
      count(v.channel_id) filter (where v.direction = 'inbound')::int as "fromCustomers",
      count(v.channel_id) filter (where v.sender = 'ai')::int as "byAi",
      count(v.channel_id) filter (where v.sender = 'agent')::int as "byAgents"
    from channels ch
    left join v on v.channel_id = ch.id
    where ch.tenant_id = ${tenantId}
    group by ch.id, ch.name, ch.platform, ch.status
    having ch.status <> 'disconnected' or count(v.channel_id) > 0
    order by ch.name, ch.id`,
  );
  const points = await txRows<VolumePointRow>(
    tx,
    sql`select ${isoBucket(sql`b`)} as bucket, channel_id as "channelId", count(*)::int as "fromCustomers"
    from (select ${bucketOf(w, sql`m.created_at`)} as b, m.channel_id
      from messages m
      where m.tenant_id = ${tenantId} and m.direction = 'inbound' and m.sender = 'customer'
        and ${inWindow(sql`m.created_at`, w)}) x
    group by b, channel_id
    order by b, channel_id`,
  );
  return { channels, points };
}

export type AgentRow = {
  kind: 'ai' | 'member' | 'external';
  userId: string | null;
  name: string | null;
  email: string | null;
  role: string | null;
  messagesSent: number;
  conversations: number;
  firstResponses: number;
  medianFirstResponseSeconds: number | null;
  draftsApproved: number;
  draftsRejected: number;
  closed: number | null;
  handoffs: number | null;
};

/**
 * One row for the AI, one per person who can answer (admins, managers, agents) or did something
 * counted here, and one for replies sent from outside ReplyForce (the platform's own app: stored
 * as a person's message with no author), when there are any. Messages and drafts by when they happened; first responses by the
 * customer message's arrival, credited to whoever sent that first reply.
 */
export async function analyticsAgentPerformance(tx: Tx, tenantId: string, w: AnalyticsWindow) {
  return txRows<AgentRow>(
    tx,
    sql`with answered as (${answered(tenantId, w)}),
    firsts as (
      select replied_by, case when replied_by = 'agent' then replied_user end as who, count(*)::int as n,
        percentile_cont(0.5) within group (order by wait_s) as median
      from answered where replied_at is not null
      group by 1, 2),
    sent as (
      select sender, case when sender = 'agent' then author_user_id end as who,
        count(*)::int as replies, count(distinct conversation_id)::int as conversations
      from messages
      where tenant_id = ${tenantId} and direction = 'outbound' and sender in ('ai', 'agent')
        and ${inWindow(sql`sent_at`, w)}
      group by 1, 2),
    acts as (
      select a.actor_user_id as who,
        count(*) filter (where a.action = 'draft.approved')::int as approved,
        count(*) filter (where a.action = 'draft.rejected')::int as rejected,
        count(*) filter (where a.action = 'conversation.status_changed' and a.metadata->>'to' = 'closed')::int as closed
      from audit_logs a
      where a.tenant_id = ${tenantId} and a.result = 'success' and ${inWindow(sql`a.created_at`, w)}
        and a.action in ('draft.approved', 'draft.rejected', 'conversation.status_changed')
      group by 1),
    people as (
      select user_id as who from memberships
      where tenant_id = ${tenantId} and role in ('admin', 'manager', 'agent')
      union select who from sent where sender = 'agent' and who is not null
      union select who from firsts where replied_by = 'agent' and who is not null
      union select who from acts where who is not null and (approved + rejected + closed) > 0)
    select * from (
    select 'ai' as kind, null::uuid as "userId", null as name, null as email, null as role,
      coalesce((select replies from sent where sender = 'ai'), 0) as "messagesSent",
      coalesce((select conversations from sent where sender = 'ai'), 0) as conversations,
      coalesce((select n from firsts where replied_by = 'ai'), 0) as "firstResponses",
      (select median from firsts where replied_by = 'ai') as "medianFirstResponseSeconds",
      coalesce((select sum(approved) from acts), 0)::int as "draftsApproved",
      coalesce((select sum(rejected) from acts), 0)::int as "draftsRejected",
      null::int as closed,
      (select count(*) from answered where handoff)::int as handoffs
    union all
    select 'member', p.who, u.name, u.email, mb.role,
      coalesce(s.replies, 0), coalesce(s.conversations, 0), coalesce(f.n, 0), f.median,
      coalesce(a.approved, 0), coalesce(a.rejected, 0), coalesce(a.closed, 0), null::int
    from people p
    left join users u on u.id = p.who
    left join memberships mb on mb.user_id = p.who and mb.tenant_id = ${tenantId}
    left join sent s on s.sender = 'agent' and s.who = p.who
    left join firsts f on f.replied_by = 'agent' and f.who = p.who
    left join acts a on a.who = p.who
    union all
    select 'external', null::uuid, null, null, null,
      coalesce(s.replies, 0), coalesce(s.conversations, 0), coalesce(f.n, 0), f.median, 0, 0, null::int, null::int
    from (select 1) one
    left join sent s on s.sender = 'agent' and s.who is null
    left join firsts f on f.replied_by = 'agent' and f.who is null
    where s.replies is not null or f.n is not null
    ) everyone
    order by everyone.kind = 'ai' desc, everyone."messagesSent" desc, everyone.name nulls last, everyone."userId"`,
  );
}
