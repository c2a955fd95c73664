import { JOB_NAMES, type JobEvent, type JobHandlers, type JobPayload } from '../src/index.ts';

export type Call = { payload: JobPayload<'mail.deliver'>; attempt: number; final: boolean };

export const payload = (): JobPayload<'mail.deliver'> => ({
  tenantId: crypto.randomUUID(),
  mailId: crypto.randomUUID(),
});

/**
 * Handlers for every job that record each call and behave as `behave` says for the n-th call
 * (1-based). The suites dispatch `mail.deliver` unless they say otherwise.
 */
export function recorder(behave: (call: number) => Promise<void> = async () => {}) {
  const calls: Call[] = [];
  const events: JobEvent[] = [];
  const record = async (p: unknown, ctx: { attempt: number; final: boolean }) => {
    calls.push({ payload: p as Call['payload'], ...ctx });
    await behave(calls.length);
  };
  const handlers = Object.fromEntries(JOB_NAMES.map((n) => [n, record])) as unknown as JobHandlers;
  return { calls, events, handlers, onEvent: (e: JobEvent) => events.push(e) };
}
