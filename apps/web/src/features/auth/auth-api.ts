import type {
  InvitationPreviewDto,
  LoginBody,
  LoginMfaBody,
  MfaChallengeDto,
  RegisterBody,
  SessionDto,
} from '@replyforce/contracts';
import { api, publicApi } from '../../lib/api.ts';

export interface AcceptInvitationInput {
  token: string;
  name?: string;
  password: string;
}

export const authApi = {
  /** A session, or a challenge when the account has two-factor sign-in on. */
  login: (body: LoginBody) => publicApi.post<SessionDto | MfaChallengeDto>('/auth/login', body),
  loginMfa: (body: LoginMfaBody) => publicApi.post<SessionDto>('/auth/login/mfa', body),
  register: (body: RegisterBody) => publicApi.post<SessionDto>('/auth/register', body),
  logout: () => api.delete('/auth/logout'),
  switchTenant: (tenantId: string) => api.post<SessionDto>('/auth/switch-tenant', { tenantId }),
  getInvitation: (token: string, signal?: AbortSignal) =>
    publicApi.get<InvitationPreviewDto>(`/invitations/${encodeURIComponent(token)}`, signal),
  acceptInvitation: (body: AcceptInvitationInput) => publicApi.post<SessionDto>('/invitations/accept', body),
};
