import type { MessageDto } from '@replyforce/contracts';
import { type FormEvent, useState } from 'react';
import { Alert } from '../../components/alert.tsx';
import { Badge } from '../../components/badge.tsx';
import { Button } from '../../components/button.tsx';
import { TextAreaField } from '../../components/field.tsx';
import { errorMessage } from '../../lib/api.ts';
import { formatDateTime, formatMessageTime } from '../../lib/format.ts';
import { useApproveDraft, useRejectDraft } from './inbox-api.ts';

const MAX_LENGTH = 2000;

type Outcome = { kind: 'approved'; edited: boolean } | { kind: 'rejected' };

function DraftCard({
  conversationId,
  draft,
  reason,
  canWrite,
  sendable,
  now,
  onDone,
}: {
  conversationId: string;
  draft: MessageDto;
  reason: string | null;
  canWrite: boolean;
  /** Free text may still go out (the platform's 24-hour window allows it). */
  sendable: boolean;
  now: number;
  onDone: (outcome: Outcome) => void;
}) {
  const [text, setText] = useState(draft.text);
  const [error, setError] = useState<string | undefined>();
  const approve = useApproveDraft(conversationId);
  const reject = useRejectDraft(conversationId);
  const busy = approve.isPending || reject.isPending;
  const edited = text.trim() !== draft.text.trim();
  const failure = approve.error ?? reject.error;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) {
      setError('Write the reply, or reject the draft.');
      return;
    }
    setError(undefined);
    reject.reset();
    // mutateAsync: the card unmounts as soon as the draft is no longer one; the parent still hears.
    approve
      .mutateAsync({ messageId: draft.id, ...(edited ? { text: trimmed } : {}) })
      .then(() => onDone({ kind: 'approved', edited }))
      .catch(() => undefined); // shown through approve.error
  }

  const heading = (
    <div className="flex flex-wrap items-center gap-2">
      <h3 className="text-sm font-semibold text-slate-900 dark:text-white">AI draft awaiting approval</h3>
      <Badge tone="amber">Not sent</Badge>
      <span className="text-xs text-slate-600 dark:text-slate-400">
        drafted{' '}
        <time dateTime={draft.createdAt} title={formatDateTime(draft.createdAt)}>
          {formatMessageTime(draft.createdAt, now)}
        </time>
        {reason && <> · held because: {reason}</>}
      </span>
    </div>
  );

  if (!canWrite) {
    return (
      <div className="space-y-2">
        {heading}
        <p className="rounded-md border border-dashed border-amber-300 bg-amber-50/60 px-3 py-2 text-sm whitespace-pre-wrap text-slate-900 dark:border-amber-700 dark:bg-amber-950/30 dark:text-slate-100">
          {draft.text}
        </p>
        <p className="text-xs text-slate-600 dark:text-slate-400">An agent approves, edits or rejects it.</p>
      </div>
    );
  }

  return (
    <form noValidate onSubmit={submit} aria-label="Review the AI draft" className="space-y-2">
      {heading}
      <TextAreaField
        label="Draft reply (edit before approving if needed)"
        value={text}
        onChange={(value) => {
          setText(value);
          if (error) setError(undefined);
        }}
        error={error}
        hint={
          edited
            ? 'Your edited version is sent; the AI’s original stays in the message history.'
            : 'Approve sends it as written. Reject sends nothing and moves the conversation to Escalated.'
        }
        rows={3}
        maxLength={MAX_LENGTH}
        disabled={busy}
      />
      {!sendable && (
        <Alert tone="warning">
          The 24-hour window has closed, so this draft can no longer be sent as text. Reject it, then answer
          with an approved template below.
        </Alert>
      )}
      {failure && (
        <Alert tone="error" title="That did not work">
          {errorMessage(failure)}
        </Alert>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" loading={approve.isPending} disabled={busy || !sendable}>
          {edited ? 'Approve edited reply' : 'Approve and send'}
        </Button>
        {edited && (
          <Button variant="ghost" disabled={busy} onClick={() => setText(draft.text)}>
            Undo edits
          </Button>
        )}
        <Button
          variant="danger-ghost"
          loading={reject.isPending}
          disabled={busy}
          onClick={() => {
            approve.reset();
            reject
              .mutateAsync(draft.id)
              .then(() => onDone({ kind: 'rejected' }))
              .catch(() => undefined); // shown through reject.error
          }}
        >
          Reject draft
        </Button>
      </div>
    </form>
  );
}

/**
 * The approval queue inside a conversation: each AI draft the auto-reply rules held back, to
 * approve as written, edit then approve (the API takes the edited text), or reject.
 */
export function DraftReview({
  conversationId,
  drafts,
  reasonFor,
  canWrite,
  sendable,
  now,
}: {
  conversationId: string;
  drafts: MessageDto[];
  reasonFor: (draftId: string) => string | null;
  canWrite: boolean;
  sendable: boolean;
  now: number;
}) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  if (drafts.length === 0 && !outcome) return null;
  return (
    <section
      aria-label="Approval"
      className="space-y-3 border-t border-amber-200 bg-amber-50/40 px-4 py-3 dark:border-amber-900/60 dark:bg-amber-950/20"
    >
      {outcome && drafts.length === 0 && (
        <Alert tone={outcome.kind === 'approved' ? 'success' : 'info'}>
          {outcome.kind === 'approved'
            ? `${outcome.edited ? 'Your edited reply was approved' : 'The draft was approved'} and is on its way to the customer.`
            : 'The draft was rejected and nothing was sent. The conversation is now in Escalated: answer it below.'}
        </Alert>
      )}
      {drafts.map((draft) => (
        <DraftCard
          key={draft.id}
          conversationId={conversationId}
          draft={draft}
          reason={reasonFor(draft.id)}
          canWrite={canWrite}
          sendable={sendable}
          now={now}
          onDone={setOutcome}
        />
      ))}
    </section>
  );
}
