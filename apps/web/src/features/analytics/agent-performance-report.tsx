import type { AgentPerformanceRowDto } from '@replyforce/contracts';
import { Badge } from '../../components/badge.tsx';
import { useAnalyticsReport } from './analytics-api.ts';
import { DataTable } from './data-table.tsx';
import type { DateRange } from './date-range.ts';
import { formatCount, formatSeconds } from './format-analytics.ts';
import { ReportCard } from './report-card.tsx';

const maybe = (n: number | null) => (n === null ? '—' : formatCount(n));

function Who({ row }: { row: AgentPerformanceRowDto }) {
  if (row.kind === 'ai')
    return (
      <span className="flex items-center gap-2">
        AI assistant <Badge tone="indigo">AI</Badge>
      </span>
    );
  if (row.kind === 'external')
    return (
      <span className="flex flex-col">
        <span>Outside ReplyForce</span>
        <span className="text-xs font-normal text-slate-500 dark:text-slate-400">
          sent from the platform’s own app
        </span>
      </span>
    );
  return (
    <span className="flex flex-col">
      <span>{row.name ?? 'Former member'}</span>
      {row.role && <span className="text-xs font-normal text-slate-500 dark:text-slate-400">{row.role}</span>}
    </span>
  );
}

/** The AI and each person who answers, side by side. */
export function AgentPerformanceReport({ range }: { range: DateRange }) {
  const query = useAnalyticsReport('agent-performance', range);
  const rows = query.data?.rows ?? [];
  return (
    <ReportCard
      title="Agent performance"
      description="Messages sent, first replies and how fast they came, drafts reviewed, conversations closed and hand-offs."
      report="agent-performance"
      range={range}
      query={query}
      empty={rows.length === 0}
      emptyText="Nobody to report on yet"
      table={
        <DataTable
          label="Agent performance figures"
          columns={[
            { label: 'Agent' },
            { label: 'Messages sent', numeric: true },
            { label: 'Conversations', numeric: true },
            { label: 'First replies', numeric: true },
            { label: 'Median first reply', numeric: true },
            { label: 'Drafts approved', numeric: true },
            { label: 'Drafts rejected', numeric: true },
            { label: 'Closed', numeric: true },
            { label: 'Hand-offs', numeric: true },
          ]}
          rows={rows.map((r) => [
            <Who key="who" row={r} />,
            formatCount(r.messagesSent),
            formatCount(r.conversations),
            formatCount(r.firstResponses),
            formatSeconds(r.medianFirstResponseSeconds),
            formatCount(r.draftsApproved),
            formatCount(r.draftsRejected),
            maybe(r.closed),
            maybe(r.handoffs),
          ])}
        />
      }
      footer={
        <p className="text-xs text-slate-600 dark:text-slate-400">
          For the AI, drafts approved and rejected are its drafts that people reviewed; for a person, the
          drafts they reviewed.
        </p>
      }
    />
  );
}
