import { findAccount } from '../accounts.ts';
import { isSubscribed, type SandboxContext } from '../core/context.ts';
import type { SandboxAccount, ThreadEntry, TweetRecord } from '../types.ts';
import { appOf, dmEventPayload, tweetCreatePayload, type XUser } from './payloads.ts';

export function accountUser(account: SandboxAccount): XUser {
  return { id: account.accountId, name: account.name, screenName: account.username ?? account.accountId };
}

/** How a customer looks in payloads: what /control said about them, or a plausible default. */
export function customerUser(ctx: SandboxContext, accountId: string, customerId: string): XUser {
  const account = findAccount('x', customerId);
  if (account) return accountUser(account);
  const c = ctx.store.contact('x', accountId, customerId);
  return {
    id: customerId,
    name: c?.name ?? c?.username ?? `X user ${customerId}`,
    screenName: c?.username ?? `user${customerId}`,
    createdAt: c?.firstSeenAt,
  };
}

/** A DM the account sent comes back as an event with sender_id == for_user_id. */
export function afterDmSend(ctx: SandboxContext, account: SandboxAccount, entry: ThreadEntry): void {
  if (isSubscribed(ctx, 'x', account.accountId)) {
    const payload = dmEventPayload(
      account.accountId,
      {
        id: entry.id,
        at: entry.at,
        senderId: account.accountId,
        recipientId: entry.customerId,
        text: entry.text,
      },
      [accountUser(account), customerUser(ctx, account.accountId, entry.customerId)],
      appOf(ctx.opts.xClientId),
    );
    void ctx.dispatcher.deliver('twitter', payload);
  }
  ctx.timers.after(ctx.opts.timing.receiptDelayMs, () => {
    if (entry.status !== 'sent') return;
    entry.status = 'delivered';
    ctx.store.changed();
  });
}

/** The account's own posts are delivered to it too (receivers skip tweets by for_user_id). */
export function afterTweet(ctx: SandboxContext, account: SandboxAccount, tweet: TweetRecord): void {
  if (!isSubscribed(ctx, 'x', account.accountId)) return;
  const parent = tweet.inReplyTo ? ctx.store.tweet(tweet.inReplyTo) : undefined;
  const parentAuthor = parent ? customerUser(ctx, account.accountId, parent.authorId) : undefined;
  const payload = tweetCreatePayload(
    account.accountId,
    {
      id: tweet.id,
      at: tweet.createdAt,
      text: tweet.text,
      author: accountUser(account),
      ...(parent && parentAuthor
        ? { inReplyTo: { id: parent.id, userId: parentAuthor.id, screenName: parentAuthor.screenName } }
        : {}),
    },
    false,
  );
  void ctx.dispatcher.deliver('twitter', payload);
}
