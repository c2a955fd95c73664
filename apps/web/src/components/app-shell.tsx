import { type ReactNode, Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { useSession, useTenantKey } from '../features/auth/use-session.ts';
import { useLogout } from '../features/auth/use-session-actions.ts';
import { errorMessage } from '../lib/api-error.ts';
import { useRealtimeSync } from '../lib/realtime.ts';
import { BrandMark } from './brand.tsx';
import { Button, focusRing } from './button.tsx';
import { MainNav } from './main-nav.tsx';
import { RoleBadge } from './role-badge.tsx';
import { LoadingState } from './states.tsx';
import { TenantSwitcher } from './tenant-switcher.tsx';
import { ThemeToggle } from './theme-toggle.tsx';

function UserSummary() {
  const { user, role } = useSession();
  const logout = useLogout();
  return (
    <div className="flex items-center gap-2 sm:gap-3">
      <div className="flex min-w-0 items-center gap-2 text-sm">
        <span
          className="max-w-[9rem] truncate font-medium text-slate-800 sm:max-w-[14rem] dark:text-slate-100"
          title={user.email}
        >
          {user.name}
        </span>
        <RoleBadge role={role} />
      </div>
      <ThemeToggle />
      <Button variant="secondary" size="sm" loading={logout.isPending} onClick={() => logout.mutate()}>
        Log out
      </Button>
      {logout.error && (
        <p role="alert" className="basis-full text-xs text-red-700 dark:text-red-400">
          {errorMessage(logout.error)}
        </p>
      )}
    </div>
  );
}

/** The frame around every signed-in page: header, main navigation and the page itself. */
export function AppShell({ children }: { children?: ReactNode }) {
  // One live connection for the whole signed-in app; pages just read their queries.
  useRealtimeSync(useTenantKey());
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-indigo-600 px-3 py-2 text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-2.5 sm:px-6">
          <div className="flex min-w-0 items-center gap-3">
            <Link to="/" className={`rounded-md ${focusRing}`} aria-label="ReplyForce home">
              <BrandMark />
            </Link>
            <span aria-hidden="true" className="text-slate-300 dark:text-slate-600">
              /
            </span>
            <TenantSwitcher />
          </div>
          <UserSummary />
        </div>
      </header>
      <div className="flex flex-1 flex-col lg:flex-row">
        <MainNav />
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 outline-none sm:px-6 lg:px-8">
          <div className="mx-auto max-w-6xl">
            <Suspense fallback={<LoadingState label="Loading page…" />}>{children ?? <Outlet />}</Suspense>
          </div>
        </main>
      </div>
    </div>
  );
}
