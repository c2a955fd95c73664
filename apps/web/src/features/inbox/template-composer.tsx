import type { ConversationDto } from '@replyforce/contracts';
import { type FormEvent, useState } from 'react';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useIdempotencyKey } from '../../lib/idempotency-key.ts';
import { type ChannelTemplate, isApprovedTemplate, useChannelTemplates } from '../channels/channels-api.ts';
import { useSendReply } from './inbox-api.ts';
import { fillTemplate, placeholdersOf } from './template-fill.ts';

function templateKey(template: ChannelTemplate): string {
  return `${template.name}|${template.language}`;
}

/** Outside WhatsApp's 24-hour window only approved templates may be sent: pick one, fill it, send. */
export function TemplateComposer({ conversation }: { conversation: ConversationDto }) {
  const templates = useChannelTemplates(conversation.channelId);
  const approved = (templates.data ?? []).filter(isApprovedTemplate);
  const [chosen, setChosen] = useState('');
  const [values, setValues] = useState<Record<number, string>>({});
  const [missing, setMissing] = useState<number[]>([]);
  const send = useSendReply(conversation.id);
  const key = useIdempotencyKey();

  if (templates.isPending) return <LoadingState label="Loading the approved templates…" className="py-3" />;
  if (!templates.data) {
    return (
      <ErrorState
        error={templates.error}
        title="Could not load the templates"
        onRetry={() => void templates.refetch()}
      />
    );
  }
  if (approved.length === 0) {
    return (
      <EmptyState title="No approved templates">
        This WhatsApp account has no approved message template, so nothing can be sent until the customer
        writes again. Templates are created and approved in WhatsApp Manager.
      </EmptyState>
    );
  }

  const template = approved.find((t) => templateKey(t) === chosen) ?? approved[0];
  if (!template) return null;
  const numbers = placeholdersOf(template.body);
  const preview = fillTemplate(template.body, values);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!template) return;
    const empty = numbers.filter((n) => !values[n]?.trim());
    setMissing(empty);
    if (empty.length > 0) return;
    send.mutate(
      {
        text: preview,
        template: {
          name: template.name,
          language: template.language,
          parameters: numbers.map((n) => values[n]?.trim() ?? ''),
        },
        idempotencyKey: key.current(),
      },
      {
        onSuccess: () => {
          key.rotate();
          setValues({});
        },
      },
    );
  }

  return (
    <form noValidate onSubmit={submit} aria-label="Send a template" className="space-y-3">
      <SelectField
        label="Approved template"
        value={templateKey(template)}
        onChange={(next) => {
          setChosen(next);
          setValues({});
          setMissing([]);
          key.rotate();
        }}
        options={approved.map((t) => ({ value: templateKey(t), label: `${t.name} (${t.language})` }))}
      />
      {numbers.length > 0 && (
        <div className="grid gap-3 sm:grid-cols-2">
          {numbers.map((n) => (
            <TextField
              key={`${templateKey(template)}-${n}`}
              label={`Value for {{${n}}}`}
              value={values[n] ?? ''}
              onChange={(value) => {
                setValues((current) => ({ ...current, [n]: value }));
                key.rotate();
              }}
              error={missing.includes(n) ? 'Fill in this value.' : undefined}
              maxLength={1000}
              autoComplete="off"
            />
          ))}
        </div>
      )}
      <div>
        <p className="text-xs font-medium text-slate-600 dark:text-slate-400">Preview</p>
        <p className="mt-1 rounded-md bg-slate-50 px-3 py-2 text-sm whitespace-pre-wrap text-slate-800 dark:bg-slate-800/60 dark:text-slate-200">
          {preview}
        </p>
      </div>
      {send.error && (
        <Alert tone="error" title="Could not send the template">
          {errorMessage(send.error)}
        </Alert>
      )}
      <Button type="submit" loading={send.isPending}>
        Send template
      </Button>
    </form>
  );
}
