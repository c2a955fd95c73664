import type { AuditLogPage } from '@replyforce/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { useTenantKey } from '../auth/use-session.ts';

const PAGE_SIZE = 50;

export function useAuditLog() {
  const tenantKey = useTenantKey();
  return useInfiniteQuery({
    queryKey: [...tenantKey, 'audit'],
    initialPageParam: '',
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (pageParam) query.set('cursor', pageParam);
      return api.get<AuditLogPage>(`/audit-logs?${query}`, { signal });
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
