import type {
  CrmConnectDto,
  CrmConnectionDto,
  CrmFieldList,
  CrmMappingDto,
  CrmSyncStatusDto,
  CrmVendorId,
} from '@replyforce/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { z } from 'zod';
import { api } from '../../lib/api.ts';
import { leadKeys, type TenantKey } from '../../lib/query-keys.ts';
import { useDocumentVisible } from '../../lib/use-document-visible.ts';
import { useTenantKey } from '../auth/use-session.ts';
import type { MappingItem } from './mapping-draft.ts';
import { isSyncBusy } from './sync-status.ts';

// Types only: the schemas stay on the server side of the bundle.
export type CrmConnection = CrmConnectionDto;
export type CrmSyncStatus = z.infer<typeof CrmSyncStatusDto>;
export type CrmDeadLetter = CrmSyncStatus['deadLetters'][number];
export type CrmFailure = CrmSyncStatus['failures'][number];
type FieldList = z.infer<typeof CrmFieldList>;
type ConnectAnswer = z.infer<typeof CrmConnectDto>;

/** The server announces no CRM events: connection state (needs_reauth, last sync) is looked at now and then. */
const INTEGRATIONS_POLL_MS = 30_000;
/** The sync panel while work is moving, and when it is idle. */
const STATUS_BUSY_POLL_MS = 2_000;
const STATUS_IDLE_POLL_MS = 15_000;

// Outside the realtime-invalidated prefixes: nothing on the socket concerns these.
const crmKeys = {
  all: (tenant: TenantKey) => [...tenant, 'crm'] as const,
  integrations: (tenant: TenantKey) => [...tenant, 'crm', 'integrations'] as const,
  mapping: (tenant: TenantKey, id: string) => [...tenant, 'crm', 'mapping', id] as const,
  fields: (tenant: TenantKey, id: string) => [...tenant, 'crm', 'fields', id] as const,
  status: (tenant: TenantKey) => [...tenant, 'crm', 'status'] as const,
};

const path = (id: string) => `/crm/integrations/${encodeURIComponent(id)}`;

export function useCrmIntegrations() {
  const tenantKey = useTenantKey();
  const visible = useDocumentVisible();
  return useQuery({
    queryKey: crmKeys.integrations(tenantKey),
    queryFn: ({ signal }) => api.get<{ items: CrmConnection[] }>('/crm/integrations', { signal }),
    select: (page) => page.items,
    refetchInterval: visible ? INTEGRATIONS_POLL_MS : false,
  });
}

/** Connecting changes every lead's CRM side and the sync counts: everything CRM is read again. */
export function useReloadCrm() {
  const queryClient = useQueryClient();
  const [, tenantId] = useTenantKey();
  return useCallback(() => {
    const tenantKey: TenantKey = ['tenant', tenantId];
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: crmKeys.all(tenantKey) }),
      queryClient.invalidateQueries({ queryKey: leadKeys.all(tenantKey) }),
    ]);
  }, [queryClient, tenantId]);
}

/**
 * Starts the CRM's OAuth flow: the server answers with the consent page's address and the browser
 * goes there; the CRM then sends it back to /crm/callback/:vendor.
 */
export function useStartCrmConnect() {
  return useMutation({
    mutationFn: (input: { vendor: CrmVendorId; region?: string }) =>
      api.post<ConnectAnswer>('/crm/connect', input),
    onSuccess: ({ authorizeUrl }) => {
      if (authorizeUrl) window.location.assign(authorizeUrl);
    },
  });
}

/** A private-app token or API key connects at once, after the server checked it with one call. */
export function useConnectCrmWithToken() {
  const refresh = useReloadCrm();
  return useMutation({
    mutationFn: (input: { vendor: CrmVendorId; token: string; apiBase?: string }) =>
      api.post<ConnectAnswer>('/crm/connect', input),
    onSuccess: () => refresh(),
  });
}

const completions = new Map<string, Promise<CrmConnection>>();

/**
 * Hands the CRM's answer to the server. A code works once, so the request is made once per `state`
 * even if the page renders twice (StrictMode) or the query is refetched.
 */
export function completeCrmConnect(body: {
  state: string;
  code?: string;
  error?: string;
  extra?: Record<string, string>;
}): Promise<CrmConnection> {
  let pending = completions.get(body.state);
  if (!pending) {
    pending = api.post<CrmConnection>('/crm/connect/complete', body);
    completions.set(body.state, pending);
  }
  return pending;
}

export function useUpdateEraseMode(id: string) {
  const queryClient = useQueryClient();
  const tenantKey = useTenantKey();
  return useMutation({
    mutationFn: (eraseMode: CrmConnection['eraseMode']) => api.patch<CrmConnection>(path(id), { eraseMode }),
    onSuccess: (updated) => {
      queryClient.setQueryData<{ items: CrmConnection[] }>(crmKeys.integrations(tenantKey), (page) =>
        page ? { items: page.items.map((item) => (item.id === updated.id ? updated : item)) } : page,
      );
    },
  });
}

export function useDisconnectCrm() {
  const refresh = useReloadCrm();
  return useMutation({
    mutationFn: (id: string) => api.delete(path(id)),
    onSettled: () => refresh(),
  });
}

export function useCrmMapping(id: string) {
  const tenantKey = useTenantKey();
  return useQuery({
    queryKey: crmKeys.mapping(tenantKey, id),
    queryFn: ({ signal }) => api.get<z.infer<typeof CrmMappingDto>>(`${path(id)}/mapping`, { signal }),
    select: (page): MappingItem[] => page.items,
    // The mapping changes when someone saves it here; a refetch would not undo edits, but it is noise.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useCrmFields(id: string) {
  const tenantKey = useTenantKey();
  return useQuery({
    queryKey: crmKeys.fields(tenantKey, id),
    queryFn: ({ signal }) => api.get<FieldList>(`${path(id)}/fields`, { signal }),
    // Cached by the server; fields change when someone edits the CRM, not while the page is open.
    staleTime: 5 * 60_000,
  });
}

/** Reads the field list from the CRM again (a field was just added there). */
export function useRefreshCrmFields(id: string) {
  const queryClient = useQueryClient();
  const tenantKey = useTenantKey();
  return useMutation({
    mutationFn: () => api.get<FieldList>(`${path(id)}/fields?refresh=true`),
    onSuccess: (list) => queryClient.setQueryData(crmKeys.fields(tenantKey, id), list),
  });
}

export function useSaveCrmMapping(id: string) {
  const queryClient = useQueryClient();
  const tenantKey = useTenantKey();
  return useMutation({
    mutationFn: (items: MappingItem[]) =>
      api.put<z.infer<typeof CrmMappingDto>>(`${path(id)}/mapping`, { items }),
    onSuccess: (saved) => {
      queryClient.setQueryData(crmKeys.mapping(tenantKey, id), saved);
      // Saving read the field list from the CRM (and created ReplyForce's own fields where named).
      void queryClient.invalidateQueries({ queryKey: crmKeys.fields(tenantKey, id) });
    },
  });
}

export function useCrmSyncStatus() {
  const tenantKey = useTenantKey();
  const visible = useDocumentVisible();
  return useQuery({
    queryKey: crmKeys.status(tenantKey),
    queryFn: ({ signal }) => api.get<CrmSyncStatus>('/crm/sync/status', { signal }),
    refetchInterval: (query) => {
      if (!visible) return false;
      const data = query.state.data;
      return data && isSyncBusy(data.counts) ? STATUS_BUSY_POLL_MS : STATUS_IDLE_POLL_MS;
    },
  });
}

/**
 * A connection's "last sync" and last error move with the queue: when the panel sees syncs end or
 * fail, the connections are read again rather than waiting for their own poll.
 */
export function useFollowSyncs(status: CrmSyncStatus | undefined) {
  const queryClient = useQueryClient();
  const [, tenantId] = useTenantKey();
  const signature = status
    ? `${status.counts.synced}:${status.counts.failed}:${status.counts.dead}:${status.failures[0]?.updatedAt ?? ''}`
    : null;
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (signature === null) return;
    if (seen.current !== null && seen.current !== signature) {
      void queryClient.invalidateQueries({ queryKey: crmKeys.integrations(['tenant', tenantId]) });
    }
    seen.current = signature;
  }, [signature, queryClient, tenantId]);
}

export function useRetryCrmDeadLetter() {
  const queryClient = useQueryClient();
  const tenantKey = useTenantKey();
  return useMutation({
    mutationFn: (id: string) => api.post<{ jobId: string }>(`/crm/sync/dlq/${encodeURIComponent(id)}/retry`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: crmKeys.status(tenantKey) }),
  });
}
