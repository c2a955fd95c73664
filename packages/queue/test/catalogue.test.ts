import { describe, expect, it } from 'vitest';
import {
  backoffFor,
  concurrencyOf,
  JOB_NAMES,
  JOBS,
  jobsOfQueue,
  parseQueueList,
  QUEUES,
} from '../src/index.ts';

describe('job catalogue', () => {
  it('has the figures of seed 001 §4.4 for each pipeline queue', () => {
    const figures = Object.fromEntries(
      JOB_NAMES.map((n) => {
        const { queue, attempts, backoffMs, concurrency } = JOBS[n];
        return [n, { queue, attempts, backoffMs, concurrency }];
      }),
    );
    expect(figures).toEqual({
      'mail.deliver': {
        queue: 'mail',
        attempts: 5,
        backoffMs: [1_000, 5_000, 15_000, 60_000],
        concurrency: 5,
      },
      'inbound.process': {
        queue: 'inbound',
        attempts: 4,
        backoffMs: [1_000, 4_000, 16_000],
        concurrency: 20,
      },
      'inbound.receipts': {
        queue: 'inbound',
        attempts: 4,
        backoffMs: [1_000, 4_000, 16_000],
        concurrency: 20,
      },
      'ai.process': { queue: 'ai', attempts: 3, backoffMs: [2_000, 8_000], concurrency: 10 },
      'outbound.send': {
        queue: 'outbound',
        attempts: 6,
        backoffMs: [1_000, 2_000, 4_000, 8_000, 16_000],
        concurrency: 15,
      },
      'crm.sync': {
        queue: 'crm',
        attempts: 6,
        backoffMs: [5_000, 15_000, 45_000, 135_000, 405_000],
        concurrency: 5,
      },
      'scheduled.run': { queue: 'scheduled', attempts: 3, backoffMs: [5_000, 30_000], concurrency: 5 },
    });
  });

  it('has one backoff delay per retry', () => {
    for (const n of JOB_NAMES) expect(JOBS[n].backoffMs, n).toHaveLength(JOBS[n].attempts - 1);
    expect([1, 2, 3].map((a) => backoffFor('inbound.process', a))).toEqual([1_000, 4_000, 16_000]);
  });

  it('maps queues to their jobs', () => {
    expect(QUEUES).toEqual(['mail', 'inbound', 'ai', 'outbound', 'crm', 'scheduled']);
    expect(jobsOfQueue('inbound')).toEqual(['inbound.process', 'inbound.receipts']);
    expect(jobsOfQueue('outbound')).toEqual(['outbound.send']);
    expect(QUEUES.flatMap((q) => jobsOfQueue(q)).sort()).toEqual([...JOB_NAMES].sort());
    expect(concurrencyOf('inbound')).toBe(20);
    expect(concurrencyOf('crm')).toBe(5);
  });

  it('accepts ids only, as uuids', () => {
    const id = () => crypto.randomUUID();
    expect(JOBS['inbound.process'].payload.parse({ tenantId: id(), eventId: id() })).toBeTruthy();
    expect(JOBS['ai.process'].payload.safeParse({ tenantId: id(), messageId: 'm-1' }).success).toBe(false);
    expect(JOBS['crm.sync'].payload.safeParse({ tenantId: id(), leadId: id(), note: 'x' }).success).toBe(
      false,
    );
    expect(JOBS['scheduled.run'].payload.safeParse({ tenantId: id() }).success).toBe(false);
    expect(JOBS['inbound.receipts'].payload.safeParse({ tenantId: id(), eventIds: [id()] }).success).toBe(
      true,
    );
    expect(JOBS['inbound.receipts'].payload.safeParse({ tenantId: id(), eventIds: [] }).success).toBe(false);
    expect(JOBS['inbound.receipts'].payload.safeParse({ tenantId: id(), eventIds: ['e-1'] }).success).toBe(
      false,
    );
  });

  it('parses a --queues list and refuses unknown names', () => {
    expect(parseQueueList('inbound, ai,inbound')).toEqual(['inbound', 'ai']);
    expect(() => parseQueueList('inbound,a1')).toThrow(/Unknown queue\(s\): a1/);
    expect(() => parseQueueList(' , ')).toThrow(/No queue given/);
  });
});
