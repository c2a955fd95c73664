import { z } from 'zod';

// Analytics (seed 001 §4.3, seed 003 KPIs). Figures are computed in SQL over stored messages,
// leads and the audit log; docs/analytics.md defines each one.

export * from './analytics-range.ts';

/** `YYYY-MM-DD`, a real calendar day, read in UTC. */
const Day = z.iso.date();

export const AnalyticsRangeQuery = z.strictObject({
  from: Day.optional(),
  to: Day.optional(),
});
export type AnalyticsRangeQuery = z.infer<typeof AnalyticsRangeQuery>;

export const ANALYTICS_REPORTS = [
  'overview',
  'response-times',
  'lead-funnel',
  'sentiment',
  'volume',
  'agent-performance',
] as const;
export type AnalyticsReport = (typeof ANALYTICS_REPORTS)[number];

export const AnalyticsExportQuery = AnalyticsRangeQuery.extend({ report: z.enum(ANALYTICS_REPORTS) });

/** The range a report covers, as the server resolved it (defaults applied). */
export const AnalyticsRangeDto = z.object({
  from: Day,
  to: Day,
  bucket: z.enum(['hour', 'day']),
  timeZone: z.literal('UTC'),
});
export type AnalyticsRangeDto = z.infer<typeof AnalyticsRangeDto>;

const Count = z.number().int().min(0);
/** Seconds; null when nothing was measured. */
const Seconds = z.number().min(0).nullable();
/** A share between 0 and 1; null when its denominator is 0. */
const Ratio = z.number().min(0).max(1).nullable();
/** Start of a bucket, ISO 8601 in UTC. */
const Bucket = z.iso.datetime();

export const AnalyticsOverviewDto = z.object({
  range: AnalyticsRangeDto,
  messages: z.object({
    /** Every message in and out: customer messages received plus messages the AI and people sent. */
    total: Count,
    fromCustomers: Count,
    byAi: Count,
    byAgents: Count,
  }),
  /** Customer messages that got a reply (AI or person) / customer messages. */
  responseRate: Ratio,
  repliedMessages: Count,
  firstResponse: z.object({ medianSeconds: Seconds, p90Seconds: Seconds }),
  autoResolution: z.object({
    rate: Ratio,
    /** Conversations with a customer message in the range. */
    conversations: Count,
    /** Of those, closed or idle with only AI replies and no hand-off. */
    resolved: Count,
  }),
  escalations: z.object({ total: Count, byAi: Count, byPeople: Count }),
});
export type AnalyticsOverviewDto = z.infer<typeof AnalyticsOverviewDto>;

export const ResponseTimePointDto = z.object({
  bucket: Bucket,
  customerMessages: Count,
  replied: Count,
  medianSeconds: Seconds,
  p90Seconds: Seconds,
});
export const ResponseTimesDto = z.object({ range: AnalyticsRangeDto, points: z.array(ResponseTimePointDto) });
export type ResponseTimesDto = z.infer<typeof ResponseTimesDto>;

export const FUNNEL_STAGES = ['COLD', 'WARM', 'HOT', 'synced'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export const LeadFunnelDto = z.object({
  range: AnalyticsRangeDto,
  /** Leads that reached each stage, COLD first; every stage counts the leads of the next ones too. */
  stages: z.array(z.object({ stage: z.enum(FUNNEL_STAGES), leads: Count })),
});
export type LeadFunnelDto = z.infer<typeof LeadFunnelDto>;

export const SENTIMENTS = ['positive', 'neutral', 'negative', 'mixed'] as const;
export const SentimentPointDto = z.object({
  bucket: Bucket,
  positive: Count,
  neutral: Count,
  negative: Count,
  mixed: Count,
  /** Mean sentiment score of the bucket's analysed messages, -1..1. */
  averageScore: z.number().min(-1).max(1).nullable(),
});
export const SentimentDto = z.object({ range: AnalyticsRangeDto, points: z.array(SentimentPointDto) });
export type SentimentDto = z.infer<typeof SentimentDto>;

export const ChannelVolumeDto = z.object({
  channelId: z.uuid(),
  name: z.string(),
  platform: z.string(),
  fromCustomers: Count,
  byAi: Count,
  byAgents: Count,
});
export const VolumeDto = z.object({
  range: AnalyticsRangeDto,
  channels: z.array(ChannelVolumeDto),
  /** Customer messages per bucket and channel; buckets without any are left out. */
  points: z.array(z.object({ bucket: Bucket, channelId: z.uuid(), fromCustomers: Count })),
});
export type VolumeDto = z.infer<typeof VolumeDto>;

export const AgentPerformanceRowDto = z.object({
  /** external: replies sent from the platform's own app, outside ReplyForce (no author known). */
  kind: z.enum(['ai', 'member', 'external']),
  /** null for the AI and for external replies. */
  userId: z.uuid().nullable(),
  /** null for someone no longer in the workspace. */
  name: z.string().nullable(),
  email: z.string().nullable(),
  role: z.string().nullable(),
  /** Messages they sent in the range (the AI's holding messages on hand-offs included). */
  messagesSent: Count,
  /** Conversations they sent a message in. */
  conversations: Count,
  /** Customer messages whose first reply was theirs, and how long it took (median). */
  firstResponses: Count,
  medianFirstResponseSeconds: Seconds,
  /** The AI: its drafts people approved / rejected. A person: drafts they approved / rejected. */
  draftsApproved: Count,
  draftsRejected: Count,
  /** Conversations a person closed; null for the AI. */
  closed: Count.nullable(),
  /** Hand-offs the AI made; null for people. */
  handoffs: Count.nullable(),
});
export type AgentPerformanceRowDto = z.infer<typeof AgentPerformanceRowDto>;
export const AgentPerformanceDto = z.object({
  range: AnalyticsRangeDto,
  rows: z.array(AgentPerformanceRowDto),
});
export type AgentPerformanceDto = z.infer<typeof AgentPerformanceDto>;
