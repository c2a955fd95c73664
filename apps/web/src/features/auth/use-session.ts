import type { Permission, SessionDto } from '@replyforce/contracts';
import { useSyncExternalStore } from 'react';
import { getSessionState, type SessionState, subscribeSession } from '../../lib/session-store.ts';

export function useSessionState(): SessionState {
  return useSyncExternalStore(subscribeSession, getSessionState);
}

/** The signed-in session. Only for components rendered inside <RequireAuth>. */
export function useSession(): SessionDto {
  const state = useSessionState();
  if (state.status !== 'authenticated') throw new Error('useSession() used outside the signed-in area');
  return state.session;
}

export function useCan(permission: Permission): boolean {
  return useSession().permissions.includes(permission);
}

/** Query keys start with the tenant so a workspace switch can never show another workspace's data. */
export function useTenantKey(): readonly ['tenant', string] {
  return ['tenant', useSession().tenant.id];
}
