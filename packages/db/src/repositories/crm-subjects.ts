import { sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { txRows } from './tx-rows.ts';

/** What a CRM record is built from: the lead, its contact and channel, and its latest conversation. */
export type CrmSubject = {
  leadId: string;
  contactId: string;
  tag: 'HOT' | 'WARM' | 'COLD';
  score: number;
  intent: string | null;
  lastMessageId: string | null;
  leadCreatedAt: Date;
  displayName: string | null;
  username: string | null;
  phone: string | null;
  platformUserId: string;
  platform: string;
  conversationId: string | null;
  conversationStatus: string | null;
};

/** A customer message with what the AI understood of it (summary, entities), newest first. */
export type CrmSubjectMessage = {
  contactId: string;
  text: string;
  summary: string | null;
  entities: { type: string; value: string }[] | null;
  createdAt: Date;
};

const uuidList = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

export async function loadCrmSubjects(tx: Tx, tenantId: string, leadIds: string[]): Promise<CrmSubject[]> {
  if (leadIds.length === 0) return [];
  const rows = await txRows<CrmSubject & { leadCreatedAt: Date | string }>(
    tx,
    sql`select l.id as "leadId", l.contact_id as "contactId", l.tag, l.score, l.intent,
          l.last_message_id as "lastMessageId", l.created_at as "leadCreatedAt",
          c.display_name as "displayName", c.username, c.phone, c.platform_user_id as "platformUserId",
          ch.platform, cv.id as "conversationId", cv.status as "conversationStatus"
        from leads l
        join contacts c on c.id = l.contact_id
        join channels ch on ch.id = c.channel_id
        left join lateral (
          -- By channel and contact: the thread key's unique index answers it.
          select id, status from conversations
          where channel_id = c.channel_id and contact_id = c.id order by last_message_at desc limit 1
        ) cv on true
        where l.tenant_id = ${tenantId} and l.id in (${uuidList(leadIds)})`,
  );
  return rows.map((r) => ({ ...r, leadCreatedAt: new Date(r.leadCreatedAt) }));
}

/** The last `perContact` customer messages of each contact, with the AI's understanding of them. */
export async function loadCrmSubjectMessages(
  tx: Tx,
  tenantId: string,
  contactIds: string[],
  perContact: number,
): Promise<CrmSubjectMessage[]> {
  if (contactIds.length === 0) return [];
  const rows = await txRows<CrmSubjectMessage & { createdAt: Date | string }>(
    tx,
    sql`select "contactId", text, summary, entities, "createdAt" from (
          select cv.contact_id as "contactId", m.text,
            m.ai_analysis->'understanding'->>'summary' as summary,
            m.ai_analysis->'understanding'->'entities' as entities,
            m.created_at as "createdAt",
            row_number() over (partition by cv.contact_id order by m.created_at desc) as rn
          from contacts c
          join conversations cv on cv.channel_id = c.channel_id and cv.contact_id = c.id
          join messages m on m.conversation_id = cv.id
          where c.tenant_id = ${tenantId} and m.direction = 'inbound' and c.id in (${uuidList(contactIds)})
        ) x where rn <= ${perContact}
        order by "contactId", "createdAt" desc`,
  );
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
}
