import type { Permission } from '@replyforce/contracts';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Button } from '../../components/button.tsx';
import { FullPageStatus } from '../../components/full-page-status.tsx';
import { homePath } from '../../components/nav-items.ts';
import { NoAccess } from '../../components/no-access.tsx';
import { restoreSession } from '../../lib/api.ts';
import { useSessionState } from './use-session.ts';

export interface FromState {
  from?: { pathname: string; search: string };
}

/** Renders children only when signed in; otherwise sends the visitor to /login and back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const state = useSessionState();
  const location = useLocation();
  if (state.status === 'loading') return <FullPageStatus busy title="Restoring your session…" />;
  if (state.status === 'unavailable') {
    return (
      <FullPageStatus title="ReplyForce is not reachable right now.">
        <p className="text-sm text-slate-600 dark:text-slate-400">{state.message}</p>
        <Button variant="secondary" onClick={() => void restoreSession()}>
          Try again
        </Button>
      </FullPageStatus>
    );
  }
  if (state.status === 'anonymous') {
    const from =
      state.reason === 'signed-out' ? undefined : { pathname: location.pathname, search: location.search };
    return <Navigate to="/login" replace state={{ from } satisfies FromState} />;
  }
  return children;
}

/** For /login and /register: a signed-in visitor goes straight to where they were heading. */
export function PublicOnly({ children }: { children: ReactNode }) {
  const state = useSessionState();
  const location = useLocation();
  if (state.status === 'loading') return <FullPageStatus busy title="Loading…" />;
  if (state.status === 'authenticated') {
    const from = (location.state as FromState | null)?.from;
    const target = from ? `${from.pathname}${from.search}` : homePath(state.session.permissions);
    return <Navigate to={target} replace />;
  }
  return children;
}

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const state = useSessionState();
  if (state.status !== 'authenticated') return null;
  return state.session.permissions.includes(permission) ? children : <NoAccess />;
}

export function HomeRedirect() {
  const state = useSessionState();
  if (state.status !== 'authenticated') return null;
  return <Navigate to={homePath(state.session.permissions)} replace />;
}
