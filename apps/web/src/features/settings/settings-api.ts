import type { AutoReplyRules, BrandVoice } from '@replyforce/ai/settings/schema.ts';
import type { KbItemDto, KbSearchResult, ReplyTemplateDto } from '@replyforce/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api.ts';
import type { TenantKey } from '../../lib/query-keys.ts';
import { useTenantKey } from '../auth/use-session.ts';

// Types only: the schemas (and zod) stay out of the dashboard bundle.
export type { AutoReplyRules, BrandVoice };
export type KbItem = z.infer<typeof KbItemDto>;
export type KbKind = KbItem['kind'];
export type KbHit = z.infer<typeof KbSearchResult>['items'][number];
export type ReplyTemplate = z.infer<typeof ReplyTemplateDto>;

/** Mirrors the answer of GET /settings/ai-provider (apps/server/src/routes/settings). */
export interface LlmSettings {
  configured: boolean;
  provider: LlmProvider | null;
  model: string | null;
  understandModel: string | null;
  baseUrl: string | null;
  hasApiKey: boolean;
  enabled: boolean;
  usage: {
    plan: string;
    tokensToday: number;
    tokensThisMonth: number;
    dailyLimit: number;
    monthlyLimit: number;
    costUsdThisMonth: number;
    callsThisMonth: number;
  };
}
export type LlmProvider = 'openai' | 'anthropic' | 'openai-compatible';

/** PUT /settings/ai-provider; an absent apiKey keeps the stored one. */
export interface LlmInput {
  provider: LlmProvider;
  model: string;
  understandModel?: string;
  baseUrl?: string;
  apiKey?: string;
  enabled: boolean;
}

export interface KbItemInput {
  kind: KbKind;
  title?: string;
  question?: string;
  body: string;
}

export interface TemplateInput {
  name: string;
  intent: string;
  language: string | null;
  body: string;
}

const keys = {
  settings: (tenant: TenantKey, name: string) => [...tenant, 'settings', name] as const,
  kb: (tenant: TenantKey) => [...tenant, 'kb'] as const,
  kbList: (tenant: TenantKey, kind: KbKind | '') => [...tenant, 'kb', 'list', kind] as const,
  kbSearch: (tenant: TenantKey, q: string) => [...tenant, 'kb', 'search', q] as const,
  templates: (tenant: TenantKey) => [...tenant, 'templates'] as const,
};

/** A settings document read with GET and replaced whole with PUT; the answer is the stored value. */
function useSettingsDocument<T>(name: string, path: string) {
  const tenantKey = useTenantKey();
  return useQuery({
    queryKey: keys.settings(tenantKey, name),
    queryFn: ({ signal }) => api.get<T>(path, { signal }),
  });
}

function useSaveSettingsDocument<T>(name: string, path: string) {
  const queryClient = useQueryClient();
  const tenantKey = useTenantKey();
  return useMutation({
    mutationFn: (body: T) => api.put<T>(path, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.settings(tenantKey, name), saved);
      return queryClient.invalidateQueries({ queryKey: [...tenantKey, 'audit'] });
    },
  });
}

export const useBrandVoice = () => useSettingsDocument<BrandVoice>('brand-voice', '/settings/brand-voice');
export const useSaveBrandVoice = () =>
  useSaveSettingsDocument<BrandVoice>('brand-voice', '/settings/brand-voice');
export const useAutoReplyRules = () =>
  useSettingsDocument<AutoReplyRules>('auto-reply', '/settings/auto-reply');
export const useSaveAutoReplyRules = () =>
  useSaveSettingsDocument<AutoReplyRules>('auto-reply', '/settings/auto-reply');

/** The model and token use; the server answers only to `manage:ai_settings`. */
export function useLlmSettings(enabled: boolean) {
  const tenantKey = useTenantKey();
  return useQuery({
    queryKey: keys.settings(tenantKey, 'ai-provider'),
    queryFn: ({ signal }) => api.get<LlmSettings>('/settings/ai-provider', { signal }),
    enabled,
  });
}

export function useSaveLlmSettings() {
  const queryClient = useQueryClient();
  const tenantKey = useTenantKey();
  return useMutation({
    mutationFn: (body: LlmInput) => api.put<LlmSettings>('/settings/ai-provider', body),
    onSuccess: (saved) => queryClient.setQueryData(keys.settings(tenantKey, 'ai-provider'), saved),
  });
}

export function useRemoveLlmSettings() {
  const queryClient = useQueryClient();
  const tenantKey = useTenantKey();
  return useMutation({
    mutationFn: () => api.delete<LlmSettings>('/settings/ai-provider'),
    onSuccess: (saved) => queryClient.setQueryData(keys.settings(tenantKey, 'ai-provider'), saved),
  });
}

export function useKbItems(kind: KbKind | '') {
  const tenantKey = useTenantKey();
  return useQuery({
    queryKey: keys.kbList(tenantKey, kind),
    queryFn: ({ signal }) =>
      api.get<{ items: KbItem[] }>(kind ? `/kb/items?kind=${kind}` : '/kb/items', { signal }),
    select: (page) => page.items,
  });
}

/** What a reply would find for this question, as the pipeline searches it. */
export function useKbSearch(q: string) {
  const tenantKey = useTenantKey();
  return useQuery({
    queryKey: keys.kbSearch(tenantKey, q),
    queryFn: ({ signal }) =>
      api.get<{ items: KbHit[] }>(`/kb/search?${new URLSearchParams({ q, limit: '5' })}`, { signal }),
    select: (page) => page.items,
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
}

function useInvalidateKb() {
  const queryClient = useQueryClient();
  const tenantKey = useTenantKey();
  return () => queryClient.invalidateQueries({ queryKey: keys.kb(tenantKey) });
}

export function useSaveKbItem() {
  const invalidate = useInvalidateKb();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: KbItemInput }) =>
      id ? api.put<KbItem>(`/kb/items/${encodeURIComponent(id)}`, body) : api.post<KbItem>('/kb/items', body),
    onSuccess: invalidate,
  });
}

export function useDeleteKbItem() {
  const invalidate = useInvalidateKb();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/kb/items/${encodeURIComponent(id)}`),
    onSettled: invalidate,
  });
}

export function useTemplates() {
  const tenantKey = useTenantKey();
  return useQuery({
    queryKey: keys.templates(tenantKey),
    queryFn: ({ signal }) => api.get<{ items: ReplyTemplate[] }>('/templates', { signal }),
    select: (page) => page.items,
  });
}

export function useSaveTemplate() {
  const queryClient = useQueryClient();
  const tenantKey = useTenantKey();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: TemplateInput }) =>
      id
        ? api.put<ReplyTemplate>(`/templates/${encodeURIComponent(id)}`, body)
        : api.post<ReplyTemplate>('/templates', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.templates(tenantKey) }),
  });
}

export function useDeleteTemplate() {
  const queryClient = useQueryClient();
  const tenantKey = useTenantKey();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/templates/${encodeURIComponent(id)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.templates(tenantKey) }),
  });
}
