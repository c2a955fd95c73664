// Analytics over known data: a day of conversations written straight into the database (see
// helpers/analytics-seed.ts), then every report read through the API and compared with the figures
// worked out by hand (docs/analytics.md has the definitions).
import { insertChannel, insertMessage, upsertContact, upsertConversation, withTenant } from '@replyforce/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Seeded, seedAnalyticsDay } from './helpers/analytics-seed.ts';
import { addMember, bearer, registerWorkspace, type Signed } from './helpers/api.ts';
import { databaseKinds } from './helpers/databases.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

const DAY = '2026-03-02';

const Q = `from=${DAY}&to=${DAY}`;

describe.each(await databaseKinds())('analytics on %s', (kind) => {
  let t: TestApp;
  let admin: Signed;
  let agent: Signed;
  let viewer: Signed;
  let other: Signed;
  let seeded: Seeded;

  const get = (who: Signed, url: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1/analytics${url}`, headers: bearer(who.token) });
  const json = async (who: Signed, url: string) => {
    const res = await get(who, url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await registerWorkspace(t.app, { name: 'Olivia Owner' });
    agent = await addMember(t.app, admin, 'agent');
    viewer = await addMember(t.app, admin, 'viewer');
    other = await registerWorkspace(t.app, { tenantName: 'Other Shop' });
    seeded = await seedAnalyticsDay(t.deps.db, admin.session.tenant.id, agent.session.user.id, DAY);
  });
  afterAll(() => t?.close());

  it('the overview counts the day as worked out by hand', async () => {
    const o = await json(viewer, `/overview?${Q}`);
    expect(o).toEqual({
      range: { from: DAY, to: DAY, bucket: 'hour', timeZone: 'UTC' },
      // 4 customer messages; the AI sent 3 (two answers and a holding message); the agent 1.
      messages: { total: 8, fromCustomers: 4, byAi: 3, byAgents: 1 },
      responseRate: 0.75,
      repliedMessages: 3,
      firstResponse: { medianSeconds: 60, p90Seconds: 492 },
      // Ana's conversation of the three: closed, AI replies only, no hand-off.
      autoResolution: { rate: 1 / 3, conversations: 3, resolved: 1 },
      // The AI handed Ben over; the agent rejected the AI's draft for Cleo.
      escalations: { total: 2, byAi: 1, byPeople: 1 },
    });
  });

  it('response times per hour for a one-day range, per day for a week', async () => {
    const hourly = await json(admin, `/response-times?${Q}`);
    expect(hourly.points).toHaveLength(24);
    expect(hourly.points[0].bucket).toBe(`${DAY}T00:00:00Z`);
    expect(hourly.points.filter((p: { customerMessages: number }) => p.customerMessages > 0)).toEqual([
      // 30 s and 60 s: median 45, p90 30 + 0.9 × 30 = 57.
      { bucket: `${DAY}T10:00:00Z`, customerMessages: 2, replied: 2, medianSeconds: 45, p90Seconds: 57 },
      { bucket: `${DAY}T11:00:00Z`, customerMessages: 1, replied: 1, medianSeconds: 600, p90Seconds: 600 },
      { bucket: `${DAY}T12:00:00Z`, customerMessages: 1, replied: 0, medianSeconds: null, p90Seconds: null },
    ]);
    expect(hourly.points[9]).toEqual({
      bucket: `${DAY}T09:00:00Z`,
      customerMessages: 0,
      replied: 0,
      medianSeconds: null,
      p90Seconds: null,
    });

    const daily = await json(admin, '/response-times?from=2026-02-27&to=2026-03-05');
    expect(daily.range).toEqual({ from: '2026-02-27', to: '2026-03-05', bucket: 'day', timeZone: 'UTC' });
    expect(daily.points.map((p: { bucket: string }) => p.bucket.slice(0, 10))).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
    ]);
    expect(daily.points[3]).toEqual({
      bucket: `${DAY}T00:00:00Z`,
      customerMessages: 4,
      replied: 3,
      medianSeconds: 60,
      p90Seconds: 492,
    });
  });

  it('the lead funnel: three leads, one reached HOT and is in the CRM', async () => {
    const f = await json(agent, `/lead-funnel?${Q}`);
    expect(f.stages).toEqual([
      { stage: 'COLD', leads: 3 },
      { stage: 'WARM', leads: 1 },
      { stage: 'HOT', leads: 1 },
      { stage: 'synced', leads: 1 },
    ]);
  });

  it('sentiment per bucket, with the mean score', async () => {
    const daily = await json(admin, '/sentiment?from=2026-03-01&to=2026-03-03');
    expect(daily.points).toHaveLength(3);
    const [before, day, after] = daily.points;
    expect(before).toMatchObject({ positive: 0, neutral: 0, negative: 0, mixed: 0, averageScore: null });
    expect(after).toMatchObject({ positive: 0, negative: 0, averageScore: null });
    expect(day).toMatchObject({ bucket: `${DAY}T00:00:00Z`, positive: 2, neutral: 1, negative: 1, mixed: 0 });
    // (0.6 + 0.8 + 0 − 0.7) / 4
    expect(day.averageScore).toBeCloseTo(0.175, 10);
  });

  it('volume per channel', async () => {
    const v = await json(admin, `/volume?${Q}`);
    expect(v.channels.map(({ channelId: _, ...c }: { channelId: string }) => c)).toEqual([
      { name: 'Acme Facebook', platform: 'facebook', fromCustomers: 1, byAi: 1, byAgents: 1 },
      { name: 'Acme Instagram', platform: 'instagram', fromCustomers: 3, byAi: 2, byAgents: 0 },
    ]);
    const ig = v.channels[1].channelId;
    expect(v.points.filter((p: { channelId: string }) => p.channelId === ig)).toEqual([
      { bucket: `${DAY}T10:00:00Z`, channelId: ig, fromCustomers: 2 },
      { bucket: `${DAY}T12:00:00Z`, channelId: ig, fromCustomers: 1 },
    ]);
  });

  it('agent performance: the AI, the agent, and the owner who did nothing that day', async () => {
    const a = await json(admin, `/agent-performance?${Q}`);
    expect(a.rows).toEqual([
      {
        kind: 'ai',
        userId: null,
        name: null,
        email: null,
        role: null,
        messagesSent: 3,
        conversations: 2,
        firstResponses: 2,
        medianFirstResponseSeconds: 45,
        draftsApproved: 0,
        draftsRejected: 1,
        closed: null,
        handoffs: 1,
      },
      {
        kind: 'member',
        userId: seeded.agentId,
        name: 'The agent',
        email: agent.session.user.email,
        role: 'agent',
        messagesSent: 1,
        conversations: 1,
        firstResponses: 1,
        medianFirstResponseSeconds: 600,
        draftsApproved: 0,
        draftsRejected: 1,
        closed: 1,
        handoffs: null,
      },
      {
        kind: 'member',
        userId: admin.session.user.id,
        name: 'Olivia Owner',
        email: admin.session.user.email,
        role: 'admin',
        messagesSent: 0,
        conversations: 0,
        firstResponses: 0,
        medianFirstResponseSeconds: null,
        draftsApproved: 0,
        draftsRejected: 0,
        closed: 0,
        handoffs: null,
      },
    ]);
  });

  it('a burst of customer messages shares the reply that came next; a reply at the same instant counts', async () => {
    const burst = await registerWorkspace(t.app, { tenantName: 'Burst Bakery' });
    const tenantId = burst.session.tenant.id;
    const at = (time: string) => new Date(`${DAY}T${time}Z`);
    await withTenant(t.deps.db, tenantId, async (tx) => {
      const channelId = crypto.randomUUID();
      await insertChannel(tx, {
        id: channelId,
        tenantId,
        platform: 'whatsapp',
        accountId: `acct-${channelId.slice(0, 8)}`,
        name: 'Bakery WhatsApp',
        credentials: 'v1.test-key.c2VhbGVk.dGFn',
      });
      const contact = await upsertContact(tx, {
        id: crypto.randomUUID(),
        tenantId,
        channelId,
        platformUserId: '3360000000',
      });
      const { id: conversationId } = await upsertConversation(tx, {
        id: crypto.randomUUID(),
        tenantId,
        channelId,
        contactId: contact.id,
        threadKey: 'dm',
        kind: 'dm',
      });
      const message = (
        direction: 'inbound' | 'outbound',
        sender: 'customer' | 'ai' | 'agent',
        time: string,
      ) =>
        insertMessage(tx, {
          id: crypto.randomUUID(),
          tenantId,
          conversationId,
          channelId,
          direction,
          sender,
          text: `${sender} at ${time}`,
          status: direction === 'inbound' ? 'received' : 'sent',
          createdAt: at(time),
          sentAt: direction === 'outbound' ? at(time) : null,
        });
      await message('outbound', 'agent', '08:59:00'); // before anything the customer wrote: answers nothing
      await message('inbound', 'customer', '09:00:00');
      await message('inbound', 'customer', '09:00:10');
      await message('outbound', 'agent', '09:01:00'); // answers both: 60 s and 50 s
      await message('outbound', 'ai', '09:01:30'); // a second reply: not a first one
      await message('inbound', 'customer', '09:02:00');
      await message('outbound', 'ai', '09:02:00'); // the same instant: 0 s
    });
    const o = await json(burst, `/overview?${Q}`);
    expect(o.responseRate).toBe(1);
    // 0, 50, 60 s: median 50, p90 50 + 0.8 × 10 = 58.
    expect(o.firstResponse).toEqual({ medianSeconds: 50, p90Seconds: 58 });
    const perf = await json(burst, `/agent-performance?${Q}`);
    expect(perf.rows[0]).toMatchObject({ kind: 'ai', firstResponses: 1, medianFirstResponseSeconds: 0 });
    // The agent's messages were written in the platform's own app (no author): their own row.
    expect(perf.rows.map((r: { kind: string }) => r.kind)).toEqual(['ai', 'external', 'member']);
    expect(perf.rows[1]).toMatchObject({
      kind: 'external',
      messagesSent: 2,
      firstResponses: 2,
      medianFirstResponseSeconds: 55,
    });
  });

  it('another workspace sees none of it', async () => {
    const o = await json(other, `/overview?${Q}`);
    expect(o.messages).toEqual({ total: 0, fromCustomers: 0, byAi: 0, byAgents: 0 });
    expect(o.responseRate).toBeNull();
    expect(o.firstResponse).toEqual({ medianSeconds: null, p90Seconds: null });
    expect(o.autoResolution).toEqual({ rate: null, conversations: 0, resolved: 0 });
    expect(o.escalations.total).toBe(0);
    expect((await json(other, `/lead-funnel?${Q}`)).stages.map((s: { leads: number }) => s.leads)).toEqual([
      0, 0, 0, 0,
    ]);
    expect((await json(other, `/volume?${Q}`)).channels).toEqual([]);
    const perf = await json(other, `/agent-performance?${Q}`);
    expect(perf.rows.map((r: { userId: string | null }) => r.userId)).toEqual([null, other.session.user.id]);
    expect(perf.rows[0].messagesSent).toBe(0);
  });

  it('a person flagging a conversation through the API counts as an escalation that day', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const before = await json(admin, `/overview?from=${today}&to=${today}`);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/conversations/${seeded.conversations.ben}/status`,
      headers: bearer(agent.token),
      payload: { status: 'needs_human' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await json(admin, `/overview?from=${today}&to=${today}`);
    expect(after.escalations.byPeople).toBe(before.escalations.byPeople + 1);
    // The default range is the last 7 days, today included.
    const defaults = await json(admin, '/overview');
    expect(defaults.range.to).toBe(today);
    expect(defaults.range.bucket).toBe('day');
    expect(defaults.escalations.byPeople).toBe(after.escalations.byPeople);
  });

  it('refuses a bad date range with a 400 that says why', async () => {
    const cases: [string, RegExp][] = [
      ['/overview?from=2026-03-05&to=2026-03-01', /on or before/],
      ['/overview?from=2025-01-01&to=2026-01-02', /at most 366 days/],
      ['/response-times?from=2026-02-30', /request is not valid/],
      ['/sentiment?from=yesterday', /request is not valid/],
      ['/volume?from=2026-03-01&to=2026-03-02&tz=Europe/Paris', /request is not valid/],
      ['/export.csv?report=everything', /request is not valid/],
      ['/export.csv', /request is not valid/],
    ];
    for (const [url, message] of cases) {
      const res = await get(admin, url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code, url).toBe('VALIDATION_FAILED');
      expect(res.json().error.message, url).toMatch(message);
    }
    // 366 days is the most a range may cover.
    expect((await get(admin, '/overview?from=2025-01-01&to=2026-01-01')).statusCode).toBe(200);
  });

  it('exports a report as CSV with a header, one row per bucket, and a file name', async () => {
    const res = await get(admin, `/export.csv?report=response-times&${Q}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="replyforce-response-times-${DAY}-to-${DAY}.csv"`,
    );
    const lines = res.body.split('\r\n');
    expect(lines[0]).toBe('bucket_start_utc,customer_messages,replied,median_seconds,p90_seconds');
    expect(lines).toHaveLength(1 + 24 + 1); // header, 24 hours, the empty string after the last CRLF
    expect(lines).toContain(`${DAY}T10:00:00Z,2,2,45,57`);
    expect(lines).toContain(`${DAY}T12:00:00Z,1,0,,`);

    const overview = (await get(admin, `/export.csv?report=overview&${Q}`)).body.split('\r\n');
    expect(overview[0]).toBe('metric,value');
    expect(overview).toEqual(
      expect.arrayContaining([
        'response_rate,0.75',
        'first_response_median_seconds,60',
        'first_response_p90_seconds,492',
        'ai_auto_resolution_rate,0.3333',
        'escalations,2',
      ]),
    );

    const agents = (await get(admin, `/export.csv?report=agent-performance&${Q}`)).body.split('\r\n');
    expect(agents[1]).toBe('AI assistant,,,3,2,2,45,0,1,,1');
    expect(agents[2]).toBe(`The agent,${agent.session.user.email},agent,1,1,1,600,0,1,1,`);

    const funnel = (await get(admin, `/export.csv?report=lead-funnel&${Q}`)).body;
    expect(funnel).toBe('stage,leads\r\nCOLD,3\r\nWARM,1\r\nHOT,1\r\nsynced,1\r\n');

    // Exports leave the platform: a viewer can read analytics but not download them.
    const refused = await get(viewer, `/export.csv?report=overview&${Q}`);
    expect(refused.statusCode).toBe(403);
  });
});
