import {
  AgentPerformanceDto,
  AnalyticsExportQuery,
  AnalyticsOverviewDto,
  AnalyticsRangeQuery,
  LeadFunnelDto,
  ResponseTimesDto,
  SentimentDto,
  VolumeDto,
} from '@replyforce/contracts';
import {
  type CoreDeps,
  exportAnalyticsCsv,
  getAgentPerformance,
  getAnalyticsOverview,
  getChannelVolume,
  getLeadFunnel,
  getResponseTimes,
  getSentimentTrend,
} from '@replyforce/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../schemas.ts';

const secured = { tags: ['analytics'], security: [{ bearer: [] }] };
const RANGE_NOTE = 'from/to are UTC days (YYYY-MM-DD, both included; default the last 7 days, at most 366)';
const report = (summary: string) =>
  ({ ...secured, summary, description: RANGE_NOTE, querystring: AnalyticsRangeQuery }) as const;

/** /api/v1/analytics — figures computed in SQL over stored data (docs/analytics.md). */
export function analyticsRoutes(deps: CoreDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/overview',
      {
        config: { access: 'read:analytics' },
        schema: {
          ...report(
            'Messages, response rate, median and p90 first-response time, AI auto-resolution, escalations',
          ),
          response: { 200: AnalyticsOverviewDto, ...errorResponses },
        },
      },
      async (request) => getAnalyticsOverview(deps, actorOf(request).tenantId, request.query),
    );

    app.get(
      '/response-times',
      {
        config: { access: 'read:analytics' },
        schema: {
          ...report('First-response time per hour or day'),
          response: { 200: ResponseTimesDto, ...errorResponses },
        },
      },
      async (request) => getResponseTimes(deps, actorOf(request).tenantId, request.query),
    );

    app.get(
      '/lead-funnel',
      {
        config: { access: 'read:analytics' },
        schema: {
          ...report('Leads by the furthest stage reached: COLD, WARM, HOT, in the CRM'),
          response: { 200: LeadFunnelDto, ...errorResponses },
        },
      },
      async (request) => getLeadFunnel(deps, actorOf(request).tenantId, request.query),
    );

    app.get(
      '/sentiment',
      {
        config: { access: 'read:analytics' },
        schema: {
          ...report('Customer messages per hour or day by sentiment'),
          response: { 200: SentimentDto, ...errorResponses },
        },
      },
      async (request) => getSentimentTrend(deps, actorOf(request).tenantId, request.query),
    );

    app.get(
      '/volume',
      {
        config: { access: 'read:analytics' },
        schema: { ...report('Messages per channel'), response: { 200: VolumeDto, ...errorResponses } },
      },
      async (request) => getChannelVolume(deps, actorOf(request).tenantId, request.query),
    );

    app.get(
      '/agent-performance',
      {
        config: { access: 'read:analytics' },
        schema: {
          ...report('The AI and each person: replies, first responses, drafts reviewed'),
          response: { 200: AgentPerformanceDto, ...errorResponses },
        },
      },
      async (request) => getAgentPerformance(deps, actorOf(request).tenantId, request.query),
    );

    app.get(
      '/export.csv',
      {
        config: { access: 'export:analytics' },
        schema: {
          ...secured,
          summary: 'One report as a CSV file',
          description: RANGE_NOTE,
          querystring: AnalyticsExportQuery,
          response: { 200: z.string().describe('The report as CSV, a header line first'), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { filename, csv } = await exportAnalyticsCsv(deps, actorOf(request).tenantId, request.query);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${filename}"`)
          .header('cache-control', 'no-store')
          .send(csv);
      },
    );
  };
}
