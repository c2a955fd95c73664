import type {
  AgentPerformanceDto,
  AnalyticsOverviewDto,
  AnalyticsReport,
  LeadFunnelDto,
  ResponseTimesDto,
  SentimentDto,
  VolumeDto,
} from '@replyforce/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, refreshSession } from '../../lib/api.ts';
import { ApiError, errorFromResponse } from '../../lib/api-error.ts';
import { getAccessToken } from '../../lib/session-store.ts';
import { useTenantKey } from '../auth/use-session.ts';
import type { DateRange } from './date-range.ts';

interface Reports {
  overview: AnalyticsOverviewDto;
  'response-times': ResponseTimesDto;
  'lead-funnel': LeadFunnelDto;
  sentiment: SentimentDto;
  volume: VolumeDto;
  'agent-performance': AgentPerformanceDto;
}

/** One report for the range. The previous range's figures stay on screen while the next load. */
export function useAnalyticsReport<R extends AnalyticsReport>(report: R, range: DateRange) {
  const tenantKey = useTenantKey();
  return useQuery({
    queryKey: [...tenantKey, 'analytics', report, range.from, range.to],
    queryFn: ({ signal }) =>
      api.get<Reports[R]>(`/analytics/${report}?${new URLSearchParams({ from: range.from, to: range.to })}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

async function fetchCsv(url: string, token: string | null): Promise<Response> {
  try {
    return await fetch(url, {
      headers: { accept: 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      credentials: 'include',
    });
  } catch {
    throw new ApiError({
      code: 'NETWORK_ERROR',
      status: 0,
      message: 'Cannot reach the ReplyForce server. Check your connection and try again.',
    });
  }
}

async function failure(response: Response): Promise<ApiError> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return errorFromResponse(response, body);
}

/**
 * Downloads one report as the server's CSV file. The token lives in memory only, so a plain link
 * cannot carry it: the file is fetched, then handed to the browser as a download. An expired token
 * is refreshed once, like every other request.
 */
export async function downloadAnalyticsCsv(report: AnalyticsReport, range: DateRange): Promise<void> {
  const url = `/api/v1/analytics/export.csv?${new URLSearchParams({ report, from: range.from, to: range.to })}`;
  let response = await fetchCsv(url, getAccessToken());
  if (response.status === 401) {
    const session = await refreshSession().catch(() => null);
    if (session) response = await fetchCsv(url, session.accessToken);
  }
  if (!response.ok) throw await failure(response);
  const disposition = response.headers.get('content-disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `replyforce-${report}.csv`;
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the file over; give the browser a moment before the URL goes.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
