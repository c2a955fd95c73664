import { z } from 'zod';

/**
 * Injected failures of the OpenAI stand-in, set through POST /control/openai/faults. Separate from
 * the platform faults because an LLM also needs `delay` (a slow answer, not a failed one) and a
 * configurable Retry-After.
 */
export const openaiFaultSchema = z.object({
  mode: z.enum(['none', 'error_5xx', 'rate_limit', 'timeout', 'delay']),
  /** How many calls are affected; every call until mode `none` when absent. */
  count: z.number().int().min(0).max(1_000_000).optional(),
  /** `rate_limit`: the Retry-After the 429 carries. */
  retryAfterSeconds: z.number().int().min(0).max(3600).default(1),
  /** `delay`: how long each affected call waits before it is answered normally. */
  delayMs: z.number().int().min(0).max(600_000).default(0),
});

export type OpenAIFaultInput = z.infer<typeof openaiFaultSchema>;
export type OpenAIFault = Omit<OpenAIFaultInput, 'mode' | 'count'> & {
  mode: Exclude<OpenAIFaultInput['mode'], 'none'>;
};

export type OpenAIFaults = {
  set(input: OpenAIFaultInput): { mode: OpenAIFaultInput['mode']; remaining: number | null };
  /** Consumes one call: the fault it must suffer, if any. */
  take(): OpenAIFault | undefined;
};

export function createOpenAIFaults(): OpenAIFaults {
  let current: (OpenAIFault & { remaining: number }) | undefined;
  return {
    set({ mode, count, retryAfterSeconds, delayMs }) {
      if (mode === 'none' || count === 0) {
        current = undefined;
        return { mode: 'none', remaining: 0 };
      }
      current = { mode, retryAfterSeconds, delayMs, remaining: count ?? Number.POSITIVE_INFINITY };
      return { mode, remaining: count ?? null };
    },
    take() {
      if (!current) return undefined;
      const { remaining, ...fault } = current;
      current.remaining -= 1;
      if (current.remaining <= 0) current = undefined;
      return fault;
    },
  };
}
