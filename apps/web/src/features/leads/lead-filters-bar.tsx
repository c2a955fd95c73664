import { type ReactNode, useId } from 'react';
import { Link, useLocation } from 'react-router';
import { focusRing } from '../../components/button.tsx';
import { InlineSelect } from '../../components/field.tsx';
import { cn } from '../../lib/cn.ts';
import { LEAD_TAG_VALUES, type LeadListQuery, type LeadSort, toSearchParams } from './lead-filters.ts';
import type { LeadStats } from './leads-api.ts';

const TAG_NAMES = { HOT: 'Hot', WARM: 'Warm', COLD: 'Cold' } as const;

function hrefWith(pathname: string, query: LeadListQuery): string {
  const text = toSearchParams(query).toString();
  return text ? `${pathname}?${text}` : pathname;
}

export function LeadFiltersBar({
  query,
  stats,
  onChange,
  children,
}: {
  query: LeadListQuery;
  stats: LeadStats | undefined;
  onChange: (next: Partial<LeadListQuery>) => void;
  /** The search box. */
  children: ReactNode;
}) {
  const { pathname } = useLocation();
  const sortId = useId();
  const tabs = [
    { value: '' as const, label: 'All', count: stats?.total },
    ...LEAD_TAG_VALUES.map((tag) => ({ value: tag, label: TAG_NAMES[tag], count: stats?.byTag[tag] })),
  ];
  return (
    <div className="space-y-3">
      <nav aria-label="Lead tag">
        <ul className="flex gap-1 overflow-x-auto pb-1">
          {tabs.map((tab) => {
            const active = query.tag === tab.value;
            return (
              <li key={tab.value || 'all'} className="shrink-0">
                <Link
                  to={hrefWith(pathname, { ...query, tag: tab.value })}
                  aria-current={active ? 'true' : undefined}
                  className={cn(
                    'flex items-center gap-1.5 rounded-full px-3 py-1 text-sm font-medium whitespace-nowrap',
                    active
                      ? 'bg-indigo-600 text-white dark:bg-indigo-500'
                      : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800',
                    focusRing,
                  )}
                >
                  {tab.label}
                  {tab.count !== undefined && (
                    <span
                      className={cn(
                        'rounded-full px-1.5 text-xs tabular-nums',
                        active ? 'bg-white/20' : 'bg-slate-100 dark:bg-slate-800',
                      )}
                    >
                      <span className="sr-only">(</span>
                      {tab.count}
                      <span className="sr-only"> leads)</span>
                    </span>
                  )}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="flex flex-wrap items-center gap-2">
        {children}
        <div className="flex items-center gap-2">
          <label htmlFor={sortId} className="text-sm text-slate-700 dark:text-slate-300">
            Sort by
          </label>
          <InlineSelect
            id={sortId}
            value={query.sort}
            onChange={(event) => onChange({ sort: event.target.value as LeadSort })}
          >
            <option value="recent">Latest activity</option>
            <option value="score">Highest score</option>
          </InlineSelect>
        </div>
      </div>
    </div>
  );
}
