import { type SQL, sql } from 'drizzle-orm';

// The pieces the analytics statements share (analytics.ts, analytics-breakdowns.ts).

/** A half-open window [from, to) on UTC day boundaries, and the size of its buckets. */
export type AnalyticsWindow = { from: Date; to: Date; bucket: 'hour' | 'day' };

/** How long a conversation must be quiet to count as settled ("idle") for auto-resolution. */
export const IDLE_AFTER_HOURS = 24;

const UNIT = { hour: sql.raw(`'hour'`), day: sql.raw(`'day'`) } as const;
const STEP = { hour: 3_600_000, day: 86_400_000 } as const;

/** `timestamp without time zone` literals for a UTC instant, which is what buckets are made of. */
function naiveUtc(d: Date): string {
  return d.toISOString().replace('T', ' ').replace('Z', '');
}

/** The UTC bucket of a timestamptz column. */
export function bucketOf(w: AnalyticsWindow, column: SQL): SQL {
  return sql`date_trunc(${UNIT[w.bucket]}, ${column} at time zone 'UTC')`;
}

/** Every bucket of the window, empty ones included, so a chart has no holes. */
export function bucketSeries(w: AnalyticsWindow): SQL {
  const last = new Date(w.to.getTime() - STEP[w.bucket]);
  return sql`generate_series(${naiveUtc(w.from)}::timestamp, ${naiveUtc(last)}::timestamp, ${`1 ${w.bucket}`}::interval)`;
}

export const isoBucket = (column: SQL) => sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/**
 * Customer messages received in the window, each with the first reply after it in its
 * conversation: an outbound message written by the AI or a person that the platform accepted
 * (sent_at), at or after the customer message. The AI's holding message on a hand-off ("a person
 * will answer") is not a reply. wait_s is null for a message nobody answered (yet); handoff says
 * whether the AI handed the conversation over on this message. Rows stay narrow: they are sorted.
 *
 * Linear, not one lookup per message: customer messages and replies are walked newest first per
 * conversation, and a running count of replies puts every customer message in the group of the
 * reply that came next (ties: the reply first, so an answer at the same instant counts; among
 * replies at one instant the lowest id, as "first" means by sent_at, id).
 */
export function answered(tenantId: string, w: AnalyticsWindow): SQL {
  return sql`with events as (
      select m.id, m.conversation_id, m.created_at as t, 0 as is_reply,
        m.ai_analysis->'decision'->>'action' = 'handoff' as handoff,
        null::text as sender, null::uuid as author_user_id
      from messages m
      where m.tenant_id = ${tenantId} and m.direction = 'inbound' and m.sender = 'customer'
        and ${inWindow(sql`m.created_at`, w)}
      union all
      select r.id, r.conversation_id, r.sent_at, 1, false, r.sender, r.author_user_id
      from messages r
      left join messages q on r.sender = 'ai' and q.id = r.reply_to_message_id
        and q.tenant_id = ${tenantId} and q.ai_analysis->'reply'->>'source' = 'holding'
      where r.tenant_id = ${tenantId} and r.direction = 'outbound' and r.sender in ('ai', 'agent')
        and r.sent_at >= ${w.from.toISOString()}::timestamptz and q.id is null),
    grouped as (
      select e.*, sum(e.is_reply) over (partition by e.conversation_id
        order by e.t desc, e.is_reply desc, e.id desc rows unbounded preceding) as grp
      from events e)
    select c.id, c.conversation_id, c.t as created_at, coalesce(c.handoff, false) as handoff,
      r.t as replied_at, r.sender as replied_by, r.author_user_id as replied_user,
      extract(epoch from r.t - c.t)::float8 as wait_s
    from grouped c
    left join grouped r on r.conversation_id = c.conversation_id and r.grp = c.grp and r.is_reply = 1
    where c.is_reply = 0`;
}

/** Hand-offs people made: rejecting an AI draft, or flagging a conversation for a human. */
export const PEOPLE_HANDOFF = sql`(a.action = 'draft.rejected'
  or (a.action = 'conversation.status_changed' and a.metadata->>'to' = 'needs_human'))`;

export function inWindow(column: SQL, w: AnalyticsWindow): SQL {
  return sql`${column} >= ${w.from.toISOString()}::timestamptz and ${column} < ${w.to.toISOString()}::timestamptz`;
}
