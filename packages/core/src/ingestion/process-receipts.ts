import type { InboundEvent } from '@replyforce/connectors';
import {
  applyMessageStatus,
  findMessageStatuses,
  finishInboundEventsMany,
  lockPendingEvents,
  type MessageRow,
  markMessagesSent,
  withTenant,
} from '@replyforce/db';
import { toMessageDto } from '../conversations/dto.ts';
import type { CoreDeps } from '../deps.ts';
import { publish } from '../realtime/publish.ts';
import { createGroupedBatcher } from './batcher.ts';
import { isUnsettled, ownMessageIdOf } from './confirm-by-echo.ts';

/**
 * The `inbound.receipts` worker: settles a batch of one tenant's echoes and receipts in one
 * transaction. Echoes of our own replies (metadata = our message id) confirm them; delivery and
 * read receipts that name their messages move those forward, one statement per channel and status.
 * Everything else (another tool's messages, watermark receipts, failures with their own error)
 * goes to `inbound.process` one by one, as does the whole batch if settling it fails.
 */
export async function processReceipts(
  deps: CoreDeps,
  job: { tenantId: string; eventIds: string[] },
): Promise<void> {
  const { tenantId } = job;
  let settled: Settled;
  try {
    settled = await receiptsBatcher(deps).submit(job);
  } catch {
    settled = { changed: [], individually: job.eventIds };
  }
  if (settled.individually.length > 0) {
    await deps.queue.dispatchMany(
      'inbound.process',
      settled.individually.map((eventId) => ({
        payload: { tenantId, eventId },
        opts: { jobId: `inbound-${eventId}` },
      })),
    );
  }
  for (const m of settled.changed) publish(deps, tenantId, 'message.status', toMessageDto(m));
}

type Job = { tenantId: string; eventIds: string[] };
type Settled = { changed: MessageRow[]; individually: string[] };

/**
 * Receipt jobs that wait together settle together: at a few receipts per dispatch, one job each
 * would cost a transaction per receipt. Each job gets back its own events to redo one by one; the
 * changed messages are announced once, by the first job of the batch.
 */
const batchers = new WeakMap<CoreDeps, { submit(job: Job): Promise<Settled> }>();
function receiptsBatcher(deps: CoreDeps) {
  let b = batchers.get(deps);
  if (!b) {
    b = createGroupedBatcher<Job, Settled>(
      async (tenantId, jobs) => {
        const all = await settle(deps, { tenantId, eventIds: [...new Set(jobs.flatMap((j) => j.eventIds))] });
        const redo = new Set(all.individually);
        return jobs.map((j, i) => ({
          changed: i === 0 ? all.changed : [],
          individually: j.eventIds.filter((id) => redo.has(id)),
        }));
      },
      { maxBatch: 50, maxInFlight: 1 },
    );
    batchers.set(deps, b);
  }
  return b;
}

type StatusGroup = { channelId: string; status: 'sent' | 'delivered' | 'read'; ids: string[]; at: number };

function settle(deps: CoreDeps, job: { tenantId: string; eventIds: string[] }) {
  const { tenantId } = job;
  return withTenant(deps.db, tenantId, async (tx) => {
    const rows = await lockPendingEvents(tx, tenantId, job.eventIds);
    const done: string[] = [];
    const skipped: string[] = [];
    const individually: string[] = [];
    const changed: MessageRow[] = [];
    const groups = new Map<string, StatusGroup>();
    const ours: {
      eventId: string;
      messageId: string;
      echo: { platformMessageId: string; timestamp: number };
    }[] = [];
    for (const row of rows) {
      const event = row.payload as InboundEvent;
      if (row.channelStatus === 'disconnected') skipped.push(row.id);
      else if (event.kind === 'status' && event.status !== 'failed' && event.platformMessageIds.length > 0) {
        const key = `${row.channelId}|${event.status}`;
        const group = groups.get(key) ?? { channelId: row.channelId, status: event.status, ids: [], at: 0 };
        group.ids.push(...event.platformMessageIds);
        group.at = Math.max(group.at, event.timestamp);
        groups.set(key, group);
        done.push(row.id);
      } else if (event.kind === 'echo' && ownMessageIdOf(event.metadata)) {
        ours.push({ eventId: row.id, messageId: event.metadata as string, echo: event });
      } else individually.push(row.id);
    }
    const statuses = new Map(
      (await findMessageStatuses(tx, tenantId, [...new Set(ours.map((o) => o.messageId))])).map((m) => [
        m.id,
        m.status,
      ]),
    );
    const confirm: { id: string; platformMessageId: string; at: Date }[] = [];
    for (const echo of ours) {
      const status = statuses.get(echo.messageId);
      // Not one of ours after all: recorded as a message sent from another tool, one by one.
      if (status === undefined) {
        individually.push(echo.eventId);
        continue;
      }
      // The echo proves the platform accepted it, even after we gave up on an unanswered call.
      if (isUnsettled(status)) {
        confirm.push({
          id: echo.messageId,
          platformMessageId: echo.echo.platformMessageId,
          at: new Date(echo.echo.timestamp),
        });
        statuses.set(echo.messageId, 'sent');
      }
      done.push(echo.eventId);
    }
    changed.push(...(await markMessagesSent(tx, tenantId, confirm)));
    for (const g of groups.values()) {
      changed.push(
        ...(await applyMessageStatus(
          tx,
          tenantId,
          g.channelId,
          { platformMessageIds: g.ids },
          g.status,
          new Date(g.at),
        )),
      );
    }
    await finishInboundEventsMany(tx, tenantId, done, 'done');
    await finishInboundEventsMany(tx, tenantId, skipped, 'skipped', 'channel disconnected');
    return { changed, individually };
  });
}
