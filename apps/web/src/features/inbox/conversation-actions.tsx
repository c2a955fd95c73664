import type { ConversationDto } from '@replyforce/contracts';
import { useId } from 'react';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { InlineSelect } from '../../components/field.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useSession } from '../auth/use-session.ts';
import { useMembers } from '../team/team-api.ts';
import { type StatusInput, useAssign, useSetStatus } from './inbox-api.ts';
import { SnoozeButton } from './snooze-button.tsx';

/** Give the conversation to a teammate who may answer it (the server refuses viewers too). */
function AssignSelect({
  conversation,
  disabled,
  onAssign,
}: {
  conversation: ConversationDto;
  disabled: boolean;
  onAssign: (userId: string) => void;
}) {
  const id = useId();
  const members = useMembers();
  const { user } = useSession();
  const teammates = (members.data ?? []).filter(
    (m) => m.role !== 'viewer' && m.userId !== user.id && m.userId !== conversation.assigneeId,
  );
  if (teammates.length === 0) return null;
  return (
    <div>
      <label htmlFor={id} className="sr-only">
        Assign to a teammate
      </label>
      <InlineSelect
        id={id}
        value=""
        disabled={disabled}
        onChange={(event) => {
          if (event.target.value) onAssign(event.target.value);
        }}
        className="py-1.5"
      >
        <option value="">Assign to…</option>
        {teammates.map((member) => (
          <option key={member.userId} value={member.userId}>
            {member.name} ({member.role})
          </option>
        ))}
      </InlineSelect>
    </div>
  );
}

/**
 * Take over or assign, let go, hand back to the AI, snooze, close or reopen. Only rendered for
 * roles with write:conversations.
 */
export function ConversationActions({ conversation }: { conversation: ConversationDto }) {
  const { user } = useSession();
  const assign = useAssign(conversation.id);
  const setStatus = useSetStatus(conversation.id);
  const busy = assign.isPending || setStatus.isPending;
  const pendingStatus = setStatus.isPending ? setStatus.variables.status : null;
  const assigningTo = assign.isPending ? assign.variables : undefined;
  const change = (body: StatusInput) => {
    assign.reset();
    setStatus.mutate(body);
  };
  const assignTo = (userId: string | null) => {
    setStatus.reset();
    assign.mutate(userId);
  };
  const mine = conversation.assigneeId === user.id;
  const { status } = conversation;
  const error = assign.error ?? setStatus.error;

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        {!mine && (
          <Button
            size="sm"
            loading={assigningTo === user.id}
            disabled={busy}
            onClick={() => assignTo(user.id)}
          >
            {status === 'needs_human' ? 'Take over' : 'Assign to me'}
          </Button>
        )}
        {conversation.assigneeId && (
          <Button
            variant="secondary"
            size="sm"
            loading={assigningTo === null}
            disabled={busy}
            onClick={() => assignTo(null)}
          >
            Unassign
          </Button>
        )}
        <AssignSelect conversation={conversation} disabled={busy} onAssign={assignTo} />
        {status === 'needs_human' && (
          <Button
            variant="secondary"
            size="sm"
            loading={pendingStatus === 'open'}
            disabled={busy}
            onClick={() => change({ status: 'open' })}
          >
            Hand back to the AI
          </Button>
        )}
        {status === 'snoozed' && (
          <Button
            variant="secondary"
            size="sm"
            loading={pendingStatus === 'open'}
            disabled={busy}
            onClick={() => change({ status: 'open' })}
          >
            Unsnooze
          </Button>
        )}
        {status === 'closed' ? (
          <Button
            variant="secondary"
            size="sm"
            loading={pendingStatus === 'open'}
            disabled={busy}
            onClick={() => change({ status: 'open' })}
          >
            Reopen
          </Button>
        ) : (
          <>
            {status !== 'snoozed' && (
              <SnoozeButton
                disabled={busy}
                onSnooze={(until) => change({ status: 'snoozed', snoozedUntil: until.toISOString() })}
              />
            )}
            <Button
              variant="secondary"
              size="sm"
              loading={pendingStatus === 'closed'}
              disabled={busy}
              onClick={() => change({ status: 'closed' })}
            >
              Close
            </Button>
          </>
        )}
      </div>
      {error && (
        <Alert tone="error" title="That did not work">
          {errorMessage(error)}
        </Alert>
      )}
    </div>
  );
}
