import type { PlatformId } from '@replyforce/contracts';
import { type FormEvent, useRef, useState } from 'react';
import { Alert } from '../../components/alert.tsx';
import { Button, focusRing } from '../../components/button.tsx';
import { ChoiceGroup } from '../../components/choice-group.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/field.tsx';
import { errorMessage } from '../../lib/api.ts';
import { cn } from '../../lib/cn.ts';
import { PLATFORM_INFO } from '../../lib/platforms.ts';
import { focusFirstInvalid } from '../../lib/validation.ts';
import { CustomerFields } from './customer-fields.tsx';
import { BACKDATE_CHOICES, EXAMPLE_MESSAGES } from './examples.ts';
import { type SandboxCustomer, type SendAsCustomerInput, useSendAsCustomer } from './sandbox-api.ts';

export type MessageKind = 'dm' | 'comment';

/** Quick-fill chips: one click puts a demo sentence in the message box. */
function ExampleChips({ onPick }: { onPick: (text: string) => void }) {
  return (
    <fieldset className="min-w-0">
      <legend className="sr-only">Example messages</legend>
      <div className="flex flex-wrap gap-1.5">
        {EXAMPLE_MESSAGES.map((text) => (
          <button
            key={text}
            type="button"
            onClick={() => onPick(text)}
            title={text}
            aria-label={`Use example: ${text}`}
            className={cn(
              'max-w-full truncate rounded-full border border-slate-300 bg-white px-3 py-1 text-xs text-slate-700 hover:bg-slate-50 sm:max-w-[16rem] dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700',
              focusRing,
            )}
          >
            {text}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

export function ComposeForm({
  platform,
  accountId,
  customer,
  onCustomerChange,
  knownCustomers,
  onSent,
}: {
  platform: PlatformId;
  accountId: string;
  customer: SandboxCustomer;
  onCustomerChange: (customer: SandboxCustomer) => void;
  knownCustomers: SandboxCustomer[];
  onSent: (customer: SandboxCustomer) => void;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const info = PLATFORM_INFO[platform];
  const [kindChoice, setKind] = useState<MessageKind>('dm');
  const [postId, setPostId] = useState('');
  const [backdate, setBackdate] = useState('now');
  const [text, setText] = useState('');
  const [textError, setTextError] = useState<string | undefined>();
  const [customerError, setCustomerError] = useState<string | undefined>();
  const send = useSendAsCustomer();
  const kind: MessageKind = info.comments ? kindChoice : 'dm';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = text.trim() ? undefined : 'Write the message the customer sends.';
    const idProblem = customer.id.trim() ? undefined : 'Give the customer an id, or generate a new customer.';
    setTextError(problem);
    setCustomerError(idProblem);
    if (problem || idProblem) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    const ms = BACKDATE_CHOICES.find((choice) => choice.value === backdate)?.ms ?? 0;
    const sender: SandboxCustomer = {
      ...customer,
      id: customer.id.trim(),
      name: customer.name?.trim() || undefined,
    };
    const common = { platform, accountId, customer: sender, text: text.trim() };
    const input: SendAsCustomerInput =
      kind === 'dm'
        ? { ...common, kind: 'dm', ...(ms > 0 ? { at: new Date(Date.now() - ms).toISOString() } : {}) }
        : { ...common, kind: 'comment', ...(postId.trim() ? { postId: postId.trim() } : {}) };
    send.mutate(input, {
      onSuccess: () => {
        setText('');
        onSent(sender);
        textRef.current?.focus();
      },
    });
  }

  const delivery = send.data;
  const commentWord = info.comments === 'mention' ? 'Mention' : 'Comment on a post';

  return (
    <form ref={formRef} noValidate onSubmit={submit} aria-label="Write as the customer" className="space-y-4">
      <CustomerFields
        platform={platform}
        customer={customer}
        known={knownCustomers}
        error={customerError}
        onChange={(next) => {
          onCustomerChange(next);
          if (customerError && next.id.trim()) setCustomerError(undefined);
        }}
      />
      {info.comments && (
        <ChoiceGroup<MessageKind>
          legend="Send as"
          value={kind}
          onChange={setKind}
          choices={[
            { value: 'dm', label: 'Direct message' },
            { value: 'comment', label: commentWord },
          ]}
        />
      )}
      {kind === 'comment' ? (
        <TextField
          label="Post id (optional)"
          value={postId}
          onChange={setPostId}
          autoComplete="off"
          hint={
            info.comments === 'mention'
              ? 'Leave empty to mention the account in a new post.'
              : 'Leave empty to comment on the account’s latest sandbox post.'
          }
        />
      ) : (
        <SelectField
          label="Back-date the message"
          value={backdate}
          onChange={setBackdate}
          options={BACKDATE_CHOICES}
          hint="The platform’s 24-hour reply window starts when the customer writes."
        />
      )}
      <div className="space-y-2">
        <TextAreaField
          ref={textRef}
          label="Message"
          value={text}
          onChange={(value) => {
            setText(value);
            if (textError) setTextError(undefined);
          }}
          error={textError}
          rows={3}
          maxLength={2000}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
              event.preventDefault();
              formRef.current?.requestSubmit();
            }
          }}
          hint="Ctrl+Enter sends."
        />
        <ExampleChips
          onPick={(example) => {
            setText(example);
            setTextError(undefined);
            textRef.current?.focus();
          }}
        />
      </div>
      <Button type="submit" loading={send.isPending}>
        Send as customer
      </Button>
      {send.error && (
        <Alert tone="error" title="The sandbox did not send it">
          {errorMessage(send.error)}
        </Alert>
      )}
      {delivery && !send.error && !send.isPending && (
        <Alert tone={delivery.delivered ? 'success' : 'warning'}>
          {delivery.delivered
            ? `Sent. ${info.label} delivered it to ReplyForce (HTTP ${delivery.status}).`
            : delivery.error === 'not_subscribed'
              ? `Sent on ${info.label}, but no workspace has connected this account, so nothing reached ReplyForce.`
              : `Sent, but ReplyForce did not accept ${info.label}’s webhook (${
                  delivery.status === null ? 'no answer' : `HTTP ${delivery.status}`
                }). The platform will retry.`}
        </Alert>
      )}
    </form>
  );
}
