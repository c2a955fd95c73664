import { isSubscribed, type SandboxContext } from '../core/context.ts';
import { numericId, snowflake } from '../ids.ts';
import { changeEnvelope, feedCommentValue, instagramCommentValue, seconds } from '../meta/payloads.ts';
import type { CommentRecord, SandboxAccount, ThreadEntry, TweetRecord } from '../types.ts';
import { accountUser, customerUser } from '../x/effects.ts';
import { tweetCreatePayload } from '../x/payloads.ts';
import { checkCustomerId, deliverInbound, type InboundAnswer, requireAccount } from './customer-message.ts';
import { invalid, notFound } from './errors.ts';
import type { CommentInput } from './schemas.ts';

/** Each account has one implicit sandbox post that comments land on when no postId is given. */
function defaultPost(account: SandboxAccount): string {
  if (account.platform === 'facebook') return `${account.accountId}_${account.accountId.replace(/^1/, '7')}`;
  return `18${account.accountId.slice(-15)}`;
}

/** POST /control/comments: a Facebook or Instagram comment, or an X mention, as the platform's webhook. */
export async function customerComment(
  ctx: SandboxContext,
  input: CommentInput,
): Promise<InboundAnswer & { commentId: string; postId: string }> {
  const account = requireAccount(input.platform, input.accountId);
  checkCustomerId(input.platform, input.customer.id);
  if (input.platform === 'whatsapp') throw invalid('WhatsApp has no comments; use POST /control/messages');
  const at = input.at ? Date.parse(input.at) : ctx.now();
  ctx.store.touchContact(input.platform, account.accountId, input.customer, ctx.now());
  if (input.platform === 'x') return mention(ctx, account, input, at);

  const platform = input.platform;
  const parent = input.parentId ? ctx.store.comment(input.parentId) : undefined;
  if (input.parentId && (!parent || parent.accountId !== account.accountId))
    throw notFound(`No comment ${input.parentId} on ${platform} account ${account.accountId}`);
  let postId = parent?.postId ?? input.postId ?? defaultPost(account);
  if (platform === 'facebook' && !postId.includes('_')) postId = `${account.accountId}_${postId}`;
  const localPost = postId.split('_')[1] ?? postId;
  const comment: CommentRecord = {
    id: platform === 'facebook' ? `${localPost}_${numericId(16)}` : numericId(17),
    platform,
    accountId: account.accountId,
    authorId: input.customer.id,
    postId,
    ...(parent ? { parentId: parent.id } : {}),
    text: input.text,
    createdAt: at,
  };
  ctx.store.addComment(comment);
  const entry = recordInbound(ctx, account, input, comment.id, at, { commentId: comment.id, postId });
  const payload =
    platform === 'facebook'
      ? changeEnvelope(
          'page',
          account.accountId,
          seconds(at),
          'feed',
          feedCommentValue(account, comment, {
            id: input.customer.id,
            name: input.customer.name ?? input.customer.id,
          }),
        )
      : changeEnvelope(
          'instagram',
          account.accountId,
          seconds(at),
          'comments',
          instagramCommentValue(comment, {
            id: input.customer.id,
            username: input.customer.username ?? `user${input.customer.id}`,
          }),
        );
  const field = platform === 'facebook' ? 'feed' : 'comments';
  const answer = await deliverInbound(
    ctx,
    platform,
    isSubscribed(ctx, platform, account.accountId, field),
    entry,
    payload,
  );
  return { ...answer, commentId: comment.id, postId };
}

async function mention(ctx: SandboxContext, account: SandboxAccount, input: CommentInput, at: number) {
  const handle = `@${account.username}`;
  const text = input.text.toLowerCase().includes(handle.toLowerCase())
    ? input.text
    : `${handle} ${input.text}`;
  const replyTo = input.postId ?? input.parentId;
  // A post named by the caller that the sandbox never saw is taken to be one of the account's own.
  if (replyTo && !ctx.store.tweet(replyTo))
    ctx.store.addTweet({
      id: replyTo,
      accountId: account.accountId,
      authorId: account.accountId,
      text: '',
      createdAt: at,
    });
  const parent = replyTo ? ctx.store.tweet(replyTo) : undefined;
  const tweet: TweetRecord = {
    id: snowflake(at),
    accountId: account.accountId,
    authorId: input.customer.id,
    text,
    createdAt: at,
    ...(parent ? { inReplyTo: parent.id } : {}),
  };
  ctx.store.addTweet(tweet);
  const postId = parent?.id ?? tweet.id;
  const entry = recordInbound(ctx, account, { ...input, text }, tweet.id, at, {
    commentId: tweet.id,
    postId,
  });
  const parentAuthor = parent
    ? parent.authorId === account.accountId
      ? accountUser(account)
      : customerUser(ctx, account.accountId, parent.authorId)
    : undefined;
  const payload = tweetCreatePayload(
    account.accountId,
    {
      id: tweet.id,
      at,
      text,
      author: customerUser(ctx, account.accountId, input.customer.id),
      ...(parent && parentAuthor
        ? { inReplyTo: { id: parent.id, userId: parentAuthor.id, screenName: parentAuthor.screenName } }
        : {}),
    },
    true,
  );
  const answer = await deliverInbound(
    ctx,
    'twitter',
    isSubscribed(ctx, 'x', account.accountId),
    entry,
    payload,
  );
  return { ...answer, commentId: tweet.id, postId };
}

function recordInbound(
  ctx: SandboxContext,
  account: SandboxAccount,
  input: CommentInput,
  id: string,
  at: number,
  extra: Pick<ThreadEntry, 'commentId' | 'postId'>,
): ThreadEntry {
  const entry: ThreadEntry = {
    platform: input.platform,
    accountId: account.accountId,
    customerId: input.customer.id,
    id,
    direction: 'in',
    kind: 'comment',
    text: input.text,
    at,
    status: 'pending',
    ...extra,
  };
  ctx.store.append(entry);
  return entry;
}
