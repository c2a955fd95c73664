import type { ConversationDto } from '@replyforce/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { Alert } from '../../components/alert.tsx';
import { Button, focusRing } from '../../components/button.tsx';
import { errorMessage } from '../../lib/api.ts';
import { cn } from '../../lib/cn.ts';
import { useSession } from '../auth/use-session.ts';
import { type StatusInput, useAssign, useSetStatus } from './inbox-api.ts';

function at(hour: number, daysAhead: number, from = new Date()): Date {
  const date = new Date(from);
  date.setDate(date.getDate() + daysAhead);
  date.setHours(hour, 0, 0, 0);
  return date;
}

function snoozeChoices(now = new Date()): Array<{ label: string; until: Date }> {
  const toMonday = (8 - now.getDay()) % 7 || 7;
  return [
    { label: 'For 1 hour', until: new Date(now.getTime() + 3_600_000) },
    { label: 'For 4 hours', until: new Date(now.getTime() + 4 * 3_600_000) },
    { label: 'Until tomorrow, 9:00', until: at(9, 1, now) },
    { label: 'Until next Monday, 9:00', until: at(9, toMonday, now) },
  ];
}

/** A disclosure with the snooze durations; Escape or a click elsewhere closes it. */
function SnoozeButton({ disabled, onSnooze }: { disabled: boolean; onSnooze: (until: Date) => void }) {
  const [open, setOpen] = useState(false);
  const boxRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!boxRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div ref={boxRef} className="relative">
      <Button
        ref={buttonRef}
        variant="secondary"
        size="sm"
        disabled={disabled}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        Snooze
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
          <path d="M5.2 7.5a.75.75 0 0 1 1.06 0L10 11.2l3.74-3.7a.75.75 0 1 1 1.06 1.06l-4.27 4.24a.75.75 0 0 1-1.06 0L5.2 8.56a.75.75 0 0 1 0-1.06z" />
        </svg>
      </Button>
      {open && (
        <ul
          id={panelId}
          aria-label="Snooze"
          className="absolute left-0 z-20 mt-1 w-56 rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {snoozeChoices().map((choice) => (
            <li key={choice.label}>
              <button
                type="button"
                className={cn(
                  'block w-full rounded px-3 py-2 text-left text-sm text-slate-800 hover:bg-slate-100 dark:text-slate-100 dark:hover:bg-slate-800',
                  focusRing,
                )}
                onClick={() => {
                  setOpen(false);
                  onSnooze(choice.until);
                }}
              >
                {choice.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Take over or let go, close or reopen, hand back to the AI, snooze. Only for write:conversations. */
export function ConversationActions({ conversation }: { conversation: ConversationDto }) {
  const { user } = useSession();
  const assign = useAssign(conversation.id);
  const setStatus = useSetStatus(conversation.id);
  const busy = assign.isPending || setStatus.isPending;
  const pendingStatus = setStatus.isPending ? setStatus.variables.status : null;
  const change = (body: StatusInput) => {
    assign.reset();
    setStatus.mutate(body);
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
            loading={assign.isPending && assign.variables !== null}
            disabled={busy}
            onClick={() => {
              setStatus.reset();
              assign.mutate(user.id);
            }}
          >
            Assign to me
          </Button>
        )}
        {conversation.assigneeId && (
          <Button
            variant="secondary"
            size="sm"
            loading={assign.isPending && assign.variables === null}
            disabled={busy}
            onClick={() => {
              setStatus.reset();
              assign.mutate(null);
            }}
          >
            Unassign
          </Button>
        )}
        {(status === 'needs_human' || status === 'pending_approval') && (
          <Button
            variant="secondary"
            size="sm"
            loading={pendingStatus === 'open'}
            disabled={busy}
            onClick={() => change({ status: 'open' })}
          >
            Hand back to AI
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
