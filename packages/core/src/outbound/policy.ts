import type { OutboundRequest, Platform, PolicyReason } from '@replyforce/connectors';
import type { ContactRow, ConversationRow, MessageRow } from '@replyforce/db';

const HOUR = 3600_000;
const WINDOW_MS = 24 * HOUR;
const HUMAN_AGENT_MS = 7 * 24 * HOUR;

export type WindowState = {
  /** Inside the platform's 24-hour customer-service window. */
  open: boolean;
  /** Messenger / Instagram: a human-typed reply with the HUMAN_AGENT tag is still allowed (7 days). */
  humanAgentOpen: boolean;
  expiresAt: Date | null;
};

export function windowState(platform: Platform, lastInboundAt: Date | null, now: Date): WindowState {
  if (platform === 'x') return { open: true, humanAgentOpen: true, expiresAt: null };
  if (!lastInboundAt) return { open: false, humanAgentOpen: false, expiresAt: null };
  const age = now.getTime() - lastInboundAt.getTime();
  const hasHumanAgent = platform === 'facebook' || platform === 'instagram';
  return {
    open: age < WINDOW_MS,
    humanAgentOpen: hasHumanAgent && age < HUMAN_AGENT_MS,
    expiresAt: new Date(lastInboundAt.getTime() + WINDOW_MS),
  };
}

export type SendPlan =
  | { ok: true; request: OutboundRequest }
  | { ok: false; reason: PolicyReason | 'unsupported'; message: string };

type TemplateContext = { name: string; language: string; parameters: string[] };

/**
 * Platform policy, decided before any call (platform-contracts.md §2.3, §3.2, §4.4): Messenger
 * and Instagram answer freely for 24 hours after the customer's last message, then only a human
 * may answer, with the HUMAN_AGENT tag, up to 7 days; WhatsApp free text only inside the window,
 * otherwise an approved template; X has no window. The platforms enforce the same rules, so this
 * is about telling people early and clearly, not about trusting ourselves.
 */
export function planSend(
  platform: Platform,
  message: Pick<MessageRow, 'id' | 'context' | 'kind' | 'text' | 'sender'>,
  conversation: Pick<ConversationRow, 'lastInboundAt'>,
  contact: Pick<ContactRow, 'platformUserId'>,
  now: Date,
): SendPlan {
  const metadata = message.id;
  const ctx = message.context as { commentId?: string; template?: TemplateContext };
  switch (message.kind) {
    case 'template':
      if (platform !== 'whatsapp' || !ctx.template)
        return { ok: false, reason: 'unsupported', message: 'Templates exist on WhatsApp only' };
      return {
        ok: true,
        request: { kind: 'template', recipientId: contact.platformUserId, ...ctx.template, metadata },
      };
    case 'comment_reply':
      if (!ctx.commentId || platform === 'whatsapp')
        return { ok: false, reason: 'unsupported', message: 'There is no comment to reply to' };
      return { ok: true, request: { kind: 'comment_reply', commentId: ctx.commentId, text: message.text } };
    case 'private_reply':
      if (!ctx.commentId || (platform !== 'facebook' && platform !== 'instagram'))
        return {
          ok: false,
          reason: 'unsupported',
          message: 'Private replies exist on Facebook and Instagram only',
        };
      return {
        ok: true,
        request: { kind: 'private_reply', commentId: ctx.commentId, text: message.text, metadata },
      };
    default: {
      const window = windowState(platform, conversation.lastInboundAt, now);
      const dm = { kind: 'dm' as const, recipientId: contact.platformUserId, text: message.text, metadata };
      if (window.open) return { ok: true, request: dm };
      if (platform === 'whatsapp')
        return {
          ok: false,
          reason: 'template_required',
          message: 'The 24-hour window is closed: WhatsApp allows only an approved template',
        };
      if (message.sender === 'agent' && window.humanAgentOpen)
        return { ok: true, request: { ...dm, tag: 'HUMAN_AGENT' } };
      return {
        ok: false,
        reason: 'window_closed',
        message:
          message.sender === 'agent'
            ? 'More than 7 days since the customer last wrote: the platform allows no reply'
            : 'The 24-hour window is closed: only a person may answer (with the HUMAN_AGENT tag)',
      };
    }
  }
}
