import type { InvitationDto, MemberDto, Role } from '@replyforce/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { useTenantKey } from '../auth/use-session.ts';

export function useMembers() {
  const tenantKey = useTenantKey();
  return useQuery({
    queryKey: [...tenantKey, 'team', 'members'],
    queryFn: ({ signal }) => api.get<{ items: MemberDto[] }>('/team/members', { signal }),
    select: (page) => page.items,
  });
}

export function useInvitations() {
  const tenantKey = useTenantKey();
  return useQuery({
    queryKey: [...tenantKey, 'team', 'invitations'],
    queryFn: ({ signal }) => api.get<{ items: InvitationDto[] }>('/team/invitations', { signal }),
    select: (page) => page.items,
  });
}

/** Team mutations all end by refetching the team data they may have changed (and the outbox). */
function useInvalidateTeam() {
  const queryClient = useQueryClient();
  const tenantKey = useTenantKey();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: [...tenantKey, 'team'] }),
      queryClient.invalidateQueries({ queryKey: [...tenantKey, 'outbox'] }),
      queryClient.invalidateQueries({ queryKey: [...tenantKey, 'audit'] }),
    ]);
}

export function useChangeRole() {
  const invalidate = useInvalidateTeam();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      api.patch<MemberDto>(`/team/members/${encodeURIComponent(userId)}`, { role }),
    onSettled: invalidate,
  });
}

export function useRemoveMember() {
  const invalidate = useInvalidateTeam();
  return useMutation({
    mutationFn: (userId: string) => api.delete(`/team/members/${encodeURIComponent(userId)}`),
    onSettled: invalidate,
  });
}

export function useInvite() {
  const invalidate = useInvalidateTeam();
  return useMutation({
    mutationFn: (body: { email: string; role: Role }) => api.post<InvitationDto>('/team/invitations', body),
    onSuccess: invalidate,
  });
}

export function useRevokeInvitation() {
  const invalidate = useInvalidateTeam();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/team/invitations/${encodeURIComponent(id)}`),
    onSettled: invalidate,
  });
}
