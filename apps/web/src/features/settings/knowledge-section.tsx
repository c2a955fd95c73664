import { useEffect, useId, useState } from 'react';
import { Alert } from '../../components/alert.tsx';
import { Badge } from '../../components/badge.tsx';
import { Button } from '../../components/button.tsx';
import { ChoiceGroup } from '../../components/choice-group.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.tsx';
import { errorMessage } from '../../lib/api.ts';
import { formatRelative } from '../../lib/format.ts';
import { useCan } from '../auth/use-session.ts';
import { KbItemEditor } from './kb-item-editor.tsx';
import { ReadOnlyNotice, SECTION_HEADING_ID, SectionHeading } from './section-parts.tsx';
import { type KbItem, type KbKind, useDeleteKbItem, useKbItems, useKbSearch } from './settings-api.ts';

const FILTERS = [
  { value: '', label: 'All' },
  { value: 'faq', label: 'FAQ pairs' },
  { value: 'document', label: 'Documents' },
] as const;

const SEARCH_DELAY_MS = 300;

function KbSearch() {
  const id = useId();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(draft.trim().slice(0, 500)), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft]);
  const search = useKbSearch(q);
  return (
    <search className="space-y-2">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        Try a customer question
      </label>
      <input
        id={id}
        type="search"
        value={draft}
        maxLength={500}
        placeholder="e.g. Do you ship abroad?"
        onChange={(event) => setDraft(event.target.value)}
        aria-describedby={`${id}-hint`}
        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/40 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400"
      />
      <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
        Shows the passages a reply would find for it, best first.
      </p>
      {q && (
        <div aria-live="polite">
          {search.isPending ? (
            <LoadingState label="Searching…" className="py-2" />
          ) : search.isError ? (
            <Alert tone="error">{errorMessage(search.error)}</Alert>
          ) : search.data && search.data.length === 0 ? (
            <p className="text-sm text-slate-700 dark:text-slate-300">
              Nothing matches: a reply to this question would not find an answer here.
            </p>
          ) : (
            <ol aria-label="Search results" className="space-y-2">
              {search.data?.map((hit, index) => (
                <li
                  // biome-ignore lint/suspicious/noArrayIndexKey: one item can match with several passages
                  key={`${hit.itemId}-${index}`}
                  className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700"
                >
                  <div className="mb-1 flex flex-wrap items-center gap-2">
                    <Badge tone={hit.kind === 'faq' ? 'indigo' : 'neutral'}>
                      {hit.kind === 'faq' ? 'FAQ' : 'Document'}
                    </Badge>
                    {hit.question && (
                      <span className="font-medium text-slate-900 dark:text-white">{hit.question}</span>
                    )}
                  </div>
                  <p className="line-clamp-3 text-slate-700 dark:text-slate-300">{hit.text}</p>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </search>
  );
}

function KbItemCard({
  item,
  canEdit,
  onEdit,
  onDelete,
}: {
  item: KbItem;
  canEdit: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const heading = item.kind === 'faq' ? (item.question ?? item.title) : item.title || 'Untitled document';
  const phrasings = heading.split(/\n+/);
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <article aria-label={phrasings[0]} className="space-y-2">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0 space-y-1">
            <Badge tone={item.kind === 'faq' ? 'indigo' : 'neutral'}>
              {item.kind === 'faq' ? 'FAQ' : 'Document'}
            </Badge>
            <h3 className="font-medium break-words text-slate-900 dark:text-white">{phrasings[0]}</h3>
            {phrasings.length > 1 && (
              <p className="text-xs text-slate-600 dark:text-slate-400">
                Also asked as: {phrasings.slice(1).join(' · ')}
              </p>
            )}
          </div>
          {canEdit && (
            <div className="flex shrink-0 gap-1">
              <Button variant="ghost" size="sm" onClick={onEdit} aria-label={`Edit “${phrasings[0]}”`}>
                Edit
              </Button>
              <Button
                variant="danger-ghost"
                size="sm"
                onClick={onDelete}
                aria-label={`Delete “${phrasings[0]}”`}
              >
                Delete
              </Button>
            </div>
          )}
        </div>
        <p className="line-clamp-4 whitespace-pre-line break-words text-sm text-slate-700 dark:text-slate-300">
          {item.body}
        </p>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Updated <time dateTime={item.updatedAt}>{formatRelative(item.updatedAt)}</time>
          {item.kind === 'document' && ` · ${item.body.length.toLocaleString()} characters`}
        </p>
      </article>
    </li>
  );
}

export function KnowledgeSection() {
  const canEdit = useCan('manage:ai_settings');
  const [kind, setKind] = useState<KbKind | ''>('');
  const items = useKbItems(kind);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [deleting, setDeleting] = useState<KbItem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const remove = useDeleteKbItem();

  const closeDelete = () => {
    setDeleting(null);
    remove.reset();
  };

  return (
    <section aria-labelledby={SECTION_HEADING_ID} className="space-y-6">
      <SectionHeading
        title="Knowledge base"
        description="FAQ pairs answer matching questions word for word; documents give the AI passages to quote."
      />
      {!canEdit && <ReadOnlyNotice />}
      <KbSearch />
      <div className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <ChoiceGroup legend="Show" value={kind} onChange={setKind} choices={FILTERS} />
          {canEdit && editing !== 'new' && (
            <Button
              onClick={() => {
                setEditing('new');
                setNotice(null);
              }}
            >
              Add an item
            </Button>
          )}
        </div>
        {notice && <Alert tone="success">{notice}</Alert>}
        {editing === 'new' && (
          <KbItemEditor
            onDone={(saved) => {
              setEditing(null);
              if (saved) setNotice('Added. Replies use it from the next message on.');
            }}
          />
        )}
        {items.isPending ? (
          <LoadingState label="Loading the knowledge base…" />
        ) : !items.data ? (
          <ErrorState
            error={items.error}
            title="Could not load the knowledge base"
            onRetry={() => void items.refetch()}
          />
        ) : items.data.length === 0 ? (
          <EmptyState title={kind ? 'Nothing of this kind yet' : 'The knowledge base is empty'}>
            {canEdit
              ? 'Add the questions customers ask most, with your answers.'
              : 'A manager or an admin can add questions and answers.'}
          </EmptyState>
        ) : (
          <ul aria-label="Knowledge-base items" className="space-y-3">
            {items.data.map((item) =>
              editing === item.id ? (
                <li key={item.id}>
                  <KbItemEditor
                    item={item}
                    onDone={(saved) => {
                      setEditing(null);
                      if (saved) setNotice('Saved.');
                    }}
                  />
                </li>
              ) : (
                <KbItemCard
                  key={item.id}
                  item={item}
                  canEdit={canEdit}
                  onEdit={() => {
                    setEditing(item.id);
                    setNotice(null);
                  }}
                  onDelete={() => setDeleting(item)}
                />
              ),
            )}
          </ul>
        )}
      </div>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this item?"
        confirmLabel="Delete"
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : null}
        onCancel={closeDelete}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              setDeleting(null);
              setNotice('Deleted. Replies no longer use it.');
            },
          })
        }
      >
        <p>
          “{(deleting?.question ?? deleting?.title ?? '').split('\n')[0]}” will no longer be used in replies.
          This cannot be undone.
        </p>
      </ConfirmDialog>
    </section>
  );
}
