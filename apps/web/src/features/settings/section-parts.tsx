import type { ReactNode } from 'react';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { errorMessage, fieldErrorsOf } from '../../lib/api.ts';

/** Said once at the top of a section the person may read but not change. */
export function ReadOnlyNotice({ children }: { children?: ReactNode }) {
  return (
    <Alert tone="info">
      {children ?? 'Your role can read these settings. A manager or an admin can change them.'}
    </Alert>
  );
}

/** Each settings section is labelled by its heading; one section shows at a time. */
export const SECTION_HEADING_ID = 'settings-section-heading';

export function SectionHeading({ title, description }: { title: string; description?: ReactNode }) {
  return (
    <div className="mb-4">
      <h2 id={SECTION_HEADING_ID} className="text-lg font-semibold text-slate-900 dark:text-white">
        {title}
      </h2>
      {description && <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{description}</p>}
    </div>
  );
}

/**
 * The save button with what happened: the server's message when it refused (its per-field
 * messages go next to the fields), "Saved" when it took the change.
 */
export function SaveBar({
  pending,
  error,
  saved,
  label = 'Save',
  dirty = true,
}: {
  pending: boolean;
  error: unknown;
  saved: boolean;
  label?: string;
  dirty?: boolean;
}) {
  const fieldCount = Object.keys(fieldErrorsOf(error)).length;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" loading={pending} disabled={!dirty && !pending}>
          {label}
        </Button>
        {saved && !dirty && (
          <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
            Saved.
          </p>
        )}
      </div>
      {error !== null && error !== undefined && (
        <Alert tone="error" title="Not saved">
          {sentence(errorMessage(error))}
          {fieldCount > 0 &&
            (fieldCount === 1 ? ' See the highlighted field.' : ' See the highlighted fields.')}
        </Alert>
      )}
    </div>
  );
}

/** Server messages do not always end like a sentence; another sentence follows this one. */
function sentence(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text : `${text.trim()}.`;
}

/** The server's message for one field, when it named that field. */
export function serverFieldError(error: unknown, field: string): string | undefined {
  return fieldErrorsOf(error)[field];
}
