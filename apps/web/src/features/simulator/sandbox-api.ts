// The sandbox's control API (docs/channel-contracts.md, "Sandbox control API"): it plays the
// customer's side of each platform. It is mounted at /sandbox/control only when the sandbox is on,
// needs no auth header and is not part of /api/v1, so it has its own small client.

import type { PlatformId } from '@replyforce/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, errorFromResponse } from '../../lib/api-error.ts';
import { useTenantKey } from '../auth/use-session.ts';

const BASE = '/sandbox/control';
const THREAD_POLL_MS = 1_000;

export interface SandboxAccount {
  platform: PlatformId;
  accountId: string;
  name: string;
  username?: string;
  pageId?: string;
  wabaId?: string;
  displayPhoneNumber?: string;
  connectedTo?: string;
}

export interface SandboxCustomer {
  id: string;
  name?: string;
  username?: string;
  phone?: string;
}

/**
 * One entry of a customer's thread. `kind`: message, comment, template, private_reply,
 * comment_reply. `status`: for the customer's own entries the webhook delivery (pending,
 * delivered, retrying, failed, not_subscribed); for the business's what the customer's device did
 * (sent, delivered, read).
 */
export interface SandboxThreadMessage {
  id: string;
  direction: 'in' | 'out';
  kind: string;
  text: string;
  at: string;
  status?: string;
  tag?: string;
  metadata?: string;
  postId?: string;
  replyTo?: string;
  template?: { name: string; language: string; parameters: string[] };
}

export interface SandboxDelivery {
  eventId: string;
  /** Whether ReplyForce's webhook answered 2xx. */
  delivered: boolean;
  /** The HTTP status ReplyForce's webhook answered; null when it could not be reached. */
  status: number | null;
  /** `not_subscribed`: no workspace has connected the account. */
  error?: string;
  commentId?: string;
  postId?: string;
}

/** Thrown when the server has no sandbox mounted (`/sandbox/control` answers 404). */
export class SandboxOffError extends Error {
  constructor() {
    super('The sandbox is off on this server.');
    this.name = 'SandboxOffError';
  }
}

export function isSandboxOff(error: unknown): boolean {
  return error instanceof SandboxOffError;
}

/** The sandbox answers in its own words; turn any of its shapes into an ApiError with a sentence. */
function sandboxError(response: Response, body: unknown): ApiError {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const error = record.error;
  const message =
    typeof error === 'string'
      ? error
      : typeof record.message === 'string'
        ? record.message
        : typeof error === 'object' &&
            error !== null &&
            typeof (error as { message?: unknown }).message === 'string'
          ? (error as { message: string }).message
          : null;
  if (message && !(typeof error === 'object' && error !== null && 'code' in error)) {
    return new ApiError({ code: 'BAD_RESPONSE', status: response.status, message });
  }
  return errorFromResponse(response, body);
}

async function call<T>(
  path: string,
  init: { method?: 'GET' | 'POST'; body?: unknown; signal?: AbortSignal } = {},
) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
    });
  } catch (cause) {
    if (init.signal?.aborted) throw cause;
    throw new ApiError({
      code: 'NETWORK_ERROR',
      status: 0,
      message: 'Cannot reach the ReplyForce server. Check your connection and try again.',
    });
  }
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  const body: unknown = isJson ? await response.json().catch(() => undefined) : undefined;
  const code =
    typeof body === 'object' && body !== null && 'error' in body
      ? (body as { error?: { code?: unknown } }).error?.code
      : undefined;
  // No sandbox: the server's own "no such route" (or, behind a proxy that does not forward
  // /sandbox, the dashboard's HTML instead of JSON).
  if ((response.status === 404 && (code === 'ROUTE_NOT_FOUND' || !isJson)) || (response.ok && !isJson)) {
    throw new SandboxOffError();
  }
  if (!response.ok) throw sandboxError(response, body);
  return body as T;
}

function listOf<T>(body: unknown, ...names: string[]): T[] {
  if (Array.isArray(body)) return body as T[];
  if (typeof body === 'object' && body !== null) {
    for (const name of names) {
      const value = (body as Record<string, unknown>)[name];
      if (Array.isArray(value)) return value as T[];
    }
  }
  return [];
}

const retryUnlessOff = (failureCount: number, error: unknown) =>
  !isSandboxOff(error) &&
  !(error instanceof ApiError && error.status >= 400 && error.status < 500) &&
  failureCount < 2;

export function useSandboxAccounts() {
  const tenantKey = useTenantKey();
  return useQuery({
    queryKey: [...tenantKey, 'sandbox', 'accounts'],
    queryFn: async ({ signal }) =>
      listOf<SandboxAccount>(await call<unknown>('/accounts', { signal }), 'accounts', 'items', 'data'),
    retry: retryUnlessOff,
  });
}

export interface ThreadTarget {
  platform: PlatformId;
  accountId: string;
  customerId: string;
}

function threadKey(tenantKey: readonly unknown[], target: ThreadTarget | null) {
  return [
    ...tenantKey,
    'sandbox',
    'thread',
    target?.platform,
    target?.accountId,
    target?.customerId,
  ] as const;
}

/** What the customer sees on the platform; polled every second while the page is visible. */
export function useSandboxThread(target: ThreadTarget | null) {
  const tenantKey = useTenantKey();
  return useQuery({
    queryKey: threadKey(tenantKey, target),
    queryFn: async ({ signal }) => {
      if (!target) return [];
      const query = new URLSearchParams({
        platform: target.platform,
        accountId: target.accountId,
        customerId: target.customerId,
      });
      return listOf<SandboxThreadMessage>(
        await call<unknown>(`/threads?${query}`, { signal }),
        'messages',
        'items',
      );
    },
    enabled: target !== null,
    // TanStack pauses the interval while the tab is hidden (refetchIntervalInBackground is off).
    refetchInterval: (query) =>
      isSandboxOff(query.state.error) ? false : query.state.error ? 5 * THREAD_POLL_MS : THREAD_POLL_MS,
    retry: retryUnlessOff,
  });
}

export type SendAsCustomerInput = {
  platform: PlatformId;
  accountId: string;
  customer: SandboxCustomer;
  text: string;
} & ({ kind: 'dm'; at?: string } | { kind: 'comment'; postId?: string });

export function useSendAsCustomer() {
  const queryClient = useQueryClient();
  const tenantKey = useTenantKey();
  return useMutation({
    mutationFn: (input: SendAsCustomerInput) => {
      const { kind, ...rest } = input;
      return call<SandboxDelivery>(kind === 'dm' ? '/messages' : '/comments', { method: 'POST', body: rest });
    },
    onSettled: (_data, _error, input) =>
      queryClient.invalidateQueries({
        queryKey: threadKey(tenantKey, {
          platform: input.platform,
          accountId: input.accountId,
          customerId: input.customer.id,
        }),
      }),
  });
}
