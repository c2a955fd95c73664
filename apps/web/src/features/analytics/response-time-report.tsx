import type { ResponseTimesDto } from '@replyforce/contracts';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useAnalyticsReport } from './analytics-api.ts';
import { axisProps, ChartFrame, ChartTooltip, COLORS, gridProps } from './chart-theme.tsx';
import { DataTable } from './data-table.tsx';
import { type DateRange, isHourly } from './date-range.ts';
import { formatBucket, formatCount, formatSeconds, formatSecondsShort } from './format-analytics.ts';
import { ReportCard } from './report-card.tsx';

function summary(points: ResponseTimesDto['points'], hourly: boolean): string {
  const measured = points.filter((p) => p.medianSeconds !== null);
  if (measured.length === 0) return 'No customer message in this range got a reply yet.';
  const slowest = measured.reduce((a, b) => ((b.medianSeconds ?? 0) > (a.medianSeconds ?? 0) ? b : a));
  const fastest = measured.reduce((a, b) => ((b.medianSeconds ?? 0) < (a.medianSeconds ?? 0) ? b : a));
  const unit = hourly ? 'hour' : 'day';
  if (measured.length === 1)
    return `Median first response: ${formatSeconds(slowest.medianSeconds)} (${formatBucket(
      slowest.bucket,
      hourly,
    )}), the only ${unit} with replies in this range.`;
  return `Median first response per ${unit}: fastest ${formatSeconds(fastest.medianSeconds)} (${formatBucket(
    fastest.bucket,
    hourly,
  )}), slowest ${formatSeconds(slowest.medianSeconds)} (${formatBucket(slowest.bucket, hourly)}).`;
}

/** Median and 90th-percentile first-response time per bucket of the customer message's arrival. */
export function ResponseTimeReport({ range }: { range: DateRange }) {
  const query = useAnalyticsReport('response-times', range);
  const hourly = query.data ? query.data.range.bucket === 'hour' : isHourly(range);
  const points = query.data?.points ?? [];
  const data = points.map((p) => ({
    label: formatBucket(p.bucket, hourly),
    median: p.medianSeconds,
    p90: p.p90Seconds,
  }));
  return (
    <ReportCard
      title="Response times"
      description={`Time from a customer message to the first reply after it, per ${hourly ? 'hour' : 'day'} (UTC).`}
      report="response-times"
      range={range}
      query={query}
      empty={points.every((p) => p.customerMessages === 0)}
      emptyText="No customer messages in this range"
      summary={summary(points, hourly)}
      chart={
        <ChartFrame>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart
              data={data}
              accessibilityLayer={false}
              margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
            >
              <CartesianGrid {...gridProps} />
              <XAxis dataKey="label" {...axisProps} minTickGap={24} />
              <YAxis {...axisProps} width={44} tickFormatter={formatSecondsShort} />
              <Tooltip content={(props) => <ChartTooltip {...props} format={formatSeconds} />} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Line
                type="monotone"
                dataKey="median"
                name="Median"
                stroke={COLORS.median}
                strokeWidth={2}
                dot={{ r: 3 }}
                isAnimationActive={false}
              />
              <Line
                type="monotone"
                dataKey="p90"
                name="90th percentile"
                stroke={COLORS.p90}
                strokeWidth={2}
                strokeDasharray="5 3"
                dot={{ r: 3 }}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </ChartFrame>
      }
      table={
        <DataTable
          label={`Response times per ${hourly ? 'hour' : 'day'}: customer messages received, replied, median and 90th-percentile first response`}
          columns={[
            { label: hourly ? 'Hour (UTC)' : 'Day (UTC)' },
            { label: 'Received', numeric: true },
            { label: 'Replied', numeric: true },
            { label: 'Median', numeric: true },
            { label: 'p90', numeric: true },
          ]}
          rows={points.map((p) => [
            formatBucket(p.bucket, hourly),
            formatCount(p.customerMessages),
            formatCount(p.replied),
            formatSeconds(p.medianSeconds),
            formatSeconds(p.p90Seconds),
          ])}
        />
      }
    />
  );
}
