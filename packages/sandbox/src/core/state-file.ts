import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { PersistedState, Store } from './store.ts';

/**
 * Keeps the store in a JSON file: loaded once at start, written at most once per interval after a
 * change (a benchmark's thousand sends a second must not mean a thousand writes), and through a
 * temporary file so a crash mid-write never leaves half a file.
 */
export type StateFile = { flush(): Promise<void>; close(): Promise<void> };

export function loadStateFile(path: string): PersistedState | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as PersistedState;
    return parsed.version === 1 ? parsed : undefined;
  } catch {
    // A damaged file is replaced by the next write rather than stopping the demo.
    return undefined;
  }
}

export function attachStateFile(store: Store, path: string, intervalMs: number): StateFile {
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> | undefined;
  let dirty = false;

  const write = async () => {
    dirty = false;
    const tmp = `${path}.${process.pid}.tmp`;
    await mkdir(dirname(path), { recursive: true });
    await writeFile(tmp, JSON.stringify(store.snapshot()));
    await rename(tmp, path);
  };

  const flush = async (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    while (writing) await writing;
    if (!dirty) return;
    writing = write().finally(() => {
      writing = undefined;
    });
    await writing;
  };

  store.onChange = () => {
    dirty = true;
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      flush().catch(() => {
        dirty = true;
      });
    }, intervalMs);
    timer.unref();
  };

  return { flush, close: flush };
}
