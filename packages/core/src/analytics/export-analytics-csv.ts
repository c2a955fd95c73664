import type { AnalyticsRangeDto, AnalyticsRangeQuery, AnalyticsReport } from '@replyforce/contracts';
import type { CoreDeps } from '../deps.ts';
import { type CsvCell, toCsv } from './csv.ts';
import { getAgentPerformance } from './get-agent-performance.ts';
import { getAnalyticsOverview } from './get-analytics-overview.ts';
import { getChannelVolume } from './get-channel-volume.ts';
import { getLeadFunnel } from './get-lead-funnel.ts';
import { getResponseTimes } from './get-response-times.ts';
import { getSentimentTrend } from './get-sentiment-trend.ts';

type Table = { range: AnalyticsRangeDto; header: string[]; rows: CsvCell[][] };

/** Seconds and shares as the API gives them, rounded for a spreadsheet. */
const secs = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
const share = (n: number | null) => (n === null ? null : Math.round(n * 10_000) / 10_000);

const TABLES: Record<
  AnalyticsReport,
  (deps: CoreDeps, tenantId: string, q: AnalyticsRangeQuery) => Promise<Table>
> = {
  async overview(deps, tenantId, q) {
    const o = await getAnalyticsOverview(deps, tenantId, q);
    const rows: CsvCell[][] = [
      ['messages_total', o.messages.total],
      ['customer_messages', o.messages.fromCustomers],
      ['ai_messages_sent', o.messages.byAi],
      ['agent_messages_sent', o.messages.byAgents],
      ['replied_customer_messages', o.repliedMessages],
      ['response_rate', share(o.responseRate)],
      ['first_response_median_seconds', secs(o.firstResponse.medianSeconds)],
      ['first_response_p90_seconds', secs(o.firstResponse.p90Seconds)],
      ['conversations', o.autoResolution.conversations],
      ['ai_auto_resolved_conversations', o.autoResolution.resolved],
      ['ai_auto_resolution_rate', share(o.autoResolution.rate)],
      ['escalations', o.escalations.total],
      ['escalations_by_ai', o.escalations.byAi],
      ['escalations_by_people', o.escalations.byPeople],
    ];
    return { range: o.range, header: ['metric', 'value'], rows };
  },
  async 'response-times'(deps, tenantId, q) {
    const r = await getResponseTimes(deps, tenantId, q);
    return {
      range: r.range,
      header: ['bucket_start_utc', 'customer_messages', 'replied', 'median_seconds', 'p90_seconds'],
      rows: r.points.map((p) => [
        p.bucket,
        p.customerMessages,
        p.replied,
        secs(p.medianSeconds),
        secs(p.p90Seconds),
      ]),
    };
  },
  async 'lead-funnel'(deps, tenantId, q) {
    const f = await getLeadFunnel(deps, tenantId, q);
    return { range: f.range, header: ['stage', 'leads'], rows: f.stages.map((s) => [s.stage, s.leads]) };
  },
  async sentiment(deps, tenantId, q) {
    const s = await getSentimentTrend(deps, tenantId, q);
    return {
      range: s.range,
      header: ['bucket_start_utc', 'positive', 'neutral', 'negative', 'mixed', 'average_score'],
      rows: s.points.map((p) => [
        p.bucket,
        p.positive,
        p.neutral,
        p.negative,
        p.mixed,
        p.averageScore === null ? null : Math.round(p.averageScore * 1000) / 1000,
      ]),
    };
  },
  async volume(deps, tenantId, q) {
    const v = await getChannelVolume(deps, tenantId, q);
    return {
      range: v.range,
      header: [
        'channel_id',
        'channel',
        'platform',
        'customer_messages',
        'ai_messages_sent',
        'agent_messages_sent',
      ],
      rows: v.channels.map((c) => [c.channelId, c.name, c.platform, c.fromCustomers, c.byAi, c.byAgents]),
    };
  },
  async 'agent-performance'(deps, tenantId, q) {
    const a = await getAgentPerformance(deps, tenantId, q);
    return {
      range: a.range,
      header: [
        'agent',
        'email',
        'role',
        'messages_sent',
        'conversations',
        'first_responses',
        'median_first_response_seconds',
        'drafts_approved',
        'drafts_rejected',
        'closed',
        'handoffs',
      ],
      rows: a.rows.map((r) => [
        r.kind === 'ai'
          ? 'AI assistant'
          : r.kind === 'external'
            ? 'Outside ReplyForce'
            : (r.name ?? 'Former member'),
        r.email,
        r.role,
        r.messagesSent,
        r.conversations,
        r.firstResponses,
        secs(r.medianFirstResponseSeconds),
        r.draftsApproved,
        r.draftsRejected,
        r.closed,
        r.handoffs,
      ]),
    };
  },
};

/** One report as CSV, and the file name a browser should save it under. */
export async function exportAnalyticsCsv(
  deps: CoreDeps,
  tenantId: string,
  query: AnalyticsRangeQuery & { report: AnalyticsReport },
): Promise<{ filename: string; csv: string }> {
  const { report, ...range } = query;
  const table = await TABLES[report](deps, tenantId, range);
  return {
    filename: `replyforce-${report}-${table.range.from}-to-${table.range.to}.csv`,
    csv: toCsv(table.header, table.rows),
  };
}
