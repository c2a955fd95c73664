import { type FormEvent, useRef, useState } from 'react';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { ChoiceGroup } from '../../components/choice-group.tsx';
import { TextAreaField, TextField } from '../../components/field.tsx';
import { errorMessage } from '../../lib/api.ts';
import { type FieldErrors, focusFirstInvalid } from '../../lib/validation.ts';
import {
  checkKbForm,
  emptyKbForm,
  fromKbForm,
  KB_LIMITS,
  type KbField,
  type KbForm,
  toKbForm,
} from './kb-item-form.ts';
import { serverFieldError } from './section-parts.tsx';
import { type KbItem, useSaveKbItem } from './settings-api.ts';

const KINDS = [
  { value: 'faq', label: 'FAQ pair' },
  { value: 'document', label: 'Document' },
] as const;

/** Adds an item (no `item`) or edits one; the kind of an existing item stays as it is. */
export function KbItemEditor({ item, onDone }: { item?: KbItem; onDone: (saved: KbItem | null) => void }) {
  const save = useSaveKbItem();
  const formRef = useRef<HTMLFormElement>(null);
  const [form, setForm] = useState<KbForm>(() => (item ? toKbForm(item) : emptyKbForm()));
  const [errors, setErrors] = useState<FieldErrors<KbField>>({});
  const set = <K extends KbField>(key: K, value: KbForm[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
  };
  const error = (key: KbField) => errors[key] ?? serverFieldError(save.error, key);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkKbForm(form);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    save.mutate(
      { id: item?.id ?? null, body: fromKbForm(form) },
      {
        onSuccess: (saved) => onDone(saved),
        onError: () => requestAnimationFrame(() => focusFirstInvalid(formRef.current)),
      },
    );
  };

  const faq = form.kind === 'faq';
  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={submit}
      aria-label={item ? 'Edit knowledge-base item' : 'Add to the knowledge base'}
      className="space-y-4 rounded-lg border border-indigo-200 bg-white p-4 shadow-sm dark:border-indigo-900 dark:bg-slate-900"
    >
      {!item && (
        <ChoiceGroup legend="Type" value={form.kind} onChange={(v) => set('kind', v)} choices={KINDS} />
      )}
      {faq ? (
        <>
          <TextAreaField
            label="Question"
            value={form.question}
            rows={2}
            maxLength={KB_LIMITS.question.max}
            onChange={(v) => set('question', v)}
            error={error('question')}
            hint="How customers ask it. Several phrasings? One per line."
          />
          <TextAreaField
            label="Answer"
            value={form.body}
            rows={4}
            onChange={(v) => set('body', v)}
            error={error('body')}
            hint="Sent as it is (in the brand voice) when a message matches the question."
          />
        </>
      ) : (
        <>
          <TextField
            label="Title"
            value={form.title}
            maxLength={KB_LIMITS.title}
            onChange={(v) => set('title', v)}
            error={error('title')}
            hint="Optional."
          />
          <TextAreaField
            label="Text"
            value={form.body}
            rows={8}
            onChange={(v) => set('body', v)}
            error={error('body')}
            hint="Split into passages for search. Replies quote the passage that matches."
          />
        </>
      )}
      {save.isError && (
        <Alert tone="error" title="Not saved">
          {errorMessage(save.error)}
        </Alert>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" loading={save.isPending}>
          {item ? 'Save changes' : 'Add to knowledge base'}
        </Button>
        <Button variant="secondary" onClick={() => onDone(null)} disabled={save.isPending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
