import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.tsx';
import { useCan, useSession } from '../auth/use-session.ts';
import { InvitationsList } from './invitations-list.tsx';
import { InviteForm } from './invite-form.tsx';
import { MembersTable } from './members-table.tsx';
import { useMembers } from './team-api.ts';

export function TeamPage() {
  const { tenant } = useSession();
  const manage = useCan('manage:team');
  const members = useMembers();

  return (
    <>
      <PageHeader
        title="Team"
        description={
          manage
            ? `Who has access to ${tenant.name}, and with which role.`
            : `Who has access to ${tenant.name}. Only admins can change the team.`
        }
      />
      <div className="space-y-6">
        {manage && <InviteForm />}
        <section aria-labelledby="members-heading" className="space-y-3">
          <h2 id="members-heading" className="text-base font-semibold text-slate-900 dark:text-white">
            Members{members.data ? ` (${members.data.length})` : ''}
          </h2>
          {members.isPending ? (
            <LoadingState label="Loading members…" />
          ) : !members.data ? (
            <ErrorState
              error={members.error}
              title="Could not load the team"
              onRetry={() => void members.refetch()}
            />
          ) : members.data.length === 0 ? (
            <EmptyState title="No members yet" />
          ) : (
            <MembersTable members={members.data} manage={manage} />
          )}
        </section>
        {manage && <InvitationsList />}
      </div>
    </>
  );
}
