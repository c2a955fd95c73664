import { queryRows } from '@replyforce/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, eventually } from './helpers/api.ts';
import { databaseKinds } from './helpers/databases.ts';
import {
  call,
  connectThroughOAuth,
  customerWrites,
  type Json,
  register,
  type SpineServer,
  sandboxThread,
  startSpineServer,
  type Workspace,
} from './helpers/spine-server.ts';

const IG = '17841400000000001';
const PAGE = '1000000000000001';
const WA = '106540352242922';

/** The analysed customer message of a conversation with this customer, once the AI step ran. */
async function analysed(s: SpineServer, w: Workspace, customer: string, text: string) {
  return eventually(async () => {
    const list = await call(s, 'GET', '/api/v1/conversations?limit=100', {
      token: w.token,
    });
    const c = list.json.items?.find((x: Json) => x.contact.platformUserId === customer);
    if (!c) return undefined;
    const d = await call(s, 'GET', `/api/v1/conversations/${c.id}`, { token: w.token });
    const m = d.json.messages.find((x: Json) => x.direction === 'inbound' && x.text === text && x.aiAnalysis);
    return m
      ? { conversation: d.json.conversation, messages: d.json.messages as Json[], message: m }
      : undefined;
  });
}

async function outReplies(s: SpineServer, platform: string, account: string, customer: string, n: number) {
  return eventually(async () => {
    const out = (await sandboxThread(s, platform, account, customer)).filter((m) => m.direction === 'out');
    return out.length >= n ? out : undefined;
  });
}

describe.each(await databaseKinds())('the AI pipeline on %s', (kind) => {
  let s: SpineServer;
  let acme: Workspace;

  beforeAll(async () => {
    s = await startSpineServer(kind);
    acme = await register(s, 'Acme Coffee');
    for (const [platform, account] of [
      ['instagram', IG],
      ['facebook', PAGE],
    ] as const) {
      const res = await connectThroughOAuth(s, acme.token, platform, { accounts: [account] });
      expect(res.status, JSON.stringify(res.json)).toBe(200);
    }
    const faq = await call(s, 'POST', '/api/v1/kb/items', {
      token: acme.token,
      body: {
        kind: 'faq',
        question: "What's the price of the Pro plan?",
        body: 'The Pro plan is $49 per month for a team of up to 10.',
      },
    });
    expect(faq.status, JSON.stringify(faq.json)).toBe(201);
  });
  afterAll(() => s?.close());

  it('answers a buying question from the knowledge base, scores a HOT lead and stores the analysis', async () => {
    const text = "Hi! What's the price of the Pro plan? I need it for my team today.";
    await customerWrites(s, {
      platform: 'instagram',
      accountId: IG,
      customer: { id: 'ig-buyer', name: 'Jane Doe' },
      text,
    });
    const [reply] = await outReplies(s, 'instagram', IG, 'ig-buyer', 1);
    expect(reply?.text).toContain('$49');
    const { message } = await analysed(s, acme, 'ig-buyer', text);
    const a = message.aiAnalysis;
    expect(a.understanding.language).toBe('en');
    expect(a.understanding.is_question).toBe(true);
    expect(a.lead_score.tag).toBe('HOT');
    expect(a.lead_score.signals).toEqual(expect.arrayContaining(['pricing_inquiry', 'urgency_language']));
    expect(a.reply.source).toBe('faq');
    expect(a.decision.action).toBe('send');
    expect(a.stages.map((st: Json) => st.stage)).toEqual([
      'guardrail_in',
      'understand',
      'sentiment',
      'intent',
      'knowledge',
      'reply',
      'guardrail_out',
    ]);
    const leads = await call(s, 'GET', '/api/v1/leads?tag=HOT', { token: acme.token });
    expect(leads.status).toBe(200);
    const lead = leads.json.items.find((l: Json) => l.contact.platformUserId === 'ig-buyer');
    expect(lead).toMatchObject({ tag: 'HOT', manualTag: null });
    const detail = await call(s, 'GET', `/api/v1/leads/${lead.id}`, { token: acme.token });
    expect(detail.json.history).toHaveLength(1);
    expect(detail.json.history[0]).toMatchObject({ reason: 'message', messageId: message.id, tag: 'HOT' });
  });

  it('hands a legal threat to a person with the holding message', async () => {
    const text = "This is the third time my order is late, I want a refund or I'll call my lawyer";
    await customerWrites(s, {
      platform: 'facebook',
      accountId: PAGE,
      customer: { id: 'fb-angry', name: 'Sam Cross' },
      text,
    });
    const [reply] = await outReplies(s, 'facebook', PAGE, 'fb-angry', 1);
    expect(reply?.text).toMatch(/team .* personally/);
    const { conversation, message } = await analysed(s, acme, 'fb-angry', text);
    expect(conversation.status).toBe('needs_human');
    expect(message.aiAnalysis.decision.action).toBe('handoff');
    expect(message.aiAnalysis.decision.triggers).toContain('legal_or_compliance');
    expect(message.aiAnalysis.sentiment.sentiment).toBe('negative');
    // Nobody is assigned: the admins hear of it by email (seed 001 §8.3).
    const mail = await eventually(async () => {
      const box = await call(s, 'GET', '/api/v1/outbox', { token: acme.token });
      return box.json.items.find((m: Json) => m.subject === 'A customer needs a person: Sam Cross');
    });
    expect(mail.text).toContain('legal_or_compliance');
  });

  it('keeps a manual tag through later scoring, and records both changes in the history', async () => {
    await customerWrites(s, {
      platform: 'instagram',
      accountId: IG,
      customer: { id: 'ig-tagged' },
      text: 'hello',
    });
    const { message } = await analysed(s, acme, 'ig-tagged', 'hello');
    const leadId = message.aiAnalysis.leadId;
    const set = await call(s, 'PATCH', `/api/v1/leads/${leadId}/tag`, {
      token: acme.token,
      body: { tag: 'HOT' },
    });
    expect(set.status, JSON.stringify(set.json)).toBe(200);
    expect(set.json).toMatchObject({ tag: 'HOT', manualTag: 'HOT' });
    const text = 'ok thanks, bye';
    await customerWrites(s, { platform: 'instagram', accountId: IG, customer: { id: 'ig-tagged' }, text });
    const later = await analysed(s, acme, 'ig-tagged', text);
    expect(later.message.aiAnalysis.lead_score.tag).toBe('HOT');
    const detail = await call(s, 'GET', `/api/v1/leads/${leadId}`, { token: acme.token });
    expect(detail.json.history.map((h: Json) => h.reason)).toContain('manual');
    const cleared = await call(s, 'PATCH', `/api/v1/leads/${leadId}/tag`, {
      token: acme.token,
      body: { tag: null },
    });
    expect(cleared.json.manualTag).toBeNull();
    expect(cleared.json.tag).toBe('COLD');
    const stats = await call(s, 'GET', '/api/v1/leads/stats', { token: acme.token });
    expect(stats.json.total).toBeGreaterThanOrEqual(3);
  });

  it('holds a reply for approval when the rules say so, then sends the edited draft', async () => {
    const put = await call(s, 'PUT', '/api/v1/settings/auto-reply', {
      token: acme.token,
      body: { enabled: false },
    });
    expect(put.status, JSON.stringify(put.json)).toBe(200);
    const text = "What's the price of the Pro plan?";
    await customerWrites(s, { platform: 'instagram', accountId: IG, customer: { id: 'ig-approve' }, text });
    const { conversation, messages } = await analysed(s, acme, 'ig-approve', text);
    expect(conversation.status).toBe('pending_approval');
    const draft = messages.find((m) => m.direction === 'outbound');
    expect(draft).toMatchObject({ status: 'draft', sender: 'ai' });
    expect(await sandboxThread(s, 'instagram', IG, 'ig-approve')).toHaveLength(1);
    const approved = await call(
      s,
      'POST',
      `/api/v1/conversations/${conversation.id}/drafts/${draft.id}/approve`,
      {
        token: acme.token,
        body: { text: 'It is $49 a month. Shall I set it up?' },
      },
    );
    expect(approved.status, JSON.stringify(approved.json)).toBe(200);
    const [sent] = await outReplies(s, 'instagram', IG, 'ig-approve', 1);
    expect(sent?.text).toBe('It is $49 a month. Shall I set it up?');
    const again = await call(
      s,
      'POST',
      `/api/v1/conversations/${conversation.id}/drafts/${draft.id}/approve`,
      {
        token: acme.token,
        body: {},
      },
    );
    expect(again.status).toBe(409);
    await call(s, 'PUT', '/api/v1/settings/auto-reply', { token: acme.token, body: {} });
  });

  it('edits the knowledge base and rejects bad input and other tenants', async () => {
    const bad = await call(s, 'POST', '/api/v1/kb/items', {
      token: acme.token,
      body: { kind: 'faq', body: 'no question' },
    });
    expect(bad.status).toBe(400);
    const doc = await call(s, 'POST', '/api/v1/kb/items', {
      token: acme.token,
      body: {
        kind: 'document',
        title: 'Beans',
        body: 'Our beans come from Brazil and Ethiopia.\n\nWe roast every Monday.',
      },
    });
    expect(doc.status).toBe(201);
    const found = await call(s, 'GET', '/api/v1/kb/search?q=when%20do%20you%20roast', { token: acme.token });
    expect(found.json.items.map((i: Json) => i.itemId)).toContain(doc.json.id);
    const other = await register(s, 'Other Tea');
    const peek = await call(s, 'GET', `/api/v1/kb/items/${doc.json.id}`, { token: other.token });
    expect(peek.status).toBe(404);
    const del = await call(s, 'DELETE', `/api/v1/kb/items/${doc.json.id}`, { token: other.token });
    expect(del.status).toBe(404);
    const leads = await call(s, 'GET', '/api/v1/leads', { token: acme.token });
    const foreign = await call(s, 'PATCH', `/api/v1/leads/${leads.json.items[0].id}/tag`, {
      token: other.token,
      body: { tag: 'COLD' },
    });
    expect(foreign.status).toBe(404);
    const gone = await call(s, 'DELETE', `/api/v1/kb/items/${doc.json.id}`, { token: acme.token });
    expect(gone.status).toBe(204);
    const badTemplate = await call(s, 'POST', '/api/v1/templates', {
      token: acme.token,
      body: { name: 'x', intent: 'greeting', body: 'Hi {{password}}' },
    });
    expect(badTemplate.status).toBe(400);
    const badRules = await call(s, 'PUT', '/api/v1/settings/auto-reply', {
      token: acme.token,
      body: { hotThreshold: 30, warmThreshold: 50 },
    });
    expect(badRules.status).toBe(400);
  });

  it('answers through a plugged-in language model, meters its tokens, and falls back when it fails', async () => {
    const shop = await register(s, 'Model Coffee');
    expect((await connectThroughOAuth(s, shop.token, 'whatsapp', { accounts: [WA] })).status).toBe(200);
    // Without the operator's leave, a tenant cannot point the server at a private address.
    s.deps.config.allowPrivateUrls = false;
    const internal = await call(s, 'PUT', '/api/v1/settings/ai-provider', {
      token: shop.token,
      body: { provider: 'openai-compatible', model: 'm', baseUrl: 'http://169.254.169.254/v1' },
    });
    s.deps.config.allowPrivateUrls = true;
    expect(internal.status).toBe(400);
    expect(internal.json.error.details.baseUrl).toMatch(/private or loopback/);
    const plug = await call(s, 'PUT', '/api/v1/settings/ai-provider', {
      token: shop.token,
      body: {
        provider: 'openai-compatible',
        model: 'gpt-4o-mini',
        baseUrl: `${s.base}/sandbox/openai/v1`,
        apiKey: 'sk-sandbox',
      },
    });
    expect(plug.status, JSON.stringify(plug.json)).toBe(200);
    expect(plug.json).toMatchObject({ configured: true, hasApiKey: true, model: 'gpt-4o-mini' });
    expect(JSON.stringify(plug.json)).not.toContain('sk-sandbox');
    const stored = await queryRows<{ settings: Json }>(
      s.deps.db,
      sql`select settings from tenants where id = ${shop.tenantId}`,
    );
    expect(JSON.stringify(stored[0]?.settings)).not.toContain('sk-sandbox');

    const ask = async (customer: string, text: string) => {
      await customerWrites(s, { platform: 'whatsapp', accountId: WA, customer: { id: customer }, text });
      return (await analysed(s, shop, customer, text)).message.aiAnalysis;
    };
    const a = await ask('15550001001', 'Do you sell gift cards for birthdays?');
    const engines = Object.fromEntries(a.stages.map((st: Json) => [st.stage, st.engine]));
    expect(engines.understand).toBe('llm:gpt-4o-mini');
    expect(engines.reply).toBe('llm:gpt-4o-mini');
    expect(a.reply.source).toBe('llm');
    expect(a.tokens).toBeGreaterThan(0);
    expect(a.cost_usd).toBeGreaterThan(0);
    const usage = await call(s, 'GET', '/api/v1/settings/ai-provider', { token: shop.token });
    expect(usage.json.usage.tokensToday).toBe(a.tokens);
    // The same question again is answered from the tenant's response cache, without a model call.
    const again = await ask('15550001007', 'Do you sell gift cards for birthdays?');
    expect(again.reply.source).toBe('cache');
    expect(again.stages.find((st: Json) => st.stage === 'reply').tokens).toBe(0);

    // The plan's daily budget (starter: 10,000 tokens): past 80 % an alert, at the cap local models.
    const setUsed = (tokens: number) =>
      queryRows(
        s.deps.db,
        sql`update ai_usage set input_tokens = ${tokens}, output_tokens = 0 where tenant_id = ${shop.tenantId}`,
      );
    await setUsed(7_950);
    await ask('15550001008', 'Do you roast your own beans?');
    const audit = await call(s, 'GET', '/api/v1/audit-logs', { token: shop.token });
    expect(audit.json.items.find((i: Json) => i.action === 'ai.budget_alert')?.metadata).toMatchObject({
      period: 'day',
      limit: 10_000,
    });
    await setUsed(10_000);
    const capped = await ask('15550001009', 'Do you sell oat milk lattes to go?');
    expect(
      capped.stages.every(
        (st: Json) => st.engine === 'local' || st.engine === 'full-text' || st.engine.startsWith('local:'),
      ),
    ).toBe(true);
    expect(capped.tokens).toBe(0);
    await setUsed(0);

    // The model fails: each stage falls back to the local models, and a decision is still made.
    await call(s, 'POST', '/sandbox/control/openai/faults', { body: { mode: 'error_5xx' } });
    // (Another question: the first one's answer is in the tenant's response cache.)
    const failed = await ask('15550001002', 'Can I bring my dog inside the café?');
    expect(failed.stages.filter((st: Json) => st.fallback).map((st: Json) => st.stage)).toEqual([
      'understand',
      'reply',
    ]);
    // Without the model and without a confident local answer, a person takes it (seed 001 §8.3, trigger 6).
    expect(failed.decision).toMatchObject({
      action: 'handoff',
      triggers: expect.arrayContaining(['ai_unavailable']),
    });
    // Five failures in a row open the circuit: later messages do not wait for the model.
    await ask('15550001003', 'Is there parking near the café?');
    await ask('15550001004', 'Do you host private events?');
    const open = await ask('15550001005', 'Do you sell decaf beans?');
    expect(open.stages.find((st: Json) => st.stage === 'reply').engine).toBe('local');
    expect(open.decision.triggers).toContain('ai_unavailable');
    await call(s, 'POST', '/sandbox/control/openai/faults', { body: { mode: 'none' } });

    // Unplugged: the local models answer again.
    const unplug = await call(s, 'DELETE', '/api/v1/settings/ai-provider', { token: shop.token });
    expect(unplug.json.configured).toBe(false);
    const local = await ask('15550001006', 'hello');
    expect(local.stages.every((st: Json) => !String(st.engine).startsWith('llm'))).toBe(true);
  });

  it('lets a viewer read leads but not tag them or change settings', async () => {
    const viewer = await addMember(s.app, acme.signed, 'viewer');
    const leads = await call(s, 'GET', '/api/v1/leads', { token: viewer.token });
    expect(leads.status).toBe(200);
    const tag = await call(s, 'PATCH', `/api/v1/leads/${leads.json.items[0].id}/tag`, {
      token: viewer.token,
      body: { tag: 'HOT' },
    });
    expect(tag.status).toBe(403);
    const voice = await call(s, 'PUT', '/api/v1/settings/brand-voice', {
      token: viewer.token,
      body: { tone: 'casual' },
    });
    expect(voice.status).toBe(403);
  });
});
