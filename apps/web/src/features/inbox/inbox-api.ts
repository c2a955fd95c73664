import type { ConversationDetailDto, ConversationDto, MessageDto } from '@replyforce/contracts';
import {
  type InfiniteData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { conversationKeys, type TenantKey } from '../../lib/query-keys.ts';
import { useRealtimeStatus } from '../../lib/realtime.ts';
import { useTenantKey } from '../auth/use-session.ts';
import type { ConversationQueryFilters } from './inbox-filters.ts';

const PAGE_SIZE = 25;
/** Without the live connection, lists still catch up now and then. */
const FALLBACK_POLL_MS = 20_000;

export interface ConversationPage {
  items: ConversationDto[];
  nextCursor: string | null;
}

export interface MessagePage {
  items: MessageDto[];
  nextCursor: string | null;
}

/** Mirrors ReplyBody in packages/contracts/src/conversations.ts. */
export interface ReplyInput {
  text: string;
  mode?: 'auto' | 'public' | 'private';
  template?: { name: string; language: string; parameters: string[] };
  idempotencyKey?: string;
}

export type StatusInput =
  | { status: 'open' | 'needs_human' | 'closed' }
  | { status: 'snoozed'; snoozedUntil: string };

function path(id: string, rest = ''): string {
  return `/conversations/${encodeURIComponent(id)}${rest}`;
}

export function useConversations(filters: ConversationQueryFilters) {
  const tenantKey = useTenantKey();
  const live = useRealtimeStatus() === 'live';
  return useInfiniteQuery({
    queryKey: conversationKeys.list(tenantKey, filters),
    initialPageParam: '',
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
      for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
      if (pageParam) query.set('cursor', pageParam);
      return api.get<ConversationPage>(`/conversations?${query}`, { signal });
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: live ? false : FALLBACK_POLL_MS,
  });
}

export function useConversation(id: string | null) {
  const tenantKey = useTenantKey();
  const live = useRealtimeStatus() === 'live';
  return useQuery({
    queryKey: conversationKeys.detail(tenantKey, id ?? ''),
    queryFn: ({ signal }) => api.get<ConversationDetailDto>(path(id ?? ''), { signal }),
    enabled: id !== null,
    refetchInterval: live ? false : FALLBACK_POLL_MS,
  });
}

export function fetchOlderMessages(id: string, cursor: string): Promise<MessagePage> {
  const query = new URLSearchParams({ cursor, limit: '50' });
  return api.get<MessagePage>(path(id, `/messages?${query}`));
}

/** Writes a change to one conversation into the detail and every cached list that holds it. */
function patchConversation(
  queryClient: ReturnType<typeof useQueryClient>,
  tenantKey: TenantKey,
  id: string,
  patch: Partial<ConversationDto>,
): void {
  queryClient.setQueryData<ConversationDetailDto>(conversationKeys.detail(tenantKey, id), (detail) =>
    detail ? { ...detail, conversation: { ...detail.conversation, ...patch } } : detail,
  );
  queryClient.setQueriesData<InfiniteData<ConversationPage>>(
    { queryKey: conversationKeys.lists(tenantKey) },
    (data) =>
      data
        ? {
            ...data,
            pages: data.pages.map((page) => ({
              ...page,
              items: page.items.map((item) => (item.id === id ? { ...item, ...patch } : item)),
            })),
          }
        : data,
  );
}

function useInvalidateConversation(id: string) {
  const queryClient = useQueryClient();
  const tenantKey = useTenantKey();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: conversationKeys.detail(tenantKey, id) }),
      queryClient.invalidateQueries({ queryKey: conversationKeys.lists(tenantKey) }),
    ]);
}

export function useSendReply(id: string) {
  const queryClient = useQueryClient();
  const tenantKey = useTenantKey();
  const invalidate = useInvalidateConversation(id);
  return useMutation({
    mutationFn: (body: ReplyInput) => api.post<MessageDto>(path(id, '/messages'), body),
    onSuccess: (message) => {
      // Show the reply at once (queued); the refetch and live events bring its delivery status.
      queryClient.setQueryData<ConversationDetailDto>(conversationKeys.detail(tenantKey, id), (detail) =>
        detail && message?.id && !detail.messages.some((m) => m.id === message.id)
          ? { ...detail, messages: [...detail.messages, message] }
          : detail,
      );
      return invalidate();
    },
  });
}

export function useAssign(id: string) {
  const invalidate = useInvalidateConversation(id);
  return useMutation({
    mutationFn: (assigneeId: string | null) => api.patch<unknown>(path(id, '/assign'), { assigneeId }),
    onSettled: invalidate,
  });
}

export function useSetStatus(id: string) {
  const invalidate = useInvalidateConversation(id);
  return useMutation({
    mutationFn: (body: StatusInput) => api.patch<unknown>(path(id, '/status'), body),
    onSettled: invalidate,
  });
}

export function useMarkRead(id: string) {
  const queryClient = useQueryClient();
  const tenantKey = useTenantKey();
  return useMutation({
    mutationFn: () => api.post<void>(path(id, '/read')),
    onSuccess: () => patchConversation(queryClient, tenantKey, id, { unreadCount: 0 }),
  });
}

/** Replaces one message of an open conversation with the server's newer copy. */
function putMessage(
  queryClient: ReturnType<typeof useQueryClient>,
  tenantKey: TenantKey,
  id: string,
  message: MessageDto,
): void {
  queryClient.setQueryData<ConversationDetailDto>(conversationKeys.detail(tenantKey, id), (detail) =>
    detail && message?.id
      ? { ...detail, messages: detail.messages.map((m) => (m.id === message.id ? message : m)) }
      : detail,
  );
}

/** Sends an AI draft as written, or with the agent's edited text. */
export function useApproveDraft(id: string) {
  const queryClient = useQueryClient();
  const tenantKey = useTenantKey();
  const invalidate = useInvalidateConversation(id);
  return useMutation({
    mutationFn: ({ messageId, text }: { messageId: string; text?: string }) =>
      api.post<MessageDto>(
        path(id, `/drafts/${encodeURIComponent(messageId)}/approve`),
        text === undefined ? {} : { text },
      ),
    onSuccess: (message) => putMessage(queryClient, tenantKey, id, message),
    onSettled: invalidate,
  });
}

/** Rejects an AI draft: nothing is sent and the conversation then needs a person. */
export function useRejectDraft(id: string) {
  const queryClient = useQueryClient();
  const tenantKey = useTenantKey();
  const invalidate = useInvalidateConversation(id);
  return useMutation({
    mutationFn: (messageId: string) =>
      api.post<MessageDto>(path(id, `/drafts/${encodeURIComponent(messageId)}/reject`)),
    onSuccess: (message) => putMessage(queryClient, tenantKey, id, message),
    onSettled: invalidate,
  });
}

/** Past this many, a queue's count reads "100+" (the API's largest page; it has no count query). */
export const QUEUE_COUNT_LIMIT = 100;

/**
 * How many conversations wait in a queue (Awaiting approval, Escalated). Kept under the lists' key
 * so every live event that refreshes the lists refreshes the counts too.
 */
export function useQueueCount(status: 'pending_approval' | 'needs_human') {
  const tenantKey = useTenantKey();
  const live = useRealtimeStatus() === 'live';
  return useQuery({
    queryKey: [...conversationKeys.lists(tenantKey), 'count', status],
    queryFn: async ({ signal }) => {
      const query = new URLSearchParams({ status, limit: String(QUEUE_COUNT_LIMIT) });
      const page = await api.get<ConversationPage>(`/conversations?${query}`, { signal });
      return { count: page.items.length, more: page.nextCursor !== null };
    },
    refetchInterval: live ? false : FALLBACK_POLL_MS,
  });
}
