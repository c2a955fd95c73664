import type { VolumeDto } from '@replyforce/contracts';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { isPlatform, PLATFORM_INFO } from '../../lib/platforms.ts';
import { useAnalyticsReport } from './analytics-api.ts';
import { axisProps, ChartFrame, ChartTooltip, gridProps, SERIES } from './chart-theme.tsx';
import { DataTable } from './data-table.tsx';
import { bucketStarts, type DateRange, isHourly } from './date-range.ts';
import { countOf, formatBucket, formatCount } from './format-analytics.ts';
import { ReportCard } from './report-card.tsx';

const count = (n: number | null) => (n === null ? '—' : formatCount(n));
const platformLabel = (p: string) => (isPlatform(p) ? PLATFORM_INFO[p].label : p);

/** Every bucket of the range as { label, [channelId]: customer messages }, for stacked bars. */
function byBucket(v: VolumeDto, hourly: boolean) {
  const rows = new Map<string, Record<string, string | number>>(
    bucketStarts(v.range).map((b) => [b, { label: formatBucket(b, hourly) }]),
  );
  for (const p of v.points) {
    const row = rows.get(p.bucket);
    if (row) row[p.channelId] = p.fromCustomers;
  }
  return [...rows.values()];
}

function summary(v: VolumeDto): string {
  const busiest = v.channels.reduce<VolumeDto['channels'][number] | undefined>(
    (a, c) => (!a || c.fromCustomers > a.fromCustomers ? c : a),
    undefined,
  );
  if (!busiest || busiest.fromCustomers === 0) return 'No customer wrote in this range.';
  return `Busiest channel: ${busiest.name} (${platformLabel(busiest.platform)}) with ${countOf(busiest.fromCustomers, 'customer message')}.`;
}

/** Messages per channel: customers', the AI's and people's; customer messages over time. */
export function VolumeReport({ range }: { range: DateRange }) {
  const query = useAnalyticsReport('volume', range);
  const v = query.data;
  const hourly = v ? v.range.bucket === 'hour' : isHourly(range);
  const channels = v?.channels ?? [];
  const rows = v ? byBucket(v, hourly) : [];
  const busy = channels.filter((c) => c.fromCustomers + c.byAi + c.byAgents > 0);
  return (
    <ReportCard
      title="Volume per channel"
      description={`Customer messages per ${hourly ? 'hour' : 'day'} (UTC) and channel; totals below.`}
      report="volume"
      range={range}
      query={query}
      empty={busy.length === 0}
      emptyText="No messages in this range"
      summary={v ? summary(v) : undefined}
      chart={
        <ChartFrame>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart
              data={rows}
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
              {channels.map((c, i) => (
                <Bar
                  key={c.channelId}
                  dataKey={c.channelId}
                  name={c.name}
                  stackId="v"
                  fill={SERIES[i % SERIES.length]}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </ChartFrame>
      }
      table={
        <DataTable
          label={`Customer messages per ${hourly ? 'hour' : 'day'} and channel`}
          columns={[
            { label: hourly ? 'Hour (UTC)' : 'Day (UTC)' },
            ...channels.map((c) => ({ label: c.name, numeric: true })),
          ]}
          rows={rows
            .filter((r) => channels.some((c) => Number(r[c.channelId] ?? 0) > 0))
            .map((r) => [String(r.label), ...channels.map((c) => formatCount(Number(r[c.channelId] ?? 0)))])}
        />
      }
      footer={
        <DataTable
          label="Messages per channel"
          columns={[
            { label: 'Channel' },
            { label: 'Platform' },
            { label: 'From customers', numeric: true },
            { label: 'By the AI', numeric: true },
            { label: 'By people', numeric: true },
          ]}
          rows={channels.map((c) => [
            c.name,
            platformLabel(c.platform),
            formatCount(c.fromCustomers),
            formatCount(c.byAi),
            formatCount(c.byAgents),
          ])}
        />
      }
    />
  );
}
