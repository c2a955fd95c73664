import type { ChannelDto, ChannelStatusDto, ConnectChannelDto, PlatformId } from '@replyforce/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { channelKeys } from '../../lib/query-keys.ts';
import { useTenantKey } from '../auth/use-session.ts';

/** Mirrors TemplateDto in packages/contracts/src/channels.ts (only its schema is exported). */
export interface ChannelTemplate {
  name: string;
  language: string;
  status: string;
  category: string;
  body: string;
}

export function useChannels(options: { enabled?: boolean } = {}) {
  const tenantKey = useTenantKey();
  return useQuery({
    queryKey: channelKeys.list(tenantKey),
    queryFn: ({ signal }) => api.get<{ items: ChannelDto[] }>('/channels', { signal }),
    select: (page) => page.items,
    enabled: options.enabled,
  });
}

export function useChannelTemplates(channelId: string | null) {
  const tenantKey = useTenantKey();
  return useQuery({
    queryKey: channelKeys.templates(tenantKey, channelId ?? ''),
    queryFn: ({ signal }) =>
      api.get<{ items: ChannelTemplate[] }>(`/channels/${encodeURIComponent(channelId ?? '')}/templates`, {
        signal,
      }),
    select: (page) => page.items,
    enabled: channelId !== null,
    // Templates change when someone edits them in WhatsApp Manager, not while a page is open.
    staleTime: 5 * 60_000,
  });
}

export function isApprovedTemplate(template: ChannelTemplate): boolean {
  return template.status.toUpperCase() === 'APPROVED';
}

/** Asks the platform, right now, whether the channel's token still works. */
export function useCheckChannelStatus() {
  const queryClient = useQueryClient();
  const tenantKey = useTenantKey();
  return useMutation({
    mutationFn: (id: string) => api.get<ChannelStatusDto>(`/channels/${encodeURIComponent(id)}/status`),
    onSuccess: (result) => {
      queryClient.setQueryData<{ items: ChannelDto[] }>(channelKeys.list(tenantKey), (page) =>
        page
          ? { items: page.items.map((item) => (item.id === result.channel.id ? result.channel : item)) }
          : page,
      );
    },
  });
}

export function useDisconnectChannel() {
  const queryClient = useQueryClient();
  const tenantKey = useTenantKey();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/channels/${encodeURIComponent(id)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: channelKeys.all(tenantKey) }),
  });
}

/**
 * Starts the platform's OAuth flow: the server answers with the consent page's address and the
 * browser goes there; the platform then sends it back to /channels/callback/:platform.
 */
export function useStartConnect() {
  return useMutation({
    mutationFn: (platform: PlatformId) => api.post<ConnectChannelDto>('/channels/connect', { platform }),
    onSuccess: ({ authorizeUrl }) => {
      window.location.assign(authorizeUrl);
    },
  });
}

const completions = new Map<string, Promise<{ items: ChannelDto[] }>>();

/**
 * Hands the platform's answer to the server. A code works once, so the request is made once per
 * `state` even if the page renders twice (StrictMode) or the query is refetched.
 */
export function completeConnect(body: {
  state: string;
  code?: string;
  error?: string;
}): Promise<{ items: ChannelDto[] }> {
  let pending = completions.get(body.state);
  if (!pending) {
    pending = api.post<{ items: ChannelDto[] }>('/channels/connect/complete', body);
    completions.set(body.state, pending);
  }
  return pending;
}
