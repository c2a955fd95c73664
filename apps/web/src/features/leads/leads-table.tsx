import type { ChannelDto } from '@replyforce/contracts';
import { Link } from 'react-router';
import { focusRing } from '../../components/button.tsx';
import { TableFrame } from '../../components/table-frame.tsx';
import { cn } from '../../lib/cn.ts';
import { formatDateTime, formatRelative } from '../../lib/format.ts';
import { useNow } from '../../lib/use-now.ts';
import { contactName, LeadTagBadge } from '../inbox/conversation-badges.tsx';
import { CrmStatusBadge, ManualTagBadge, ScoreMeter } from './lead-badges.tsx';
import { LeadChannel } from './lead-channel.tsx';
import type { LeadSort } from './lead-filters.ts';
import { intentLabel } from './lead-labels.ts';
import type { Lead } from './leads-api.ts';

const th =
  'px-3 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400';
const td = 'px-3 py-3 align-top text-sm';

/** A column the API can sort by (highest or newest first). */
function SortHeader({
  label,
  sort,
  current,
  onSort,
  className,
}: {
  label: string;
  sort: LeadSort;
  current: LeadSort;
  onSort: (sort: LeadSort) => void;
  className?: string;
}) {
  const active = sort === current;
  return (
    <th scope="col" aria-sort={active ? 'descending' : undefined} className={cn(th, className)}>
      <button
        type="button"
        onClick={() => onSort(sort)}
        className={cn(
          'inline-flex items-center gap-1 rounded-sm uppercase',
          active ? 'text-slate-900 dark:text-white' : 'hover:text-slate-900 dark:hover:text-white',
          focusRing,
        )}
      >
        {label}
        <span aria-hidden="true" className={active ? undefined : 'opacity-30'}>
          ↓
        </span>
        {!active && <span className="sr-only">, sort by this</span>}
      </button>
    </th>
  );
}

function LeadRow({
  lead,
  channel,
  showCrm,
  now,
}: {
  lead: Lead;
  channel: ChannelDto | undefined;
  showCrm: boolean;
  now: number;
}) {
  const name = contactName(lead.contact);
  return (
    <tr>
      <td className={td}>
        <Link
          to={`/leads/${encodeURIComponent(lead.id)}`}
          className={cn('font-medium text-indigo-700 hover:underline dark:text-indigo-300', focusRing)}
        >
          {name}
        </Link>
        {lead.contact.username && lead.contact.name && (
          <div className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">@{lead.contact.username}</div>
        )}
      </td>
      <td className={td}>
        <div className="flex flex-wrap items-center gap-1">
          <LeadTagBadge tag={lead.tag} />
          {lead.manualTag && <ManualTagBadge />}
        </div>
      </td>
      <td className={td}>
        <ScoreMeter score={lead.score} tag={lead.tag} />
      </td>
      <td className={cn(td, 'hidden text-slate-700 md:table-cell dark:text-slate-300')}>
        {intentLabel(lead.intent)}
      </td>
      <td className={cn(td, 'hidden text-slate-700 lg:table-cell dark:text-slate-300')}>
        <LeadChannel channel={channel} />
      </td>
      {showCrm && (
        <td className={cn(td, 'hidden xl:table-cell')}>
          {lead.crm && lead.crm.length > 0 ? (
            <div className="flex flex-wrap gap-1">
              {lead.crm.map((state) => (
                <CrmStatusBadge key={state.connectionId} status={state.status} vendor={state.vendor} />
              ))}
            </div>
          ) : (
            <span className="text-slate-500 dark:text-slate-400">Not synced</span>
          )}
        </td>
      )}
      <td className={cn(td, 'whitespace-nowrap text-slate-600 dark:text-slate-400')}>
        <time dateTime={lead.updatedAt} title={formatDateTime(lead.updatedAt)}>
          {formatRelative(lead.updatedAt, now)}
        </time>
      </td>
    </tr>
  );
}

export function LeadsTable({
  leads,
  channels,
  sort,
  onSort,
}: {
  leads: Lead[];
  channels: Map<string, ChannelDto>;
  sort: LeadSort;
  onSort: (sort: LeadSort) => void;
}) {
  const now = useNow();
  // The CRM column appears once the API reports a CRM side for leads (LeadDto.crm).
  const showCrm = leads.some((lead) => lead.crm !== undefined);
  return (
    <TableFrame label="Leads">
      <table className="min-w-full divide-y divide-slate-200 dark:divide-slate-800">
        <caption className="sr-only">
          Leads, sorted by {sort === 'score' ? 'highest score' : 'latest activity'} first
        </caption>
        <thead className="bg-slate-50 dark:bg-slate-800/50">
          <tr>
            <th scope="col" className={th}>
              Lead
            </th>
            <th scope="col" className={th}>
              Tag
            </th>
            <SortHeader label="Score" sort="score" current={sort} onSort={onSort} />
            <th scope="col" className={cn(th, 'hidden md:table-cell')}>
              Intent
            </th>
            <th scope="col" className={cn(th, 'hidden lg:table-cell')}>
              Channel
            </th>
            {showCrm && (
              <th scope="col" className={cn(th, 'hidden xl:table-cell')}>
                CRM
              </th>
            )}
            <SortHeader label="Last activity" sort="recent" current={sort} onSort={onSort} />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {leads.map((lead) => (
            <LeadRow
              key={lead.id}
              lead={lead}
              channel={channels.get(lead.contact.channelId)}
              showCrm={showCrm}
              now={now}
            />
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}
