import type { ConversationDto } from '@replyforce/contracts';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { ChoiceGroup } from '../../components/choice-group.tsx';
import { TextAreaField } from '../../components/field.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useIdempotencyKey } from '../../lib/idempotency-key.ts';
import { PLATFORM_INFO } from '../../lib/platforms.ts';
import { useSendReply } from './inbox-api.ts';
import type { ReplyWindow } from './reply-window.ts';
import { TemplateComposer } from './template-composer.tsx';

const MAX_LENGTH = 2000;

type CommentMode = 'public' | 'private';

/** The agent's reply box: free text, a public/private choice on comments, templates when required. */
/** Text put into the reply box from outside (the AI's suggestion); a new nonce puts it again. */
export interface ComposerPrefill {
  text: string;
  nonce: number;
}

/** Whether the reply box takes free text now (not only templates, not closed). */
export function acceptsText(replyWindow: ReplyWindow): boolean {
  return replyWindow.kind !== 'templates' && replyWindow.kind !== 'expired';
}

export function ReplyComposer({
  conversation,
  replyWindow,
  customerName,
  prefill = null,
}: {
  conversation: ConversationDto;
  replyWindow: ReplyWindow;
  customerName: string;
  prefill?: ComposerPrefill | null;
}) {
  if (replyWindow.kind === 'templates') return <TemplateComposer conversation={conversation} />;
  if (replyWindow.kind === 'expired') return null;
  return <TextComposer conversation={conversation} customerName={customerName} prefill={prefill} />;
}

function TextComposer({
  conversation,
  customerName,
  prefill,
}: {
  conversation: ConversationDto;
  customerName: string;
  prefill: ComposerPrefill | null;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const boxRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [mode, setMode] = useState<CommentMode>('public');
  const send = useSendReply(conversation.id);
  const key = useIdempotencyKey();
  // Facebook and Instagram let a business answer a comment under it or privately by DM.
  const canChooseMode =
    conversation.kind === 'comments' && PLATFORM_INFO[conversation.platform].comments === 'comment';

  // "Use this reply": the suggestion replaces what is in the box, ready to edit and send.
  const nonce = prefill?.nonce;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per prefill (its nonce)
  useEffect(() => {
    if (nonce === undefined || !prefill) return;
    setText(prefill.text.slice(0, MAX_LENGTH));
    key.rotate();
    setError(undefined);
    boxRef.current?.focus();
  }, [nonce]);

  function submit(event?: FormEvent<HTMLFormElement>) {
    event?.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) {
      setError('Write a reply first.');
      return;
    }
    setError(undefined);
    send.mutate(
      {
        text: trimmed,
        mode: canChooseMode ? mode : conversation.kind === 'comments' ? 'public' : 'auto',
        idempotencyKey: key.current(),
      },
      {
        onSuccess: () => {
          key.rotate();
          setText('');
        },
      },
    );
  }

  const hint =
    canChooseMode && mode === 'private'
      ? `Sent to ${customerName} as a direct message. Platforms allow one private reply per comment, within 7 days.`
      : canChooseMode
        ? 'Posted under the comment, visible to everyone. Enter sends, Shift+Enter adds a line.'
        : 'Enter sends, Shift+Enter adds a line.';

  return (
    <form ref={formRef} noValidate onSubmit={submit} aria-label="Reply" className="space-y-3">
      {canChooseMode && (
        <ChoiceGroup<CommentMode>
          legend="Reply"
          hideLegend
          value={mode}
          onChange={(next) => {
            setMode(next);
            key.rotate();
          }}
          choices={[
            { value: 'public', label: 'Public reply' },
            { value: 'private', label: 'Private reply' },
          ]}
        />
      )}
      <TextAreaField
        ref={boxRef}
        label={`Reply to ${customerName}`}
        hideLabel
        placeholder={canChooseMode && mode === 'public' ? 'Write a public reply…' : 'Write a reply…'}
        value={text}
        onChange={(value) => {
          setText(value);
          key.rotate();
          if (error) setError(undefined);
        }}
        error={error}
        hint={hint}
        rows={3}
        maxLength={MAX_LENGTH}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            formRef.current?.requestSubmit();
          }
        }}
      />
      {send.error && (
        <Alert tone="error" title="Could not send the reply">
          {errorMessage(send.error)}
        </Alert>
      )}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="text-xs text-slate-500 dark:text-slate-400" aria-live="polite">
          {text.length > MAX_LENGTH - 200 ? `${MAX_LENGTH - text.length} characters left` : ''}
        </span>
        <Button type="submit" loading={send.isPending}>
          {canChooseMode && mode === 'private' ? 'Send privately' : 'Send reply'}
        </Button>
      </div>
    </form>
  );
}
