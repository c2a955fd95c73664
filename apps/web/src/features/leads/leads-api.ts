import type {
  CrmForceSyncDto,
  LeadDetailDto,
  LeadDto,
  LeadPage,
  LeadStatsDto,
  LeadTagBody,
} from '@replyforce/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api.ts';
import { leadKeys, type TenantKey } from '../../lib/query-keys.ts';
import { useRealtimeStatus } from '../../lib/realtime.ts';
import { useTenantKey } from '../auth/use-session.ts';
import { type LeadListQuery, toSearchParams } from './lead-filters.ts';

// Types only: the schemas stay on the server side of the bundle.
export type Lead = LeadDto;
export type LeadDetail = z.infer<typeof LeadDetailDto>;
export type LeadScoreEvent = LeadDetail['history'][number];
export type LeadStats = z.infer<typeof LeadStatsDto>;
export type LeadTag = Lead['tag'];
type LeadListPage = z.infer<typeof LeadPage>;

const PAGE_SIZE = 25;
/** Without the live connection, lists still catch up now and then. */
const FALLBACK_POLL_MS = 20_000;
/** A sync the person just asked for: look again until the CRM worker has finished it. */
const SYNC_POLL_MS = 3_000;

// Every key sits under leadKeys.all, which lib/realtime.ts invalidates on `lead.updated`.
const keys = {
  list: (tenant: TenantKey, query: LeadListQuery) => [...leadKeys.all(tenant), 'list', query] as const,
  stats: (tenant: TenantKey) => [...leadKeys.all(tenant), 'stats'] as const,
  detail: (tenant: TenantKey, id: string) => [...leadKeys.all(tenant), 'detail', id] as const,
};

export function useLeads(query: LeadListQuery) {
  const tenantKey = useTenantKey();
  const live = useRealtimeStatus() === 'live';
  return useInfiniteQuery({
    queryKey: keys.list(tenantKey, query),
    initialPageParam: '',
    queryFn: ({ pageParam, signal }) => {
      const params = toSearchParams(query);
      params.set('limit', String(PAGE_SIZE));
      if (pageParam) params.set('cursor', pageParam);
      return api.get<LeadListPage>(`/leads?${params}`, { signal });
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: live ? false : FALLBACK_POLL_MS,
  });
}

export function useLeadStats() {
  const tenantKey = useTenantKey();
  const live = useRealtimeStatus() === 'live';
  return useQuery({
    queryKey: keys.stats(tenantKey),
    queryFn: ({ signal }) => api.get<LeadStats>('/leads/stats', { signal }),
    refetchInterval: live ? false : FALLBACK_POLL_MS,
  });
}

/** True while a CRM has the lead queued or in flight: the answer will change without an event. */
export function isSyncInFlight(lead: Pick<Lead, 'crm'> | undefined): boolean {
  return (lead?.crm ?? []).some((state) => state.status === 'pending' || state.status === 'syncing');
}

export function useLead(id: string) {
  const tenantKey = useTenantKey();
  const live = useRealtimeStatus() === 'live';
  return useQuery({
    queryKey: keys.detail(tenantKey, id),
    queryFn: ({ signal }) => api.get<LeadDetail>(`/leads/${encodeURIComponent(id)}`, { signal }),
    // The server announces score and tag changes, not the end of a CRM sync: poll while one runs.
    refetchInterval: (query) =>
      isSyncInFlight(query.state.data) ? SYNC_POLL_MS : live ? false : FALLBACK_POLL_MS,
  });
}

export function useSetLeadTag(id: string) {
  const queryClient = useQueryClient();
  const tenantKey = useTenantKey();
  return useMutation({
    mutationFn: (tag: z.infer<typeof LeadTagBody>['tag']) =>
      api.patch<Lead>(`/leads/${encodeURIComponent(id)}/tag`, { tag }),
    onSuccess: (lead) => {
      queryClient.setQueryData<LeadDetail>(keys.detail(tenantKey, id), (detail) =>
        detail ? { ...detail, ...lead, crm: lead.crm ?? detail.crm } : detail,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: leadKeys.all(tenantKey) }),
  });
}

export function useForceCrmSync(leadId: string) {
  const queryClient = useQueryClient();
  const tenantKey = useTenantKey();
  return useMutation({
    mutationFn: () => api.post<z.infer<typeof CrmForceSyncDto>>(`/crm/sync/${encodeURIComponent(leadId)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.detail(tenantKey, leadId) }),
  });
}
