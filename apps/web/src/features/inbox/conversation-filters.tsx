import type { ConversationStatusId } from '@replyforce/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { focusRing } from '../../components/button.tsx';
import { InlineSelect } from '../../components/field.tsx';
import { cn } from '../../lib/cn.ts';
import { isPlatform, PLATFORM_INFO, PLATFORMS } from '../../lib/platforms.ts';
import { STATUS_LABEL } from './conversation-badges.tsx';

const STATUS_TABS: ReadonlyArray<{ value: ConversationStatusId | ''; label: string }> = [
  { value: '', label: 'All' },
  { value: 'open', label: STATUS_LABEL.open },
  { value: 'needs_human', label: STATUS_LABEL.needs_human },
  { value: 'pending_approval', label: STATUS_LABEL.pending_approval },
  { value: 'snoozed', label: STATUS_LABEL.snoozed },
  { value: 'closed', label: STATUS_LABEL.closed },
];

const STATUSES = new Set<string>(STATUS_TABS.map((tab) => tab.value).filter(Boolean));
const SEARCH_DELAY_MS = 300;

export interface InboxFilters {
  status: ConversationStatusId | '';
  platform: string;
  assignee: '' | 'me' | 'none';
  q: string;
}

/** Filters live in the address, so a filtered inbox can be bookmarked, shared and reloaded. */
export function readFilters(params: URLSearchParams): InboxFilters {
  const status = params.get('status') ?? '';
  const platform = params.get('platform');
  const assignee = params.get('assignee');
  return {
    status: STATUSES.has(status) ? (status as ConversationStatusId) : '',
    platform: isPlatform(platform) ? platform : '',
    assignee: assignee === 'me' || assignee === 'none' ? assignee : '',
    q: (params.get('q') ?? '').slice(0, 200),
  };
}

export function hasFilters(filters: InboxFilters): boolean {
  return Boolean(filters.status || filters.platform || filters.assignee || filters.q);
}

function searchWith(params: URLSearchParams, key: keyof InboxFilters, value: string): string {
  const next = new URLSearchParams(params);
  if (value) next.set(key, value);
  else next.delete(key);
  const text = next.toString();
  return text ? `?${text}` : '';
}

function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(value);
  // The latest callback, without restarting the typing delay each time the page re-renders.
  const onSearchRef = useRef(onSearch);
  useEffect(() => {
    onSearchRef.current = onSearch;
  });

  // Follow the address (Back button, "clear filters") unless the person is typing.
  useEffect(() => {
    if (document.activeElement !== inputRef.current) setDraft(value);
  }, [value]);

  useEffect(() => {
    if (draft.trim() === value) return;
    const timer = setTimeout(() => onSearchRef.current(draft.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, value]);

  return (
    <search>
      <label htmlFor={id} className="sr-only">
        Search conversations
      </label>
      <input
        ref={inputRef}
        id={id}
        type="search"
        value={draft}
        maxLength={200}
        placeholder="Search name or message…"
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onSearch(draft.trim());
        }}
        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/40 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400"
      />
    </search>
  );
}

export function ConversationFilters({
  filters,
  params,
  onChange,
}: {
  filters: InboxFilters;
  params: URLSearchParams;
  onChange: (key: keyof InboxFilters, value: string) => void;
}) {
  const { pathname } = useLocation();
  const platformId = useId();
  const assigneeId = useId();
  return (
    <div className="space-y-3">
      <nav aria-label="Conversation status">
        <ul className="flex gap-1 overflow-x-auto pb-1">
          {STATUS_TABS.map((tab) => {
            const active = filters.status === tab.value;
            return (
              <li key={tab.value || 'all'} className="shrink-0">
                <Link
                  to={`${pathname}${searchWith(params, 'status', tab.value)}`}
                  aria-current={active ? 'true' : undefined}
                  className={cn(
                    'block rounded-full px-3 py-1 text-sm font-medium whitespace-nowrap',
                    active
                      ? 'bg-indigo-600 text-white dark:bg-indigo-500'
                      : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800',
                    focusRing,
                  )}
                >
                  {tab.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <SearchBox value={filters.q} onSearch={(q) => onChange('q', q)} />
      <div className="grid grid-cols-2 gap-2">
        <div>
          <label htmlFor={platformId} className="sr-only">
            Platform
          </label>
          <InlineSelect
            id={platformId}
            value={filters.platform}
            onChange={(event) => onChange('platform', event.target.value)}
            className="w-full"
          >
            <option value="">All platforms</option>
            {PLATFORMS.map((platform) => (
              <option key={platform} value={platform}>
                {PLATFORM_INFO[platform].label}
              </option>
            ))}
          </InlineSelect>
        </div>
        <div>
          <label htmlFor={assigneeId} className="sr-only">
            Assignee
          </label>
          <InlineSelect
            id={assigneeId}
            value={filters.assignee}
            onChange={(event) => onChange('assignee', event.target.value)}
            className="w-full"
          >
            <option value="">Anyone</option>
            <option value="me">Assigned to me</option>
            <option value="none">Unassigned</option>
          </InlineSelect>
        </div>
      </div>
    </div>
  );
}
