import { useCallback } from 'react';
import { useSession } from '../auth/use-session.ts';
import { useMembers } from '../team/team-api.ts';

/** Names of teammates, for assignees and agents' messages. */
export function useMemberNames() {
  const members = useMembers();
  const { user } = useSession();
  const list = members.data;
  return useCallback(
    (userId: string | null) => {
      if (!userId) return null;
      if (userId === user.id) return 'You';
      return list?.find((member) => member.userId === userId)?.name ?? null;
    },
    [list, user.id],
  );
}
