import type { ConversationStatusId } from '@replyforce/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { focusRing } from '../../components/button.tsx';
import { InlineSelect } from '../../components/field.tsx';
import { cn } from '../../lib/cn.ts';
import { PLATFORM_INFO, PLATFORMS } from '../../lib/platforms.ts';
import { useSession } from '../auth/use-session.ts';
import { useMembers } from '../team/team-api.ts';
import { STATUS_LABEL } from './conversation-badges.tsx';
import { QUEUE_COUNT_LIMIT, useQueueCount } from './inbox-api.ts';
import { type InboxFilters, LEAD_TAGS, MAX_SEARCH, searchWith } from './inbox-filters.ts';

const STATUS_TABS: ReadonlyArray<{ value: ConversationStatusId | ''; label: string }> = [
  { value: '', label: 'All' },
  { value: 'open', label: STATUS_LABEL.open },
  { value: 'needs_human', label: STATUS_LABEL.needs_human },
  { value: 'pending_approval', label: STATUS_LABEL.pending_approval },
  { value: 'snoozed', label: STATUS_LABEL.snoozed },
  { value: 'closed', label: STATUS_LABEL.closed },
];

const SEARCH_DELAY_MS = 300;

/** How many conversations wait in the two queues a person must empty: escalations and drafts. */
function QueueCount({ status }: { status: 'pending_approval' | 'needs_human' }) {
  const count = useQueueCount(status);
  if (!count.data || count.data.count === 0) return null;
  const text = count.data.more ? `${QUEUE_COUNT_LIMIT}+` : String(count.data.count);
  return (
    <span
      data-testid={`queue-count-${status}`}
      className={cn(
        'ml-1.5 rounded-full px-1.5 py-0.5 text-xs leading-none font-semibold',
        status === 'needs_human'
          ? 'bg-red-600 text-white dark:bg-red-500'
          : 'bg-amber-500 text-slate-950 dark:bg-amber-400',
      )}
    >
      {text}
      <span className="sr-only"> waiting</span>
    </span>
  );
}

/** Teammates who may answer conversations, for the assignee filter. */
function useAssignableMembers() {
  const members = useMembers();
  const { user } = useSession();
  return (members.data ?? []).filter((m) => m.role !== 'viewer' && m.userId !== user.id);
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
        maxLength={MAX_SEARCH}
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
  const leadTagId = useId();
  const assigneeId = useId();
  const teammates = useAssignableMembers();
  const unknownTeammate =
    filters.assignee !== '' &&
    filters.assignee !== 'me' &&
    filters.assignee !== 'none' &&
    !teammates.some((m) => m.userId === filters.assignee);
  return (
    <div className="space-y-3">
      <nav aria-label="Conversation status">
        <ul className="flex flex-wrap gap-1">
          {STATUS_TABS.map((tab) => {
            const active = filters.status === tab.value;
            return (
              <li key={tab.value || 'all'} className="shrink-0">
                <Link
                  to={`${pathname}${searchWith(params, 'status', tab.value)}`}
                  aria-current={active ? 'true' : undefined}
                  className={cn(
                    'flex items-center rounded-full px-3 py-1 text-sm font-medium whitespace-nowrap',
                    active
                      ? 'bg-indigo-600 text-white dark:bg-indigo-500'
                      : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800',
                    focusRing,
                  )}
                >
                  {tab.label}
                  {(tab.value === 'needs_human' || tab.value === 'pending_approval') && (
                    <QueueCount status={tab.value} />
                  )}
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
            Channel
          </label>
          <InlineSelect
            id={platformId}
            value={filters.platform}
            onChange={(event) => onChange('platform', event.target.value)}
            className="w-full"
          >
            <option value="">All channels</option>
            {PLATFORMS.map((platform) => (
              <option key={platform} value={platform}>
                {PLATFORM_INFO[platform].label}
              </option>
            ))}
          </InlineSelect>
        </div>
        <div>
          <label htmlFor={leadTagId} className="sr-only">
            Lead tag
          </label>
          <InlineSelect
            id={leadTagId}
            value={filters.leadTag}
            onChange={(event) => onChange('leadTag', event.target.value)}
            className="w-full"
          >
            <option value="">Any lead</option>
            {LEAD_TAGS.map((tag) => (
              <option key={tag} value={tag}>
                {tag} leads
              </option>
            ))}
          </InlineSelect>
        </div>
        <div className="col-span-2">
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
            {unknownTeammate && <option value={filters.assignee}>Assigned to a teammate</option>}
            {teammates.length > 0 && (
              <optgroup label="Assigned to">
                {teammates.map((member) => (
                  <option key={member.userId} value={member.userId}>
                    {member.name}
                  </option>
                ))}
              </optgroup>
            )}
          </InlineSelect>
        </div>
      </div>
    </div>
  );
}
