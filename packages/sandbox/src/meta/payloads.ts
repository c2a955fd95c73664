import type { CommentRecord, SandboxAccount } from '../types.ts';

/**
 * Webhook bodies in the exact shapes of platform-contracts.md §2.1, §2.5, §3.1, §3.3, §4.1 and §4.2,
 * keys in the platforms' order. Messaging times are epoch ms; `changes` entries use seconds.
 */

type Json = Record<string, unknown>;

export const seconds = (ms: number) => Math.floor(ms / 1000);

/** Echoes carry the app id as a JSON number, as Meta sends it. */
export function appIdValue(appId: string): string | number {
  const n = Number(appId);
  return /^\d+$/.test(appId) && Number.isSafeInteger(n) ? n : appId;
}

export function messagingEnvelope(
  object: 'page' | 'instagram',
  accountId: string,
  time: number,
  event: Json,
): Json {
  return { object, entry: [{ id: accountId, time, messaging: [event] }] };
}

export function changeEnvelope(
  object: 'page' | 'instagram',
  accountId: string,
  time: number,
  field: string,
  value: Json,
) {
  return { object, entry: [{ id: accountId, time, changes: [{ field, value }] }] };
}

export function customerMessage(
  customerId: string,
  accountId: string,
  at: number,
  mid: string,
  text: string,
): Json {
  return { sender: { id: customerId }, recipient: { id: accountId }, timestamp: at, message: { mid, text } };
}

export function echoMessage(
  accountId: string,
  customerId: string,
  at: number,
  m: { mid: string; text: string; appId: string; metadata?: string },
): Json {
  return {
    sender: { id: accountId },
    recipient: { id: customerId },
    timestamp: at,
    message: {
      is_echo: true,
      app_id: appIdValue(m.appId),
      ...(m.metadata !== undefined ? { metadata: m.metadata } : {}),
      mid: m.mid,
      text: m.text,
    },
  };
}

export function deliveryEvent(customerId: string, pageId: string, mids: string[], watermark: number): Json {
  return { sender: { id: customerId }, recipient: { id: pageId }, delivery: { mids, watermark } };
}

export function readEvent(customerId: string, pageId: string, at: number, watermark: number): Json {
  return { sender: { id: customerId }, recipient: { id: pageId }, timestamp: at, read: { watermark } };
}

/** Instagram's `messaging_seen`: the customer saw everything up to `mid`. */
export function seenEvent(customerId: string, igId: string, at: number, mid: string): Json {
  return { sender: { id: customerId }, recipient: { id: igId }, timestamp: at, read: { mid } };
}

export function feedCommentValue(
  page: SandboxAccount,
  c: CommentRecord,
  from: { id: string; name?: string } | undefined,
): Json {
  const localPostId = c.postId.split('_')[1] ?? c.postId;
  return {
    item: 'comment',
    verb: 'add',
    comment_id: c.id,
    post_id: c.postId,
    parent_id: c.parentId ?? c.postId,
    ...(from ? { from } : {}),
    message: c.text,
    created_time: seconds(c.createdAt),
    post: {
      status_type: 'added_photos',
      is_published: true,
      updated_time: new Date(c.createdAt).toISOString().replace(/\.\d{3}Z$/, '+0000'),
      permalink_url: `https://www.facebook.com/${page.accountId}/posts/${localPostId}`,
      promotion_status: 'inactive',
      id: c.postId,
    },
  };
}

export function instagramCommentValue(c: CommentRecord, from: { id: string; username: string }): Json {
  return {
    id: c.id,
    from,
    text: c.text,
    media: { id: c.postId, media_product_type: 'FEED' },
    ...(c.parentId ? { parent_id: c.parentId } : {}),
  };
}

export function whatsappEnvelope(phone: SandboxAccount, body: Json): Json {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: phone.wabaId,
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: phone.displayPhoneNumber, phone_number_id: phone.accountId },
              ...body,
            },
            field: 'messages',
          },
        ],
      },
    ],
  };
}

export function whatsappInbound(
  customer: { id: string; name?: string },
  m: { id: string; at: number; text: string },
): Json {
  return {
    contacts: [{ profile: { name: customer.name ?? customer.id }, wa_id: customer.id }],
    messages: [
      { from: customer.id, id: m.id, timestamp: String(seconds(m.at)), type: 'text', text: { body: m.text } },
    ],
  };
}

export type WhatsAppStatus = {
  id: string;
  status: 'sent' | 'delivered' | 'read';
  at: number;
  recipientId: string;
  bizOpaqueCallbackData?: string;
  template: boolean;
};

export function whatsappStatus(s: WhatsAppStatus): Json {
  return {
    id: s.id,
    status: s.status,
    timestamp: String(seconds(s.at)),
    recipient_id: s.recipientId,
    ...(s.bizOpaqueCallbackData !== undefined ? { biz_opaque_callback_data: s.bizOpaqueCallbackData } : {}),
    pricing: s.template
      ? { billable: true, pricing_model: 'PMP', category: 'utility', type: 'regular' }
      : { billable: false, pricing_model: 'PMP', category: 'service', type: 'free_customer_service' },
  };
}
