/** X sends: DMs to a participant, and replies to mentions as reply posts. */
import { z } from 'zod';
import { ConnectorError } from '../../errors.ts';
import { readAnswer } from '../../http.ts';
import type { AccountRef, OutboundRequest, SendResult } from '../types.ts';
import type { XApi } from './x-api.ts';

const DmAnswer = z.looseObject({ data: z.looseObject({ dm_event_id: z.string() }) });
const TweetAnswer = z.looseObject({ data: z.looseObject({ id: z.string() }) });

export async function sendX(api: XApi, account: AccountRef, request: OutboundRequest): Promise<SendResult> {
  const token = account.credentials.accessToken;
  switch (request.kind) {
    case 'dm': {
      const body = await api({
        method: 'POST',
        path: ['2', 'dm_conversations', 'with', request.recipientId, 'messages'],
        token,
        json: { text: request.text },
        isDm: true,
      });
      return { platformMessageId: readAnswer(DmAnswer, body, 'X DM send').data.dm_event_id };
    }
    case 'comment_reply': {
      const body = await api({
        method: 'POST',
        path: ['2', 'tweets'],
        token,
        json: { text: request.text, reply: { in_reply_to_tweet_id: request.commentId } },
      });
      return { platformMessageId: readAnswer(TweetAnswer, body, 'X reply').data.id };
    }
    case 'private_reply':
    case 'template':
      throw new ConnectorError('permanent', `X does not support ${request.kind}`);
  }
}
