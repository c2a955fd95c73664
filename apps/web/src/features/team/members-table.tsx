import type { MemberDto, Role } from '@replyforce/contracts';
import { useState } from 'react';
import { Badge } from '../../components/badge.tsx';
import { Button } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { InlineSelect } from '../../components/field.tsx';
import { RoleBadge } from '../../components/role-badge.tsx';
import { TableFrame } from '../../components/table-frame.tsx';
import { errorMessage } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useSession } from '../auth/use-session.ts';
import { ROLE_OPTIONS } from './role-options.ts';
import { useChangeRole, useRemoveMember } from './team-api.ts';

const th =
  'px-3 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400';
const td = 'px-3 py-3 align-top text-sm';

function RoleControl({ member }: { member: MemberDto }) {
  const changeRole = useChangeRole();
  const errorId = `role-error-${member.userId}`;
  return (
    <div className="space-y-1">
      <InlineSelect
        aria-label={`Role of ${member.name}`}
        value={changeRole.isPending ? changeRole.variables.role : member.role}
        disabled={changeRole.isPending}
        aria-busy={changeRole.isPending || undefined}
        aria-describedby={changeRole.error ? errorId : undefined}
        onChange={(event) => changeRole.mutate({ userId: member.userId, role: event.target.value as Role })}
      >
        {ROLE_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </InlineSelect>
      {changeRole.error && (
        <p id={errorId} role="alert" className="max-w-xs text-xs font-medium text-red-700 dark:text-red-400">
          {errorMessage(changeRole.error)}
        </p>
      )}
    </div>
  );
}

function RemoveControl({ member, workspace }: { member: MemberDto; workspace: string }) {
  const [confirming, setConfirming] = useState(false);
  const remove = useRemoveMember();
  const close = () => {
    setConfirming(false);
    remove.reset();
  };
  return (
    <>
      <Button
        variant="danger-ghost"
        size="sm"
        aria-label={`Remove ${member.name}`}
        onClick={() => setConfirming(true)}
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="size-4 sm:hidden"
          fill="none"
          stroke="currentColor"
          strokeWidth={2}
        >
          <path
            d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        <span className="hidden sm:inline">Remove</span>
      </Button>
      <ConfirmDialog
        open={confirming}
        title={`Remove ${member.name}?`}
        confirmLabel="Remove member"
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : null}
        onCancel={close}
        onConfirm={() => remove.mutate(member.userId, { onSuccess: () => setConfirming(false) })}
      >
        <p>
          {member.name} ({member.email}) will lose access to {workspace} right away. They can be invited again
          later.
        </p>
      </ConfirmDialog>
    </>
  );
}

export function MembersTable({ members, manage }: { members: MemberDto[]; manage: boolean }) {
  const session = useSession();
  return (
    <TableFrame label="Members">
      <table className="min-w-full divide-y divide-slate-200 dark:divide-slate-800">
        <caption className="sr-only">Members of {session.tenant.name}</caption>
        <thead className="bg-slate-50 dark:bg-slate-800/50">
          <tr>
            <th scope="col" className={th}>
              Name
            </th>
            <th scope="col" className={`${th} hidden md:table-cell`}>
              Email
            </th>
            <th scope="col" className={th}>
              Role
            </th>
            <th scope="col" className={`${th} hidden sm:table-cell`}>
              Joined
            </th>
            {manage && (
              <th scope="col" className={th}>
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {members.map((member) => {
            const isSelf = member.userId === session.user.id;
            return (
              <tr key={member.userId}>
                <td className={td}>
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium text-slate-900 dark:text-white">{member.name}</span>
                    {member.isOwner && <Badge tone="amber">Owner</Badge>}
                    {isSelf && <Badge>You</Badge>}
                  </div>
                  {/* On narrow screens the email column is hidden; show it under the name instead. */}
                  <div className="mt-0.5 break-all text-xs text-slate-600 md:hidden dark:text-slate-400">
                    {member.email}
                  </div>
                </td>
                <td className={`${td} hidden break-all text-slate-700 md:table-cell dark:text-slate-300`}>
                  {member.email}
                </td>
                <td className={td}>
                  {/* The owner's role and membership are fixed (the server refuses changes): no controls. */}
                  {manage && !member.isOwner ? (
                    <RoleControl member={member} />
                  ) : (
                    <RoleBadge role={member.role} />
                  )}
                </td>
                <td
                  className={`${td} hidden whitespace-nowrap text-slate-600 sm:table-cell dark:text-slate-400`}
                >
                  <time dateTime={member.joinedAt}>{formatDate(member.joinedAt)}</time>
                </td>
                {manage && (
                  <td className={`${td} text-right`}>
                    {!member.isOwner && <RemoveControl member={member} workspace={session.tenant.name} />}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableFrame>
  );
}
