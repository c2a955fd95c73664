import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { endSession, isApiError, startSession } from '../../lib/api.ts';
import { authApi } from './auth-api.ts';

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => {
      try {
        await authApi.logout();
      } catch (error) {
        // Already signed out on the server: nothing left to undo.
        if (!(isApiError(error) && error.status === 401)) throw error;
      }
    },
    onSuccess: () => {
      endSession('signed-out');
      queryClient.clear();
      navigate('/login', { replace: true });
    },
  });
}

export function useSwitchTenant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tenantId: string) => authApi.switchTenant(tenantId),
    onSuccess: (session) => {
      startSession(session);
      // Nothing fetched for the previous workspace may leak into the new one.
      queryClient.clear();
    },
  });
}
