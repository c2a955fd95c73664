import { QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, lazy, type ReactNode, StrictMode, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AppShell } from './components/app-shell.tsx';
import { FullPageStatus } from './components/full-page-status.tsx';
import { NotFoundPage } from './components/not-found-page.tsx';
import { HomeRedirect, PublicOnly, RequireAuth, RequirePermission } from './features/auth/route-guards.tsx';
import { useSessionState } from './features/auth/use-session.ts';
import { queryClient } from './lib/query-client.ts';

/** React.lazy for a named export, so every page is its own chunk and the entry stays small. */
function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return lazy(async () => ({ default: pick(await load()) }));
}

const LoginPage = lazyPage(
  () => import('./features/auth/login-page.tsx'),
  (m) => m.LoginPage,
);
const RegisterPage = lazyPage(
  () => import('./features/auth/register-page.tsx'),
  (m) => m.RegisterPage,
);
const AcceptInvitePage = lazyPage(
  () => import('./features/auth/accept-invite-page.tsx'),
  (m) => m.AcceptInvitePage,
);
const TeamPage = lazyPage(
  () => import('./features/team/team-page.tsx'),
  (m) => m.TeamPage,
);
const AuditLogPage = lazyPage(
  () => import('./features/audit/audit-log-page.tsx'),
  (m) => m.AuditLogPage,
);
const OutboxPage = lazyPage(
  () => import('./features/outbox/outbox-page.tsx'),
  (m) => m.OutboxPage,
);
const InboxPage = lazyPage(
  () => import('./features/inbox/inbox-page.tsx'),
  (m) => m.InboxPage,
);
const ChannelsPage = lazyPage(
  () => import('./features/channels/channels-page.tsx'),
  (m) => m.ChannelsPage,
);
const ConnectCallbackPage = lazyPage(
  () => import('./features/channels/connect-callback-page.tsx'),
  (m) => m.ConnectCallbackPage,
);
const SimulatorPage = lazyPage(
  () => import('./features/simulator/simulator-page.tsx'),
  (m) => m.SimulatorPage,
);
const AccountPage = lazyPage(
  () => import('./features/account/account-page.tsx'),
  (m) => m.AccountPage,
);
const LeadsPage = lazyPage(
  () => import('./features/leads/leads-page.tsx'),
  (m) => m.LeadsPage,
);
const LeadDetailPage = lazyPage(
  () => import('./features/leads/lead-detail-page.tsx'),
  (m) => m.LeadDetailPage,
);
const SettingsPage = lazyPage(
  () => import('./features/settings/settings-page.tsx'),
  (m) => m.SettingsPage,
);
const AnalyticsPage = lazyPage(
  () => import('./features/analytics/analytics-page.tsx'),
  (m) => m.AnalyticsPage,
);
const CrmSettingsPage = lazyPage(
  () => import('./features/crm/crm-settings-page.tsx'),
  (m) => m.CrmSettingsPage,
);
const CrmCallbackPage = lazyPage(
  () => import('./features/crm/crm-callback-page.tsx'),
  (m) => m.CrmCallbackPage,
);

function PageFallback() {
  return <FullPageStatus busy title="Loading…" />;
}

function Standalone({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageFallback />}>{children}</Suspense>;
}

/** Unknown addresses: inside the app frame when signed in, on a bare page otherwise. */
function NotFoundRoute() {
  const state = useSessionState();
  if (state.status === 'loading') return <PageFallback />;
  if (state.status === 'authenticated') {
    return (
      <AppShell>
        <NotFoundPage />
      </AppShell>
    );
  }
  return (
    <main id="main" className="px-4">
      <NotFoundPage />
    </main>
  );
}

export function App() {
  return (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Routes>
            <Route
              path="/login"
              element={
                <PublicOnly>
                  <Standalone>
                    <LoginPage />
                  </Standalone>
                </PublicOnly>
              }
            />
            <Route
              path="/register"
              element={
                <PublicOnly>
                  <Standalone>
                    <RegisterPage />
                  </Standalone>
                </PublicOnly>
              }
            />
            <Route
              path="/accept-invite"
              element={
                <Standalone>
                  <AcceptInvitePage />
                </Standalone>
              }
            />
            <Route
              element={
                <RequireAuth>
                  <AppShell />
                </RequireAuth>
              }
            >
              <Route index element={<HomeRedirect />} />
              <Route
                path="inbox/:conversationId?"
                element={
                  <RequirePermission permission="read:conversations">
                    <InboxPage />
                  </RequirePermission>
                }
              />
              <Route
                path="channels"
                element={
                  <RequirePermission permission="read:conversations">
                    <ChannelsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="channels/callback/:platform"
                element={
                  <RequirePermission permission="manage:channels">
                    <ConnectCallbackPage />
                  </RequirePermission>
                }
              />
              <Route path="simulator" element={<SimulatorPage />} />
              <Route
                path="team"
                element={
                  <RequirePermission permission="read:team">
                    <TeamPage />
                  </RequirePermission>
                }
              />
              <Route
                path="audit-log"
                element={
                  <RequirePermission permission="read:audit_logs">
                    <AuditLogPage />
                  </RequirePermission>
                }
              />
              <Route
                path="outbox"
                element={
                  <RequirePermission permission="read:outbox">
                    <OutboxPage />
                  </RequirePermission>
                }
              />
              <Route
                path="leads"
                element={
                  <RequirePermission permission="read:leads">
                    <LeadsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="leads/:leadId"
                element={
                  <RequirePermission permission="read:leads">
                    <LeadDetailPage />
                  </RequirePermission>
                }
              />
              <Route
                path="settings/:section?"
                element={
                  <RequirePermission permission="read:conversations">
                    <SettingsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="analytics"
                element={
                  <RequirePermission permission="read:analytics">
                    <AnalyticsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="settings/crm"
                element={
                  <RequirePermission permission="read:dashboard">
                    <CrmSettingsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="crm/callback/:vendor"
                element={
                  <RequirePermission permission="manage:crm">
                    <CrmCallbackPage />
                  </RequirePermission>
                }
              />
              <Route path="account" element={<AccountPage />} />
            </Route>
            <Route path="*" element={<NotFoundRoute />} />
          </Routes>
        </BrowserRouter>
      </QueryClientProvider>
    </StrictMode>
  );
}
