import type { InvitationPreviewDto, LoginBody, RegisterBody, SessionDto } from '@replyforce/contracts';
import { api, publicApi } from '../../lib/api.ts';

export interface AcceptInvitationInput {
  token: string;
  name?: string;
  password: string;
}

export const authApi = {
  login: (body: LoginBody) => publicApi.post<SessionDto>('/auth/login', body),
  register: (body: RegisterBody) => publicApi.post<SessionDto>('/auth/register', body),
  logout: () => api.delete('/auth/logout'),
  switchTenant: (tenantId: string) => api.post<SessionDto>('/auth/switch-tenant', { tenantId }),
  getInvitation: (token: string, signal?: AbortSignal) =>
    publicApi.get<InvitationPreviewDto>(`/invitations/${encodeURIComponent(token)}`, signal),
  acceptInvitation: (body: AcceptInvitationInput) => publicApi.post<SessionDto>('/invitations/accept', body),
};
