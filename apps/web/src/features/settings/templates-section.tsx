import { useState } from 'react';
import { Alert } from '../../components/alert.tsx';
import { Badge } from '../../components/badge.tsx';
import { Button } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useCan } from '../auth/use-session.ts';
import { intentLabel } from '../leads/lead-labels.ts';
import { ReadOnlyNotice, SECTION_HEADING_ID, SectionHeading } from './section-parts.tsx';
import { type ReplyTemplate, useDeleteTemplate, useTemplates } from './settings-api.ts';
import { TEMPLATE_LANGUAGES, TemplateEditor } from './template-editor.tsx';

function languageLabel(code: string | null): string {
  return TEMPLATE_LANGUAGES.find((option) => option.value === (code ?? ''))?.label ?? code ?? 'Any language';
}

function TemplateCard({
  template,
  canEdit,
  onEdit,
  onDelete,
}: {
  template: ReplyTemplate;
  canEdit: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <article aria-label={template.name} className="space-y-2">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0 space-y-1">
            <h3 className="font-medium break-words text-slate-900 dark:text-white">{template.name}</h3>
            <div className="flex flex-wrap gap-1">
              <Badge tone="indigo">{intentLabel(template.intent)}</Badge>
              <Badge>{languageLabel(template.language)}</Badge>
            </div>
          </div>
          {canEdit && (
            <div className="flex shrink-0 gap-1">
              <Button variant="ghost" size="sm" onClick={onEdit} aria-label={`Edit ${template.name}`}>
                Edit
              </Button>
              <Button
                variant="danger-ghost"
                size="sm"
                onClick={onDelete}
                aria-label={`Delete ${template.name}`}
              >
                Delete
              </Button>
            </div>
          )}
        </div>
        <p className="whitespace-pre-line break-words text-sm text-slate-700 dark:text-slate-300">
          {template.body}
        </p>
      </article>
    </li>
  );
}

export function TemplatesSection() {
  const canEdit = useCan('manage:templates');
  const templates = useTemplates();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ReplyTemplate | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const remove = useDeleteTemplate();
  const closeDelete = () => {
    setDeleting(null);
    remove.reset();
  };

  return (
    <section aria-labelledby={SECTION_HEADING_ID} className="space-y-4">
      <SectionHeading
        title="Reply templates"
        description="Your own wording per intent. When no FAQ matches, a message with this intent gets the template, without a language model."
      />
      {!canEdit && <ReadOnlyNotice />}
      {canEdit && editing !== 'new' && (
        <Button
          onClick={() => {
            setEditing('new');
            setNotice(null);
          }}
        >
          Add a template
        </Button>
      )}
      {notice && <Alert tone="success">{notice}</Alert>}
      {editing === 'new' && (
        <TemplateEditor
          onDone={(saved) => {
            setEditing(null);
            if (saved) setNotice(`“${saved.name}” added.`);
          }}
        />
      )}
      {templates.isPending ? (
        <LoadingState label="Loading templates…" />
      ) : !templates.data ? (
        <ErrorState
          error={templates.error}
          title="Could not load the templates"
          onRetry={() => void templates.refetch()}
        />
      ) : templates.data.length === 0 ? (
        <EmptyState title="No templates yet">
          {canEdit
            ? 'Without one, the AI writes the reply (or uses its built-in sentences).'
            : 'A manager or an admin can add them.'}
        </EmptyState>
      ) : (
        <ul aria-label="Reply templates" className="space-y-3">
          {templates.data.map((template) =>
            editing === template.id ? (
              <li key={template.id}>
                <TemplateEditor
                  template={template}
                  onDone={(saved) => {
                    setEditing(null);
                    if (saved) setNotice(`“${saved.name}” saved.`);
                  }}
                />
              </li>
            ) : (
              <TemplateCard
                key={template.id}
                template={template}
                canEdit={canEdit}
                onEdit={() => {
                  setEditing(template.id);
                  setNotice(null);
                }}
                onDelete={() => setDeleting(template)}
              />
            ),
          )}
        </ul>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting?.name ?? 'this template'}?`}
        confirmLabel="Delete template"
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : null}
        onCancel={closeDelete}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              setNotice(`“${deleting.name}” deleted.`);
              setDeleting(null);
            },
          })
        }
      >
        <p>Messages with this intent will be answered without it. This cannot be undone.</p>
      </ConfirmDialog>
    </section>
  );
}
