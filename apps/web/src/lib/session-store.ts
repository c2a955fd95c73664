import type { SessionDto } from '@replyforce/contracts';

// The session, including the access token, lives only in this module's memory: a reload loses it
// and the httpOnly refresh cookie brings it back (see api.ts `restoreSession`).

export type SessionState =
  | { status: 'loading' }
  | { status: 'unavailable'; message: string }
  | { status: 'anonymous'; reason: 'signed-out' | 'expired' | null }
  | { status: 'authenticated'; session: SessionDto };

let state: SessionState = { status: 'loading' };
const listeners = new Set<() => void>();

function emit(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function getSessionState(): SessionState {
  return state;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getAccessToken(): string | null {
  return state.status === 'authenticated' ? state.session.accessToken : null;
}

export function setSessionState(next: SessionState): void {
  emit(next);
}
