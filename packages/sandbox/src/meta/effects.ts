import { findAccount } from '../accounts.ts';
import { isSubscribed, type SandboxContext } from '../core/context.ts';
import type { SandboxAccount, ThreadEntry } from '../types.ts';
import {
  deliveryEvent,
  echoMessage,
  messagingEnvelope,
  readEvent,
  seenEvent,
  whatsappEnvelope,
  whatsappStatus,
} from './payloads.ts';

/**
 * What the platform does after accepting a business's message: the echo (Page, Instagram), the
 * delivery receipt a moment later (Messenger `delivery`, WhatsApp `sent` then `delivered`).
 */
export function afterPageSend(ctx: SandboxContext, account: SandboxAccount, entry: ThreadEntry): void {
  const platform = account.platform === 'facebook' ? 'facebook' : 'instagram';
  const object = platform === 'facebook' ? 'page' : 'instagram';
  if (
    isSubscribed(ctx, platform, account.accountId, platform === 'facebook' ? 'message_echoes' : 'messages')
  ) {
    const echo = echoMessage(account.accountId, entry.customerId, entry.at, {
      mid: entry.id,
      text: entry.text,
      appId: ctx.opts.metaAppId,
      ...(entry.metadata !== undefined ? { metadata: entry.metadata } : {}),
    });
    void ctx.dispatcher.deliver(platform, messagingEnvelope(object, account.accountId, entry.at, echo));
  }
  ctx.timers.after(ctx.opts.timing.receiptDelayMs, () => {
    if (entry.status !== 'sent') return;
    entry.status = 'delivered';
    ctx.store.changed();
    if (platform !== 'facebook' || !isSubscribed(ctx, 'facebook', account.accountId, 'message_deliveries'))
      return;
    const now = ctx.now();
    const event = deliveryEvent(entry.customerId, account.accountId, [entry.id], now);
    void ctx.dispatcher.deliver('facebook', messagingEnvelope('page', account.accountId, now, event));
  });
}

export function afterWhatsAppSend(ctx: SandboxContext, phone: SandboxAccount, entry: ThreadEntry): void {
  const status = (s: 'sent' | 'delivered', at: number) =>
    whatsappEnvelope(phone, {
      statuses: [
        whatsappStatus({
          id: entry.id,
          status: s,
          at,
          recipientId: entry.customerId,
          template: entry.kind === 'template',
          ...(entry.bizOpaqueCallbackData !== undefined
            ? { bizOpaqueCallbackData: entry.bizOpaqueCallbackData }
            : {}),
        }),
      ],
    });
  if (isSubscribed(ctx, 'whatsapp', phone.accountId))
    void ctx.dispatcher.deliver('whatsapp', status('sent', entry.at));
  ctx.timers.after(ctx.opts.timing.receiptDelayMs, () => {
    if (entry.status !== 'sent') return;
    entry.status = 'delivered';
    ctx.store.changed();
    if (isSubscribed(ctx, 'whatsapp', phone.accountId))
      void ctx.dispatcher.deliver('whatsapp', status('delivered', ctx.now()));
  });
}

/** The customer opened the thread: every unread business message becomes read, with the platform's webhook. */
export function markThreadRead(ctx: SandboxContext, entries: readonly ThreadEntry[]): void {
  const unread = entries.filter(
    (e) => e.direction === 'out' && e.kind !== 'comment_reply' && e.status !== 'read',
  );
  const last = unread[unread.length - 1];
  if (!last) return;
  for (const e of unread) e.status = 'read';
  ctx.store.changed();
  const account = findAccount(last.platform, last.accountId);
  if (!account) return;
  const now = ctx.now();
  if (last.platform === 'facebook' && isSubscribed(ctx, 'facebook', last.accountId, 'message_reads')) {
    const event = readEvent(last.customerId, last.accountId, now, last.at);
    void ctx.dispatcher.deliver('facebook', messagingEnvelope('page', last.accountId, now, event));
  } else if (
    last.platform === 'instagram' &&
    isSubscribed(ctx, 'instagram', last.accountId, 'messaging_seen')
  ) {
    const event = seenEvent(last.customerId, last.accountId, now, last.id);
    void ctx.dispatcher.deliver('instagram', messagingEnvelope('instagram', last.accountId, now, event));
  } else if (last.platform === 'whatsapp' && isSubscribed(ctx, 'whatsapp', last.accountId)) {
    const statuses = unread.map((e) =>
      whatsappStatus({
        id: e.id,
        status: 'read',
        at: now,
        recipientId: e.customerId,
        template: e.kind === 'template',
        ...(e.bizOpaqueCallbackData !== undefined ? { bizOpaqueCallbackData: e.bizOpaqueCallbackData } : {}),
      }),
    );
    void ctx.dispatcher.deliver('whatsapp', whatsappEnvelope(account, { statuses }));
  }
}
