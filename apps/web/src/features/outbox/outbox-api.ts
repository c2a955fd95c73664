import type { OutboxMailDto } from '@replyforce/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { useTenantKey } from '../auth/use-session.ts';

const PAGE_SIZE = 25;

export interface OutboxPage {
  items: OutboxMailDto[];
  nextCursor: string | null;
}

export function useOutbox() {
  const tenantKey = useTenantKey();
  return useInfiniteQuery({
    queryKey: [...tenantKey, 'outbox'],
    initialPageParam: '',
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (pageParam) query.set('cursor', pageParam);
      return api.get<OutboxPage>(`/outbox?${query}`, { signal });
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
