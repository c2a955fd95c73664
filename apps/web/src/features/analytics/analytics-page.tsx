import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { AgentPerformanceReport } from './agent-performance-report.tsx';
import { rangeFromSearch, type SelectedRange, searchFor } from './date-range.ts';
import { DateRangePicker } from './date-range-picker.tsx';
import { LeadFunnelReport } from './lead-funnel-report.tsx';
import { OverviewCards } from './overview-cards.tsx';
import { ResponseTimeReport } from './response-time-report.tsx';
import { SentimentReport } from './sentiment-report.tsx';
import { VolumeReport } from './volume-report.tsx';

/** /analytics — every figure comes from the server, computed in SQL over stored data. */
export function AnalyticsPage() {
  const [params, setParams] = useSearchParams();
  const range = useMemo(() => rangeFromSearch(params), [params]);
  const choose = (next: SelectedRange) => setParams(searchFor(next), { replace: true });

  return (
    <>
      <PageHeader
        title="Analytics"
        description="How fast customers get answers, what the AI settles alone, and where leads go. Days and hours are UTC."
      />
      <DateRangePicker value={range} onChange={choose} />
      <div className="mt-6 space-y-6">
        <OverviewCards range={range} />
        <div className="grid gap-6 xl:grid-cols-2">
          <ResponseTimeReport range={range} />
          <LeadFunnelReport range={range} />
          <SentimentReport range={range} />
          <VolumeReport range={range} />
        </div>
        <AgentPerformanceReport range={range} />
      </div>
    </>
  );
}
