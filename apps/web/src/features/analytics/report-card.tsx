import type { AnalyticsReport } from '@replyforce/contracts';
import { type ReactNode, useId, useState } from 'react';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.tsx';
import { errorMessage } from '../../lib/api.ts';
import type { DateRange } from './date-range.ts';
import { ExportCsvButton } from './export-csv-button.tsx';

interface QueryState {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: unknown;
  refetch: () => unknown;
}

/**
 * One report on the page: heading, loading / error / empty states, a one-sentence summary, and the
 * chart or, at the press of a button, the same figures as a table (the chart's text alternative).
 */
export function ReportCard({
  title,
  description,
  report,
  range,
  query,
  empty,
  emptyText,
  summary,
  chart,
  table,
  footer,
}: {
  title: string;
  description: string;
  report: AnalyticsReport;
  range: DateRange;
  query: QueryState;
  empty: boolean;
  emptyText: string;
  summary?: ReactNode;
  /** Without a chart the card shows its table only. */
  chart?: ReactNode;
  table: ReactNode;
  /** Shown under the chart or table alike. */
  footer?: ReactNode;
}) {
  const headingId = useId();
  const [asTable, setAsTable] = useState(false);
  const ready = query.data !== undefined && !empty;
  return (
    <section
      aria-labelledby={headingId}
      className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id={headingId} className="text-base font-semibold text-slate-900 dark:text-white">
            {title}
          </h2>
          <p className="mt-0.5 text-sm text-slate-600 dark:text-slate-400">{description}</p>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          {chart && ready && (
            <Button variant="ghost" size="sm" onClick={() => setAsTable((v) => !v)}>
              {asTable ? 'Show chart' : 'Show table'}
            </Button>
          )}
          <ExportCsvButton report={report} range={range} what={title.toLowerCase()} />
        </div>
      </div>
      <div className="mt-4" aria-busy={query.isPending || undefined}>
        {query.isPending ? (
          <LoadingState label={`Loading ${title.toLowerCase()}…`} />
        ) : query.data === undefined ? (
          <ErrorState
            error={query.error}
            title={`Could not load ${title.toLowerCase()}`}
            onRetry={() => void query.refetch()}
          />
        ) : empty ? (
          <EmptyState title={emptyText}>Pick a longer range, or come back once messages arrive.</EmptyState>
        ) : (
          <div className="space-y-3">
            {query.isError && (
              <Alert tone="error">These figures may be out of date: {errorMessage(query.error)}</Alert>
            )}
            {summary && <p className="text-sm text-slate-700 dark:text-slate-300">{summary}</p>}
            {chart && !asTable ? chart : table}
            {footer}
          </div>
        )}
      </div>
    </section>
  );
}
