import type { FastifyInstance } from 'fastify';
import { findAccount, instagramOfPage, SANDBOX_USER, WABA_ID } from '../accounts.ts';
import type { SandboxContext } from '../core/context.ts';
import { issueToken } from '../core/credentials.ts';
import type { TokenClaims } from '../core/tokens.ts';
import type { SandboxAccount } from '../types.ts';
import { GraphError, graphError } from './errors.ts';
import { pickFields } from './fields.ts';
import {
  authenticate,
  covers,
  coversPage,
  findObject,
  type GraphObject,
  graphParams,
  meAccount,
  stringParam,
} from './request.ts';

type Json = Record<string, unknown>;

export function pageJson(page: SandboxAccount): Json {
  return {
    name: page.name,
    category: 'Coffee Shop',
    link: `https://www.facebook.com/${page.accountId}`,
    id: page.accountId,
  };
}

export function instagramJson(ig: SandboxAccount): Json {
  return { id: ig.accountId, username: ig.username, name: ig.name };
}

export function phoneJson(phone: SandboxAccount): Json {
  return {
    verified_name: phone.name,
    code_verification_status: 'VERIFIED',
    display_phone_number: phone.displayPhoneNumber,
    quality_rating: 'GREEN',
    platform_type: 'CLOUD_API',
    throughput: { level: 'STANDARD' },
    id: phone.accountId,
  };
}

/** Whether the token may read or act on the object, as its granted permissions would allow. */
export function mayAccess(claims: TokenClaims, obj: GraphObject): boolean {
  switch (obj.type) {
    case 'page':
      return coversPage(claims, obj.account.accountId);
    case 'instagram':
    case 'phone':
      return covers(claims, obj.account.platform, obj.account.accountId);
    case 'waba':
      return claims.platform === 'whatsapp';
    case 'comment':
      return obj.comment.platform === 'facebook'
        ? coversPage(claims, obj.comment.accountId)
        : covers(claims, 'instagram', obj.comment.accountId);
  }
}

function objectJson(obj: GraphObject): Json {
  switch (obj.type) {
    case 'page':
      return pageJson(obj.account);
    case 'instagram':
      return instagramJson(obj.account);
    case 'phone':
      return phoneJson(obj.account);
    case 'waba':
      return {
        id: WABA_ID,
        name: 'Acme Coffee',
        currency: 'USD',
        timezone_id: '1',
        message_template_namespace: 'sandbox_acme',
      };
    case 'comment': {
      const c = obj.comment;
      const created = new Date(c.createdAt).toISOString().replace(/\.\d{3}Z$/, '+0000');
      return c.platform === 'facebook'
        ? { created_time: created, from: { id: c.authorId }, message: c.text, id: c.id }
        : { timestamp: created, text: c.text, id: c.id };
    }
  }
}

/** `me`: a Page token (or an Instagram account's token, which is its Page's) is the Page; a user token the user. */
function meJson(claims: TokenClaims): Json {
  if (claims.kind === 'page') {
    const id = claims.subjects[0]?.id ?? '';
    const page = claims.platform === 'instagram' ? findAccount('instagram', id)?.pageId : id;
    const account = page ? findAccount('facebook', page) : undefined;
    if (account) return pageJson(account);
  }
  return { name: SANDBOX_USER.name, id: SANDBOX_USER.id };
}

/**
 * Messenger's User Profile API and Instagram's user fields: a Page (or Instagram) token may read
 * the public profile of someone who has written to that account.
 */
function customerProfile(ctx: SandboxContext, claims: TokenClaims, id: string): Json | undefined {
  const account = meAccount(claims);
  if (!account || (account.platform !== 'facebook' && account.platform !== 'instagram')) return undefined;
  const contact = ctx.store.contact(account.platform, account.accountId, id);
  if (!contact) return undefined;
  if (account.platform === 'instagram')
    return {
      id,
      ...(contact.name ? { name: contact.name } : {}),
      username: contact.username ?? `user${id.slice(-6)}`,
    };
  const [first, ...rest] = (contact.name ?? 'Messenger User').split(' ');
  return { id, first_name: first, last_name: rest.join(' ') };
}

function isMe(id: string) {
  return id === 'me' || id === SANDBOX_USER.id;
}

export function registerMetaObjectRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/:v/:id', async (req) => {
    const { id } = req.params as { id: string };
    const claims = authenticate(ctx, req);
    const fields = stringParam(graphParams(req).fields);
    if (isMe(id)) return pickFields(meJson(claims), fields);
    const profile = customerProfile(ctx, claims, id);
    if (profile) return pickFields(profile, fields);
    const obj = findObject(ctx, id);
    if (!obj || !mayAccess(claims, obj)) throw graphError.unknownObject(id, 'get');
    return pickFields(objectJson(obj), fields);
  });

  app.get('/:v/:id/accounts', async (req) => {
    const { id } = req.params as { id: string };
    const claims = authenticate(ctx, req);
    if (!isMe(id)) throw graphError.unknownObject(id, 'get');
    if (claims.kind === 'page')
      throw new GraphError(100, '(#100) Tried accessing nonexisting field (accounts) on node type (Page)');
    const fields = stringParam(graphParams(req).fields);
    const data: Json[] = [];
    for (const { id: subject } of claims.subjects) {
      if (claims.platform === 'facebook') {
        const page = findAccount('facebook', subject);
        if (!page) continue;
        const token = issueToken(ctx, 'facebook', 'page', [page.accountId]);
        data.push(pickFields(pageEntry(page, token), fields));
      } else if (claims.platform === 'instagram') {
        // The Page token of an Instagram grant acts for the linked Instagram account.
        const ig = findAccount('instagram', subject);
        const page = ig?.pageId ? findAccount('facebook', ig.pageId) : undefined;
        if (!ig || !page) continue;
        const token = issueToken(ctx, 'instagram', 'page', [ig.accountId]);
        data.push(
          pickFields({ ...pageEntry(page, token), instagram_business_account: instagramJson(ig) }, fields),
        );
      }
    }
    const cursor = (s: string) => Buffer.from(s).toString('base64url');
    return {
      data,
      paging: {
        cursors: { before: cursor(String(data[0]?.id ?? '')), after: cursor(String(data.at(-1)?.id ?? '')) },
      },
    };
  });

  app.delete('/:v/:id/permissions', async (req) => {
    const { id } = req.params as { id: string };
    const claims = authenticate(ctx, req);
    const self =
      isMe(id) || claims.subjects.some((s) => s.id === id) || (claims.kind === 'page' && instagramOfPage(id));
    if (!self) throw graphError.unknownObject(id, 'delete');
    for (const s of claims.subjects) ctx.store.revoke(claims.platform, s.id);
    return { success: true };
  });
}

function pageEntry(page: SandboxAccount, accessToken: string): Json {
  return {
    access_token: accessToken,
    category: 'Coffee Shop',
    category_list: [{ id: '128673187201735', name: 'Coffee Shop' }],
    name: page.name,
    id: page.accountId,
    tasks: ['ADVERTISE', 'ANALYZE', 'CREATE_CONTENT', 'MESSAGING', 'MODERATE', 'MANAGE'],
  };
}
