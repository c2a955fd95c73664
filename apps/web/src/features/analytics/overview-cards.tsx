import type { AnalyticsOverviewDto } from '@replyforce/contracts';
import type { ReactNode } from 'react';
import { Alert } from '../../components/alert.tsx';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useAnalyticsReport } from './analytics-api.ts';
import type { DateRange } from './date-range.ts';
import { ExportCsvButton } from './export-csv-button.tsx';
import { countOf, formatCount, formatSeconds, formatShare } from './format-analytics.ts';

function Kpi({ label, value, detail }: { label: string; value: string; detail: ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <dt className="text-sm font-medium text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tracking-tight text-slate-900 tabular-nums dark:text-white">
        {value}
      </dd>
      <dd className="mt-1 text-xs text-slate-600 dark:text-slate-400">{detail}</dd>
    </div>
  );
}

function Cards({ o }: { o: AnalyticsOverviewDto }) {
  return (
    <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
      <Kpi
        label="Messages"
        value={formatCount(o.messages.total)}
        detail={`${formatCount(o.messages.fromCustomers)} from customers · ${formatCount(o.messages.byAi)} by the AI · ${formatCount(o.messages.byAgents)} by people`}
      />
      <Kpi
        label="Response rate"
        value={formatShare(o.responseRate)}
        detail={`${formatCount(o.repliedMessages)} of ${countOf(o.messages.fromCustomers, 'customer message')} got a reply`}
      />
      <Kpi
        label="Median first response"
        value={formatSeconds(o.firstResponse.medianSeconds)}
        detail="Half of the replied messages were answered faster"
      />
      <Kpi
        label="90th percentile first response"
        value={formatSeconds(o.firstResponse.p90Seconds)}
        detail="Nine in ten replied messages were answered within this"
      />
      <Kpi
        label="AI auto-resolution"
        value={formatShare(o.autoResolution.rate)}
        detail={`${formatCount(o.autoResolution.resolved)} of ${formatCount(o.autoResolution.conversations)} conversations settled by the AI alone`}
      />
      <Kpi
        label="Escalations"
        value={formatCount(o.escalations.total)}
        detail={`${formatCount(o.escalations.byAi)} handed over by the AI · ${formatCount(o.escalations.byPeople)} by people`}
      />
    </dl>
  );
}

/** The headline figures (KPI cards) for the range. */
export function OverviewCards({ range }: { range: DateRange }) {
  const query = useAnalyticsReport('overview', range);
  return (
    <section aria-labelledby="analytics-overview" className="space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id="analytics-overview" className="text-base font-semibold text-slate-900 dark:text-white">
          Overview
        </h2>
        <ExportCsvButton report="overview" range={range} what="overview" />
      </div>
      {query.isPending ? (
        <LoadingState label="Loading the overview…" />
      ) : !query.data ? (
        <ErrorState
          error={query.error}
          title="Could not load the overview"
          onRetry={() => void query.refetch()}
        />
      ) : (
        <>
          {query.isError && (
            <Alert tone="error">These figures may be out of date: {errorMessage(query.error)}</Alert>
          )}
          <Cards o={query.data} />
        </>
      )}
    </section>
  );
}
