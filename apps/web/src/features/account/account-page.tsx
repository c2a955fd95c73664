import { Alert } from '../../components/alert.tsx';
import { Badge } from '../../components/badge.tsx';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RoleBadge } from '../../components/role-badge.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useCan, useSession } from '../auth/use-session.ts';
import { useSwitchTenant } from '../auth/use-session-actions.ts';
import { MfaSection } from './mfa-section.tsx';
import { SecurityPolicyCard } from './security-policy-card.tsx';

export function AccountPage() {
  const session = useSession();
  const switchTenant = useSwitchTenant();
  const canManageTeam = useCan('manage:team');

  return (
    <>
      <PageHeader title="Account" description="Your profile and the workspaces you belong to." />
      <div className="space-y-6">
        <Card title="Profile">
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[8rem_1fr]">
            <dt className="text-slate-600 dark:text-slate-400">Name</dt>
            <dd className="font-medium text-slate-900 dark:text-white">{session.user.name}</dd>
            <dt className="text-slate-600 dark:text-slate-400">Email</dt>
            <dd className="break-all font-medium text-slate-900 dark:text-white">{session.user.email}</dd>
            <dt className="text-slate-600 dark:text-slate-400">Role here</dt>
            <dd>
              <RoleBadge role={session.role} />
            </dd>
          </dl>
        </Card>
        <MfaSection />
        {canManageTeam && <SecurityPolicyCard />}
        <Card title="Your workspaces" description="Switching changes what you see and what you can do.">
          {switchTenant.error && (
            <Alert tone="error" className="mb-3">
              {errorMessage(switchTenant.error)}
            </Alert>
          )}
          <ul className="divide-y divide-slate-200 dark:divide-slate-800" aria-label="Your workspaces">
            {session.memberships.map(({ tenant, role }) => {
              const current = tenant.id === session.tenant.id;
              const switching = switchTenant.isPending && switchTenant.variables === tenant.id;
              return (
                <li key={tenant.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div className="min-w-0">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium text-slate-900 dark:text-white">{tenant.name}</span>
                      <RoleBadge role={role} />
                      {current && <Badge tone="indigo">Current</Badge>}
                    </div>
                    <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
                      {tenant.slug} · {tenant.plan} plan
                    </p>
                  </div>
                  {!current && (
                    <Button
                      variant="secondary"
                      size="sm"
                      loading={switching}
                      disabled={switchTenant.isPending}
                      aria-label={`Switch to ${tenant.name}`}
                      onClick={() => switchTenant.mutate(tenant.id)}
                    >
                      Switch
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        </Card>
      </div>
    </>
  );
}
