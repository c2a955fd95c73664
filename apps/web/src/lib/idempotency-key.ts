import { useRef } from 'react';

/** 128 random bits as hex. crypto.randomUUID needs a secure context; getRandomValues does not. */
export function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * One key per thing being sent: retrying after an error (the request may have reached the server)
 * reuses it so the server sends once; `rotate()` after success starts the next one.
 */
export function useIdempotencyKey(): { current: () => string; rotate: () => void } {
  const key = useRef<string | null>(null);
  return {
    current: () => {
      key.current ??= randomKey();
      return key.current;
    },
    rotate: () => {
      key.current = null;
    },
  };
}
