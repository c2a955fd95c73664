// One day of known conversations for the analytics tests (server and browser): written straight
// into the database with the times a real run would have produced, so every figure can be worked
// out by hand. docs/analytics.md has the definitions.
import {
  claimCrmSyncs,
  type Database,
  finishCrmSync,
  insertAuditLog,
  insertChannel,
  insertCrmConnection,
  insertMessage,
  noteCrmLeadChange,
  recordLeadScore,
  setMessageAnalysis,
  updateConversation,
  upsertContact,
  upsertConversation,
  withTenant,
} from '@replyforce/db';

type Tag = 'HOT' | 'WARM' | 'COLD';
type Sentiment = 'positive' | 'neutral' | 'negative';

/** What the AI pipeline stores on a customer message, reduced to what analytics reads. */
function analysis(p: {
  leadId: string;
  tag: Tag;
  sentiment: Sentiment;
  score: number;
  action: 'send' | 'hold' | 'handoff';
  source: string;
  replyMessageId: string | null;
}) {
  return {
    sentiment: { sentiment: p.sentiment, score: p.score, urgency: 'low', emotions: [] },
    lead_score: { tag: p.tag },
    reply: { source: p.source },
    decision: { action: p.action, reasons: [] },
    leadId: p.leadId,
    replyMessageId: p.replyMessageId,
  };
}

export type Seeded = {
  conversations: Record<string, string>;
  leads: Record<string, string>;
  agentId: string;
  connectionId: string;
};

/**
 * Four customer messages on `day` (UTC):
 * - Ana (Instagram): 10:00:00, AI answers 10:00:30 (30 s); 10:05:00, AI answers 10:06:00 (60 s).
 *   WARM then HOT, positive; closed by the agent at 10:30. The AI settled it alone. Ana's lead is
 *   in the CRM.
 * - Ben (Facebook): 11:00:00, negative; the AI hands off and sends its holding message at
 *   11:00:05 (not a reply); the agent answers at 11:10:00 (600 s). COLD.
 * - Cleo (Instagram): 12:00:00, neutral; the AI's draft is rejected by the agent at 12:05 and
 *   nobody answers. COLD.
 * So: 3 of 4 replied (75 %), waits 30, 60, 600 s → median 60, p90 60 + 0.8 × 540 = 492.
 */
export async function seedAnalyticsDay(
  db: Database,
  tenantId: string,
  agentId: string,
  day: string,
): Promise<Seeded> {
  const seeded = await writeDay(db, tenantId, agentId, day);
  // next_attempt_at is stored to the millisecond, rounded: it can sit up to 0.5 ms after the now()
  // that wrote it, so the worker's claim starts a moment later, as it always does for real.
  await new Promise((resolve) => setTimeout(resolve, 2));
  await syncToCrm(db, tenantId, seeded.connectionId, seeded.leads.ana ?? '');
  return seeded;
}

async function writeDay(db: Database, tenantId: string, agentId: string, day: string): Promise<Seeded> {
  const at = (time: string) => new Date(`${day}T${time}Z`);
  return withTenant(db, tenantId, async (tx) => {
    const channel = async (platform: 'instagram' | 'facebook', name: string) => {
      const id = crypto.randomUUID();
      await insertChannel(tx, {
        id,
        tenantId,
        platform,
        accountId: `acct-${id.slice(0, 8)}`,
        name,
        credentials: 'v1.test-key.c2VhbGVk.dGFn', // never opened here
      });
      return id;
    };
    const ig = await channel('instagram', 'Acme Instagram');
    const fb = await channel('facebook', 'Acme Facebook');

    const thread = async (channelId: string, who: string) => {
      const contact = await upsertContact(tx, {
        id: crypto.randomUUID(),
        tenantId,
        channelId,
        platformUserId: `${who}-${channelId.slice(0, 6)}`,
        displayName: who,
      });
      const conversation = await upsertConversation(tx, {
        id: crypto.randomUUID(),
        tenantId,
        channelId,
        contactId: contact.id,
        threadKey: 'dm',
        kind: 'dm',
      });
      return {
        channelId,
        conversationId: conversation.id,
        contactId: contact.id,
        lead: undefined as { id: string; score: number; tag: Tag } | undefined,
      };
    };
    /** A customer message, scored and analysed the way the AI step leaves it. */
    const customer = async (
      t: Awaited<ReturnType<typeof thread>>,
      time: string,
      a: Omit<Parameters<typeof analysis>[0], 'leadId'>,
    ) => {
      const id = crypto.randomUUID();
      await insertMessage(tx, {
        id,
        tenantId,
        conversationId: t.conversationId,
        channelId: t.channelId,
        direction: 'inbound',
        sender: 'customer',
        text: `customer at ${time}`,
        status: 'received',
        createdAt: at(time),
      });
      const score = a.tag === 'HOT' ? 80 : a.tag === 'WARM' ? 50 : 10;
      const { lead } = await recordLeadScore(tx, tenantId, t.lead, {
        contactId: t.contactId,
        messageId: id,
        score,
        tag: a.tag,
        intent: 'question',
        signals: [],
        recommendedAction: '',
      });
      t.lead = { id: lead.id, score, tag: a.tag };
      await setMessageAnalysis(tx, tenantId, id, analysis({ ...a, leadId: lead.id }));
      return id;
    };
    const outbound = async (
      t: Awaited<ReturnType<typeof thread>>,
      p: {
        id?: string;
        sender: 'ai' | 'agent';
        created: string;
        sent: string | null;
        replyTo?: string;
        status?: 'sent' | 'rejected';
        author?: string;
      },
    ) => {
      await insertMessage(tx, {
        id: p.id ?? crypto.randomUUID(),
        tenantId,
        conversationId: t.conversationId,
        channelId: t.channelId,
        direction: 'outbound',
        sender: p.sender,
        authorUserId: p.author ?? null,
        text: `${p.sender} at ${p.created}`,
        status: p.status ?? 'sent',
        replyToMessageId: p.replyTo ?? null,
        createdAt: at(p.created),
        sentAt: p.sent ? at(p.sent) : null,
      });
    };

    const ana = await thread(ig, 'Ana');
    const r1 = crypto.randomUUID();
    const r2 = crypto.randomUUID();
    const m1 = await customer(ana, '10:00:00', {
      tag: 'WARM',
      sentiment: 'positive',
      score: 0.6,
      action: 'send',
      source: 'faq',
      replyMessageId: r1,
    });
    await outbound(ana, { id: r1, sender: 'ai', created: '10:00:01', sent: '10:00:30', replyTo: m1 });
    const m2 = await customer(ana, '10:05:00', {
      tag: 'HOT',
      sentiment: 'positive',
      score: 0.8,
      action: 'send',
      source: 'knowledge',
      replyMessageId: r2,
    });
    await outbound(ana, { id: r2, sender: 'ai', created: '10:05:01', sent: '10:06:00', replyTo: m2 });
    await updateConversation(tx, tenantId, ana.conversationId, {
      status: 'closed',
      lastMessageAt: at('10:06:00'),
    });
    await insertAuditLog(tx, {
      tenantId,
      actorUserId: agentId,
      action: 'conversation.status_changed',
      resourceType: 'conversation',
      resourceId: ana.conversationId,
      metadata: { from: 'open', to: 'closed' },
      result: 'success',
      createdAt: at('10:30:00'),
    });

    const ben = await thread(fb, 'Ben');
    const holding = crypto.randomUUID();
    const m3 = await customer(ben, '11:00:00', {
      tag: 'COLD',
      sentiment: 'negative',
      score: -0.7,
      action: 'handoff',
      source: 'holding',
      replyMessageId: holding,
    });
    await outbound(ben, { id: holding, sender: 'ai', created: '11:00:01', sent: '11:00:05', replyTo: m3 });
    await outbound(ben, { sender: 'agent', created: '11:09:59', sent: '11:10:00', author: agentId });
    await updateConversation(tx, tenantId, ben.conversationId, { lastMessageAt: at('11:10:00') });

    const cleo = await thread(ig, 'Cleo');
    const draft = crypto.randomUUID();
    const m4 = await customer(cleo, '12:00:00', {
      tag: 'COLD',
      sentiment: 'neutral',
      score: 0,
      action: 'hold',
      source: 'knowledge',
      replyMessageId: draft,
    });
    await outbound(cleo, {
      id: draft,
      sender: 'ai',
      created: '12:00:01',
      sent: null,
      replyTo: m4,
      status: 'rejected',
      author: agentId,
    });
    await updateConversation(tx, tenantId, cleo.conversationId, {
      status: 'needs_human',
      lastMessageAt: at('12:00:00'),
    });
    await insertAuditLog(tx, {
      tenantId,
      actorUserId: agentId,
      action: 'draft.rejected',
      resourceType: 'message',
      resourceId: draft,
      metadata: { conversationId: cleo.conversationId },
      result: 'success',
      createdAt: at('12:05:00'),
    });

    // Ana's lead reached HubSpot.
    const connectionId = crypto.randomUUID();
    await insertCrmConnection(tx, {
      id: connectionId,
      tenantId,
      vendor: 'hubspot',
      authType: 'token',
      credentials: 'v1.test-key.c2VhbGVk.dGFn',
    });
    // Both leads are queued for the CRM; syncToCrm below lets only Ana's through.
    await noteCrmLeadChange(tx, tenantId, { leadId: ana.lead!.id }, 'lead_created');
    await noteCrmLeadChange(tx, tenantId, { leadId: ben.lead!.id }, 'lead_created');

    return {
      conversations: { ana: ana.conversationId, ben: ben.conversationId, cleo: cleo.conversationId },
      leads: { ana: ana.lead!.id, ben: ben.lead!.id, cleo: cleo.lead!.id },
      agentId,
      connectionId,
    };
  });
}

/**
 * The path a real sync takes, in the worker's own transaction: claimed, then accepted by the CRM
 * with a record id. The other queued lead is claimed too but never accepted: no record.
 */
async function syncToCrm(db: Database, tenantId: string, connectionId: string, leadId: string) {
  await withTenant(db, tenantId, async (tx) => {
    const claims = await claimCrmSyncs(tx, tenantId, connectionId, {
      limit: 10,
      until: new Date(Date.now() + 60_000),
    });
    const claimed = claims.find((c) => c.leadId === leadId);
    if (!claimed) throw new Error(`lead ${leadId} was not claimed`);
    await finishCrmSync(tx, tenantId, {
      id: claimed.id,
      version: claimed.version,
      externalId: 'hs-contact-1',
      payload: {},
      notedKey: null,
    });
  });
}
