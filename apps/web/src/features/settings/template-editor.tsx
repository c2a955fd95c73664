import { type FormEvent, useId, useRef, useState } from 'react';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/field.tsx';
import { errorMessage } from '../../lib/api.ts';
import { type FieldErrors, focusFirstInvalid } from '../../lib/validation.ts';
import { useSession } from '../auth/use-session.ts';
import { serverFieldError } from './section-parts.tsx';
import { type ReplyTemplate, type TemplateInput, useBrandVoice, useSaveTemplate } from './settings-api.ts';
import {
  insertVariable,
  previewTemplate,
  TEMPLATE_VARIABLES,
  templateVariables,
  VARIABLE_HELP,
} from './template-preview.ts';

/**
 * The intents a template can answer (packages/ai/src/intent/schema.ts, copied: that file brings
 * zod along). Spam gets no reply; complaints and requests for a person always go to a person.
 */
export const TEMPLATE_INTENTS = [
  { value: 'question', label: 'Question' },
  { value: 'purchase_intent', label: 'Purchase intent' },
  { value: 'request', label: 'Request' },
  { value: 'feedback', label: 'Feedback' },
  { value: 'compliment', label: 'Compliment' },
  { value: 'greeting', label: 'Greeting' },
  { value: 'other', label: 'Other' },
] as const;

export const TEMPLATE_LANGUAGES = [
  { value: '', label: 'Any language' },
  { value: 'en', label: 'English' },
  { value: 'es', label: 'Spanish' },
  { value: 'fr', label: 'French' },
  { value: 'de', label: 'German' },
  { value: 'it', label: 'Italian' },
  { value: 'pt', label: 'Portuguese' },
] as const;

type Field = 'name' | 'intent' | 'language' | 'body';

function checkTemplate(input: TemplateInput): FieldErrors<Field> {
  const errors: FieldErrors<Field> = {};
  if (!input.name) errors.name = 'Give the template a name.';
  else if (input.name.length > 100) errors.name = 'At most 100 characters.';
  if (!input.body) errors.body = 'Write the reply.';
  else if (input.body.length > 2000) errors.body = 'At most 2,000 characters.';
  else {
    const { unknown } = templateVariables(input.body);
    if (unknown.length > 0)
      errors.body = `Unknown variable ${unknown.map((v) => `{{${v}}}`).join(', ')}: use ${TEMPLATE_VARIABLES.map((v) => `{{${v}}}`).join(', ')}.`;
  }
  return errors;
}

function TemplatePreview({ body }: { body: string }) {
  const { tenant } = useSession();
  const voice = useBrandVoice();
  const nameId = useId();
  const [customerName, setCustomerName] = useState('Jane Doe');
  const text = body.trim()
    ? previewTemplate(body, { customerName, businessName: tenant.name, voice: voice.data })
    : '';
  return (
    <section
      aria-labelledby={`${nameId}-heading`}
      className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4 dark:border-slate-800 dark:bg-slate-900/60"
    >
      <h3 id={`${nameId}-heading`} className="font-semibold text-slate-900 dark:text-white">
        Preview
      </h3>
      <TextField
        id={nameId}
        label="Sample customer name"
        value={customerName}
        maxLength={80}
        onChange={setCustomerName}
        hint="Empty: a customer whose name the platform does not give."
      />
      <p className="text-xs font-medium text-slate-600 dark:text-slate-400">
        What the customer reads{voice.data ? ', in your brand voice' : ''}:
      </p>
      <p
        aria-live="polite"
        className="min-h-10 whitespace-pre-line rounded-lg bg-indigo-600 px-3 py-2 text-sm text-white dark:bg-indigo-500"
      >
        {text || 'Write the reply to see it here.'}
      </p>
    </section>
  );
}

/** Adds a template (no `template`) or edits one. */
export function TemplateEditor({
  template,
  onDone,
}: {
  template?: ReplyTemplate;
  onDone: (saved: ReplyTemplate | null) => void;
}) {
  const save = useSaveTemplate();
  const formRef = useRef<HTMLFormElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const [name, setName] = useState(template?.name ?? '');
  const [intent, setIntent] = useState(template?.intent ?? 'question');
  const [language, setLanguage] = useState(template?.language ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const error = (key: Field) => errors[key] ?? serverFieldError(save.error, key);
  // A template saved with an intent this list does not name still shows it.
  const intents = TEMPLATE_INTENTS.some((option) => option.value === intent)
    ? TEMPLATE_INTENTS
    : [...TEMPLATE_INTENTS, { value: intent, label: intent }];

  const insert = (variable: (typeof TEMPLATE_VARIABLES)[number]) => {
    const area = bodyRef.current;
    const next = insertVariable(
      body,
      variable,
      area ? { start: area.selectionStart, end: area.selectionEnd } : undefined,
    );
    setBody(next.body);
    setErrors((current) => ({ ...current, body: undefined }));
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(next.caret, next.caret);
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: TemplateInput = { name: name.trim(), intent, language: language || null, body: body.trim() };
    const found = checkTemplate(input);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    save.mutate(
      { id: template?.id ?? null, body: input },
      {
        onSuccess: (saved) => onDone(saved),
        onError: () => requestAnimationFrame(() => focusFirstInvalid(formRef.current)),
      },
    );
  };

  const { used } = templateVariables(body);
  return (
    <div className="grid grid-cols-1 gap-4 rounded-lg border border-indigo-200 bg-white p-4 shadow-sm lg:grid-cols-[minmax(0,1fr)_minmax(0,18rem)] dark:border-indigo-900 dark:bg-slate-900">
      <form
        ref={formRef}
        noValidate
        onSubmit={submit}
        aria-label={template ? `Edit template ${template.name}` : 'Add a reply template'}
        className="min-w-0 space-y-4"
      >
        <TextField
          label="Name"
          value={name}
          maxLength={100}
          onChange={(v) => {
            setName(v);
            setErrors((current) => ({ ...current, name: undefined }));
          }}
          error={error('name')}
        />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <SelectField
            label="Answers the intent"
            value={intent}
            onChange={setIntent}
            options={intents}
            error={error('intent')}
          />
          <SelectField
            label="Language"
            value={language}
            onChange={setLanguage}
            options={TEMPLATE_LANGUAGES}
            error={error('language')}
          />
        </div>
        <TextAreaField
          ref={bodyRef}
          label="Reply"
          value={body}
          rows={4}
          maxLength={2000}
          onChange={(v) => {
            setBody(v);
            setErrors((current) => ({ ...current, body: undefined }));
          }}
          error={error('body')}
          hint={used.length > 0 ? `Uses ${used.map((v) => `{{${v}}}`).join(', ')}.` : 'No variables yet.'}
        />
        <fieldset className="min-w-0">
          <legend className="mb-1 text-sm font-medium text-slate-800 dark:text-slate-200">
            Insert a variable
          </legend>
          <div className="flex flex-wrap gap-2">
            {TEMPLATE_VARIABLES.map((variable) => (
              <Button
                key={variable}
                variant="secondary"
                size="sm"
                onClick={() => insert(variable)}
                title={VARIABLE_HELP[variable]}
                aria-label={`Insert {{${variable}}}: ${VARIABLE_HELP[variable]}`}
              >
                <code>{`{{${variable}}}`}</code>
              </Button>
            ))}
          </div>
        </fieldset>
        {save.isError && (
          <Alert tone="error" title="Not saved">
            {errorMessage(save.error)}
          </Alert>
        )}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" loading={save.isPending}>
            {template ? 'Save changes' : 'Add template'}
          </Button>
          <Button variant="secondary" onClick={() => onDone(null)} disabled={save.isPending}>
            Cancel
          </Button>
        </div>
      </form>
      <TemplatePreview body={body} />
    </div>
  );
}
