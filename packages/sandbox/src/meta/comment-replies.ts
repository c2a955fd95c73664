import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findAccount } from '../accounts.ts';
import { isSubscribed, type SandboxContext } from '../core/context.ts';
import { numericId } from '../ids.ts';
import type { CommentRecord, ThreadEntry } from '../types.ts';
import { graphError } from './errors.ts';
import { changeEnvelope, feedCommentValue, seconds } from './payloads.ts';
import { authenticate, covers, findObject, graphParams, stringParam } from './request.ts';

/** Public replies: Facebook POST /{COMMENT_ID}/comments and Instagram POST /{IG_COMMENT_ID}/replies. */
export function registerCommentReplies(app: FastifyInstance, ctx: SandboxContext): void {
  const reply = (platform: 'facebook' | 'instagram') => async (req: FastifyRequest) => {
    const { id } = req.params as { id: string };
    const claims = authenticate(ctx, req);
    const obj = findObject(ctx, id);
    if (
      obj?.type !== 'comment' ||
      obj.comment.platform !== platform ||
      !covers(claims, platform, obj.comment.accountId)
    )
      throw graphError.unknownObject(id, 'post');
    const message = stringParam(graphParams(req).message);
    if (!message) throw graphError.param('The parameter message is required');
    const parent = obj.comment;
    const now = ctx.now();
    const localPost = parent.postId.split('_')[1] ?? parent.postId;
    const comment: CommentRecord = {
      id: platform === 'facebook' ? `${localPost}_${numericId(16)}` : numericId(17),
      platform,
      accountId: parent.accountId,
      authorId: parent.accountId,
      postId: parent.postId,
      parentId: parent.id,
      text: message,
      createdAt: now,
    };
    ctx.store.addComment(comment);
    if (parent.authorId !== parent.accountId) {
      const entry: ThreadEntry = {
        platform,
        accountId: parent.accountId,
        customerId: parent.authorId,
        id: comment.id,
        direction: 'out',
        kind: 'comment_reply',
        text: message,
        at: now,
        status: 'sent',
        commentId: comment.id,
        postId: comment.postId,
        replyTo: parent.id,
      };
      ctx.store.append(entry);
    }
    // A Page's own comment shows up in its feed webhook too (receivers skip from.id == PAGE_ID).
    const page = findAccount('facebook', parent.accountId);
    if (platform === 'facebook' && page && isSubscribed(ctx, 'facebook', page.accountId, 'feed')) {
      const value = feedCommentValue(page, comment, { id: page.accountId, name: page.name });
      void ctx.dispatcher.deliver(
        'facebook',
        changeEnvelope('page', page.accountId, seconds(now), 'feed', value),
      );
    }
    return { id: comment.id };
  };

  app.post('/:v/:id/comments', reply('facebook'));
  app.post('/:v/:id/replies', reply('instagram'));
}
