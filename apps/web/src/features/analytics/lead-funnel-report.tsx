import type { FunnelStage, LeadFunnelDto } from '@replyforce/contracts';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { useAnalyticsReport } from './analytics-api.ts';
import { axisProps, ChartFrame, COLORS, gridProps } from './chart-theme.tsx';
import { DataTable } from './data-table.tsx';
import type { DateRange } from './date-range.ts';
import { countOf, formatCount, formatShare } from './format-analytics.ts';
import { ReportCard } from './report-card.tsx';

const STAGE_LABEL: Record<FunnelStage, string> = {
  COLD: 'Cold',
  WARM: 'Warm',
  HOT: 'Hot',
  synced: 'In the CRM',
};

/** Each stage as a share of the stage before it (the first: of itself). */
function conversions(stages: LeadFunnelDto['stages']) {
  return stages.map((s, i) => {
    const previous = i === 0 ? s.leads : (stages[i - 1]?.leads ?? 0);
    return { ...s, label: STAGE_LABEL[s.stage], share: previous > 0 ? s.leads / previous : null };
  });
}

function summary(stages: ReturnType<typeof conversions>): string {
  const [cold, warm, hot, synced] = stages;
  if (!cold || !warm || !hot || !synced) return '';
  return `${countOf(cold.leads, 'lead')} ${cold.leads === 1 ? 'was' : 'were'} active; ${formatCount(warm.leads)} reached warm, ${formatCount(
    hot.leads,
  )} hot, and ${formatCount(synced.leads)} of the hot ones are in the CRM.`;
}

/** Leads active in the range by the furthest stage they reached. */
export function LeadFunnelReport({ range }: { range: DateRange }) {
  const query = useAnalyticsReport('lead-funnel', range);
  const stages = conversions(query.data?.stages ?? []);
  return (
    <ReportCard
      title="Lead funnel"
      description="Leads active in the range by the highest tag they reached, and the hot ones synced to the CRM."
      report="lead-funnel"
      range={range}
      query={query}
      empty={stages.every((s) => s.leads === 0)}
      emptyText="No leads were active in this range"
      summary={summary(stages)}
      chart={
        <ChartFrame height={200}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart
              data={stages}
              layout="vertical"
              accessibilityLayer={false}
              margin={{ top: 0, right: 40, bottom: 0, left: 0 }}
            >
              <CartesianGrid {...gridProps} horizontal={false} vertical />
              <XAxis type="number" allowDecimals={false} {...axisProps} />
              <YAxis type="category" dataKey="label" width={84} {...axisProps} />
              <Bar
                dataKey="leads"
                name="Leads"
                fill={COLORS.funnel}
                radius={[0, 4, 4, 0]}
                isAnimationActive={false}
              >
                <LabelList dataKey="leads" position="right" fill="currentColor" fontSize={12} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </ChartFrame>
      }
      table={
        <DataTable
          label="Leads per funnel stage"
          columns={[
            { label: 'Stage' },
            { label: 'Leads', numeric: true },
            { label: 'Of the stage before', numeric: true },
          ]}
          rows={stages.map((s, i) => [s.label, formatCount(s.leads), i === 0 ? '—' : formatShare(s.share)])}
        />
      }
    />
  );
}
