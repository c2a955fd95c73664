import type { SandboxContext } from '../core/context.ts';
import type { TokenClaims } from '../core/tokens.ts';
import { instagramMid, messengerMid } from '../ids.ts';
import type { SandboxAccount, ThreadEntry } from '../types.ts';
import { afterPageSend } from './effects.ts';
import { GraphError, graphError } from './errors.ts';
import { covers, type GraphParams, objectParam, stringParam } from './request.ts';

const DAY_MS = 86_400_000;
const TAGS = {
  facebook: ['HUMAN_AGENT', 'CONFIRMED_EVENT_UPDATE', 'POST_PURCHASE_UPDATE', 'ACCOUNT_UPDATE'],
  instagram: ['HUMAN_AGENT'],
};
const MAX_TEXT = { facebook: 2000, instagram: 1000 };

type Outgoing = { text: string; metadata?: string; type: string; tag?: string };

/**
 * POST /{PAGE_ID|IG_ID}/messages: a DM to a PSID/IGSID under the window rules, or a private reply
 * when the recipient is a comment.
 */
export function sendPageMessage(
  ctx: SandboxContext,
  claims: TokenClaims,
  account: SandboxAccount,
  p: GraphParams,
): Record<string, unknown> {
  const platform = account.platform === 'facebook' ? 'facebook' : 'instagram';
  if (!covers(claims, platform, account.accountId)) throw graphError.permission();
  if (!ctx.limiter.hit(`send:${account.accountId}`, ctx.opts.limits.sendPerSecond, 1000).ok)
    throw graphError.rateLimited();

  const recipient = objectParam(p.recipient);
  if (!recipient) throw graphError.param('param recipient must be non-empty.');
  const action = stringParam(p.sender_action);
  if (action !== undefined) {
    if (!['typing_on', 'typing_off', 'mark_seen'].includes(action))
      throw graphError.param('Param sender_action must be one of {typing_on, typing_off, mark_seen}');
    return { recipient_id: stringParam(recipient.id) };
  }
  const message = objectParam(p.message);
  if (!message) throw graphError.param('param message must be non-empty.');
  if (message.attachment !== undefined) throw graphError.param('The sandbox accepts text messages only');
  const text = stringParam(message.text);
  if (!text) throw graphError.param('param message[text] must be a non-empty UTF-8 encoded string');
  if ([...text].length > MAX_TEXT[platform])
    throw graphError.param(
      `Length of param message[text] must be less than or equal to ${MAX_TEXT[platform]}`,
    );
  const metadata = stringParam(message.metadata);
  if (metadata !== undefined && metadata.length > 1000)
    throw graphError.param('Length of param message[metadata] must be less than or equal to 1000');

  const commentId = stringParam(recipient.comment_id);
  // Messenger requires messaging_type; Instagram and private replies default to RESPONSE.
  const type =
    stringParam(p.messaging_type) ?? (platform === 'instagram' || commentId ? 'RESPONSE' : undefined);
  if (!type) throw graphError.param('The parameter messaging_type is required');
  if (!['RESPONSE', 'UPDATE', 'MESSAGE_TAG'].includes(type))
    throw graphError.param('Param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}');
  const tag = stringParam(p.tag);
  if (type === 'MESSAGE_TAG' && (!tag || !TAGS[platform].includes(tag)))
    throw graphError.param(`Param tag must be one of {${TAGS[platform].join(', ')}}`);

  const out: Outgoing = {
    text,
    type,
    ...(metadata !== undefined ? { metadata } : {}),
    ...(type === 'MESSAGE_TAG' && tag ? { tag } : {}),
  };
  if (commentId) return privateReply(ctx, account, platform, commentId, out);
  const psid = stringParam(recipient.id);
  if (!psid) throw graphError.param('The parameter recipient is required');
  return directMessage(ctx, account, platform, psid, out);
}

function directMessage(
  ctx: SandboxContext,
  account: SandboxAccount,
  platform: 'facebook' | 'instagram',
  psid: string,
  out: Outgoing,
) {
  const last = ctx.store.contact(platform, account.accountId, psid)?.lastInboundAt;
  // Only a DM from the person gives the Page a PSID it may message; a comment does not.
  if (last === undefined) throw new GraphError(100, '(#100) No matching user found', { subcode: 2018001 });
  const age = ctx.now() - last;
  const allowed = out.type === 'MESSAGE_TAG' ? out.tag !== 'HUMAN_AGENT' || age < 7 * DAY_MS : age < DAY_MS;
  if (!allowed)
    throw new GraphError(
      10,
      '(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview',
      { subcode: 2018278 },
    );
  const entry = record(ctx, account, platform, psid, 'message', out);
  return { recipient_id: psid, message_id: entry.id };
}

function privateReply(
  ctx: SandboxContext,
  account: SandboxAccount,
  platform: 'facebook' | 'instagram',
  commentId: string,
  out: Outgoing,
) {
  const comment = ctx.store.comment(commentId);
  if (!comment || comment.platform !== platform || comment.accountId !== account.accountId)
    throw new GraphError(
      100,
      `(#100) Comment ${commentId} does not exist or cannot be replied to privately`,
      {
        subcode: 33,
      },
    );
  if (comment.authorId === account.accountId)
    throw graphError.param('A private reply cannot be sent to your own comment');
  if (comment.privateReplyAt !== undefined)
    throw new GraphError(10, '(#10) A private reply has already been sent for this comment.', {
      subcode: 2018108,
    });
  if (ctx.now() - comment.createdAt > 7 * DAY_MS)
    throw new GraphError(
      10,
      '(#10) This comment is more than 7 days old and can no longer be replied to privately.',
      {
        subcode: 2018109,
      },
    );
  if (!ctx.limiter.hit(`private:${account.accountId}`, ctx.opts.limits.privateRepliesPerHour, 3_600_000).ok)
    throw graphError.rateLimited();
  comment.privateReplyAt = ctx.now();
  ctx.store.touchContact(platform, account.accountId, { id: comment.authorId }, ctx.now());
  const entry = record(ctx, account, platform, comment.authorId, 'private_reply', out, {
    commentId,
    postId: comment.postId,
    replyTo: commentId,
  });
  return { recipient_id: comment.authorId, message_id: entry.id };
}

function record(
  ctx: SandboxContext,
  account: SandboxAccount,
  platform: 'facebook' | 'instagram',
  customerId: string,
  kind: 'message' | 'private_reply',
  out: Outgoing,
  extra: Partial<ThreadEntry> = {},
): ThreadEntry {
  const entry: ThreadEntry = {
    platform,
    accountId: account.accountId,
    customerId,
    id: platform === 'facebook' ? messengerMid() : instagramMid(),
    direction: 'out',
    kind,
    text: out.text,
    at: ctx.now(),
    status: 'sent',
    ...(out.tag ? { tag: out.tag } : {}),
    ...(out.metadata !== undefined ? { metadata: out.metadata } : {}),
    ...extra,
  };
  ctx.store.append(entry);
  afterPageSend(ctx, account, entry);
  return entry;
}
