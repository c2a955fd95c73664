/**
 * What Facebook Pages and Instagram accounts share: both act through a Page token, send through
 * the Messenger Send API and are subscribed, checked and disconnected through their Page.
 */
import { z } from 'zod';
import { ConnectorError } from '../errors.ts';
import { readAnswer } from '../http.ts';
import { ignoreGone } from './ignore-gone.ts';
import type { Graph } from './meta-graph.ts';
import type { AccountRef, OutboundRequest, Platform, SendResult } from './types.ts';

const SendAnswer = z.looseObject({ message_id: z.string() });
const CommentAnswer = z.looseObject({ id: z.string() });
const SuccessAnswer = z.looseObject({ success: z.literal(true) });

export async function subscribePage(
  graph: Graph,
  pageId: string,
  token: string,
  fields: string[],
): Promise<void> {
  const body = await graph({
    method: 'POST',
    path: [pageId, 'subscribed_apps'],
    token,
    query: { subscribed_fields: fields.join(',') },
  });
  readAnswer(SuccessAnswer, body, 'Graph subscribed_apps');
}

/** Unsubscribes the app from `objectId` (Page or WABA), then drops the app's permissions. */
export async function unsubscribeAndRevoke(graph: Graph, objectId: string, token: string): Promise<void> {
  await ignoreGone(graph({ method: 'DELETE', path: [objectId, 'subscribed_apps'], token }));
  await ignoreGone(graph({ method: 'DELETE', path: ['me', 'permissions'], token }));
}

export async function checkPageToken(graph: Graph, token: string): Promise<void> {
  await graph({ method: 'GET', path: ['me'], token, query: { fields: 'id' } });
}

/**
 * Send API for a Page or an Instagram account. `messaging_type` RESPONSE inside the 24 h window;
 * an agent-typed reply after it needs MESSAGE_TAG + HUMAN_AGENT.
 */
export async function sendFromPage(
  graph: Graph,
  platform: Extract<Platform, 'facebook' | 'instagram'>,
  account: AccountRef,
  request: OutboundRequest,
): Promise<SendResult> {
  const token = account.credentials.accessToken;
  const label = `Graph ${platform} send`;
  switch (request.kind) {
    case 'dm': {
      const body = await graph({
        method: 'POST',
        path: [account.accountId, 'messages'],
        token,
        json: {
          recipient: { id: request.recipientId },
          ...(request.tag
            ? { messaging_type: 'MESSAGE_TAG', tag: request.tag }
            : { messaging_type: 'RESPONSE' }),
          message: messageBody(request.text, request.metadata),
        },
      });
      return { platformMessageId: readAnswer(SendAnswer, body, label).message_id };
    }
    case 'private_reply': {
      const body = await graph({
        method: 'POST',
        path: [account.accountId, 'messages'],
        token,
        json: {
          recipient: { comment_id: request.commentId },
          message: messageBody(request.text, request.metadata),
        },
      });
      return { platformMessageId: readAnswer(SendAnswer, body, label).message_id };
    }
    case 'comment_reply': {
      // Facebook replies under a comment with /comments, Instagram with /replies.
      const edge = platform === 'facebook' ? 'comments' : 'replies';
      const body = await graph({
        method: 'POST',
        path: [request.commentId, edge],
        token,
        json: { message: request.text },
      });
      return { platformMessageId: readAnswer(CommentAnswer, body, label).id };
    }
    case 'template':
      throw new ConnectorError('permanent', `${platform} has no message templates`);
  }
}

function messageBody(text: string, metadata: string | undefined) {
  return { text, ...(metadata !== undefined ? { metadata } : {}) };
}
