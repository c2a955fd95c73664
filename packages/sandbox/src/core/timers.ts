/**
 * Every delayed task of the sandbox (receipts, webhook retries, held requests), so close() can
 * cancel them all. Timers are unref'd: the sandbox never keeps a process alive on its own.
 */
export type Timers = {
  after(ms: number, task: () => void): void;
  /** A promise that resolves after `ms`, or as soon as the sandbox closes. */
  hold(ms: number): Promise<void>;
  clear(): void;
};

export function createTimers(): Timers {
  const pending = new Map<NodeJS.Timeout, () => void>();
  let closed = false;
  const schedule = (ms: number, task: () => void, onClear: () => void) => {
    if (closed) return onClear();
    const handle = setTimeout(() => {
      pending.delete(handle);
      task();
    }, ms);
    handle.unref();
    pending.set(handle, onClear);
  };
  return {
    after(ms, task) {
      schedule(ms, task, () => {});
    },
    hold(ms) {
      return new Promise((resolve) => schedule(ms, resolve, resolve));
    },
    clear() {
      closed = true;
      for (const [handle, onClear] of pending) {
        clearTimeout(handle);
        onClear();
      }
      pending.clear();
    },
  };
}
