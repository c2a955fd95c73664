import type { JobEvent, JobHandlers, JobPayload } from '../src/index.ts';

export type Call = { payload: JobPayload<'mail.deliver'>; attempt: number; final: boolean };

export const payload = (): JobPayload<'mail.deliver'> => ({
  tenantId: crypto.randomUUID(),
  mailId: crypto.randomUUID(),
});

/** Handlers that record every call and behave as `behave` says for the n-th call (1-based). */
export function recorder(behave: (call: number) => Promise<void> = async () => {}) {
  const calls: Call[] = [];
  const events: JobEvent[] = [];
  const handlers: JobHandlers = {
    'mail.deliver': async (p, ctx) => {
      calls.push({ payload: p, ...ctx });
      await behave(calls.length);
    },
  };
  return { calls, events, handlers, onEvent: (e: JobEvent) => events.push(e) };
}
