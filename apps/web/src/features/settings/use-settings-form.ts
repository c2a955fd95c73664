import type { UseMutationResult } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { type FieldErrors, focusFirstInvalid } from '../../lib/validation.ts';
import { serverFieldError } from './section-parts.tsx';

/**
 * A settings form's state: the fields as typed, their errors (checked here, or named by the
 * server), whether anything changed since the stored value, and a submit that saves through `save`
 * and focuses the first invalid field when there is one.
 */
export function useSettingsForm<Stored, Form, Field extends keyof Form & string>(opts: {
  saved: Stored;
  save: UseMutationResult<Stored, Error, Stored>;
  toForm: (stored: Stored) => Form;
  fromForm: (form: Form) => Stored;
  check: (form: Form) => FieldErrors<Field>;
}) {
  const { saved, save, toForm, fromForm, check } = opts;
  const formRef = useRef<HTMLFormElement>(null);
  const [form, setForm] = useState<Form>(() => toForm(saved));
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const dirty = JSON.stringify(form) !== JSON.stringify(toForm(saved));

  const set = <K extends Field>(key: K, value: Form[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
    save.reset();
  };
  const error = (key: Field) => errors[key] ?? serverFieldError(save.error, key);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = check(form);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    save.mutate(fromForm(form), {
      onSuccess: (stored) => setForm(toForm(stored)),
      onError: () => requestAnimationFrame(() => focusFirstInvalid(formRef.current)),
    });
  };

  return { form, set, error, dirty, submit, formRef };
}
