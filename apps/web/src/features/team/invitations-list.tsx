import type { InvitationDto } from '@replyforce/contracts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { RoleBadge } from '../../components/role-badge.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.tsx';
import { errorMessage } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useInvitations, useRevokeInvitation } from './team-api.ts';

function InvitationRow({ invitation }: { invitation: InvitationDto }) {
  const revoke = useRevokeInvitation();
  return (
    <li className="flex flex-wrap items-start justify-between gap-3 py-3">
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-2">
          <span className="break-all font-medium text-slate-900 dark:text-white">{invitation.email}</span>
          <RoleBadge role={invitation.role} />
        </div>
        <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
          Invited by {invitation.invitedBy} · expires{' '}
          <time dateTime={invitation.expiresAt}>{formatDateTime(invitation.expiresAt)}</time>
        </p>
        {revoke.error && (
          <Alert tone="error" className="mt-2">
            {errorMessage(revoke.error)}
          </Alert>
        )}
      </div>
      <Button
        variant="secondary"
        size="sm"
        loading={revoke.isPending}
        aria-label={`Revoke invitation for ${invitation.email}`}
        onClick={() => revoke.mutate(invitation.id)}
      >
        Revoke
      </Button>
    </li>
  );
}

export function InvitationsList() {
  const invitations = useInvitations();
  return (
    <Card title="Pending invitations" description="Invitations that have not been accepted yet.">
      {invitations.isPending ? (
        <LoadingState label="Loading invitations…" className="py-2" />
      ) : !invitations.data ? (
        <ErrorState
          error={invitations.error}
          title="Could not load invitations"
          onRetry={() => void invitations.refetch()}
        />
      ) : invitations.data.length === 0 ? (
        <EmptyState title="No pending invitations">
          Invite a teammate above and it will show here until they join.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800" aria-label="Pending invitations">
          {invitations.data.map((invitation) => (
            <InvitationRow key={invitation.id} invitation={invitation} />
          ))}
        </ul>
      )}
    </Card>
  );
}
