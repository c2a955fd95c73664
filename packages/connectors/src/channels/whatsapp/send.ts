/** WhatsApp Cloud API sends: free text inside the 24 h window, approved templates outside it. */
import { z } from 'zod';
import { ConnectorError } from '../../errors.ts';
import { readAnswer } from '../../http.ts';
import type { Graph } from '../meta-graph.ts';
import type { AccountRef, OutboundRequest, SendResult } from '../types.ts';

const SendAnswer = z.looseObject({ messages: z.array(z.looseObject({ id: z.string() })).min(1) });

export async function sendWhatsapp(
  graph: Graph,
  account: AccountRef,
  request: OutboundRequest,
): Promise<SendResult> {
  if (request.kind === 'comment_reply' || request.kind === 'private_reply') {
    throw new ConnectorError('permanent', `WhatsApp has no comments (${request.kind})`);
  }
  const common = {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: request.recipientId,
    // Echoed in status webhooks, so a receipt can name our own message.
    ...(request.metadata !== undefined ? { biz_opaque_callback_data: request.metadata } : {}),
  };
  const json =
    request.kind === 'dm'
      ? {
          ...common,
          type: 'text',
          text: { preview_url: false, body: request.text },
          ...(request.replyToPlatformId ? { context: { message_id: request.replyToPlatformId } } : {}),
        }
      : {
          ...common,
          type: 'template',
          template: {
            name: request.name,
            language: { code: request.language },
            // A template without variables takes no body component.
            ...(request.parameters.length > 0
              ? {
                  components: [
                    { type: 'body', parameters: request.parameters.map((text) => ({ type: 'text', text })) },
                  ],
                }
              : {}),
          },
        };
  const body = await graph({
    method: 'POST',
    path: [account.accountId, 'messages'],
    token: account.credentials.accessToken,
    json,
  });
  const id = readAnswer(SendAnswer, body, 'Graph WhatsApp send').messages[0]?.id;
  if (!id) throw new ConnectorError('permanent', 'Graph WhatsApp send: no message id');
  return { platformMessageId: id };
}
