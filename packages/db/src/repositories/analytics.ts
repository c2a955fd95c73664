import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import {
  type AnalyticsWindow,
  answered,
  bucketOf,
  bucketSeries,
  IDLE_AFTER_HOURS,
  inWindow,
  isoBucket,
  PEOPLE_HANDOFF,
} from './analytics-sql.ts';
import { txRows } from './tx-rows.ts';

export type { AnalyticsWindow } from './analytics-sql.ts';
export { IDLE_AFTER_HOURS } from './analytics-sql.ts';

// Analytics, aggregated by PostgreSQL (the same statements run on PGlite: core SQL only). Every
// statement filters by tenant_id and runs inside withTenant, so row-level security backs it up.
// docs/analytics.md defines each figure; the comments here say how the SQL gets it.

export type OverviewRow = {
  fromCustomers: number;
  replied: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
  byAi: number;
  byAgents: number;
  conversations: number;
  resolved: number;
  escalationsByAi: number;
  escalationsByPeople: number;
};

export async function analyticsOverview(tx: Tx, tenantId: string, w: AnalyticsWindow): Promise<OverviewRow> {
  const [row] = await txRows<OverviewRow>(
    tx,
    sql`with answered as (${answered(tenantId, w)}),
    firsts as (
      select count(*)::int as "fromCustomers", count(replied_at)::int as replied,
        percentile_cont(0.5) within group (order by wait_s) as "medianSeconds",
        percentile_cont(0.9) within group (order by wait_s) as "p90Seconds",
        count(*) filter (where handoff)::int as "escalationsByAi"
      from answered),
    sent as (
      select count(*) filter (where sender = 'ai')::int as "byAi",
        count(*) filter (where sender = 'agent')::int as "byAgents"
      from messages
      where tenant_id = ${tenantId} and direction = 'outbound' and sender in ('ai', 'agent')
        and ${inWindow(sql`sent_at`, w)}),
    people as (
      select count(*)::int as "escalationsByPeople"
      from audit_logs a
      where a.tenant_id = ${tenantId} and a.result = 'success' and ${inWindow(sql`a.created_at`, w)}
        and ${PEOPLE_HANDOFF}),
    resolution as (${autoResolution(tenantId)})
    select * from firsts, sent, people, resolution`,
  );
  if (!row) throw new Error('the overview query returned no row');
  return row;
}

/**
 * Conversations with a customer message in the window, and those the AI settled alone: closed, or
 * open and quiet for IDLE_AFTER_HOURS, with at least one AI reply the AI sent by itself, and no
 * person in it: no person's message, no draft a person approved or rejected, no hand-off by the AI
 * and none by a person. Reads `answered` from the enclosing statement.
 */
function autoResolution(tenantId: string): SQL {
  return sql`select count(*)::int as conversations,
      count(*) filter (where
        (c.status = 'closed'
          or (c.status = 'open' and c.last_message_at < now() - ${`${IDLE_AFTER_HOURS} hours`}::interval))
        and f.ai_alone and not f.person and not f.handoff
        and c.id::text not in (select a.resource_id from audit_logs a
          where a.tenant_id = ${tenantId} and a.resource_type = 'conversation' and a.resource_id is not null
            and a.action = 'conversation.status_changed' and a.metadata->>'to' = 'needs_human')
      )::int as resolved
    from conversations c
    join (
      -- One pass over the active conversations' messages, whatever their age.
      select m.conversation_id,
        bool_or(m.direction = 'outbound' and m.sender = 'ai' and m.sent_at is not null
          and m.author_user_id is null) as ai_alone,
        bool_or(m.direction = 'outbound'
          and (m.sender = 'agent' or m.author_user_id is not null or m.status = 'rejected')) as person,
        bool_or(m.direction = 'inbound'
          and coalesce(m.ai_analysis->'decision'->>'action' = 'handoff', false)) as handoff
      from messages m
      where m.tenant_id = ${tenantId} and m.conversation_id in (select conversation_id from answered)
      group by m.conversation_id
    ) f on f.conversation_id = c.id
    where c.tenant_id = ${tenantId}`;
}

export type ResponseTimeRow = {
  bucket: string;
  customerMessages: number;
  replied: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
};

/** Per bucket of the customer message's arrival: how many came, how many got a reply, how fast. */
export async function analyticsResponseTimes(tx: Tx, tenantId: string, w: AnalyticsWindow) {
  return txRows<ResponseTimeRow>(
    tx,
    sql`with answered as (${answered(tenantId, w)}),
    bucketed as (select ${bucketOf(w, sql`created_at`)} as b, replied_at, wait_s from answered)
    select ${isoBucket(sql`s.b`)} as bucket,
      count(x.b)::int as "customerMessages", count(x.replied_at)::int as replied,
      percentile_cont(0.5) within group (order by x.wait_s) as "medianSeconds",
      percentile_cont(0.9) within group (order by x.wait_s) as "p90Seconds"
    from ${bucketSeries(w)} as s(b)
    left join bucketed x on x.b = s.b
    group by s.b
    order by s.b`,
  );
}

export type FunnelRow = { cold: number; warm: number; hot: number; synced: number };

/**
 * Leads active in the window (a scored customer message, or a change of score or tag, in it) by
 * the highest tag they had in it; "synced" are the HOT ones that have a record in a connected CRM.
 */
export async function analyticsLeadFunnel(tx: Tx, tenantId: string, w: AnalyticsWindow): Promise<FunnelRow> {
  const [row] = await txRows<FunnelRow>(
    tx,
    sql`with touched as (
      select (m.ai_analysis->>'leadId')::uuid as lead_id, m.ai_analysis->'lead_score'->>'tag' as tag
      from messages m
      where m.tenant_id = ${tenantId} and m.direction = 'inbound' and m.ai_analysis->>'leadId' is not null
        and ${inWindow(sql`m.created_at`, w)}
      union all
      select e.lead_id, e.tag from lead_score_events e
      where e.tenant_id = ${tenantId} and ${inWindow(sql`e.created_at`, w)}),
    reached as (
      select t.lead_id,
        max(case t.tag when 'HOT' then 3 when 'WARM' then 2 when 'COLD' then 1 else 0 end) as top
      from touched t
      join leads l on l.id = t.lead_id and l.tenant_id = ${tenantId}
      group by t.lead_id)
    select count(*) filter (where top >= 1)::int as cold,
      count(*) filter (where top >= 2)::int as warm,
      count(*) filter (where top >= 3)::int as hot,
      count(*) filter (where top >= 3 and exists (select 1 from crm_syncs s
        where s.tenant_id = ${tenantId} and s.lead_id = r.lead_id and s.external_id is not null))::int as synced
    from reached r`,
  );
  return row ?? { cold: 0, warm: 0, hot: 0, synced: 0 };
}

export type SentimentRow = {
  bucket: string;
  positive: number;
  neutral: number;
  negative: number;
  mixed: number;
  averageScore: number | null;
};

/** Analysed customer messages per bucket, by the sentiment the AI read in them. */
export async function analyticsSentiment(tx: Tx, tenantId: string, w: AnalyticsWindow) {
  return txRows<SentimentRow>(
    tx,
    sql`with analysed as (
      select ${bucketOf(w, sql`m.created_at`)} as b, m.ai_analysis->'sentiment'->>'sentiment' as s,
        (m.ai_analysis->'sentiment'->>'score')::float8 as score
      from messages m
      where m.tenant_id = ${tenantId} and m.direction = 'inbound' and m.sender = 'customer'
        and m.ai_analysis->'sentiment' is not null and ${inWindow(sql`m.created_at`, w)})
    select ${isoBucket(sql`t.b`)} as bucket,
      count(*) filter (where x.s = 'positive')::int as positive,
      count(*) filter (where x.s = 'neutral')::int as neutral,
      count(*) filter (where x.s = 'negative')::int as negative,
      count(*) filter (where x.s = 'mixed')::int as mixed,
      avg(x.score) as "averageScore"
    from ${bucketSeries(w)} as t(b)
    left join analysed x on x.b = t.b
    group by t.b
    order by t.b`,
  );
}
