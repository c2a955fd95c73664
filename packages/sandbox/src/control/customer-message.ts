import { findAccount } from '../accounts.ts';
import { isSubscribed, type SandboxContext } from '../core/context.ts';
import { instagramMid, messengerMid, snowflake, wamid } from '../ids.ts';
import {
  messagingEnvelope,
  customerMessage as messagingEvent,
  whatsappEnvelope,
  whatsappInbound,
} from '../meta/payloads.ts';
import type { SandboxAccount, ThreadEntry } from '../types.ts';
import type { Channel, DeliveryResult } from '../webhooks/dispatcher.ts';
import { accountUser, customerUser } from '../x/effects.ts';
import { dmEventPayload, X_WEB_APP } from '../x/payloads.ts';
import { invalid, notFound } from './errors.ts';
import type { MessageInput } from './schemas.ts';

export type InboundAnswer = { eventId: string } & DeliveryResult;

export function requireAccount(platform: SandboxAccount['platform'], accountId: string): SandboxAccount {
  const account = findAccount(platform, accountId);
  if (!account)
    throw notFound(`No sandbox ${platform} account ${accountId}; GET /control/accounts lists them`);
  return account;
}

export function checkCustomerId(platform: SandboxAccount['platform'], id: string): void {
  if (platform === 'whatsapp' && !/^\d{6,15}$/.test(id))
    throw invalid(
      "customer.id: a WhatsApp customer is their phone number in digits (wa_id), e.g. '16505551234'",
    );
  if (platform === 'x' && !/^\d{1,20}$/.test(id)) throw invalid('customer.id: an X user id is numeric');
}

/**
 * Signs and delivers the webhook of an inbound event when the account's subscription is active,
 * keeping the thread entry's status in step with the delivery attempts.
 */
export async function deliverInbound(
  ctx: SandboxContext,
  channel: Channel,
  subscribed: boolean,
  entry: ThreadEntry,
  payload: unknown,
): Promise<InboundAnswer> {
  if (!subscribed) {
    entry.status = 'not_subscribed';
    return { eventId: entry.id, delivered: false, status: null, error: 'not_subscribed' };
  }
  const first = await ctx.dispatcher.deliver(channel, payload, (u) => {
    entry.status = u.delivered ? 'delivered' : u.final ? 'failed' : 'retrying';
    ctx.store.changed();
  });
  return { eventId: entry.id, ...first };
}

/** POST /control/messages: a customer DM, delivered as the platform's own webhook. */
export async function customerMessage(ctx: SandboxContext, input: MessageInput): Promise<InboundAnswer> {
  const account = requireAccount(input.platform, input.accountId);
  checkCustomerId(input.platform, input.customer.id);
  const at = input.at ? Date.parse(input.at) : ctx.now();
  const { platform, customer, text } = input;
  ctx.store.touchContact(platform, account.accountId, customer, ctx.now(), at);
  const id =
    platform === 'facebook'
      ? messengerMid()
      : platform === 'instagram'
        ? instagramMid()
        : platform === 'whatsapp'
          ? wamid()
          : snowflake(at);
  const entry: ThreadEntry = {
    platform,
    accountId: account.accountId,
    customerId: customer.id,
    id,
    direction: 'in',
    kind: 'message',
    text,
    at,
    status: 'pending',
  };
  ctx.store.append(entry);

  if (platform === 'facebook' || platform === 'instagram') {
    const event = messagingEvent(customer.id, account.accountId, at, id, text);
    const object = platform === 'facebook' ? 'page' : 'instagram';
    const payload = messagingEnvelope(object, account.accountId, at, event);
    return deliverInbound(
      ctx,
      platform,
      isSubscribed(ctx, platform, account.accountId, 'messages'),
      entry,
      payload,
    );
  }
  if (platform === 'whatsapp') {
    const payload = whatsappEnvelope(account, whatsappInbound(customer, { id, at, text }));
    return deliverInbound(ctx, 'whatsapp', isSubscribed(ctx, 'whatsapp', account.accountId), entry, payload);
  }
  const payload = dmEventPayload(
    account.accountId,
    { id, at, senderId: customer.id, recipientId: account.accountId, text },
    [customerUser(ctx, account.accountId, customer.id), accountUser(account)],
    X_WEB_APP,
  );
  return deliverInbound(ctx, 'twitter', isSubscribed(ctx, 'x', account.accountId), entry, payload);
}
