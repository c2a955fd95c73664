import type { Platform } from '../types.ts';

export type FaultMode = 'none' | 'error_5xx' | 'timeout' | 'rate_limit';
type Fault = { mode: Exclude<FaultMode, 'none'>; remaining: number };

/** Injected failures: the next `count` API calls of a platform fail that way (all of them when no count). */
export type Faults = {
  set(platform: Platform, mode: FaultMode, count?: number): { mode: FaultMode; remaining: number | null };
  /** Consumes one call: the fault it must suffer, if any. */
  take(platform: Platform): Fault['mode'] | undefined;
};

export function createFaults(): Faults {
  const faults = new Map<Platform, Fault>();
  return {
    set(platform, mode, count) {
      if (mode === 'none' || count === 0) {
        faults.delete(platform);
        return { mode: 'none', remaining: 0 };
      }
      faults.set(platform, { mode, remaining: count ?? Number.POSITIVE_INFINITY });
      return { mode, remaining: count ?? null };
    },
    take(platform) {
      const fault = faults.get(platform);
      if (!fault) return undefined;
      fault.remaining -= 1;
      if (fault.remaining <= 0) faults.delete(platform);
      return fault.mode;
    },
  };
}
