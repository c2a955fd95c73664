import type {
  MfaDisableBody,
  MfaEnrolmentDto,
  MfaStatusDto,
  RecoveryCodesDto,
  SecuritySettingsDto,
} from '@replyforce/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { TenantKey } from '../../lib/query-keys.ts';
import { useTenantKey } from '../auth/use-session.ts';

// Per tenant although the factor is the user's: whether enrolment is required depends on the workspace.
const mfaKeys = {
  status: (tenant: TenantKey) => [...tenant, 'mfa'] as const,
  security: (tenant: TenantKey) => [...tenant, 'security-settings'] as const,
};

export function useMfaStatus() {
  const tenant = useTenantKey();
  return useQuery({
    queryKey: mfaKeys.status(tenant),
    queryFn: ({ signal }) => api.get<MfaStatusDto>('/auth/mfa', { signal }),
  });
}

/** Each mutation refreshes the status, so the section moves to its next state on its own. */
function useMfaMutation<TInput, TOutput>(fn: (input: TInput) => Promise<TOutput>) {
  const tenant = useTenantKey();
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: mfaKeys.status(tenant) }),
  });
}

export const useStartEnrolment = () => useMfaMutation(() => api.post<MfaEnrolmentDto>('/auth/mfa/enrol', {}));
export const useConfirmEnrolment = () =>
  useMfaMutation((code: string) => api.post<RecoveryCodesDto>('/auth/mfa/confirm', { code }));
export const useDisableMfa = () =>
  useMfaMutation((body: MfaDisableBody) => api.post<void>('/auth/mfa/disable', body));
export const useRegenerateCodes = () =>
  useMfaMutation((code: string) => api.post<RecoveryCodesDto>('/auth/mfa/recovery-codes', { code }));

export function useSecuritySettings(enabled: boolean) {
  const tenant = useTenantKey();
  return useQuery({
    queryKey: mfaKeys.security(tenant),
    queryFn: ({ signal }) => api.get<SecuritySettingsDto>('/settings/security', { signal }),
    enabled,
  });
}

export function useUpdateSecuritySettings() {
  const tenant = useTenantKey();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SecuritySettingsDto) => api.patch<SecuritySettingsDto>('/settings/security', body),
    onSuccess: (saved) => {
      client.setQueryData(mfaKeys.security(tenant), saved);
      return client.invalidateQueries({ queryKey: mfaKeys.status(tenant) });
    },
  });
}
