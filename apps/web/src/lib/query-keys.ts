// Query keys shared by the pages that read the data and by lib/realtime.ts, which invalidates them
// when the server reports a change. Every key starts with the tenant (see useTenantKey) so a
// workspace switch can never show another workspace's data.

export type TenantKey = readonly ['tenant', string];

export interface ConversationFilters {
  status?: string;
  platform?: string;
  assignee?: string;
  q?: string;
}

export const conversationKeys = {
  all: (tenant: TenantKey) => [...tenant, 'conversations'] as const,
  lists: (tenant: TenantKey) => [...tenant, 'conversations', 'list'] as const,
  list: (tenant: TenantKey, filters: ConversationFilters) =>
    [...tenant, 'conversations', 'list', filters] as const,
  details: (tenant: TenantKey) => [...tenant, 'conversations', 'detail'] as const,
  detail: (tenant: TenantKey, id: string) => [...tenant, 'conversations', 'detail', id] as const,
};

export const channelKeys = {
  all: (tenant: TenantKey) => [...tenant, 'channels'] as const,
  list: (tenant: TenantKey) => [...tenant, 'channels', 'list'] as const,
  templates: (tenant: TenantKey, channelId: string) =>
    [...tenant, 'channels', 'templates', channelId] as const,
};

/** Lead events invalidate this prefix, so the leads pages update live. */
export const leadKeys = {
  all: (tenant: TenantKey) => [...tenant, 'leads'] as const,
};
