import type { SessionDto } from '@replyforce/contracts';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

export const PASSWORD = 'correct horse battery';

export type Signed = { session: SessionDto; token: string; cookie: string };

/** The refresh cookie a response set, as `rf_refresh=<value>` ready for a Cookie header. */
export function refreshCookieOf(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'rf_refresh');
  if (!c) throw new Error(`no refresh cookie in ${res.statusCode} ${res.body}`);
  return `rf_refresh=${c.value}`;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export async function registerWorkspace(
  app: FastifyInstance,
  who: { tenantName?: string; email?: string; name?: string } = {},
): Promise<Signed> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: {
      tenantName: who.tenantName ?? 'Blue Bottle',
      name: who.name ?? 'Owner',
      email: who.email ?? `owner-${crypto.randomUUID().slice(0, 8)}@example.com`,
      password: PASSWORD,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const session = res.json() as SessionDto;
  return { session, token: session.accessToken, cookie: refreshCookieOf(res) };
}

export async function loginAs(
  app: FastifyInstance,
  email: string,
  password = PASSWORD,
  tenantId?: string,
): Promise<Signed> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password, ...(tenantId ? { tenantId } : {}) },
  });
  expect(res.statusCode, res.body).toBe(200);
  const session = res.json() as SessionDto;
  return { session, token: session.accessToken, cookie: refreshCookieOf(res) };
}

/** Polls until fn returns a value (jobs run asynchronously); fails after timeoutMs. */
export async function eventually<T>(fn: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Invites `email` as `role`, reads the link from the delivered outbox mail, returns its token. */
export async function inviteAndReadToken(
  app: FastifyInstance,
  admin: Signed,
  email: string,
  role: 'admin' | 'manager' | 'agent' | 'viewer',
): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/team/invitations',
    headers: bearer(admin.token),
    payload: { email, role },
  });
  expect(res.statusCode, res.body).toBe(201);
  const mail = await eventually(async () => {
    const box = await app.inject({ method: 'GET', url: '/api/v1/outbox', headers: bearer(admin.token) });
    const items = box.json().items as { to: string; text: string; status: string }[];
    return items.find((m) => m.to === email && m.status === 'delivered');
  });
  const m = /accept-invite\?token=([^\s]+)/.exec(mail.text);
  if (!m) throw new Error(`no link in mail: ${mail.text}`);
  return decodeURIComponent(m[1]!);
}

/** A member with the given role in admin's workspace, signed in there. */
export async function addMember(
  app: FastifyInstance,
  admin: Signed,
  role: 'admin' | 'manager' | 'agent' | 'viewer',
  email = `${role}-${crypto.randomUUID().slice(0, 8)}@example.com`,
): Promise<Signed & { email: string }> {
  const token = await inviteAndReadToken(app, admin, email, role);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/invitations/accept',
    payload: { token, name: `The ${role}`, password: PASSWORD },
  });
  expect(res.statusCode, res.body).toBe(200);
  const session = res.json() as SessionDto;
  return { session, token: session.accessToken, cookie: refreshCookieOf(res), email };
}
