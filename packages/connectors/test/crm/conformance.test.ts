/**
 * One suite, four CRMs: every case runs against the vendor's sandbox stand-in (real HTTP on
 * 127.0.0.1), connected the way a person connects it, and asserts both the results and the exact
 * requests the connector made (as the sandbox logged them).
 */
import type { CrmAccount } from '@replyforce/sandbox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ConnectorError,
  type CrmConnector,
  type CrmCredentials,
  type CrmRecordInput,
  type CrmUpsertResult,
  createCrmAuth,
  createCrmConnector,
} from '../../src/index.ts';
import { PROFILES, type Profile } from './profiles.ts';
import {
  type CrmWorld,
  closedPort,
  connect,
  consent,
  REDIRECT_URI,
  rejectionOf,
  startCrmWorld,
} from './world.ts';

/** Splits like core does, one connector call per chunk of maxBatchSize. */
async function upsertAll(c: CrmConnector, records: CrmRecordInput[]): Promise<CrmUpsertResult[]> {
  const out: CrmUpsertResult[] = [];
  for (let i = 0; i < records.length; i += c.maxBatchSize)
    out.push(...(await c.upsert(records.slice(i, i + c.maxBatchSize))));
  return out;
}

const idOf = (r: CrmUpsertResult | undefined) => {
  if (!r?.ok) throw new Error(`expected a successful upsert, got ${JSON.stringify(r)}`);
  return r.recordId;
};

describe.each(PROFILES)('CRM connector conformance: $vendor', (p: Profile) => {
  let world: CrmWorld;
  let creds: CrmCredentials;
  let crm: CrmConnector;
  const account = (): CrmAccount => {
    const a = world.server.sandbox.crm.account(p.vendor, p.account);
    if (!a) throw new Error('no sandbox account');
    return a;
  };
  const records = () => [...account().records.values()];

  beforeEach(async () => {
    world = await startCrmWorld();
    creds = (await connect(world, p.vendor, p.account)).creds;
    crm = await createCrmConnector(p.vendor, creds, world.app(p.vendor));
    world.clear(p.vendor);
  });
  afterEach(() => world.close());

  it('upserts by the external key: creates, then updates the same record', async () => {
    const first = [p.record(1), p.record(2)];
    const created = await upsertAll(crm, first);
    expect(created.map((r) => r.ok && r.created)).toEqual([true, true]);
    const ids = created.map(idOf);
    const chunks =
      p.maxBatch === 1
        ? [p.upsertCalls('first', []), p.upsertCalls('new', [])]
        : [p.upsertCalls('first', [])];
    expect(world.calls(p.vendor)).toEqual(chunks.flat());
    p.checkUpsertBody(world.requests(p.vendor), p.maxBatch === 1 ? first.slice(-1) : first);
    expect(new Set(world.requests(p.vendor).map((r) => r.auth))).toEqual(new Set([p.auth]));

    world.clear(p.vendor);
    const changed = first.map((r) => ({ ...r, fields: { ...r.fields, [p.status.field]: p.status.other } }));
    const updated = await upsertAll(crm, changed);
    expect(updated).toEqual(
      first.map((r, i) => ({ externalKey: r.externalKey, ok: true, recordId: ids[i], created: false })),
    );
    expect(world.calls(p.vendor)).toEqual(
      p.maxBatch === 1 ? ids.flatMap((id) => p.upsertCalls('update', [id])) : p.upsertCalls('update', ids),
    );
    expect(records()).toHaveLength(2);
    for (const r of records()) expect(r.values[p.status.field]).toBe(p.status.other);
    expect(
      records()
        .map((r) => p.keyOf(r.values, account()))
        .sort(),
    ).toEqual(first.map((r) => r.externalKey).sort());
  });

  it('sends the same batch twice without creating a duplicate', async () => {
    const batch = [p.record(1), p.record(2), p.record(3, { email: false })];
    const once = await upsertAll(crm, batch);
    const twice = await upsertAll(crm, batch);
    expect(once.every((r) => r.ok && r.created)).toBe(true);
    expect(twice.map((r) => r.ok && !r.created)).toEqual([true, true, true]);
    expect(twice.map(idOf)).toEqual(once.map(idOf));
    expect(records()).toHaveLength(3);
  });

  it('leaves one record when two workers upsert the same new contact at once', async () => {
    const other = await createCrmConnector(p.vendor, creds, world.app(p.vendor));
    const contact = p.record(7);
    await crm.upsert([p.record(1)]); // the key field exists, so both workers race on the contact itself
    const [a, b] = await Promise.all([crm.upsert([contact]), other.upsert([contact])]);
    expect(idOf(a?.[0])).toBe(idOf(b?.[0]));
    expect(records().filter((r) => p.keyOf(r.values, account()) === contact.externalKey)).toHaveLength(1);
    expect(records()).toHaveLength(2);
  });

  it('refuses a batch over the vendor limit before sending anything', async () => {
    const tooMany = Array.from({ length: p.maxBatch + 1 }, (_, i) => p.record(i));
    const err = await rejectionOf(crm.upsert(tooMany));
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err).toMatchObject({ kind: 'permanent', platformCode: 'batch_too_large' });
    expect(crm.maxBatchSize).toBe(p.maxBatch);
    expect(world.calls(p.vendor)).toEqual([]);
  });

  it('reports a refused record on its own and writes the others', async () => {
    const batch = [p.record(1), p.record(2, { status: p.status.invalid }), p.record(3)];
    const results = await upsertAll(crm, batch);
    expect(results.map((r) => r.externalKey)).toEqual(batch.map((r) => r.externalKey));
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]).toMatchObject({ ok: false, kind: 'permanent' });
    expect(records()).toHaveLength(2);
  });

  it('attaches a note to the record', async () => {
    const [lead] = await crm.upsert([p.record(1)]);
    const recordId = idOf(lead);
    world.clear(p.vendor);
    const summary = 'Asked whether the espresso machine comes in red; wants a quote by Friday.';
    const [note] = await crm.addNotes([
      {
        recordId,
        title: 'Instagram DM',
        body: `${summary}\nhttps://app.replyforce.test/c/42`,
        at: new Date('2026-08-01T10:30:00Z'),
      },
    ]);
    expect(note).toMatchObject({ recordId, ok: true });
    expect(world.calls(p.vendor)).toEqual([p.calls.notes]);
    p.checkNoteBody(world.requests(p.vendor)[0] as never, recordId, summary);
    expect(account().notes.map((n) => n.recordId)).toEqual([recordId]);
    expect(account().notes[0]?.body).toContain('https://app.replyforce.test/c/42');

    const [missing] = await crm.addNotes([
      {
        recordId: p.vendor === 'salesforce' ? '00Q5g00000ZZZZZAAA' : '999999',
        title: 'x',
        body: 'y',
        at: new Date(),
      },
    ]);
    expect(missing?.ok).toBe(false);
  });

  it('lists fields with the lead status and its options', async () => {
    const fields = await crm.listFields();
    const status = fields.find((f) => f.name === p.status.field);
    expect(status).toMatchObject({ type: 'enumeration' });
    expect(status?.options).toContain(p.status.valid);
    expect(status?.options).toContain(p.status.other);
    expect(world.calls(p.vendor)).toEqual([p.calls.fields]);
  });

  it('creates a missing custom field once', async () => {
    const wanted = { ...p.customField, type: 'number' as const };
    await crm.ensureFields([wanted]);
    await crm.ensureFields([wanted]);
    expect(world.calls(p.vendor)).toEqual([p.calls.fields, p.calls.createField, p.calls.fields]);
    const fields = await crm.listFields();
    const made = fields.filter((f) => f.label.toLowerCase() === p.customField.label.toLowerCase());
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ type: 'number', custom: true });
  });

  it('sees an owner and status change made in the CRM', async () => {
    const [lead] = await crm.upsert([p.record(1)]);
    const recordId = idOf(lead);
    const since = new Date();
    const owner = account().owners[1]?.id ?? '';
    await world.server.sandbox.crm.change(p.vendor, p.account, recordId, { owner, status: p.status.other });
    world.clear(p.vendor);
    const changes = await crm.changesSince(since);
    expect(changes.find((c) => c.recordId === recordId)).toMatchObject({
      recordId,
      externalKey: p.record(1).externalKey,
      owner,
      status: p.status.other,
    });
    expect(world.calls(p.vendor)).toEqual([p.calls.changes]);
    expect(await crm.changesSince(new Date(Date.now() + 60_000))).toEqual([]);
  });

  it('erases a record by deleting it or blanking its personal fields', async () => {
    const [a, b] = await upsertAll(crm, [p.record(1), p.record(2)]);
    const [deleted, anonymised] = [idOf(a), idOf(b)];
    world.clear(p.vendor);
    await crm.erase(deleted, 'delete');
    await crm.erase(anonymised, 'anonymise');
    expect(world.calls(p.vendor)).toEqual([
      p.calls.erase(deleted, 'delete'),
      p.calls.erase(anonymised, 'anonymise'),
    ]);
    expect(account().records.has(deleted)).toBe(false);
    const left = account().records.get(anonymised);
    expect(left?.values[p.personalField]).toBeUndefined();
    expect(JSON.stringify(left?.values)).not.toContain('lead2@example.com');
    // Erasing again finds nothing to erase, which is success.
    await crm.erase(deleted, 'delete');
  });

  it('turns 429 into rate_limited with the Retry-After wait', async () => {
    world.server.sandbox.crm.setFault(p.vendor, { mode: 'rate_limit', count: 1, retryAfterSeconds: 7 });
    const err = await rejectionOf(crm.listFields());
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err).toMatchObject({ kind: 'rate_limited', retryAfterMs: 7_000 });
    await expect(crm.listFields()).resolves.not.toHaveLength(0);
  });

  it('turns 5xx into temporary and 401 into auth_revoked, without retrying itself', async () => {
    world.server.sandbox.crm.setFault(p.vendor, { mode: 'error_5xx', count: 1 });
    expect(await rejectionOf(crm.upsert([p.record(1)]))).toMatchObject({ kind: 'temporary' });
    expect(world.calls(p.vendor)).toHaveLength(1);
    world.server.sandbox.crm.setFault(p.vendor, { mode: 'auth_revoked', count: 1 });
    expect(await rejectionOf(crm.listFields())).toMatchObject({ kind: 'auth_revoked' });
    // The admin uninstalls the app: every later call is refused.
    world.server.sandbox.crm.revoke(p.vendor, p.account);
    expect(await rejectionOf(crm.listFields())).toMatchObject({ kind: 'auth_revoked' });
  });

  it('turns a refused connection into temporary', async () => {
    const dead = `http://127.0.0.1:${await closedPort()}`;
    const app = { ...world.app(p.vendor), baseUrl: `${dead}/crm/${p.vendor}` };
    const offline = await createCrmConnector(
      p.vendor,
      { ...creds, ...(creds.apiBase ? { apiBase: creds.apiBase.replace(world.url, dead) } : {}) },
      app,
    );
    const err = await rejectionOf(offline.listFields());
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err).toMatchObject({ kind: 'temporary' });
    expect((err as Error).message).not.toContain(creds.accessToken);
  });
});

describe.each(PROFILES)('CRM authorisation: $vendor', (p: Profile) => {
  let world: CrmWorld;
  beforeEach(async () => {
    world = await startCrmWorld();
  });
  afterEach(() => world.close());

  it("builds the authorise URL of the vendor's real host", () => {
    const auth = createCrmAuth(p.vendor, { clientId: 'cid-123', clientSecret: 'secret-456' });
    const url = new URL(auth.authorizeUrl({ redirectUri: REDIRECT_URI, state: 'st-9' }));
    expect(`${url.origin}${url.pathname}`).toBe(p.authorize.url);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'cid-123',
      redirect_uri: REDIRECT_URI,
      state: 'st-9',
      ...p.authorize.params,
    });
  });

  it('exchanges a code once, refreshes, and refuses a wrong, reused or revoked grant', async () => {
    const auth = createCrmAuth(p.vendor, world.app(p.vendor));
    const given = await consent(auth.authorizeUrl({ redirectUri: REDIRECT_URI, state: 'st-1' }), p.account);
    expect(given.state).toBe('st-1');
    world.clear(p.vendor);
    const creds = await auth.exchangeCode({
      code: given.code,
      redirectUri: REDIRECT_URI,
      extra: given.extra,
    });
    expect(creds).toMatchObject({ accountId: p.account });
    expect(creds.refreshToken).toBeTruthy();
    expect(creds.expiresAt).toBeGreaterThan(Date.now());
    expect(creds.apiBase).toBe(p.apiBase(world.url));
    const token = world.requests(p.vendor)[0];
    expect(`${token?.method} ${token?.path}`).toBe(p.tokenCall);
    expect(token?.body).toMatchObject({
      grant_type: 'authorization_code',
      code: given.code,
      redirect_uri: REDIRECT_URI,
    });

    const reused = await rejectionOf(
      auth.exchangeCode({ code: given.code, redirectUri: REDIRECT_URI, extra: given.extra }),
    );
    expect(reused).toBeInstanceOf(ConnectorError);
    expect(reused).toMatchObject({ kind: 'permanent' });
    expect(
      await rejectionOf(
        auth.exchangeCode({ code: 'not-a-code', redirectUri: REDIRECT_URI, extra: given.extra }),
      ),
    ).toMatchObject({
      kind: 'permanent',
    });

    const fresh = await auth.refresh(creds);
    expect(fresh.accessToken).not.toBe(creds.accessToken);
    expect(fresh).toMatchObject({ refreshToken: creds.refreshToken, accountId: p.account });
    expect(fresh.apiBase).toBe(creds.apiBase);
    const crm = await createCrmConnector(p.vendor, fresh, world.app(p.vendor));
    expect((await crm.listFields()).length).toBeGreaterThan(3);

    expect(await rejectionOf(auth.refresh({ ...creds, refreshToken: 'sbxcrm_forged.token' }))).toMatchObject({
      kind: 'auth_revoked',
    });
    await auth.revoke?.(fresh);
    expect(await rejectionOf(auth.refresh(fresh))).toMatchObject({ kind: 'auth_revoked' });
    const secretsSeen = JSON.stringify(
      await rejectionOf(auth.refresh(fresh)),
      Object.getOwnPropertyNames(new Error()),
    );
    expect(secretsSeen).not.toContain(world.app(p.vendor).clientSecret);
  });
});
