import type { SentimentDto } from '@replyforce/contracts';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useAnalyticsReport } from './analytics-api.ts';
import { axisProps, ChartFrame, ChartTooltip, COLORS, gridProps } from './chart-theme.tsx';
import { DataTable } from './data-table.tsx';
import { type DateRange, isHourly } from './date-range.ts';
import { countOf, formatBucket, formatCount } from './format-analytics.ts';
import { ReportCard } from './report-card.tsx';

const KINDS = ['positive', 'neutral', 'negative', 'mixed'] as const;
const LABEL = { positive: 'Positive', neutral: 'Neutral', negative: 'Negative', mixed: 'Mixed' } as const;
const count = (n: number | null) => (n === null ? '—' : formatCount(n));

function summary(points: SentimentDto['points']): string {
  const totals = Object.fromEntries(KINDS.map((k) => [k, points.reduce((n, p) => n + p[k], 0)])) as Record<
    (typeof KINDS)[number],
    number
  >;
  const all = KINDS.reduce((n, k) => n + totals[k], 0);
  return `${countOf(all, 'analysed customer message')}: ${KINDS.map(
    (k) => `${formatCount(totals[k])} ${k}`,
  ).join(', ')}.`;
}

/** Analysed customer messages per bucket, by the sentiment the AI read in them. */
export function SentimentReport({ range }: { range: DateRange }) {
  const query = useAnalyticsReport('sentiment', range);
  const hourly = query.data ? query.data.range.bucket === 'hour' : isHourly(range);
  const points = query.data?.points ?? [];
  const data = points.map((p) => ({ ...p, label: formatBucket(p.bucket, hourly) }));
  return (
    <ReportCard
      title="Sentiment"
      description={`Customer messages by the sentiment the AI read, per ${hourly ? 'hour' : 'day'} (UTC).`}
      report="sentiment"
      range={range}
      query={query}
      empty={points.every((p) => KINDS.every((k) => p[k] === 0))}
      emptyText="No analysed customer messages in this range"
      summary={summary(points)}
      chart={
        <ChartFrame>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart
              data={data}
              accessibilityLayer={false}
              margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
            >
              <CartesianGrid {...gridProps} />
              <XAxis dataKey="label" {...axisProps} minTickGap={24} />
              <YAxis allowDecimals={false} width={40} {...axisProps} />
              <Tooltip
                cursor={{ fill: 'currentColor', fillOpacity: 0.08 }}
                content={(props) => <ChartTooltip {...props} format={count} />}
              />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              {KINDS.map((k) => (
                <Bar
                  key={k}
                  dataKey={k}
                  name={LABEL[k]}
                  stackId="s"
                  fill={COLORS[k]}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </ChartFrame>
      }
      table={
        <DataTable
          label={`Sentiment per ${hourly ? 'hour' : 'day'}`}
          columns={[
            { label: hourly ? 'Hour (UTC)' : 'Day (UTC)' },
            ...KINDS.map((k) => ({ label: LABEL[k], numeric: true })),
            { label: 'Mean score (−1 to 1)', numeric: true },
          ]}
          rows={points.map((p) => [
            formatBucket(p.bucket, hourly),
            ...KINDS.map((k) => formatCount(p[k])),
            p.averageScore === null ? '—' : p.averageScore.toFixed(2),
          ])}
        />
      }
    />
  );
}
