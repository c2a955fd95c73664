import type { CrmConnector, CrmField, CrmVendor } from '@replyforce/connectors/crm/types.ts';
import {
  type ClaimedSync,
  claimCrmSyncs,
  loadCrmSubjectMessages,
  loadCrmSubjects,
  withTenant,
} from '@replyforce/db';
import type { CoreDeps } from '../deps.ts';
import { type BuiltRecord, buildRecord } from './build-record.ts';
import { type BatchOutcome, type Failure, failureOf, outcomeOf, settle } from './crm-failures.ts';
import { retryAt } from './crm-retry.ts';
import type { MappingEntry } from './default-mapping.ts';
import { finishCrmRound, type Upserted } from './finish-crm-round.ts';
import { requireCrmSlot, waitForCrmSlot } from './take-crm-slots.ts';

export type { BatchOutcome } from './crm-failures.ts';

export type Connection = {
  tenantId: string;
  connectionId: string;
  vendor: CrmVendor;
  connector: CrmConnector;
  mapping: MappingEntry[];
  fields: CrmField[] | null;
};

/** How long claimed syncs stay claimed: well past a round of calls at the CRM timeout. */
const CLAIM_MS = 180_000;
/** Rows one round claims, loads and records at once, sent as several batch calls (at most 10). */
const ROUND_ROWS = 500;
const MAX_CALLS_PER_ROUND = 10;
/** Longest wait for a slot inside a job: for an upsert (else the job goes back to the queue), for notes. */
const UPSERT_WAIT_MS = 2_000;
const NOTE_WAIT_MS = 15_000;
/** Customer messages quoted in a note. */
const NOTE_MESSAGES = 5;

type Item = { sync: ClaimedSync; built: BuiltRecord };

/**
 * One round: claims the connection's due syncs (oldest first) and sends them in batches of the
 * connector's size, each upsert keyed by the contact id (so a retry or a second worker updates the
 * same record, never a new one) and followed by one call adding a note per record whose
 * conversation moved on since its last note. Every call takes a slot of the request budget first;
 * the first is taken before the claim, so while the budget is spent changes keep queueing and the
 * round that starts when a slot frees up is a full one. Each outcome is recorded on the syncs.
 */
export async function syncCrmBatch(deps: CoreDeps, c: Connection): Promise<BatchOutcome> {
  const size = Math.max(1, c.connector.maxBatchSize);
  const calls = Math.min(MAX_CALLS_PER_ROUND, Math.max(1, Math.floor(ROUND_ROWS / size)));
  const first = await waitForCrmSlot(deps, c, UPSERT_WAIT_MS);
  if (!first.ok) return { kind: 'wait', delayMs: first.retryAfterMs, reason: 'CRM rate limit' };
  const claimed = await claimRound(deps, c, size * calls);
  if (!claimed) return { kind: 'empty' };
  const chunks: Item[][] = [];
  for (let i = 0; i < claimed.items.length; i += size) chunks.push(claimed.items.slice(i, i + size));

  const upserted: Upserted[] = [];
  const noteFailed = new Map<string, Failure>();
  let stop: BatchOutcome | undefined;
  for (const [i, chunk] of chunks.entries()) {
    if (i > 0) {
      const slot = await waitForCrmSlot(deps, c, UPSERT_WAIT_MS);
      if (!slot.ok) stop = { kind: 'wait', delayMs: slot.retryAfterMs, reason: 'CRM rate limit' };
    }
    if (!stop) {
      const sent = await sendChunk(deps, c, chunk);
      upserted.push(...sent.upserted);
      for (const [k, v] of sent.noteFailed) noteFailed.set(k, v);
      stop = sent.stop;
      if (stop) {
        await releaseRest(deps, c, chunks.slice(i + 1), stop);
        break;
      }
    } else {
      await releaseRest(deps, c, chunks.slice(i), stop);
      break;
    }
  }
  await finishCrmRound(deps, c, upserted, noteFailed);
  return stop ?? { kind: 'done', synced: upserted.length, full: claimed.count >= size * calls };
}

/** Claims up to `limit` due syncs and reads what their records are built from. */
async function claimRound(deps: CoreDeps, c: Connection, limit: number) {
  const { tenantId } = c;
  const loaded = await withTenant(deps.db, tenantId, async (tx) => {
    const claimed = await claimCrmSyncs(tx, tenantId, c.connectionId, {
      limit,
      until: new Date(Date.now() + CLAIM_MS),
    });
    if (claimed.length === 0) return undefined;
    const subjects = await loadCrmSubjects(
      tx,
      tenantId,
      claimed.map((s) => s.leadId),
    );
    const messages = await loadCrmSubjectMessages(
      tx,
      tenantId,
      subjects.map((s) => s.contactId),
      NOTE_MESSAGES,
    );
    return { claimed, subjects, messages };
  });
  if (!loaded) return undefined;
  const subjects = new Map(loaded.subjects.map((s) => [s.leadId, s]));
  const messagesOf = Map.groupBy(loaded.messages, (m) => m.contactId);
  const items: Item[] = [];
  for (const sync of loaded.claimed) {
    const subject = subjects.get(sync.leadId);
    if (!subject) continue; // its lead was erased after the claim; the cascade took the sync too
    const messages = messagesOf.get(subject.contactId) ?? [];
    const built = buildRecord(c.vendor, subject, messages, c.mapping, c.fields, {
      publicUrl: deps.config.publicUrl,
      notedKey: sync.notedKey,
    });
    items.push({ sync, built });
  }
  return { items, count: loaded.claimed.length };
}

/** One batch upsert and its notes. A failed record fails alone; a failed call stops the round. */
async function sendChunk(
  deps: CoreDeps,
  c: Connection,
  chunk: Item[],
): Promise<{ upserted: Upserted[]; noteFailed: Map<string, Failure>; stop?: BatchOutcome }> {
  const noteFailed = new Map<string, Failure>();
  let results: Awaited<ReturnType<CrmConnector['upsert']>>;
  try {
    results = await c.connector.upsert(chunk.map((i) => i.built.record));
  } catch (err) {
    const failure = failureOf(err);
    await settle(
      deps,
      c.tenantId,
      chunk.map((i) => i.sync),
      failure,
    );
    return { upserted: [], noteFailed, stop: outcomeOf(err, failure) };
  }
  const byKey = new Map(results.map((r) => [r.externalKey, r]));
  const upserted: Upserted[] = [];
  for (const item of chunk) {
    const r = byKey.get(item.built.record.externalKey);
    if (r?.ok) upserted.push({ ...item, recordId: r.recordId });
    else
      await settle(deps, c.tenantId, [item.sync], {
        error: r ? r.message : 'the CRM did not answer for this record',
        kind: r ? r.kind : 'temporary',
        countAttempt: true,
        permanent: r !== undefined && r.kind !== 'temporary',
      });
  }
  const toNote = upserted.filter((u) => u.built.note);
  if (toNote.length === 0) return { upserted, noteFailed };
  try {
    // The records are in: waiting a while for the notes' slot beats giving the batch back.
    await requireCrmSlot(deps, c, NOTE_WAIT_MS);
    const noted = await c.connector.addNotes(
      toNote.map((u) => ({
        recordId: u.recordId,
        title: u.built.note?.title ?? '',
        body: u.built.note?.body ?? '',
        at: new Date(),
      })),
    );
    for (const n of noted)
      if (!n.ok)
        noteFailed.set(n.recordId, { error: `note: ${n.message}`, kind: 'temporary', countAttempt: true });
    return { upserted, noteFailed };
  } catch (err) {
    const failure = failureOf(err);
    for (const u of toNote) noteFailed.set(u.recordId, failure);
    return { upserted, noteFailed, stop: outcomeOf(err, failure) };
  }
}

/** Claimed syncs a stopped round did not send go back, without using an attempt. */
async function releaseRest(deps: CoreDeps, c: Connection, rest: Item[][], why: BatchOutcome): Promise<void> {
  const syncs = rest.flat().map((i) => i.sync);
  if (syncs.length === 0) return;
  // After a CRM failure the rest waits as long as the failed batch's first retry would.
  const waitMs =
    why.kind === 'wait'
      ? why.delayMs
      : why.kind === 'stop'
        ? Math.max(0, (retryAt(deps, 1)?.getTime() ?? 0) - Date.now())
        : 0;
  await settle(deps, c.tenantId, syncs, {
    error: why.kind === 'stop' || why.kind === 'auth' ? why.message : 'waiting for the CRM rate limit',
    kind: why.kind === 'wait' ? 'rate_limited' : why.kind === 'auth' ? 'auth_revoked' : 'temporary',
    countAttempt: false,
    waitMs,
  });
}
