import type { FastifyInstance, FastifyReply } from 'fastify';
import { findAccount } from '../accounts.ts';
import type { SandboxContext } from '../core/context.ts';
import { snowflake } from '../ids.ts';
import type { ThreadEntry, TweetRecord } from '../types.ts';
import { xUser } from './auth.ts';
import { afterDmSend, afterTweet } from './effects.ts';
import { xProblem } from './errors.ts';
import { consume } from './limits.ts';

const conversationId = (a: string, b: string) => (BigInt(a) < BigInt(b) ? `${a}-${b}` : `${b}-${a}`);

function textOf(body: unknown, max: number): string {
  const text = (body as { text?: unknown } | undefined)?.text;
  if (typeof text !== 'string' || text.length === 0)
    throw xProblem.invalid('text must be a non-empty string');
  if ([...text].length > max) throw xProblem.invalid(`text must be at most ${max} characters`);
  return text;
}

/** DMs and reply posts: POST /2/dm_conversations/…/messages and POST /2/tweets. */
export function registerXSends(app: FastifyInstance, ctx: SandboxContext): void {
  const sendDm = (userId: string, participantId: string, body: unknown, reply: FastifyReply) => {
    consume(ctx, reply, 'dm', userId);
    const text = textOf(body, 10_000);
    if (!/^\d+$/.test(participantId) || participantId === userId)
      throw xProblem.invalid('participant_id must be the numeric id of another user');
    // People who never wrote or mentioned the account keep their DMs closed to it.
    if (!ctx.store.contact('x', userId, participantId))
      throw xProblem.forbidden('You are not permitted to send a message to this user.');
    const account = findAccount('x', userId);
    if (!account) throw xProblem.unauthorized();
    const entry: ThreadEntry = {
      platform: 'x',
      accountId: userId,
      customerId: participantId,
      id: snowflake(ctx.now()),
      direction: 'out',
      kind: 'message',
      text,
      at: ctx.now(),
      status: 'sent',
    };
    ctx.store.append(entry);
    afterDmSend(ctx, account, entry);
    return reply.status(201).send({
      data: { dm_conversation_id: conversationId(userId, participantId), dm_event_id: entry.id },
    });
  };

  app.post('/2/dm_conversations/with/:participant_id/messages', async (req, reply) => {
    const userId = xUser(ctx, req);
    return sendDm(userId, (req.params as { participant_id: string }).participant_id, req.body, reply);
  });

  app.post('/2/dm_conversations/:dm_conversation_id/messages', async (req, reply) => {
    const userId = xUser(ctx, req);
    const ids = (req.params as { dm_conversation_id: string }).dm_conversation_id.split('-');
    const other = ids.find((id) => id !== userId);
    if (ids.length !== 2 || !ids.includes(userId) || !other) {
      consume(ctx, reply, 'dm', userId);
      throw xProblem.notFound('Conversation not found');
    }
    return sendDm(userId, other, req.body, reply);
  });

  app.post('/2/tweets', async (req, reply) => {
    const userId = xUser(ctx, req);
    consume(ctx, reply, 'post', userId);
    const text = textOf(req.body, 280);
    const replyTo = (req.body as { reply?: { in_reply_to_tweet_id?: unknown } }).reply?.in_reply_to_tweet_id;
    if (replyTo !== undefined && typeof replyTo !== 'string')
      throw xProblem.invalid('reply.in_reply_to_tweet_id must be a string');
    const parent = replyTo ? ctx.store.tweet(replyTo) : undefined;
    if (replyTo && !parent)
      throw xProblem.forbidden('You attempted to reply to a Tweet that is deleted or not visible to you.');
    const account = findAccount('x', userId);
    if (!account) throw xProblem.unauthorized();
    const now = ctx.now();
    const tweet: TweetRecord = {
      id: snowflake(now),
      accountId: userId,
      authorId: userId,
      text,
      createdAt: now,
      ...(parent ? { inReplyTo: parent.id } : {}),
    };
    ctx.store.addTweet(tweet);
    const entry: ThreadEntry = {
      platform: 'x',
      accountId: userId,
      // A reply lands in the thread of whoever wrote the post it answers.
      customerId: parent && parent.authorId !== userId ? parent.authorId : '',
      id: tweet.id,
      direction: 'out',
      kind: 'comment_reply',
      text,
      at: now,
      status: 'sent',
      commentId: tweet.id,
      ...(parent ? { replyTo: parent.id, postId: parent.id } : {}),
    };
    ctx.store.append(entry);
    afterTweet(ctx, account, tweet);
    return reply.status(201).send({ data: { id: tweet.id, text, edit_history_tweet_ids: [tweet.id] } });
  });
}
