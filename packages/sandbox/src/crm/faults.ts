import { z } from 'zod';
import type { CrmVendor } from './types.ts';

/**
 * Injected failures of one CRM stand-in, set through POST /control/crm/<vendor>/faults: the next
 * `count` API calls (every call when absent) fail that way, in the vendor's own error shape.
 */
export const crmFaultSchema = z.object({
  mode: z.enum(['none', 'error_5xx', 'rate_limit', 'auth_revoked', 'timeout']),
  count: z.number().int().min(0).max(1_000_000).optional(),
  /** `rate_limit`: the Retry-After the answer carries. */
  retryAfterSeconds: z.number().int().min(0).max(3600).default(10),
});

export type CrmFaultInput = z.infer<typeof crmFaultSchema>;
export type CrmFault = { mode: Exclude<CrmFaultInput['mode'], 'none'>; retryAfterSeconds: number };

export type CrmFaults = {
  set(vendor: CrmVendor, input: CrmFaultInput): { mode: CrmFaultInput['mode']; remaining: number | null };
  take(vendor: CrmVendor): CrmFault | undefined;
};

export function createCrmFaults(): CrmFaults {
  const faults = new Map<CrmVendor, CrmFault & { remaining: number }>();
  return {
    set(vendor, { mode, count, retryAfterSeconds }) {
      if (mode === 'none' || count === 0) {
        faults.delete(vendor);
        return { mode: 'none', remaining: 0 };
      }
      faults.set(vendor, { mode, retryAfterSeconds, remaining: count ?? Number.POSITIVE_INFINITY });
      return { mode, remaining: count ?? null };
    },
    take(vendor) {
      const fault = faults.get(vendor);
      if (!fault) return undefined;
      fault.remaining -= 1;
      if (fault.remaining <= 0) faults.delete(vendor);
      return { mode: fault.mode, retryAfterSeconds: fault.retryAfterSeconds };
    },
  };
}
